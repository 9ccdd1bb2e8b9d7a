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
use super::{Annotated, Question};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Evidence {
    None,
    /// The reply names a reason, an amount or a time, maybe in passing.
    Weak,
    /// The reply says yes or no to a yes-no question, or shares the question's words.
    Strong,
}

pub(crate) fn pair(call: &mut Annotated, norms: &[Normalized], lex: &Lexicon) {
    for i in 0..call.utterances.len() {
        let Some(q) = call.utterances[i].question.as_ref() else {
            continue;
        };
        let outcome = follow(call, norms, lex, i, q.form);
        if let Some(q) = call.utterances[i].question.as_mut() {
            *q = outcome;
        }
    }
}

fn follow(
    call: &Annotated,
    norms: &[Normalized],
    lex: &Lexicon,
    i: usize,
    form: QuestionForm,
) -> Question {
    let speakers = &call.transcript.utterances;
    let mut q = Question {
        form,
        status: QuestionStatus::Open,
        answer: None,
        response: None,
        reasked: Vec::new(),
    };
    let mut replies = 0;
    for j in i + 1..speakers.len() {
        let a = &call.utterances[j];
        if speakers[j].speaker == speakers[i].speaker {
            let reasked = replies > 0
                && a.acts.contains(Act::Question)
                && normalize::overlap(&call.utterances[i].content, &a.content) >= lex.reask_overlap;
            if reasked {
                q.reasked.push(j);
                q.status = QuestionStatus::Ignored;
                q.response = q.response.or(Some(j - 1));
                return q;
            }
            continue;
        }
        replies += 1;
        if replies > lex.answer_window {
            break;
        }
        let evidence = evidence(call, norms, lex, i, j, form);
        let settled = if a.acts.contains(Act::Deferral) && evidence < Evidence::Strong {
            Some(QuestionStatus::Deferred)
        } else if a.acts.contains(Act::Deflection) && evidence < Evidence::Strong {
            Some(QuestionStatus::Deflected)
        } else if a.acts.contains(Act::Acknowledgement) || a.acts.contains(Act::Question) {
            // A backchannel or a clarifying question: the answer may still come.
            q.response.get_or_insert(j);
            None
        } else if a.acts.contains(Act::Pivot) && evidence < Evidence::Strong {
            Some(QuestionStatus::Ignored)
        } else {
            Some(QuestionStatus::Answered)
        };
        if let Some(status) = settled {
            q.status = status;
            if status == QuestionStatus::Answered {
                q.answer = Some(j);
                q.response = None;
            } else {
                q.response = Some(j);
            }
            return q;
        }
    }
    if replies > 0 {
        q.status = QuestionStatus::Ignored;
    }
    q
}

/// Whether reply `j` carries what question `i` asked for.
fn evidence(
    call: &Annotated,
    norms: &[Normalized],
    lex: &Lexicon,
    i: usize,
    j: usize,
    form: QuestionForm,
) -> Evidence {
    let reply = &norms[j];
    let polar = matches!(
        form,
        QuestionForm::YesNo | QuestionForm::Tag | QuestionForm::Declarative | QuestionForm::Choice
    );
    if polar && starts_with_yes_no(reply, lex) {
        return Evidence::Strong;
    }
    if normalize::overlap(&call.utterances[i].content, &call.utterances[j].content)
        >= lex.answer_overlap
    {
        return Evidence::Strong;
    }
    let open = matches!(form, QuestionForm::Wh | QuestionForm::OpenRequest);
    if open
        && (0..reply.len()).any(|k| reply.is(k, class::ANSWER_MARKER) || is_number(reply.word(k)))
    {
        return Evidence::Weak;
    }
    Evidence::None
}

/// The reply opens with a yes/no phrase, maybe after padding ("oh, yeah", "uh-huh", "well no").
fn starts_with_yes_no(n: &Normalized, lex: &Lexicon) -> bool {
    let after_padding = (0..n.len()).find(|&k| !n.is(k, class::HESITATION | class::ACK_PADDING));
    [Some(0), after_padding].into_iter().flatten().any(|k| {
        (1..=2).filter(|len| k + len <= n.len()).any(|len| {
            let phrase = &n.padded[n.spans[k].0 as usize..n.spans[k + len - 1].1 as usize];
            lex.is_yes_no(phrase)
        })
    })
}

fn is_number(w: &str) -> bool {
    w.bytes().next().is_some_and(|b| b.is_ascii_digit())
}
