//! Acts that depend on the utterance before: a "yeah" after a yes-no question is an answer, not
//! an acknowledgement; a short echo of the other side's words is a reflection.

use super::acks::AckShape;
use super::acts::{AckKind, Act, QuestionForm};
use super::lexicon::Lexicon;
use super::{Annotated, normalize};

// An index loop: each step reads the utterance before and writes this one.
#[allow(clippy::needless_range_loop)]
pub(crate) fn resolve(call: &mut Annotated, shapes: &[Option<AckShape>], lex: &Lexicon) {
    // Still answering a yes-no question: every utterance of the reply so far was a yes/no word
    // ("Yeah," / "yeah, we do."): "yes" said twice is still the answer.
    let mut answering = false;
    for i in 1..call.utterances.len() {
        // Turns are runs of one speaker: their indexes compare cheaper than the names.
        let first_of_turn = call.utterances[i - 1].turn != call.utterances[i].turn;
        let mut asked = false;
        if first_of_turn {
            asked = asks_yes_no(call, call.utterances[i].turn);
            answering = asked;
        }
        if answering && shapes[i].is_some_and(|s| s.whole && s.answer_words_only) {
            let a = &mut call.utterances[i];
            a.acts.remove(Act::Acknowledgement);
            a.ack = None;
            continue;
        }
        answering = false;
        if !first_of_turn {
            continue;
        }
        let a = &call.utterances[i];
        // After a yes-no or choice question an echo answers it ("The whole backlog."); only
        // an echo of something said is a reflection.
        let echo_candidate = !asked
            && !a.acts.contains(Act::Acknowledgement)
            && !a.closing
            && a.question
                .as_ref()
                .is_none_or(|q| q.form == QuestionForm::Declarative)
            && a.words <= lex.reflection_max_words
            && !call.content(i).is_empty();
        if echo_candidate && is_subset(call.content(i), call.content(i - 1)) {
            // An echo said as a question ("Forty reps?") still asks for confirmation.
            let a = &mut call.utterances[i];
            a.acts.insert(Act::Acknowledgement);
            a.ack = Some(AckKind::Reflection);
        }
    }
}

fn is_subset(small: &[u32], big: &[u32]) -> bool {
    normalize::overlap(small, big) >= 1.0 && small.len() <= big.len()
}

/// The turn before `turn` ends with a yes-no question (in its last two utterances, so that a
/// trailing "you know" or rephrasing does not hide it).
fn asks_yes_no(call: &Annotated, turn: usize) -> bool {
    let Some(prev) = turn
        .checked_sub(1)
        .map(|t| call.turns[t].utterances.clone())
    else {
        return false;
    };
    prev.rev().take(2).any(|j| {
        call.utterances[j].question.as_ref().is_some_and(|q| {
            matches!(
                q.form,
                QuestionForm::YesNo
                    | QuestionForm::Choice
                    | QuestionForm::Tag
                    | QuestionForm::Declarative
            )
        })
    })
}
