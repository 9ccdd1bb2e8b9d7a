//! The regex set the `[roles]` patterns compile to: the engines `regex::RegexSet` would search
//! these sets with, built directly, so that only what the searches use gets compiled.

use regex_automata::hybrid::dfa::{self as lazy, DFA};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, PatternID, PatternSet};
use regex_syntax::hir::{Class, Hir, HirKind};
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::OnceLock;

/// Case-insensitive regexes matched in one pass, with the syntax, limits and matches of
/// `regex::RegexSet`: its lazy DFA, and its PikeVM for the texts the DFA gives up on (a `\b`
/// next to a non-ASCII character). Built directly rather than through `meta::Regex`, which
/// also compiles a reverse NFA and engines that only find match positions: a set search never
/// uses them, and they cost 13 million instructions at every start-up. No literal prefilter
/// either: looking for literal prefixes in the case-insensitive alternations cost 14 million.
#[derive(Debug)]
pub struct CueSet {
    /// The patterns as written, for the Unicode engines of a set that builds them on first need.
    patterns: Vec<String>,
    /// The patterns with Unicode off (ASCII `\w`, `\b` and case folding), which match an ASCII
    /// text as the Unicode ones do. Compiling them costs a twentieth of the Unicode engines,
    /// which spell every `\w` and case-folded letter out as UTF-8 byte ranges (14 million
    /// instructions for the built-in rules). None when a pattern needs Unicode: a non-ASCII
    /// character or escape, a class that could match a non-ASCII character, `\p{..}`.
    ascii: Option<Engines>,
    /// The patterns as written, for the texts the ASCII engines cannot read.
    unicode: OnceLock<Engines>,
}

/// One compiled form of the patterns and the engines that search it.
#[derive(Debug)]
struct Engines {
    /// None when the DFA cannot be built (a cache too small for the patterns): PikeVM only.
    dfa: Option<DFA>,
    pike: PikeVM,
    caches: Pool<Caches, CachesFn>,
}

/// The engines' mutable search state, one per thread (as `meta::Regex` keeps it).
#[derive(Debug)]
struct Caches {
    dfa: Option<lazy::Cache>,
    pike: pikevm::Cache,
}

type CachesFn = Box<dyn Fn() -> Caches + Send + Sync + UnwindSafe + RefUnwindSafe>;

impl CueSet {
    /// Err when some pattern is not a valid regex or the set is too large: the Unicode engines
    /// are built now, to know.
    pub(super) fn new<S: AsRef<str>>(patterns: &[S]) -> Result<CueSet, ()> {
        let unicode = Engines::unicode(patterns)?;
        Ok(CueSet {
            unicode: OnceLock::from(unicode),
            ..CueSet::unbuilt(patterns)
        })
    }

    /// A set of patterns known to build (the built-in rules, which a test builds): the Unicode
    /// engines wait for the first text that is not ASCII, which most runs never meet.
    pub(super) fn known_valid<S: AsRef<str>>(patterns: &[S]) -> CueSet {
        CueSet::unbuilt(patterns)
    }

    fn unbuilt<S: AsRef<str>>(patterns: &[S]) -> CueSet {
        CueSet {
            patterns: patterns.iter().map(|p| p.as_ref().to_string()).collect(),
            ascii: Engines::ascii(patterns),
            unicode: OnceLock::new(),
        }
    }

    pub(super) fn empty() -> CueSet {
        CueSet::new::<&str>(&[]).expect("an empty set builds")
    }

    /// The engines that read `text`.
    fn engines(&self, text: &str) -> &Engines {
        match &self.ascii {
            Some(ascii) if text.is_ascii() => ascii,
            _ => self.unicode.get_or_init(|| {
                Engines::unicode(&self.patterns).expect("a known-valid set builds")
            }),
        }
    }

    fn pattern_len(&self) -> usize {
        self.patterns.len()
    }

    /// Whether some pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.engines(text).is_match(text)
    }

    /// The indexes of the patterns that match somewhere in `text`, ascending.
    pub fn matches(&self, text: &str) -> impl Iterator<Item = usize> {
        let mut found = PatternSet::new(self.pattern_len());
        let engines = self.engines(text);
        // Most texts hold no cue. Ruling them out with a search that stops at the first match
        // (sharing the lazy DFA) costs about half of the overlapping search's walk to the end.
        if engines.is_match(text) {
            engines.which_match(text, &mut found);
        }
        (0..found.capacity()).filter(move |&i| found.contains(PatternID::must(i)))
    }
}

impl Engines {
    /// The patterns as written: case-insensitive, Unicode classes and case folding.
    fn unicode<S: AsRef<str>>(patterns: &[S]) -> Result<Engines, ()> {
        let nfa = compiler()
            .syntax(syntax_config().unicode(true))
            .build_many(patterns)
            .map_err(|_| ())?;
        Engines::from_nfa(nfa)
    }

    /// The patterns with Unicode off, when that leaves them matching only ASCII text. Then
    /// they match an ASCII text as the Unicode ones do: Unicode `\w`, `\d`, `\s`, `\b` and
    /// case folding differ from the ASCII ones only in non-ASCII characters. Not otherwise: a
    /// non-ASCII letter in a pattern with Unicode off is matched without case folding, where
    /// the Kelvin sign (`\x{212A}`) matches `k`; and a `(?u)` group keeps Unicode classes.
    fn ascii<S: AsRef<str>>(patterns: &[S]) -> Option<Engines> {
        let hirs = syntax::parse_many_with(patterns, &syntax_config().unicode(false)).ok()?;
        if !hirs.iter().all(matches_only_ascii) {
            return None;
        }
        let nfa = compiler().build_many_from_hir(&hirs).ok()?;
        Engines::from_nfa(nfa).ok()
    }

    fn from_nfa(nfa: NFA) -> Result<Engines, ()> {
        // The lazy DFA as `meta::Regex` configures it for a set without a prefilter.
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .unicode_word_boundary(true)
                    .cache_capacity(2 * (1 << 20))
                    .skip_cache_capacity_check(false)
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(nfa.clone())
            .ok();
        let pike = PikeVM::builder()
            .configure(PikeVM::config().match_kind(MatchKind::All))
            .build_from_nfa(nfa)
            .map_err(|_| ())?;
        let create: CachesFn = {
            let (dfa, pike) = (dfa.clone(), pike.clone());
            Box::new(move || Caches {
                dfa: dfa.as_ref().map(DFA::create_cache),
                pike: pike.create_cache(),
            })
        };
        Ok(Engines {
            dfa,
            pike,
            caches: Pool::new(create),
        })
    }

    /// Whether some pattern matches somewhere in `text`.
    fn is_match(&self, text: &str) -> bool {
        let input = Input::new(text).earliest(true);
        let mut caches = self.caches.get();
        let Caches { dfa: cache, pike } = &mut *caches;
        if let (Some(dfa), Some(cache)) = (&self.dfa, cache)
            && let Ok(found) = dfa.try_search_fwd(cache, &input)
        {
            return found.is_some();
        }
        self.pike.is_match(pike, input)
    }

    fn which_match(&self, text: &str, found: &mut PatternSet) {
        let input = Input::new(text);
        let mut caches = self.caches.get();
        let Caches { dfa: cache, pike } = &mut *caches;
        if let (Some(dfa), Some(cache)) = (&self.dfa, cache)
            && dfa
                .try_which_overlapping_matches(cache, &input, found)
                .is_ok()
        {
            return;
        }
        // What the DFA found before it gave up are matches too, as in `meta::Regex`.
        self.pike.which_overlapping_matches(pike, &input, found);
    }
}

/// Every set's syntax: case-insensitive, and matching only valid UTF-8.
fn syntax_config() -> syntax::Config {
    syntax::Config::new().case_insensitive(true).utf8(true)
}

/// The compiler of every set's NFA, with `regex::RegexSet`'s limits.
fn compiler() -> thompson::Compiler {
    let mut compiler = thompson::Compiler::new();
    compiler.configure(
        thompson::Config::new()
            .utf8(true)
            .nfa_size_limit(Some(10 * (1 << 20)))
            .shrink(false)
            .which_captures(WhichCaptures::None),
    );
    compiler
}

/// Whether every literal and class of `hir` is ASCII.
fn matches_only_ascii(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(literal) => literal.0.is_ascii(),
        HirKind::Class(Class::Unicode(class)) => class.is_ascii(),
        HirKind::Class(Class::Bytes(class)) => class.is_ascii(),
        HirKind::Repetition(repetition) => matches_only_ascii(&repetition.sub),
        HirKind::Capture(capture) => matches_only_ascii(&capture.sub),
        HirKind::Concat(hirs) | HirKind::Alternation(hirs) => hirs.iter().all(matches_only_ascii),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex_automata::meta;

    /// The set as `meta::Regex` builds it, as `CueSet` was before it built its engines itself.
    fn meta_set(patterns: &[String]) -> meta::Regex {
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
            .unwrap()
    }

    fn meta_matches(set: &meta::Regex, text: &str) -> Vec<usize> {
        let mut found = PatternSet::new(set.pattern_len());
        set.which_overlapping_matches(&Input::new(text), &mut found);
        found.iter().map(|p| p.as_usize()).collect()
    }

    fn content_patterns() -> Vec<String> {
        let rules = crate::rules::RuleSet::default_set();
        let cues = &rules.roles.cues;
        cues.iter().flat_map(|c| c.patterns.clone()).collect()
    }

    /// Texts of whole cues, their words, and what may stand next to them.
    fn cue_text(pieces: Vec<&'static str>) -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(pieces), 0..24).prop_map(|p| p.concat())
    }

    const ASCII_PIECES: [&str; 39] = [
        "this is Sam from Acme",
        "Sam here with Acme",
        "I'm calling because",
        "i'm calling to see",
        "our platform",
        "how can I help",
        "what does it cost",
        "we currently use NetSuite",
        "thanks for calling",
        "Hello there Sam, with Acme",
        "walk me through",
        "do you offer",
        "our budget",
        "the reason for my call",
        "OUR IT TEAM",
        "this is",
        "Sam",
        "from",
        "our",
        "calling",
        "we",
        "use",
        "x",
        "s",
        "k",
        "S",
        "K",
        "3",
        "-",
        "\t",
        " ",
        " ",
        " ",
        ", ",
        ". ",
        "?",
        "'",
        "_",
        "\n",
    ];

    /// Each test set built both ways (Unicode engines at once, or on first need), and as
    /// `meta::Regex` builds it.
    fn check_against_meta(text: &str) -> Result<(), TestCaseError> {
        thread_local! {
            static SETS: (CueSet, CueSet, meta::Regex) = {
                let patterns = content_patterns();
                let built = CueSet::new(&patterns).unwrap();
                (built, CueSet::known_valid(&patterns), meta_set(&patterns))
            };
        }
        SETS.with(|(built, lazily, meta)| {
            for set in [built, lazily] {
                let found: Vec<usize> = set.matches(text).collect();
                prop_assert_eq!(set.is_match(text), meta.is_match(text), "{:?}", text);
                prop_assert_eq!(found, meta_matches(meta, text), "{:?}", text);
            }
            Ok(())
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
        #[test]
        fn matches_are_those_of_the_meta_regex_set(text in cue_text([
            &ASCII_PIECES[..],
            &["i\u{2019}m calling to see", "caf\u{e9}", "\u{212A}", "\u{17F}", "\u{e9}", "\u{a0}"],
        ].concat())) {
            check_against_meta(&text)?;
        }

        /// The ASCII engines read these.
        #[test]
        fn ascii_texts_match_as_in_the_meta_regex_set(text in cue_text(ASCII_PIECES.to_vec())) {
            check_against_meta(&text)?;
        }
    }

    #[test]
    fn the_built_in_sets_have_ascii_engines() {
        let rules = crate::rules::RuleSet::default_set();
        let cues = rules.roles.compiled();
        for set in [&cues.rep_names, &cues.prospect_names, &cues.content] {
            assert!(set.ascii.is_some());
        }
    }

    /// Patterns at the edge of what the ASCII engines may read, each with whether they do.
    const UNUSUAL: [(&str, bool); 17] = [
        ("\\w\\B", true),
        ("(?u:a)b", true),
        ("[[:upper:]]x", true),
        ("(?-i)K", true),
        ("[\\w--\\d]z", true),
        ("[^\\W_]k", false),
        ("\\bk\\b", true),
        ("caf\u{e9}", false),
        ("\u{212A}", false),
        ("\\x{212A}", false),
        ("\\u{17F}", false),
        ("(?u:k)", false),
        ("(?u:\\w)q", false),
        ("\\pL+x", false),
        ("a.c", false),
        ("[^a]b", false),
        ("\\W", false),
    ];

    #[test]
    fn unusual_patterns_match_as_the_meta_regex_set_does() {
        for (pattern, ascii) in UNUSUAL {
            assert_eq!(
                CueSet::new(&[pattern]).unwrap().ascii.is_some(),
                ascii,
                "{pattern}"
            );
        }
        let patterns: Vec<String> = UNUSUAL.iter().map(|(p, _)| p.to_string()).collect();
        let meta = meta_set(&patterns);
        let texts = [
            "CAF\u{c9}",
            "cafe",
            "\u{e9}x",
            "abc",
            "a\u{e9}c",
            "bb",
            "xy",
            "ab",
            "Ab",
            "Kx",
            "k",
            "K",
            "s",
            "S",
            "q",
            "_z",
            "3z",
            "ak",
            "_k",
            "a k b",
            "ww",
            "\u{212A}",
            "\u{17F}",
            "",
        ];
        for set in [
            CueSet::new(&patterns).unwrap(),
            CueSet::known_valid(&patterns),
        ] {
            for text in texts {
                assert_eq!(set.is_match(text), meta.is_match(text), "{text}");
                let found: Vec<usize> = set.matches(text).collect();
                assert_eq!(found, meta_matches(&meta, text), "{text}");
            }
        }
        // The same, one pattern at a time, where most sets have ASCII engines.
        for pattern in &patterns {
            let (set, meta) = (
                CueSet::known_valid(&[pattern]),
                meta_set(std::slice::from_ref(pattern)),
            );
            for text in texts {
                assert_eq!(set.is_match(text), meta.is_match(text), "{pattern} {text}");
            }
        }
    }

    /// Patterns of random regex pieces: classes, look-arounds, flags and escapes.
    fn random_pattern() -> impl Strategy<Value = String> {
        let piece = proptest::sample::select(vec![
            "a",
            "K",
            "s",
            "k",
            "\\w",
            "\\W",
            "\\d",
            "\\s",
            "\\S",
            "\\b",
            "\\B",
            "[a-f]",
            "[^a]",
            "[[:upper:]]",
            "[\\w--\\d]",
            "(?u:\\w)",
            "(?-u:\\w)",
            "(?-i:K)",
            "(?u:k)",
            "\\x41",
            "\\x{212A}",
            "\\u{17F}",
            "\u{e9}",
            ".",
            "_",
            " ",
            "'",
            "^",
            "$",
            "x+",
            "(?:ab|cd)",
            "z?",
            "\\pL",
        ]);
        proptest::collection::vec(piece, 1..5).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

        /// Whatever engines a set of random patterns gets, it matches as the meta regex does.
        #[test]
        fn random_patterns_match_as_the_meta_regex_set_does(
            patterns in proptest::collection::vec(random_pattern(), 1..4),
            texts in proptest::collection::vec("[aAkKsS_ 0-9'x-z\u{e9}\u{212A}\u{17F}]{0,12}", 8),
        ) {
            let Ok(set) = CueSet::new(&patterns) else {
                return Ok(());
            };
            let lazily = CueSet::known_valid(&patterns);
            let meta = meta_set(&patterns);
            for text in &texts {
                for set in [&set, &lazily] {
                    prop_assert_eq!(set.is_match(text), meta.is_match(text), "{:?} {:?}", patterns, text);
                    let found: Vec<usize> = set.matches(text).collect();
                    prop_assert_eq!(found, meta_matches(&meta, text), "{:?} {:?}", patterns, text);
                }
            }
        }
    }

    #[test]
    fn name_patterns_match_as_the_meta_regex_set_does() {
        let patterns: Vec<String> = ["^rep\\b", "^sales", "^account exec", "^ae\\b"]
            .map(String::from)
            .to_vec();
        let (set, meta) = (CueSet::new(&patterns).unwrap(), meta_set(&patterns));
        for name in [
            "Rep",
            "rep 2",
            "Repeat",
            "SALES lead",
            "Ae",
            "aeon",
            "\u{212A}",
            "",
        ] {
            assert_eq!(set.is_match(name), meta.is_match(name), "{name}");
            let found: Vec<usize> = set.matches(name).collect();
            assert_eq!(found, meta_matches(&meta, name), "{name}");
        }
    }

    #[test]
    fn a_bad_pattern_fails_the_set() {
        assert!(CueSet::new(&["(unclosed"]).is_err());
        assert!(CueSet::new(&["fine", "[z-a]"]).is_err());
    }
}
