//! The quotation test from the clause's breaks, against a walk over every verb; the
//! mid-utterance inversion from the auxiliaries, against a walk over every window.

use super::*;
use crate::analysis::{normalize::normalize, words::WordIndex};

/// What `quotes_a_question` computes, verb by verb: a reporting verb followed by a break,
/// or by one word and a break.
fn quotes_slow(n: &Normalized, clause: &[usize]) -> bool {
    use class::*;
    if !is_written(n) || n.is(clause[0], AUX | WH | WH_CONTRACTION) {
        return false;
    }
    (1..clause.len().saturating_sub(1)).any(|k| {
        let verb = clause[k];
        let reports = n.is(verb, REPORTING | QUOTE_VERB)
            || (n.is(clause[k - 1], AUX) && n.word(verb) == b"like");
        let quote_starts = |j: usize| clause.get(j).is_some_and(|&w| n.is(w, AFTER_BREAK));
        reports
            && (quote_starts(k + 1) || (quote_starts(k + 2) && !n.is(clause[k + 1], AFTER_BREAK)))
            && told_by_someone_else(n, clause, k)
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, ..Default::default() })]
    #[test]
    fn quotes_are_found_from_the_breaks_as_from_every_verb(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "they", "she", "you", "you'd", "asks", "goes", "was", "like", "me", "why",
            "is", "it", "how", "uh", " ", ", ", ". ", "? ", " - ",
        ]), 1..16)
    ) {
        let mut words = WordIndex::default();
        words.add(&["asks".into()], class::REPORTING);
        words.add(&["goes".into()], class::QUOTE_VERB);
        words.add(&["was".into(), "is".into()], class::AUX);
        words.add(&["they".into(), "she".into(), "you".into(), "it".into()], class::SUBJECT);
        words.add(&["why".into(), "how".into()], class::WH);
        let text = pieces.join(" ");
        let n = normalize(&text, &words);
        let every: Vec<usize> = (0..n.len()).collect();
        for clause in [&every[..], &n.core[..]].into_iter().filter(|c| !c.is_empty()) {
            proptest::prop_assert_eq!(
                quotes_a_question(&n, clause),
                quotes_slow(&n, clause),
                "{:?} {:?}", text, clause
            );
        }
    }
}

/// What `mid_inversion` computes, window by window of four core words.
fn mid_inversion_slow(n: &Normalized, core: &[usize]) -> bool {
    use class::*;
    core.windows(4).enumerate().any(|(k, w)| {
        let (j, before, aux, subj, next) = (k + 1, w[0], w[1], w[2], w[3]);
        n.is(aux, INVERTING)
            && n.word(subj) == b"you"
            && !n.is(subj, AFTER_BREAK)
            && !n.is(before, SUBJECT | EMBEDDER | WH | AUX)
            && !core[j.saturating_sub(3)..j]
                .iter()
                .any(|&w| n.is(w, REPORTING))
            && (n.word(next) != b"know" || n.is(aux, DO_SUPPORT))
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, ..Default::default() })]
    #[test]
    fn inversions_are_found_from_the_auxiliaries_as_from_every_window(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "do", "did", "are", "you", "know", "they", "so", "said", "what", "it", "have",
            "uh", ", ", ". ",
        ]), 0..14)
    ) {
        let mut words = WordIndex::default();
        words.add(&["do".into(), "did".into()], class::INVERTING | class::DO_SUPPORT | class::AUX);
        words.add(&["are".into()], class::INVERTING | class::AUX);
        words.add(&["you".into(), "they".into(), "it".into()], class::SUBJECT);
        words.add(&["so".into()], class::EMBEDDER);
        words.add(&["said".into()], class::REPORTING);
        words.add(&["what".into()], class::WH);
        words.add(&["uh".into()], class::HESITATION);
        let text = pieces.join(" ");
        let n = normalize(&text, &words);
        let every: Vec<usize> = (0..n.len()).collect();
        for core in [&every[..], &n.core[..]] {
            proptest::prop_assert_eq!(
                mid_inversion(&n, core),
                mid_inversion_slow(&n, core),
                "{:?} {:?}", text, core
            );
        }
    }
}
