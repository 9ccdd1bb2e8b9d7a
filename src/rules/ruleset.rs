//! The rule file (TOML): role cues, analysis phrase lists, and each rule's settings.

use crate::analysis::{AnalysisConfig, Lexicon};
use crate::transcript::RoleCues;
use serde::Deserialize;

/// The default rule set, compiled into the binary.
pub const DEFAULT_TOML: &str = include_str!("../../rules/default.toml");

/// A rule file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub name: Option<String>,
    pub extends: Option<String>,
    #[serde(default)]
    pub roles: RoleCues,
    #[serde(default)]
    pub analysis: AnalysisConfig,
    #[serde(default)]
    pub rules: toml::Table,
}

/// A loaded, compiled rule set, ready to run.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub name: String,
    pub roles: RoleCues,
    pub lexicon: Lexicon,
}

impl RuleSet {
    /// The built-in rule set.
    pub fn default_set() -> RuleSet {
        RuleSet::from_toml(DEFAULT_TOML, "default")
            .expect("the built-in rules/default.toml is valid")
    }

    /// Parses and compiles a rule file; `origin` names it in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<RuleSet, String> {
        let file: RuleFile = toml::from_str(text).map_err(|e| format!("{origin}: {e}"))?;
        let lexicon = Lexicon::compile(&file.analysis).map_err(|e| format!("{origin}: {e}"))?;
        // Compile the role cues once here, so every call reuses them.
        file.roles.compile().map_err(|e| format!("{origin}: {e}"))?;
        Ok(RuleSet {
            name: file.name.unwrap_or_else(|| "default".to_string()),
            roles: file.roles,
            lexicon,
        })
    }
}
