//! The regex set the `[roles]` patterns compile to: the engines `regex::RegexSet` would search
//! these sets with, built directly, so that only what the searches use gets compiled.

use regex_automata::hybrid::dfa::{self as lazy, DFA};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, PatternID, PatternSet};
use std::panic::{RefUnwindSafe, UnwindSafe};

/// Case-insensitive regexes matched in one pass, with the syntax, limits and matches of
/// `regex::RegexSet`: its lazy DFA, and its PikeVM for the texts the DFA gives up on (a `\b`
/// next to a non-ASCII character). Built directly rather than through `meta::Regex`, which
/// also compiles a reverse NFA and engines that only find match positions: a set search never
/// uses them, and they cost 13 million instructions at every start-up. No literal prefilter
/// either: looking for literal prefixes in the case-insensitive alternations cost 14 million.
#[derive(Debug)]
pub struct CueSet {
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
    /// Err when some pattern is not a valid regex or the set is too large.
    pub(super) fn new<S: AsRef<str>>(patterns: &[S]) -> Result<CueSet, ()> {
        let nfa = thompson::Compiler::new()
            .syntax(syntax::Config::new().case_insensitive(true).utf8(true))
            .configure(
                thompson::Config::new()
                    .utf8(true)
                    .nfa_size_limit(Some(10 * (1 << 20)))
                    .shrink(false)
                    .which_captures(WhichCaptures::None),
            )
            .build_many(patterns)
            .map_err(|_| ())?;
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
        Ok(CueSet {
            dfa,
            pike,
            caches: Pool::new(create),
        })
    }

    pub(super) fn empty() -> CueSet {
        CueSet::new::<&str>(&[]).expect("an empty set builds")
    }

    fn pattern_len(&self) -> usize {
        self.pike.get_nfa().pattern_len()
    }

    /// Whether some pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
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

    /// The indexes of the patterns that match somewhere in `text`, ascending.
    pub fn matches(&self, text: &str) -> impl Iterator<Item = usize> {
        let mut found = PatternSet::new(self.pattern_len());
        // Most texts hold no cue. Ruling them out with a search that stops at the first match
        // (sharing the lazy DFA) costs about half of the overlapping search's walk to the end.
        if self.is_match(text) {
            self.which_match(text, &mut found);
        }
        (0..found.capacity()).filter(move |&i| found.contains(PatternID::must(i)))
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

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
        #[test]
        fn matches_are_those_of_the_meta_regex_set(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                // Whole cues, their words, and what may stand next to them.
                "this is Sam from Acme", "Sam here with Acme", "I'm calling because",
                "i\u{2019}m calling to see", "our platform", "how can I help",
                "what does it cost", "we currently use NetSuite", "thanks for calling",
                "Hello there Sam, with Acme", "walk me through", "do you offer",
                "our budget", "the reason for my call", "this is", "Sam", "from", "our",
                "calling", "we", "use", "x", "s", "caf\u{e9}", "\u{212A}", "\u{17F}", "\u{e9}",
                " ", " ", " ", ", ", ". ", "?", "'", "_",
            ]), 0..24)
        ) {
            thread_local! {
                static SETS: (CueSet, meta::Regex) = {
                    let patterns = content_patterns();
                    (CueSet::new(&patterns).unwrap(), meta_set(&patterns))
                };
            }
            let text = pieces.concat();
            SETS.with(|(set, meta)| {
                let found: Vec<usize> = set.matches(&text).collect();
                prop_assert_eq!(set.is_match(&text), meta.is_match(&text), "{:?}", text);
                prop_assert_eq!(found, meta_matches(meta, &text), "{:?}", text);
                Ok(())
            })?;
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
