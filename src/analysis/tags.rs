//! Tag questions that do not end the utterance: "that's the main blocker, isn't it, the
//! budget". `questions::tag_ending` reads the tag that closes an utterance.

use super::normalize::{Normalized, class};

/// A negative tag (auxiliary with "n't" and a pronoun) set off by breaks on both sides in the
/// middle of written text, after a positive statement of at least two words with a subject of
/// its own. Speech recognition marks no breaks, so it never reads a tag here.
pub(crate) fn mid_tag(n: &Normalized, core: &[usize]) -> bool {
    use class::*;
    // Too short for a tag with words on both sides, no auxiliary, tag subject or break among
    // the words' bits (speech recognition output), or (most utterances) no negative auxiliary
    // at all: skip the word walk for them.
    if core.len() < 5
        || !n.has_all(AUX | TAG_SUBJECT | AFTER_BREAK)
        || !has_negative_contraction(&n.padded)
    {
        return false;
    }
    (2..core.len().saturating_sub(2)).any(|j| {
        let (aux, subject, after) = (core[j], core[j + 1], core[j + 2]);
        n.is(aux, AUX)
            && n.word(aux).ends_with(b"n't")
            && n.is(aux, AFTER_BREAK)
            && n.is(subject, TAG_SUBJECT)
            && !n.is(subject, AFTER_BREAK)
            && n.is(after, AFTER_BREAK)
            // A verb will do as the evidence: "the renewal is due, isn't it, ...".
            && states(n, &core[..j], SUBJECT | AUX)
    })
}

/// Whether `padded` holds a word ending in "n't", as `padded.contains("n't ")` says: found from
/// its apostrophes, which are few, for a fraction of the cost of a substring search.
fn has_negative_contraction(b: &[u8]) -> bool {
    memchr::memchr_iter(b'\'', b)
        .any(|p| p > 0 && b[p - 1] == b'n' && b.get(p + 1..p + 3) == Some(b"t ".as_slice()))
}

/// A statement that a tag can close: at least two words besides discourse markers, one of
/// them of the `evidence` classes (a subject pronoun, perhaps a verb) or with "'s" ("the
/// renewal's due"), and no negation: a negative tag turns only a positive statement into a
/// question.
pub(crate) fn states(n: &Normalized, words: &[usize], evidence: u32) -> bool {
    use class::*;
    let said = || words.iter().filter(|&&i| !n.is(i, DISCOURSE | HESITATION));
    said().nth(1).is_some()
        && said().any(|&i| n.is(i, evidence) || n.word(i).ends_with(b"'s"))
        && !words.iter().any(|&i| n.is(i, NEGATION))
}

#[cfg(test)]
mod tests {
    use super::has_negative_contraction;

    #[test]
    fn negative_contractions_are_found_as_a_substring_search_finds_them() {
        for padded in [
            " ",
            " don't ",
            " it isn't it ",
            " n't ",
            " i'm not ",
            " can't' ",
            " 'n't ",
            " won't",
            " don'tx ",
            " it's fine isn't ",
            " o'n 't ",
            "'t ",
            " n'",
        ] {
            assert_eq!(
                has_negative_contraction(padded.as_bytes()),
                padded.contains("n't "),
                "{padded:?}"
            );
        }
    }
}
