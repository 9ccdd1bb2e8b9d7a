//! Tag questions that do not end the utterance: "that's the main blocker, isn't it, the
//! budget". `questions::tag_ending` reads the tag that closes an utterance.

use super::normalize::{Normalized, class};

/// A negative tag (auxiliary with "n't" and a pronoun) set off by breaks on both sides in the
/// middle of written text, after a positive statement of at least two words with a subject of
/// its own. Speech recognition marks no breaks, so it never reads a tag here.
pub(crate) fn mid_tag(n: &Normalized, core: &[usize]) -> bool {
    use class::*;
    // Most utterances have no negative auxiliary at all: skip the word walk for them.
    if !n.padded.contains("n't ") {
        return false;
    }
    (2..core.len().saturating_sub(2)).any(|j| {
        let (aux, subject, after) = (core[j], core[j + 1], core[j + 2]);
        n.is(aux, AUX)
            && n.word(aux).ends_with("n't")
            && n.is(aux, AFTER_BREAK)
            && n.is(subject, TAG_SUBJECT)
            && !n.is(subject, AFTER_BREAK)
            && n.is(after, AFTER_BREAK)
            && states(n, &core[..j])
    })
}

/// At least two words besides discourse markers, with a subject pronoun or a verb ("the
/// renewal is due"), and no negation: the tag turns a positive statement into a question.
fn states(n: &Normalized, words: &[usize]) -> bool {
    use class::*;
    let said = || words.iter().filter(|&&i| !n.is(i, DISCOURSE | HESITATION));
    said().count() >= 2
        && said().any(|&i| n.is(i, SUBJECT | AUX) || n.word(i).ends_with("'s"))
        && !words.iter().any(|&i| n.is(i, NEGATION))
}
