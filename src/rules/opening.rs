//! The rep's opening: the window purposeless-opener and missing-purpose look at.

use crate::analysis::{Act, Annotated};
use crate::transcript::Role;

/// What the rep's first `turns` turns contain.
pub struct Opening {
    /// Utterance indexes of the rep's opening turns, in order.
    pub utterances: Vec<usize>,
    /// The first opening utterance with a filler opener ("just checking in").
    pub filler: Option<usize>,
    /// Whether any opening utterance states a purpose ("I'm calling because").
    pub has_purpose: bool,
}

impl Opening {
    pub fn of(call: &Annotated, turns: usize) -> Opening {
        let utterances: Vec<usize> = call
            .turns
            .iter()
            .filter(|t| t.role == Role::Rep)
            .take(turns)
            .flat_map(|t| t.utterances.clone())
            .collect();
        let has = |i: &usize, act| call.utterances[*i].acts.contains(act);
        Opening {
            filler: utterances
                .iter()
                .copied()
                .find(|i| has(i, Act::FillerOpener)),
            has_purpose: utterances.iter().any(|i| has(i, Act::Purpose)),
            utterances,
        }
    }
}
