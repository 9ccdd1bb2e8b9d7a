//! Question → answer pairing: for every question, what did the other side do next?
//!
//! The other side's utterances within `answer_window` are read in order. Backchannels and
//! clarifying questions are passed over (the answer may come after them); a deferral or a
//! deflection without answer evidence settles it; a pivot without evidence ignores it; any other
//! statement answers it. When the asker asks the same thing again after the other side had a
//! say, the first ask was not answered.

use super::acts::{Act, QuestionForm, QuestionStatus};
use super::lexicon::Lexicon;
use super::normalize::{self, Normalized, class};

/// What an utterance offers as an answer, read while it was normalised.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ReplyCues {
    /// Opens with a yes/no phrase ("yeah", "uh-huh, no").
    pub yes_no: bool,
    /// Names a reason, an amount or a time ("because", "forty", "Tuesday", "30").
    pub answer_marker: bool,
}

impl ReplyCues {
    pub(crate) fn read(n: &Normalized, lex: &Lexicon) -> ReplyCues {
        ReplyCues {
            yes_no: starts_with_yes_no(n, lex),
            // The union of the words' bits answers for the markers: the walk looks for numbers.
            answer_marker: n.any_is(class::ANSWER_MARKER)
                || n.words.iter().any(|w| starts_number(&n.padded, w.start)),
        }
    }
}
use super::{Annotated, Question};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Evidence {
    None,
    /// The reply names a reason, an amount or a time, maybe in passing.
    Weak,
    /// The reply says yes or no to a yes-no question, or shares the question's words.
    Strong,
}

pub(crate) fn pair(call: &mut Annotated, replies: &[ReplyCues], lex: &Lexicon) {
    for i in 0..call.utterances.len() {
        let Some(q) = call.utterances[i].question.as_ref() else {
            continue;
        };
        let outcome = follow(call, replies, lex, i, q.form);
        if let Some(q) = call.utterances[i].question.as_mut() {
            *q = outcome;
        }
    }
}

fn follow(
    call: &Annotated,
    replies: &[ReplyCues],
    lex: &Lexicon,
    i: usize,
    form: QuestionForm,
) -> Question {
    let said = &call.transcript.utterances;
    let mut q = Question {
        form,
        status: QuestionStatus::Open,
        answer: None,
        response: None,
        reasked: Vec::new(),
    };
    let mut heard = 0;
    let mut next = said.len();
    for j in i + 1..said.len() {
        let a = &call.utterances[j];
        if call.same_speaker(i, j) {
            if heard > 0 && is_reask(call, lex, i, j) {
                q.status = QuestionStatus::Ignored;
                q.response = q.response.or(Some(j - 1));
                next = j;
                break;
            }
            continue;
        }
        heard += 1;
        if heard > lex.answer_window {
            next = j;
            break;
        }
        let offers_meeting =
            a.acts.contains(Act::NextStep) && call.has_cue(j, lex, "next-step.meeting");
        let direct = answers_directly(replies[j], form);
        let evidence = || evidence(call, replies, lex, i, j, form);
        if let Some(status) = settle(a, evidence, direct, offers_meeting) {
            q.status = status;
            if status == QuestionStatus::Answered {
                q.answer = Some(j);
                q.response = None;
            } else {
                q.response = Some(j);
            }
            next = j + 1;
            break;
        }
        // A backchannel or a clarifying question: the answer may still come.
        q.response.get_or_insert(j);
    }
    if q.status == QuestionStatus::Open && heard > 0 && next == said.len() {
        q.status = QuestionStatus::Ignored;
    }
    if q.status == QuestionStatus::Open && heard > lex.answer_window {
        q.status = QuestionStatus::Ignored;
    }
    q.reasked = reasks(call, lex, i, next.min(said.len()));
    // Asking again after a reply that neither said yes/no nor took up the question's words
    // means the reply did not answer. The answer's evidence is read again only here.
    if q.status == QuestionStatus::Answered
        && !q.reasked.is_empty()
        && q.answer
            .is_some_and(|j| evidence(call, replies, lex, i, j, form) < Evidence::Strong)
    {
        q.status = QuestionStatus::Ignored;
        q.response = q.answer.take();
    }
    q
}

/// What a reply does to the question, or `None` when it passes (backchannel, counter-question).
/// A reply that asks back after a direct answer ("By Friday. Can we meet at eleven?") answers.
/// Only a deferral, a deflection, a pivot or a meeting offered weighs the reply's `evidence` (a
/// content overlap): it is read for them alone.
fn settle(
    a: &super::UtteranceAnalysis,
    evidence: impl FnOnce() -> Evidence,
    direct: bool,
    offers_meeting: bool,
) -> Option<QuestionStatus> {
    let weighed = a.acts.contains(Act::Deferral)
        || a.acts.contains(Act::Deflection)
        || a.acts.contains(Act::Pivot)
        || offers_meeting;
    // Unread, the evidence stands at any value: every test of it below is behind one of those.
    let evidence = if weighed { evidence() } else { Evidence::None };
    let weak = evidence < Evidence::Strong;
    if a.acts.contains(Act::Deferral) && weak {
        Some(QuestionStatus::Deferred)
    } else if a.acts.contains(Act::Deflection) && weak {
        Some(QuestionStatus::Deflected)
    } else if offers_meeting && evidence == Evidence::None && !direct {
        // Proposing a meeting instead of answering ("let's get something on the calendar").
        Some(QuestionStatus::Deflected)
    } else if a.acts.contains(Act::Question) && direct {
        Some(QuestionStatus::Answered)
    } else if a.acts.contains(Act::Acknowledgement) || a.acts.contains(Act::Question) {
        None
    } else if a.acts.contains(Act::Pivot) && weak {
        Some(QuestionStatus::Ignored)
    } else {
        Some(QuestionStatus::Answered)
    }
}

/// The reply gives the kind of answer the question asked for: yes or no to a yes-no question,
/// a reason, an amount or a time to a wh-question. (Shared words alone do not count here: a
/// clarifying counter-question repeats the question's words.)
fn answers_directly(reply: ReplyCues, form: QuestionForm) -> bool {
    match form {
        QuestionForm::YesNo | QuestionForm::Tag | QuestionForm::Declarative => reply.yes_no,
        QuestionForm::Wh | QuestionForm::OpenRequest => reply.answer_marker,
        QuestionForm::Choice => false,
    }
}

/// Utterance `j` asks question `i` again: same speaker, a question, mostly the same words.
// Inlined, so that the act bit is tested in the caller's loop without a call: most utterances
// ask nothing, and it costs less than comparing names.
#[inline(always)]
fn is_reask(call: &Annotated, lex: &Lexicon, i: usize, j: usize) -> bool {
    call.utterances[j].acts.contains(Act::Question) && asks_again(call, lex, i, j)
}

/// `is_reask` for a `j` that asks something.
#[inline(never)]
fn asks_again(call: &Annotated, lex: &Lexicon, i: usize, j: usize) -> bool {
    let (a, b) = (call.content(i), call.content(j));
    if !call.same_speaker(i, j) {
        return false;
    }
    // Shared over the larger set: a follow-up that narrows the topic is not the same question.
    let larger = a.len().max(b.len());
    // At most the smaller set is shared: when even that falls short, no merge is needed. (The
    // bound holds in floating point too: `overlap` is at most 1, and rounding is monotonic.)
    if larger > 0 && (a.len().min(b.len()) as f64) / (larger as f64) < lex.reask_overlap {
        return false;
    }
    let shared = normalize::overlap(a, b) * a.len().min(b.len()) as f64;
    larger > 0 && shared / larger as f64 >= lex.reask_overlap
}

/// Later asks of question `i`, from utterance `from` on, within the answer window.
fn reasks(call: &Annotated, lex: &Lexicon, i: usize, from: usize) -> Vec<usize> {
    let end = (from + 2 * lex.answer_window).min(call.utterances.len());
    (from..end).filter(|&j| is_reask(call, lex, i, j)).collect()
}

/// Whether reply `j` carries what question `i` asked for.
fn evidence(
    call: &Annotated,
    replies: &[ReplyCues],
    lex: &Lexicon,
    i: usize,
    j: usize,
    form: QuestionForm,
) -> Evidence {
    let reply = replies[j];
    let polar = matches!(
        form,
        QuestionForm::YesNo | QuestionForm::Tag | QuestionForm::Declarative | QuestionForm::Choice
    );
    if polar && reply.yes_no {
        return Evidence::Strong;
    }
    if normalize::overlap(call.content(i), call.content(j)) >= lex.answer_overlap {
        return Evidence::Strong;
    }
    let open = matches!(form, QuestionForm::Wh | QuestionForm::OpenRequest);
    if open && reply.answer_marker {
        return Evidence::Weak;
    }
    Evidence::None
}

/// The reply opens with a yes/no phrase, maybe after padding ("oh, yeah", "uh-huh", "well no").
fn starts_with_yes_no(n: &Normalized, lex: &Lexicon) -> bool {
    let opens_at = |k: usize| {
        (1..=2)
            .filter(|len| k + len <= n.len())
            .any(|len| lex.is_yes_no_at(n, k, len))
    };
    // The padding is skipped only when the first word does not answer, and a reply that opens
    // without padding is not read twice.
    opens_at(0)
        || (0..n.len())
            .find(|&k| !n.is(k, class::HESITATION | class::ACK_PADDING))
            .is_some_and(|k| k != 0 && opens_at(k))
}

/// The word at byte `start` of `padded` begins with a digit.
fn starts_number(padded: &[u8], start: u32) -> bool {
    padded.get(start as usize).is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::UtteranceAnalysis;

    /// The answer-marker cue read from the union of the words' bits is the one the walk over
    /// every word's bits and first byte gives.
    #[test]
    fn answer_markers_are_found_as_the_word_walk_finds_them() {
        let rules = crate::rules::RuleSet::default_set();
        let lex = &rules.lexicon;
        for text in [
            "",
            "yeah",
            "because the budget ran out",
            "we have 30 reps",
            "forty, maybe",
            "on Tuesday, I think.",
            "uh, no idea, sorry",
            "it's the 3rd",
        ] {
            let n = crate::analysis::normalize::normalize(text, &lex.words);
            let walk = n.words.iter().any(|w| {
                w.classes & class::ANSWER_MARKER != 0 || starts_number(&n.padded, w.start)
            });
            assert_eq!(ReplyCues::read(&n, lex).answer_marker, walk, "{text:?}");
        }
    }

    /// What `settle` decides with the reply's evidence read first, whatever the acts: the
    /// decision table it reads lazily.
    fn settle_on(
        a: &UtteranceAnalysis,
        evidence: Evidence,
        direct: bool,
        offers_meeting: bool,
    ) -> Option<QuestionStatus> {
        let weak = evidence < Evidence::Strong;
        if a.acts.contains(Act::Deferral) && weak {
            Some(QuestionStatus::Deferred)
        } else if a.acts.contains(Act::Deflection) && weak {
            Some(QuestionStatus::Deflected)
        } else if offers_meeting && evidence == Evidence::None && !direct {
            // Proposing a meeting instead of answering.
            Some(QuestionStatus::Deflected)
        } else if a.acts.contains(Act::Question) && direct {
            Some(QuestionStatus::Answered)
        } else if a.acts.contains(Act::Acknowledgement) || a.acts.contains(Act::Question) {
            None
        } else if a.acts.contains(Act::Pivot) && weak {
            Some(QuestionStatus::Ignored)
        } else {
            Some(QuestionStatus::Answered)
        }
    }

    /// `settle` reads the evidence at most once and only for a deferral, a deflection, a pivot
    /// or a meeting offered, and decides as `settle_on` with the evidence read does, for every
    /// set of acts.
    #[test]
    fn settle_decides_as_settle_on_does() {
        for bits in 0..1u32 << Act::ALL.len() {
            let mut a = UtteranceAnalysis::default();
            for (k, act) in Act::ALL.into_iter().enumerate() {
                if bits & 1 << k != 0 {
                    a.acts.insert(act);
                }
            }
            let weighs = a.acts.contains(Act::Deferral)
                || a.acts.contains(Act::Deflection)
                || a.acts.contains(Act::Pivot);
            for evidence in [Evidence::None, Evidence::Weak, Evidence::Strong] {
                for (direct, offers_meeting) in
                    [(false, false), (false, true), (true, false), (true, true)]
                {
                    let reads = std::cell::Cell::new(0);
                    let read = || {
                        reads.set(reads.get() + 1);
                        evidence
                    };
                    assert_eq!(
                        settle(&a, read, direct, offers_meeting),
                        settle_on(&a, evidence, direct, offers_meeting),
                        "{:?} {evidence:?} direct {direct} meeting {offers_meeting}",
                        a.acts
                    );
                    assert!(reads.get() <= 1, "{:?}", a.acts);
                    if !weighs && !offers_meeting {
                        assert_eq!(reads.get(), 0, "{:?}", a.acts);
                    }
                }
            }
        }
    }
}
