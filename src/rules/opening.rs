//! The rep's opening: the window purposeless-opener and missing-purpose look at.

use super::cues::{self, Spotted};
use crate::analysis::{Act, Annotated, Lexicon};
use crate::transcript::Role;

/// Most words between a purpose phrase and a filler for the purpose to be the filler's own
/// preamble: "I am calling to touch base", "the reason I'm calling is to check in".
const PREAMBLE_GAP: usize = 2;

/// What the rep's first `turns` turns contain.
pub struct Opening {
    /// Utterance indexes of the rep's opening turns, in order.
    pub utterances: Vec<usize>,
    /// The first opening utterance with a filler opener ("just checking in"), and the filler.
    pub filler: Option<(usize, String)>,
    /// Whether an opening utterance states a purpose ("I'm calling because") that is more than
    /// the preamble of a filler.
    pub has_purpose: bool,
}

impl Opening {
    pub fn of(call: &Annotated, lexicon: &Lexicon, turns: usize) -> Opening {
        let utterances: Vec<usize> = call
            .turns
            .iter()
            .filter(|t| t.role == Role::Rep)
            .take(turns)
            .flat_map(|t| t.utterances.clone())
            .collect();
        let mut opening = Opening {
            utterances,
            filler: None,
            has_purpose: false,
        };
        for &i in &opening.utterances {
            let acts = call.utterances[i].acts;
            if !acts.contains(Act::FillerOpener) && !acts.contains(Act::Purpose) {
                continue;
            }
            let spotted = cues::spot(lexicon, &call.transcript.utterances[i].text);
            if opening.filler.is_none() && acts.contains(Act::FillerOpener) {
                let phrase = cues::first_of(&spotted, "filler-opener").map(|s| s.phrase.clone());
                opening.filler = Some((i, phrase.unwrap_or_default()));
            }
            opening.has_purpose |= acts.contains(Act::Purpose) && states_purpose(&spotted);
        }
        opening
    }
}

/// A purpose phrase counts unless a filler follows it at once: then the filler is the purpose.
/// Without positions (acts set by hand), the act alone counts.
fn states_purpose(spotted: &[Spotted]) -> bool {
    let purposes: Vec<&Spotted> = spotted
        .iter()
        .filter(|s| cues::in_group(s, "purpose"))
        .collect();
    if purposes.is_empty() {
        return true;
    }
    purposes.iter().any(|p| {
        !spotted.iter().any(|f| {
            cues::in_group(f, "filler-opener")
                && f.start >= p.start
                && f.start <= p.end + PREAMBLE_GAP
        })
    })
}
