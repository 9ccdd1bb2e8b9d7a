//! The regex sets of the `[roles]` table: case-insensitive patterns matched in one pass.
//!
//! Transcripts are nearly always ASCII, and on ASCII text a pattern matches exactly where its
//! ASCII part does: `\w` is `[0-9A-Za-z_]` there, `\b` sees the same word characters, and
//! `(?i)k` cannot meet the Kelvin sign. So each set is built twice: from the patterns cut
//! down to ASCII, at once, and from the patterns as written, on the first text that is not
//! ASCII. The Unicode classes took 21 of the 34 million instructions the cues cost at start-up,
//! and made the lazy DFA's states slower to build.

use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, PatternID, PatternSet, meta, nfa::thompson::WhichCaptures};
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind,
    Look, Repetition,
};
use std::sync::OnceLock;

/// Case-insensitive regexes matched in one pass: `regex::RegexSet` as the regex crate builds it
/// (same syntax, limits and matches), less its literal prefilter. Looking for literal prefixes
/// in the case-insensitive cue alternations cost 14 million instructions at every start-up.
#[derive(Debug)]
pub struct CueSet {
    /// The patterns restricted to ASCII: the same matches on ASCII text.
    ascii: meta::Regex,
    /// The patterns as written, for building `unicode`.
    hirs: Vec<Hir>,
    unicode: OnceLock<meta::Regex>,
}

impl CueSet {
    /// Errors when a pattern is not a valid regex or the set is too large to compile.
    pub(crate) fn new<S: AsRef<str>>(patterns: &[S]) -> Result<CueSet, ()> {
        let syntax = syntax::Config::new().case_insensitive(true).utf8(true);
        let hirs = syntax::parse_many_with(patterns, &syntax).map_err(|_| ())?;
        let ascii: Vec<Hir> = hirs.iter().map(ascii_only).collect();
        let ascii = meta::Builder::new()
            .configure(config())
            .build_many_from_hir(&ascii)
            .map_err(|_| ())?;
        Ok(CueSet {
            ascii,
            hirs,
            unicode: OnceLock::new(),
        })
    }

    pub(crate) fn empty() -> CueSet {
        CueSet::new::<&str>(&[]).expect("an empty set builds")
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

    fn regex_for(&self, text: &str) -> &meta::Regex {
        if text.is_ascii() {
            &self.ascii
        } else {
            self.unicode()
        }
    }

    /// The patterns as written. Their ASCII form passed the size limit at load; this form is
    /// built without one so that a text can never make a loaded rule set fail.
    fn unicode(&self) -> &meta::Regex {
        self.unicode.get_or_init(|| {
            meta::Builder::new()
                .configure(config().nfa_size_limit(None))
                .build_many_from_hir(&self.hirs)
                .expect("patterns that parsed build without a size limit")
        })
    }
}

fn config() -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
        .match_kind(MatchKind::All)
        .utf8_empty(true)
        .which_captures(WhichCaptures::None)
        .auto_prefilter(false)
}

/// `hir` as it matches ASCII text: classes cut to their ASCII members, literals with other
/// characters never match, Unicode word boundaries become ASCII ones (the same on ASCII).
fn ascii_only(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(literal) if literal.0.is_ascii() => Hir::literal(literal.0.clone()),
        HirKind::Literal(_) => Hir::fail(),
        HirKind::Class(Class::Unicode(class)) => Hir::class(Class::Unicode(ClassUnicode::new(
            class
                .iter()
                .take_while(|r| r.start().is_ascii())
                .map(|r| ClassUnicodeRange::new(r.start(), r.end().min('\x7f'))),
        ))),
        HirKind::Class(Class::Bytes(class)) => Hir::class(Class::Bytes(ClassBytes::new(
            class
                .iter()
                .take_while(|r| r.start().is_ascii())
                .map(|r| ClassBytesRange::new(r.start(), r.end().min(0x7f))),
        ))),
        HirKind::Look(look) => Hir::look(ascii_look(*look)),
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            sub: Box::new(ascii_only(&rep.sub)),
            ..*rep
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            sub: Box::new(ascii_only(&cap.sub)),
            name: cap.name.clone(),
            index: cap.index,
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(ascii_only).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(ascii_only).collect()),
    }
}

fn ascii_look(look: Look) -> Look {
    match look {
        Look::WordUnicode => Look::WordAscii,
        Look::WordUnicodeNegate => Look::WordAsciiNegate,
        Look::WordStartUnicode => Look::WordStartAscii,
        Look::WordEndUnicode => Look::WordEndAscii,
        Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
        Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The set as it was built before the ASCII form: one meta regex over the patterns as written.
    fn as_written(patterns: &[String]) -> meta::Regex {
        meta::Builder::new()
            .configure(config())
            .syntax(syntax::Config::new().case_insensitive(true).utf8(true))
            .build_many(patterns)
            .unwrap()
    }

    fn reference_matches(regex: &meta::Regex, text: &str) -> Vec<usize> {
        let mut found = PatternSet::new(regex.pattern_len());
        regex.which_overlapping_matches(&Input::new(text), &mut found);
        found.iter().map(|p| p.as_usize()).collect()
    }

    /// Every pattern of the `[roles]` table in the default rules, and patterns that lean on
    /// Unicode: classes, case folding that reaches ASCII (Kelvin sign, long s), word boundaries
    /// of every kind, literals that are not ASCII, bytes mode.
    fn patterns() -> Vec<String> {
        let rules: toml::Value = toml::from_str(include_str!("../../rules/default.toml")).unwrap();
        let roles = &rules["roles"];
        let strings = |v: &toml::Value| -> Vec<String> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap().to_string())
                .collect()
        };
        let mut all = strings(&roles["rep_names"]);
        all.extend(strings(&roles["prospect_names"]));
        for cue in roles["cues"].as_array().unwrap() {
            all.extend(strings(&cue["patterns"]));
        }
        all.extend(
            [
                r"\w+ing\b",
                r"\bK\b",
                r"\x{212A}",
                r"\bſo",
                r"caf[eé]",
                r"é",
                r"\p{L}{3}",
                r"[^a-z ]",
                r"\W\w",
                r"a.b",
                r"\B\w\B",
                r"\b{start}do",
                r"you\b{end}",
                r"\b{start-half}s",
                r"\<to\>",
                r"(?-u:\w)(?-u:\b)",
                r"(?-i)Dana",
                r"^$",
                r"\d\s\S",
            ]
            .map(String::from),
        );
        all
    }

    fn text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "i'm",
            "im",
            "dana",
            "from",
            "acme",
            "this is",
            "my name is",
            "thanks",
            "for calling",
            "how",
            "can",
            "i",
            "help",
            "we",
            "help",
            "companies",
            "our",
            "platform",
            "your",
            "pricing",
            "what's",
            "what",
            "does",
            "it",
            "cost",
            "rep",
            "customer",
            "hi",
            "here",
            "with",
            "at",
            "calling",
            "to",
            "see",
            "K",
            "\u{212A}",
            "\u{17F}o",
            "café",
            "é",
            "s",
            "do",
            "you",
            "offer",
            "a",
            "quote",
            "1",
            "_",
            "Dana",
            "ab",
            "a b",
        ]);
        let pieces = prop::collection::vec(piece, 0..14);
        let seps = prop::collection::vec(
            prop::sample::select(vec![" ", " ", " ", "", ", ", "'", "-", ".", "\u{2014}"]),
            64,
        );
        (pieces, seps).prop_map(|(pieces, seps)| {
            let mut seps = seps.into_iter().cycle();
            let mut out = String::new();
            for piece in pieces {
                out.push_str(piece);
                out.push_str(seps.next().unwrap());
            }
            out
        })
    }

    /// Built once: the sets learn states as they search, and debug builds are slow.
    static SETS: std::sync::LazyLock<(CueSet, meta::Regex)> = std::sync::LazyLock::new(|| {
        let patterns = patterns();
        (CueSet::new(&patterns).unwrap(), as_written(&patterns))
    });

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// The two-form set reports exactly the patterns the set as written reports, on ASCII
        /// text (its ASCII form) and on any other text (the patterns as written).
        #[test]
        fn matches_what_the_patterns_as_written_match(text in text()) {
            let (set, reference) = &*SETS;
            prop_assert_eq!(set.matches(&text).collect::<Vec<_>>(), reference_matches(reference, &text));
            prop_assert_eq!(set.is_match(&text), reference.is_match(&text));
        }

        /// On ASCII text the ASCII form alone gives the answer of the patterns as written.
        #[test]
        fn the_ascii_form_matches_ascii_text_alike(text in text().prop_map(|t| t.replace(|c: char| !c.is_ascii(), "K"))) {
            let set = &SETS.0;
            let ascii = reference_matches(&set.ascii, &text);
            prop_assert_eq!(ascii, reference_matches(set.unicode(), &text));
        }
    }

    #[test]
    fn an_invalid_pattern_is_an_error() {
        assert!(CueSet::new(&["(unclosed"]).is_err());
        assert!(CueSet::new(&[r"\p{NotAClass}"]).is_err());
    }

    #[test]
    fn the_kelvin_sign_is_a_k_only_in_text_that_has_it() {
        let set = CueSet::new(&[r"\bok\b"]).unwrap();
        assert!(set.is_match("OK then"));
        assert!(set.is_match("O\u{212A} then"));
        assert!(!set.is_match("o\u{212A}ay"));
    }
}
