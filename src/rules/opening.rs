//! The rep's opening: the window purposeless-opener and missing-purpose look at.

use super::cues::{self, Spotted};
use crate::analysis::{Act, Annotated, Lexicon};
use crate::transcript::Role;

/// Most words between a purpose phrase and a filler for the purpose to be the filler's own
/// preamble: "I am calling to touch base", "the reason I'm calling is to check in".
const PREAMBLE_GAP: usize = 2;

/// What the rep's first `turns` turns contain.
#[derive(Debug, Clone)]
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
            let (purposes, fillers) = purposes_and_fillers(&spotted);
            if opening.filler.is_none() && acts.contains(Act::FillerOpener) {
                match fillers.first() {
                    Some(f) => opening.filler = Some((i, f.phrase.clone())),
                    // Acts set without phrase lists (tests, other analysers): the act counts.
                    None if spotted.is_empty() => opening.filler = Some((i, String::new())),
                    // Every filler sat inside a purpose phrase ("I'm reaching out because").
                    None => {}
                }
            }
            opening.has_purpose |=
                acts.contains(Act::Purpose) && states_purpose(&purposes, &fillers);
        }
        opening
    }
}

/// The purpose phrases, and the filler phrases that are not words of a purpose phrase
/// ("i'm reaching out" inside "i'm reaching out because").
fn purposes_and_fillers<'a, 'l>(
    spotted: &'a [Spotted<'l>],
) -> (Vec<&'a Spotted<'l>>, Vec<&'a Spotted<'l>>) {
    let purposes: Vec<&Spotted> = spotted
        .iter()
        .filter(|s| cues::in_group(s, "purpose"))
        .collect();
    let fillers = spotted
        .iter()
        .filter(|f| cues::in_group(f, "filler-opener"))
        .filter(|f| {
            !purposes
                .iter()
                .any(|p| f.start >= p.start && f.end <= p.end)
        })
        .collect();
    (purposes, fillers)
}

/// A purpose phrase counts unless a filler follows it at once: then the filler is the purpose
/// ("I am calling to touch base"). Without positions (acts set by hand), the act alone counts.
fn states_purpose(purposes: &[&Spotted], fillers: &[&Spotted]) -> bool {
    if purposes.is_empty() {
        return true;
    }
    purposes.iter().any(|p| {
        !fillers
            .iter()
            .any(|f| f.start >= p.end && f.start <= p.end + PREAMBLE_GAP)
    })
}
