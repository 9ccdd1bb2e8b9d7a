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
///
/// Two builds of the same patterns: one with ASCII classes for ASCII text (nearly every
/// utterance and name), and one with Unicode classes for other text, built the first time such
/// text comes. On ASCII text they match alike: `\w`, `\b`, `\d`, `\s` and case folding differ
/// only on non-ASCII characters. The Unicode classes (`\w` above all) made the build cost 20
/// million instructions at every start-up, and the DFA states built while matching cost more.
#[derive(Debug)]
pub struct CueSet {
    patterns: Vec<String>,
    /// `None` when the patterns need Unicode mode to compile: `\p{L}`, or `.` and negated
    /// classes, which in ASCII mode could match part of a character.
    ascii: Option<meta::Regex>,
    unicode: OnceLock<meta::Regex>,
}

impl CueSet {
    fn new<S: AsRef<str>>(patterns: &[S]) -> Result<CueSet, ()> {
        let patterns: Vec<String> = patterns.iter().map(|p| p.as_ref().to_string()).collect();
        let ascii = build(&patterns, Classes::Ascii, SIZE_LIMIT).ok();
        let unicode = OnceLock::new();
        // Unicode mode differs only in what classes and case folding hold, so patterns that
        // build in ASCII mode build in it too; the others are built now, so that a bad one is
        // reported at once.
        if ascii.is_none() {
            let _ = unicode.set(build(&patterns, Classes::Unicode, SIZE_LIMIT)?);
        }
        Ok(CueSet {
            patterns,
            ascii,
            unicode,
        })
    }

    fn empty() -> CueSet {
        CueSet::new::<&str>(&[]).expect("an empty set builds")
    }

    /// The build that reads `text`.
    fn regex_for(&self, text: &str) -> &meta::Regex {
        match &self.ascii {
            Some(ascii) if text.is_ascii() => ascii,
            _ => self.unicode.get_or_init(|| {
                // No size limit here: it is for rule files, and the ASCII build applied it.
                build(&self.patterns, Classes::Unicode, None)
                    .expect("patterns built in ASCII mode build in Unicode mode")
            }),
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex_for(text).is_match(text)
    }

    /// The indexes of the patterns that match somewhere in `text`, ascending.
    pub fn matches(&self, text: &str) -> impl Iterator<Item = usize> {
        let regex = self.regex_for(text);
        let mut found = PatternSet::new(regex.pattern_len());
        regex.which_overlapping_matches(&Input::new(text), &mut found);
        (0..found.capacity()).filter(move |&i| found.contains(PatternID::must(i)))
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Classes {
    Ascii,
    Unicode,
}

/// The regex crate's limit on the compiled size of a rule file's patterns.
const SIZE_LIMIT: Option<usize> = Some(10 * (1 << 20));

fn build(
    patterns: &[String],
    classes: Classes,
    size_limit: Option<usize>,
) -> Result<meta::Regex, ()> {
    let syntax = syntax::Config::new()
        .case_insensitive(true)
        .unicode(classes == Classes::Unicode)
        .utf8(true);
    let config = meta::Config::new()
        .nfa_size_limit(size_limit)
        .hybrid_cache_capacity(2 * (1 << 20))
        .match_kind(MatchKind::All)
        .utf8_empty(true)
        .which_captures(WhichCaptures::None)
        .auto_prefilter(false);
    meta::Builder::new()
        .configure(config)
        .syntax(syntax)
        .build_many(patterns)
        .map_err(|_| ())
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

    /// Checks that `CueSet` finds in each text what the regex crate's `RegexSet` finds,
    /// case-insensitive: the behaviour it keeps.
    fn assert_matches_as_the_regex_crate(patterns: &[&str], texts: &[String]) -> CueSet {
        let set = CueSet::new(patterns).expect("valid patterns");
        let regex_set = regex::RegexSetBuilder::new(patterns)
            .case_insensitive(true)
            .build()
            .expect("valid patterns");
        for text in texts {
            let want: Vec<usize> = regex_set.matches(text).into_iter().collect();
            assert_eq!(set.matches(text).collect::<Vec<_>>(), want, "{text:?}");
            assert_eq!(set.is_match(text), !want.is_empty(), "{text:?}");
        }
        set
    }

    /// Texts made of pieces that the patterns below match or nearly match, ASCII or not.
    fn texts() -> Vec<String> {
        let pieces = [
            "thanks for calling",
            "Thank you for calling",
            " ",
            ", ",
            "ZOË",
            "Zoe",
            " here ",
            "from",
            "with",
            " acme",
            " Ünicorn",
            "40",
            "٤٠",
            " users",
            " seats",
            "café",
            "cafe",
            "STRASSE",
            "straße",
            "ſtraße",
            "\u{a0}",
            "  ",
            "\u{2019}",
            "x",
            "yz",
        ];
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut texts = vec![String::new()];
        for _ in 0..2_000 {
            let mut t = String::new();
            for _ in 0..6 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                t.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            texts.push(t);
        }
        texts
    }

    #[test]
    fn ascii_text_and_other_text_match_as_the_regex_crate_finds() {
        let patterns = [
            r"\bthanks? (you )?for calling\b",
            r"^\w+ here (from|with) [a-z0-9]",
            r"\b\d+ (users|seats)\b",
            r"\bcaf\w\b",
            r"straße",
            r"\s{2}",
        ];
        let set = assert_matches_as_the_regex_crate(&patterns, &texts());
        assert!(set.ascii.is_some());
    }

    #[test]
    fn patterns_that_need_unicode_mode_are_built_in_it_at_once() {
        let patterns = [r"\p{L}+ here", r"[^x]yz", r"from.acme"];
        let set = CueSet::new(&patterns).expect("valid patterns");
        assert!(set.ascii.is_none() && set.unicode.get().is_some());
        assert_matches_as_the_regex_crate(&patterns, &texts());
    }

    #[test]
    fn bad_patterns_are_refused_when_the_set_is_built() {
        assert!(CueSet::new(&["(unclosed"]).is_err());
        assert!(CueSet::new(&[r"\p{NoSuchClass}"]).is_err());
        assert!(CueSet::new(&[r"(?-u:\xFF)"]).is_err());
    }
}
