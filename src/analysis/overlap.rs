//! Topic overlap between utterances: does a reply engage with what the other side said?

use super::Annotated;
use super::normalize;

/// Share of content words two utterances have in common (indexes into `Transcript::utterances`):
/// shared stems over the smaller set's size, 0.0 when either has no content words.
pub fn overlap(call: &Annotated, a: usize, b: usize) -> f64 {
    normalize::overlap(call.content(a), call.content(b))
}

/// Like [`overlap`], with all utterances of a turn (index into `Annotated::turns`) taken together
/// on one side: how much of utterance `b` speaks to what that turn said.
pub fn overlap_with_turn(call: &Annotated, turn: usize, b: usize) -> f64 {
    let set = turn_content(call, turn);
    normalize::overlap(&set, call.content(b))
}

pub(crate) fn turn_content(call: &Annotated, turn: usize) -> Vec<u32> {
    let mut set: Vec<u32> = call.turns[turn]
        .utterances
        .clone()
        .flat_map(|i| call.content(i).iter().copied())
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}
