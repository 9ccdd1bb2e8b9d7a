//! Questions that the speaker begins, abandons and begins again: read from where they restart.
//! Recall cues kept apart from `questions`, which reads an utterance as it stands.

use super::Annotated;
use super::acts::Act;
use super::normalize::{Normalized, class};
use super::questions::{INVERTED_SUBJECT, core_words};

/// "Are, um, do you still run payroll in house": an auxiliary left at a break (a comma, a hesitation) for
/// another one that inverts with its subject. The question starts at the second auxiliary.
/// Without the break, "will do that" or "could have it" is one verb, not a restart.
/// "And you, uh, have you tried the pilot": a subject left the same way, for an auxiliary
/// inverted with that same subject.
pub(crate) fn restarted_inversion(n: &Normalized, core: &[usize], lead: usize) -> bool {
    use class::*;
    let (Some(&first), Some(&second), Some(&subject)) =
        (core.get(lead), core.get(lead + 1), core.get(lead + 2))
    else {
        return false;
    };
    let broke_off = n.is(second, AFTER_BREAK) || second > first + 1;
    let abandoned_auxiliary = || {
        n.is(first, AUX)
            && !n.is(first, NEGATION)
            && n.word(first) != n.word(second)
            && n.is(subject, INVERTED_SUBJECT)
    };
    // The subject said again after the auxiliary ("you, do they" starts something else), and
    // left with nothing but a hesitation after it: in "I, I do, I do use it" the first "I"
    // is a stutter collapsed in `core`, and "I do" a statement said twice.
    let abandoned_subject = || {
        n.is(first, SUBJECT)
            && n.word(first) == n.word(subject)
            && (first + 1..second).all(|i| n.is(i, HESITATION))
    };
    broke_off && n.is(second, AUX) && (abandoned_auxiliary() || abandoned_subject())
}

/// "Do you, uh,": an auxiliary and its subject and nothing more, without a question mark. On
/// its own it asks nothing yet (see `questions::detect`). `lead` is the utterance's
/// `questions::clause_start`.
pub(crate) fn opens_question(n: &Normalized, lead: usize) -> bool {
    use class::*;
    let core = core_words(n);
    let &[aux, subject] = &core[lead..] else {
        return false;
    };
    // "So am I." agrees ("So, did they," asks); a full stop says the speaker ended there.
    let agrees = lead > 0 && n.is(core[lead - 1], EMBEDDER) && !n.is(aux, AFTER_BREAK);
    !n.question_mark && !n.full_stop && !agrees && n.is(aux, AUX) && n.is(subject, INVERTED_SUBJECT)
}

/// An opening left unfinished ("Do you, uh,") and followed at once by the same speaker's
/// question ("what CRM are you on?") is where that question began: both ask it, and the
/// other side's reply answers both.
pub(crate) fn mark_abandoned_openers(call: &mut Annotated, opens: &[bool]) {
    // The last utterance has no next one to have begun.
    let last = call.utterances.len().saturating_sub(1);
    for (i, &opens_question) in opens.iter().enumerate().take(last) {
        if !opens_question
            || !call.same_speaker(i, i + 1)
            || call.utterances[i].acts.contains(Act::Question)
            || call.utterances[i].acts.contains(Act::Acknowledgement)
        {
            continue;
        }
        if let Some(next) = call.utterances[i + 1].question.clone() {
            let a = &mut call.utterances[i];
            a.acts.insert(Act::Question);
            a.question = Some(next);
        }
    }
}
