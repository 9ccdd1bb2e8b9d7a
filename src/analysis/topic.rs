//! Pivots that no phrase announces: after the other side discloses a problem, an event or a
//! feeling, a reply that neither asks about it nor shares its words moves to new content.

use super::acts::Act;
use super::lexicon::Lexicon;
use super::overlap::turn_content;
use super::{Annotated, normalize};

pub(crate) fn mark_pivots(call: &mut Annotated, lex: &Lexicon) {
    for ti in 1..call.turns.len() {
        let prev = call.turns[ti - 1].utterances.clone();
        if !prev
            .clone()
            .any(|i| call.utterances[i].acts.contains(Act::Disclosure))
        {
            continue;
        }
        // The first utterance of the reply that says something decides.
        for i in call.turns[ti].utterances.clone() {
            let a = &call.utterances[i];
            if a.acts.contains(Act::Acknowledgement) {
                continue;
            }
            // A short question ("what happened?") asks about it; a long one may change topic.
            let asks = a.acts.contains(Act::Question) && a.words < 2 * lex.pivot_min_words;
            let engages = asks
                || a.acts.contains(Act::Pivot)
                || a.words < lex.pivot_min_words
                // The disclosure's content set is built only here: the reply is read once.
                || normalize::overlap(&turn_content(call, ti - 1), call.content(i))
                    >= lex.pivot_overlap;
            if !engages {
                call.utterances[i].acts.insert(Act::Pivot);
            }
            break;
        }
    }
}
