//! Helpers every subcommand uses: the rule set, roles, colour, the output stream.

use super::{ColorChoice, CommonArgs, FailOn};
use anyhow::Context;
use callscore::report::RuleInfo;
use callscore::rules::{RuleSet, Severity};
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
pub fn open_output(common: &CommonArgs) -> anyhow::Result<Box<dyn Write + Send>> {
    Ok(match &common.output {
        // Not `stdout().lock()`: the lock cannot move to the worker that writes.
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create the output file", path.display()))?,
        )),
    })
}

/// `--fail-on` as a severity.
pub fn fail_on_severity(f: FailOn) -> Severity {
    match f {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    }
}

/// `-j N`, or every core.
pub fn threads(common: &CommonArgs) -> anyhow::Result<usize> {
    match common.jobs {
        Some(0) => anyhow::bail!("--jobs must be at least 1"),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

/// `--shard K/N`: 1-based slice K of N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    pub fn parse(text: &str) -> anyhow::Result<Shard> {
        let usage =
            || anyhow::anyhow!("--shard '{text}' is not K/N with 1 <= K <= N (e.g. --shard 2/8)");
        let (k, n) = text.split_once('/').ok_or_else(usage)?;
        let index: usize = k.trim().parse().map_err(|_| usage())?;
        let count: usize = n.trim().parse().map_err(|_| usage())?;
        if index == 0 || count == 0 || index > count {
            return Err(usage());
        }
        Ok(Shard { index, count })
    }

    /// This shard's contiguous slice of `items`. The N slices, in order, are the whole list, so
    /// shard outputs concatenated in K order read like one unsharded run.
    pub fn slice<T>(&self, items: Vec<T>) -> Vec<T> {
        let len = items.len();
        let (start, end) = (
            len * (self.index - 1) / self.count,
            len * self.index / self.count,
        );
        items.into_iter().skip(start).take(end - start).collect()
    }
}

/// The enabled rules as reports describe them, in rule-set order.
pub fn rule_catalog(ruleset: &RuleSet) -> Vec<RuleInfo> {
    ruleset
        .rules
        .iter()
        .filter(|r| r.settings.enabled)
        .map(|r| RuleInfo {
            id: r.doc.id.clone(),
            severity: r.settings.severity,
            summary: r.doc.summary.clone(),
            description: r.doc.flags.clone(),
            help: format!("{} Instead: {}", r.doc.why, r.doc.instead),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Shard;

    #[test]
    fn shard_parse_validates() {
        assert_eq!(Shard::parse("2/8").unwrap(), Shard { index: 2, count: 8 });
        for bad in ["3/2", "0/2", "1/0", "2", "a/b", "1/2/3"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn shards_partition_the_list_in_order() {
        let items: Vec<usize> = (0..10).collect();
        let mut joined = Vec::new();
        for k in 1..=3 {
            let part = Shard { index: k, count: 3 }.slice(items.clone());
            assert!((3..=4).contains(&part.len()));
            joined.extend(part);
        }
        assert_eq!(joined, items);
        assert!(Shard { index: 4, count: 4 }.slice(vec![1, 2]).len() <= 1);
    }
}
