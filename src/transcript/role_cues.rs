//! The `[roles]` table of the rule set: speaker-name patterns and content cues, as written
//! in the rule file and compiled once per rule set (not per call).

pub use super::cue_set::CueSet;
use super::model::Role;
use serde::Deserialize;
use std::sync::{Arc, OnceLock};

/// The `[roles]` table of the rule set: name patterns and content cues.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleCues {
    /// Case-insensitive regexes over the speaker name that mark a rep.
    #[serde(default)]
    pub rep_names: Vec<String>,
    /// Case-insensitive regexes over the speaker name that mark a prospect.
    #[serde(default)]
    pub prospect_names: Vec<String>,
    /// How many of each speaker's first utterances the content cues read.
    #[serde(default)]
    pub content_window: Option<usize>,
    /// How far apart two speakers' content scores must be for content to decide.
    #[serde(default)]
    pub content_margin: Option<i32>,
    /// Phrases that show which side a speaker is on.
    #[serde(default)]
    pub cues: Vec<ContentCue>,
    #[serde(skip)]
    compiled: OnceLock<Arc<CompiledCues>>,
}

/// One kind of evidence: regexes over the lower-cased utterance, worth `weight` for `role`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentCue {
    /// What the cue shows, for people reading the rule file.
    pub what: String,
    pub role: String,
    #[serde(default = "one")]
    pub weight: i32,
    pub patterns: Vec<String>,
}

fn one() -> i32 {
    1
}

/// The compiled form: regex sets and each content pattern's signed weight (+rep, -prospect).
#[derive(Debug)]
pub struct CompiledCues {
    pub rep_names: CueSet,
    pub prospect_names: CueSet,
    pub content: CueSet,
    pub weights: Vec<i32>,
    pub window: usize,
    pub margin: i32,
}

impl RoleCues {
    /// Compiles the patterns (once; later calls are free). Errors name the bad pattern.
    pub fn compile(&self) -> Result<Arc<CompiledCues>, CueError> {
        if let Some(c) = self.compiled.get() {
            return Ok(c.clone());
        }
        let compiled = Arc::new(self.build(Checked::Yes)?);
        Ok(self.compiled.get_or_init(|| compiled).clone())
    }

    /// `compile` for cues known to be valid (the built-in rules, which a test compiles): the
    /// Unicode engines, which `compile` builds to check the patterns and ASCII texts do not
    /// need, wait for the first text that is not ASCII. Panics if the cues are not valid.
    pub fn compile_known_valid(&self) {
        if self.compiled.get().is_none() {
            let compiled = self.build(Checked::No).expect("known-valid role cues");
            let _ = self.compiled.set(Arc::new(compiled));
        }
    }

    /// The compiled cues; a rule set built without `compile` falls back to names only.
    pub fn compiled(&self) -> Arc<CompiledCues> {
        self.compile().unwrap_or_else(|_| {
            Arc::new(CompiledCues {
                rep_names: CueSet::empty(),
                prospect_names: CueSet::empty(),
                content: CueSet::empty(),
                weights: Vec::new(),
                window: 0,
                margin: i32::MAX,
            })
        })
    }

    fn build(&self, checked: Checked) -> Result<CompiledCues, CueError> {
        let mut patterns = Vec::new();
        let mut weights = Vec::new();
        for cue in &self.cues {
            let sign = match Role::parse_loose(&cue.role) {
                Some(Role::Rep) => 1,
                Some(Role::Prospect) => -1,
                _ => {
                    return Err(CueError {
                        near: format!("'{}'", cue.role),
                        message: format!(
                            "[roles] cue '{}': role must be rep or prospect, not '{}'",
                            cue.what, cue.role
                        ),
                    });
                }
            };
            for p in &cue.patterns {
                patterns.push(p.as_str());
                weights.push(sign * cue.weight);
            }
        }
        Ok(CompiledCues {
            rep_names: set(&self.rep_names, "rep_names", checked)?,
            prospect_names: set(&self.prospect_names, "prospect_names", checked)?,
            content: set(&patterns, "cues", checked)?,
            weights,
            window: self.content_window.unwrap_or(10),
            margin: self.content_margin.unwrap_or(2).max(1),
        })
    }
}

/// A `[roles]` value that cannot be compiled: the message, and text near it in the rule file
/// (so the error can name the line).
#[derive(Debug, Clone, PartialEq)]
pub struct CueError {
    pub near: String,
    pub message: String,
}

impl std::fmt::Display for CueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Whether a set's patterns must be proved valid as it is built.
#[derive(Clone, Copy)]
enum Checked {
    Yes,
    No,
}

fn set<S: AsRef<str>>(patterns: &[S], field: &str, checked: Checked) -> Result<CueSet, CueError> {
    if let Checked::No = checked {
        return Ok(CueSet::known_valid(patterns));
    }
    CueSet::new(patterns).map_err(|()| {
        // Build each pattern with the regex crate only to name the bad one and word the reason
        // the way users know it.
        let bad = patterns.iter().map(AsRef::as_ref).find_map(|p| {
            let e = regex::RegexBuilder::new(p).case_insensitive(true).build().err()?;
            Some((p, e.to_string()))
        });
        match bad {
            Some((p, e)) => {
                // The regex error draws a caret under the pattern; its last line is the reason.
                let reason = e.lines().last().unwrap_or_default();
                let reason = reason.trim_start_matches("error: ");
                CueError {
                    near: p.to_string(),
                    message: format!(
                        "[roles] {field}: '{p}' is not a valid regular expression: {reason}; fix or remove it"
                    ),
                }
            }
            None => CueError {
                near: field.to_string(),
                message: format!(
                    "[roles] {field}: the patterns are too large to compile together; use fewer or simpler ones"
                ),
            },
        }
    })
}

impl CompiledCues {
    /// The role a speaker's name states, if exactly one side's patterns match.
    pub fn role_by_name(&self, name: &str) -> Option<Role> {
        match (
            self.rep_names.is_match(name),
            self.prospect_names.is_match(name),
        ) {
            (true, false) => Some(Role::Rep),
            (false, true) => Some(Role::Prospect),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::ruleset::{DEFAULT_TOML, RuleFile};

    /// `RuleSet::default_set` compiles the built-in cues as known to be valid: they are.
    #[test]
    fn the_built_in_cues_compile_with_their_checks() {
        let file: RuleFile = toml::from_str(DEFAULT_TOML).unwrap();
        assert!(file.roles.compile().is_ok());
    }
}
