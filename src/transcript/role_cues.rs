//! The `[roles]` table of the rule set: speaker-name patterns and content cues, as written
//! in the rule file and compiled once per rule set (not per call).

use super::model::Role;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, PatternID, PatternSet, meta, nfa::thompson::WhichCaptures};
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
        let compiled = Arc::new(self.build()?);
        Ok(self.compiled.get_or_init(|| compiled).clone())
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

    fn build(&self) -> Result<CompiledCues, CueError> {
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
            rep_names: set(&self.rep_names, "rep_names")?,
            prospect_names: set(&self.prospect_names, "prospect_names")?,
            content: set(&patterns, "cues")?,
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

fn set<S: AsRef<str>>(patterns: &[S], field: &str) -> Result<CueSet, CueError> {
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

/// Case-insensitive regexes matched in one pass: `regex::RegexSet` as the regex crate builds it
/// (same syntax, limits and matches), less its literal prefilter. Looking for literal prefixes
/// in the case-insensitive cue alternations cost 14 million instructions at every start-up.
#[derive(Debug)]
pub struct CueSet(meta::Regex);

impl CueSet {
    fn new<S: AsRef<str>>(patterns: &[S]) -> Result<CueSet, ()> {
        let config = meta::Config::new()
            .nfa_size_limit(Some(10 * (1 << 20)))
            .hybrid_cache_capacity(2 * (1 << 20))
            .match_kind(MatchKind::All)
            .utf8_empty(true)
            .which_captures(WhichCaptures::None)
            .auto_prefilter(false);
        meta::Builder::new()
            .configure(config)
            .syntax(syntax::Config::new().case_insensitive(true).utf8(true))
            .build_many(patterns)
            .map(CueSet)
            .map_err(|_| ())
    }

    fn empty() -> CueSet {
        CueSet::new::<&str>(&[]).expect("an empty set builds")
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }

    /// The indexes of the patterns that match somewhere in `text`, ascending.
    pub fn matches(&self, text: &str) -> impl Iterator<Item = usize> {
        let mut found = PatternSet::new(self.0.pattern_len());
        // Most texts hold no cue. Ruling them out with a search that stops at the first match
        // (sharing the lazy DFA) costs about half of the overlapping search's walk to the end.
        if self.0.is_match(text) {
            self.0
                .which_overlapping_matches(&Input::new(text), &mut found);
        }
        (0..found.capacity()).filter(move |&i| found.contains(PatternID::must(i)))
    }
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
    use super::*;

    /// Every pattern of the set, found by the overlapping search alone.
    fn overlapping(set: &CueSet, text: &str) -> Vec<usize> {
        let mut found = PatternSet::new(set.0.pattern_len());
        set.0
            .which_overlapping_matches(&Input::new(text), &mut found);
        found.iter().map(|p| p.as_usize()).collect()
    }

    #[test]
    fn matches_finds_what_the_overlapping_search_alone_finds() {
        let rules = crate::rules::RuleSet::default_set();
        let cues = rules.roles.compiled();
        let pieces = [
            "Hi, this is Sam from Acme.",
            "I'm calling because our platform helps.",
            "What does it cost?",
            "We currently use NetSuite and our budget is tight.",
            "Okay.",
            "Thanks for calling, how can I help?",
            "caf\u{e9} \u{212A}",
            "",
        ];
        for a in pieces {
            for b in pieces {
                let text = format!("{a} {b}");
                let found: Vec<usize> = cues.content.matches(&text).collect();
                assert_eq!(found, overlapping(&cues.content, &text), "{text}");
            }
        }
    }
}
