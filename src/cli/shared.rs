//! Helpers every subcommand uses: the rule set, roles, colour, the output stream.

use super::{ColorChoice, CommonArgs};
use anyhow::Context;
use callscore::rules::RuleSet;
use callscore::transcript::{Format, RoleOverrides};
use std::io::{IsTerminal, Write};

/// The rule set from `--rules FILE`, or the built-in one.
pub fn load_ruleset(common: &CommonArgs) -> anyhow::Result<RuleSet> {
    match &common.rules {
        None => Ok(RuleSet::default_set()),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read the rule file", path.display()))?;
            RuleSet::from_toml(&text, &path.display().to_string()).map_err(anyhow::Error::msg)
        }
    }
}

pub fn role_overrides(common: &CommonArgs) -> RoleOverrides {
    RoleOverrides {
        rep: common.rep.clone(),
        prospect: common.prospect.clone(),
    }
}

pub fn input_format(common: &CommonArgs) -> anyhow::Result<Option<Format>> {
    match common.input_format.as_deref() {
        None => Ok(None),
        Some(name) => Format::parse(name).map(Some).with_context(|| {
            let known: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
            format!(
                "unknown --input-format '{name}'; use one of: {}",
                known.join(", ")
            )
        }),
    }
}

/// Whether to colour output written to standard output.
pub fn use_color(common: &CommonArgs) -> bool {
    match common.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            common.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    }
}

/// Standard output, or the `-o FILE`, buffered.
pub fn open_output(common: &CommonArgs) -> anyhow::Result<Box<dyn Write>> {
    Ok(match &common.output {
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create the output file", path.display()))?,
        )),
    })
}
