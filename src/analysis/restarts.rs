//! Questions that the speaker begins, abandons and begins again: read from where they restart.
//! Recall cues kept apart from `questions`, which reads an utterance as it stands.

use super::normalize::{Normalized, class};

/// "Did, um, do you have a budget": an auxiliary left at a break (a comma, a hesitation) for
/// another one that inverts with its subject. The question starts at the second auxiliary.
/// Without the break, "will do that" or "could have it" is one verb, not a restart.
pub(crate) fn restarted_inversion(n: &Normalized, core: &[usize], lead: usize) -> bool {
    use class::*;
    let (Some(&first), Some(&second), Some(&subject)) =
        (core.get(lead), core.get(lead + 1), core.get(lead + 2))
    else {
        return false;
    };
    let broke_off = n.is(second, AFTER_BREAK) || second > first + 1;
    broke_off
        && n.is(first, AUX)
        && !n.is(first, NEGATION)
        && n.is(second, AUX)
        && n.word(first) != n.word(second)
        && n.is(subject, SUBJECT | TAG_SUBJECT)
}
