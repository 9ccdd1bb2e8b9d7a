//! How the listener took an utterance. Without a question mark, a wh-clause is often part of
//! telling ("and what they did was ...", "how they ever got it past legal, I don't know"); when
//! the other side's whole reply is backchannels ("uh-huh", "right"), they heard it as telling,
//! and a speaker who asked would not have gone on without an answer. Only in text punctuated by
//! a person, where a missing question mark says something: in speech recognition output an
//! unanswered question met with "uh-huh" is exactly what the unanswered-question rule looks for.
//! Likewise, a speaker who goes on with several statements of their own did not wait to be
//! answered.

use super::acts::{Act, QuestionForm};
use super::normalize::normalize;
use super::questions::is_written;
use super::{Annotated, Lexicon};

/// Drops the question of a wh-clause written without a question mark whose reply turn holds
/// nothing but acknowledgements.
pub(crate) fn drop_backchanneled_wh(call: &mut Annotated, lex: &Lexicon) {
    let told = asking(
        call,
        |form| form == QuestionForm::Wh,
        |i| {
            let text = &call.transcript.utterances[i].text;
            // The reply's acts before the text: they rule out more for less.
            only_backchannels_after(call, call.utterances[i].turn)
                && !text.contains('?')
                && is_written_at(call, i, lex)
        },
    );
    drop_questions(call, &told);
}

/// The turn after `turn` is all acknowledgements ("uh-huh." "right.").
fn only_backchannels_after(call: &Annotated, turn: usize) -> bool {
    call.turns.get(turn + 1).is_some_and(|next| {
        next.utterances
            .clone()
            .all(|j| call.utterances[j].acts.contains(Act::Acknowledgement))
    })
}

/// Drops the question of an utterance in question word order (wh, yes-no, choice) written
/// without a question mark when the same speaker goes straight on with
/// `lex.unwaited_statements` utterances that ask nothing: a speaker who asked would have waited
/// for the answer, so the clause was thought aloud or told ("and what did we do. We rebuilt the
/// pipeline. Took a year. Never again."). Only in text punctuated by a person, as above.
pub(crate) fn drop_unwaited(call: &mut Annotated, lex: &Lexicon) {
    let unwaited = asking(call, in_word_order, |i| {
        // The acts before the text: they rule out more for less.
        goes_on_telling(call, i, lex.unwaited_statements)
            && closed_without_question_mark(&call.transcript.utterances[i].text)
            && is_written_at(call, i, lex)
    });
    drop_questions(call, &unwaited);
}

/// The utterances that ask a question of a form that `form` picks and that `keep` keeps. A
/// plain loop over the analyses: most utterances ask nothing, and an iterator of indexes cost
/// bounds checks and a store of its state for each of them.
fn asking(
    call: &Annotated,
    form: impl Fn(QuestionForm) -> bool,
    keep: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut found = Vec::new();
    for (i, a) in call.utterances.iter().enumerate() {
        if a.question.as_ref().is_some_and(|q| form(q.form)) && keep(i) {
            found.push(i);
        }
    }
    found
}

/// Utterance `i` was punctuated by a person. Normalised again: only the few candidates get here.
fn is_written_at(call: &Annotated, i: usize, lex: &Lexicon) -> bool {
    is_written(&normalize(&call.transcript.utterances[i].text, &lex.words))
}

fn drop_questions(call: &mut Annotated, told: &[usize]) {
    for &i in told {
        let a = &mut call.utterances[i];
        a.acts.remove(Act::Question);
        a.question = None;
    }
}

/// A question form in question word order (wh, yes-no, choice): with
/// `closed_without_question_mark`, one that the writer closed with another mark than a question
/// mark ("so do we renew," / "and what did we do.").
fn in_word_order(form: QuestionForm) -> bool {
    matches!(
        form,
        QuestionForm::Wh | QuestionForm::YesNo | QuestionForm::Choice
    )
}

/// The text ends with a punctuation mark other than a question mark and has none anywhere. Left
/// without any closing mark, the utterance may have been cut off before its question mark: that
/// says nothing.
fn closed_without_question_mark(text: &str) -> bool {
    let closed = text
        .trim_end()
        .ends_with(|c: char| c.is_ascii_punctuation() && c != '?');
    closed && !text.contains('?')
}

/// The next `statements` utterances are the same turn's and ask nothing.
fn goes_on_telling(call: &Annotated, i: usize, statements: usize) -> bool {
    let turn_end = call.turns[call.utterances[i].turn].utterances.end;
    let next = i + 1..i + 1 + statements;
    next.end <= turn_end
        && next
            .into_iter()
            .all(|j| !call.utterances[j].acts.contains(Act::Question))
}
