//! Reading rule files: the typed `[rules]` tables, `extends = "default"` merging, and errors
//! that name the file and line.

use super::Severity;
use std::fmt;

/// A rule file that cannot be used, with the place to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleFileError {
    /// The file (or "default" for the built-in set).
    pub origin: String,
    pub line: Option<usize>,
    pub message: String,
}

impl RuleFileError {
    pub fn new(origin: &str, line: Option<usize>, message: impl Into<String>) -> RuleFileError {
        RuleFileError {
            origin: origin.to_string(),
            line,
            message: message.into(),
        }
    }

    /// Wraps a toml error, turning its byte span in `text` into a line number.
    pub fn from_toml(origin: &str, text: &str, e: &toml::de::Error) -> RuleFileError {
        let line = e.span().map(|s| line_at(text, s.start));
        let message = e.message().trim();
        // In [rules], an unknown key is a rule id: say so.
        let message = match message.strip_prefix("unknown field") {
            Some(rest) if message.contains("`custom`") => format!("unknown rule id{rest}"),
            _ => message.to_string(),
        };
        RuleFileError::new(origin, line, message)
    }
}

impl fmt::Display for RuleFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}: line {}: {}", self.origin, line, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for RuleFileError {}

/// 1-based line of a byte offset.
pub fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The first line of `text` that contains `needle` (used to place errors found after parsing,
/// such as a regex that does not compile).
pub fn line_of(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}

/// Lays `top` over `base`: tables merge key by key, every other value replaces.
pub fn overlay(base: &mut toml::Table, top: toml::Table) {
    for (key, value) in top {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(t)) => overlay(b, t),
            (_, v) => {
                base.insert(key, v);
            }
        }
    }
}

/// Declares a rule's table: the settings every rule has, plus its own options. Every field is
/// optional so that a user file may set only what it changes; `deny_unknown_fields` turns a
/// typo into an error with a line number.
macro_rules! rule_table {
    ($(#[$doc:meta])* $name:ident { $($(#[$m:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            pub enabled: Option<bool>,
            pub severity: Option<$crate::rules::Severity>,
            pub penalty: Option<u32>,
            pub max_penalty: Option<u32>,
            $($(#[$m])* pub $field: Option<$ty>,)*
        }

        impl $name {
            pub fn settings(&self, id: &str) -> Result<$crate::rules::config::Settings, String> {
                $crate::rules::config::Settings::resolve(
                    id, self.enabled, self.severity, self.penalty, self.max_penalty,
                )
            }
        }
    };
}
pub(crate) use rule_table;

/// What every rule has, resolved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    pub enabled: bool,
    pub severity: Severity,
    pub penalty: u32,
    pub max_penalty: u32,
}

impl Settings {
    pub fn resolve(
        id: &str,
        enabled: Option<bool>,
        severity: Option<Severity>,
        penalty: Option<u32>,
        max_penalty: Option<u32>,
    ) -> Result<Settings, String> {
        Ok(Settings {
            enabled: enabled.unwrap_or(true),
            severity: require(severity, id, "severity")?,
            penalty: require(penalty, id, "penalty")?,
            max_penalty: require(max_penalty, id, "max_penalty")?,
        })
    }
}

/// A value a rule needs; a stand-alone rule file (no `extends`) must give it.
pub fn require<T>(value: Option<T>, id: &str, key: &str) -> Result<T, String> {
    value.ok_or_else(|| {
        if id.starts_with("custom.") {
            // Custom rules have no defaults to inherit.
            format!("[rules.{id}] has no `{key}`; a custom rule must set it")
        } else {
            format!(
                "[rules.{id}] has no `{key}`; set it, or add `extends = \"default\"` at the top \
                 to inherit the default"
            )
        }
    })
}

/// A TOML value as a user would write it, for `callscore rules ID`.
pub fn show_value(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("{s:?}"),
        toml::Value::Array(items) => {
            let shown: Vec<String> = items.iter().map(show_value).collect();
            format!("[{}]", shown.join(", "))
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlay_merges_tables_and_replaces_values() {
        let mut base: toml::Table = toml::from_str("a = 1\n[t]\nx = 1\ny = [1]\n").unwrap();
        let top: toml::Table = toml::from_str("[t]\ny = [2, 3]\nz = true\n").unwrap();
        overlay(&mut base, top);
        assert_eq!(base["a"].as_integer(), Some(1));
        assert_eq!(base["t"]["x"].as_integer(), Some(1));
        assert_eq!(base["t"]["y"].as_array().unwrap().len(), 2);
        assert_eq!(base["t"]["z"].as_bool(), Some(true));
    }

    #[test]
    fn lines_are_one_based() {
        let text = "a\nb\nc";
        assert_eq!(line_at(text, 0), 1);
        assert_eq!(line_at(text, 2), 2);
        assert_eq!(line_of(text, "c"), Some(3));
    }
}
