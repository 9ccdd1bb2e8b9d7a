//! unanswered-question: the prospect asks a real question and the rep does not answer it.

use super::config::{require, rule_table};
use super::{Check, Emit, OptionDoc, Rule, RuleDoc, times, utterances_of};
use crate::analysis::normalize::{self, class};
use crate::analysis::{Act, Annotated, Lexicon, Question, QuestionForm, QuestionStatus, questions};
use crate::transcript::Role;

pub const ID: &str = "unanswered-question";

rule_table!(
    /// `[rules.unanswered-question]`
    Table {
        /// Report a re-ask as its own finding, not only as part of the first ask.
        report_reasks: bool,
    }
);

pub fn doc() -> RuleDoc {
    RuleDoc {
        id: ID.into(),
        summary: "The prospect asks a real question and the rep deflects, defers or ignores it."
            .into(),
        flags: "A prospect question the rep deflects (offers a demo, praises the question and \
                changes the subject, pitches), defers (\"I'll have someone get back to you\"), \
                ignores by moving on, or leaves open because the call ends. An answer after a \
                clarifying question counts as an answer; re-asking is strong evidence that the \
                first ask was not answered. Rhetorical questions and fillers (\"you know?\") are \
                not questions."
            .into(),
        why: "A buyer who asks is engaged: it is the moment to teach and tailor. Dodging the \
              question loses the opportunity and the buyer's trust."
            .into(),
        example: "Prospect: Why do I need the KPIs in real time?\nRep: I can arrange a demo and a \
                  discussion for you."
            .into(),
        instead: "Answer, even briefly, then check: \"Because your plant managers act within the \
                  shift; weekly numbers arrive too late. Does that match what you see?\" If you \
                  do not know, say so and commit to a time: \"I don't know; I'll have the answer \
                  by Thursday noon.\""
            .into(),
        options: vec![OptionDoc::new(
            "report_reasks",
            "also report each re-ask of an unanswered question as its own finding",
        )],
    }
}

pub fn build(table: &Table) -> Result<Rule, String> {
    let checker = UnansweredQuestion {
        report_reasks: require(table.report_reasks, ID, "report_reasks")?,
    };
    Ok(Rule::new(doc(), table.settings(ID)?, checker))
}

#[derive(Debug)]
struct UnansweredQuestion {
    report_reasks: bool,
}

impl Check for UnansweredQuestion {
    fn check(&self, call: &Annotated, out: &mut Emit) {
        let mut reasks: Vec<usize> = Vec::new();
        for i in utterances_of(call, Role::Prospect) {
            let implied;
            let q = match &call.utterances[i].question {
                Some(q) => q,
                None => match implied_question(call, out, i) {
                    Some(q) => {
                        implied = q;
                        &implied
                    }
                    None => continue,
                },
            };
            let is_reask = reasks.contains(&i);
            reasks.extend(&q.reasked);
            // The analysis layer already weighs re-asks: a re-ask after a reply without answer
            // evidence makes the question ignored.
            if !q.status.is_unanswered()
                || (is_reask && !self.report_reasks)
                || restarted_at_once(call, i, q)
            {
                continue;
            }
            let reply = q.response;
            let labels = reply.map(|r| out.cue_labels(call, r)).unwrap_or_default();
            out.at(call, i, message(q, &labels), reply);
        }
    }
}

/// "Do you, uh," then "what does onboarding cost?": a question begun in a few words and asked
/// again at once by the same speaker, with one reply settling both, is reported once, at its
/// fuller wording.
fn restarted_at_once(call: &Annotated, i: usize, q: &Question) -> bool {
    call.utterances[i].words < IMPLIED_MIN_WORDS
        && i + 1 < call.utterances.len()
        && call.same_speaker(i, i + 1)
        && call.utterances[i + 1]
            .question
            .as_ref()
            .is_some_and(|next| next.status == q.status && next.response == q.response)
}

/// Fewest words for an utterance the reply shows to be a question.
const IMPLIED_MIN_WORDS: usize = 4;

/// A question the rep's reply shows was asked, though its wording did not (unpunctuated speech:
/// "can support come on site this week"): the rep's next utterance praises it as a question
/// ("great question") or defers it ("I'll get back to you on that").
fn implied_question(call: &Annotated, out: &Emit, i: usize) -> Option<Question> {
    let a = &call.utterances[i];
    if a.acts.contains(Act::Acknowledgement) || a.words < IMPLIED_MIN_WORDS {
        return None;
    }
    let next = i + 1;
    let reply = call.transcript.utterances.get(next)?;
    if reply.role != Role::Rep {
        return None;
    }
    let status = if call
        .cue_labels(next, out.lexicon())
        .any(|l| l.starts_with("deflection.praise"))
    {
        QuestionStatus::Deflected
    } else if call.utterances[next].acts.contains(Act::Deferral)
        && has_question_words(&call.transcript.utterances[i].text, out.lexicon())
    {
        QuestionStatus::Deferred
    } else {
        return None;
    };
    Some(Question {
        form: QuestionForm::Declarative,
        status,
        answer: None,
        response: Some(next),
        reasked: Vec::new(),
    })
}

/// A deferral may follow a statement ("we won't buy until it works" / "I'll let support know"):
/// then only a wh-word, or an auxiliary opening the clause ("can support come..."), makes it one.
fn has_question_words(text: &str, lexicon: &Lexicon) -> bool {
    let n = normalize::normalize(text, &lexicon.words);
    let core = questions::core_words(&n);
    let opens_with_aux = core
        .get(questions::clause_start(&n, core, lexicon))
        .is_some_and(|&w| n.is(w, class::INVERTING));
    opens_with_aux || (0..n.len()).any(|w| n.is(w, class::WH))
}

/// What the rep did, from the phrase list that matched the reply, and how often it was re-asked.
fn message(q: &Question, reply_cues: &[&str]) -> String {
    let cue = |group: &str| {
        reply_cues
            .iter()
            .find_map(|l| l.strip_prefix(group).and_then(|r| r.strip_prefix('.')))
    };
    let what = match q.status {
        QuestionStatus::Deflected => match cue("deflection") {
            Some("demo") => "deflected to a demo",
            Some("praise") => "praised the question, then changed the subject",
            Some("pitch") => "deflected into a pitch",
            Some("non_answer") => "brushed off without an answer",
            _ => "deflected",
        },
        QuestionStatus::Deferred => match cue("deferral") {
            Some("handoff") => "deferred to a colleague",
            Some("later") => "deferred to later",
            _ => "deferred",
        },
        QuestionStatus::Ignored => "ignored: the rep moved on without answering",
        QuestionStatus::Open => "never answered before the call ended",
        QuestionStatus::Answered => "answered",
    };
    match q.reasked.len() {
        0 => what.to_string(),
        n => format!("{what}; re-asked {}", times(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Act;
    use crate::rules::testing::{ask, check, marked, script};

    fn question(status: QuestionStatus, response: Option<usize>, reasked: Vec<usize>) -> Question {
        Question {
            form: QuestionForm::Wh,
            status,
            answer: None,
            response,
            reasked,
        }
    }

    fn rule() -> UnansweredQuestion {
        UnansweredQuestion {
            report_reasks: false,
        }
    }

    #[test]
    fn messages_say_what_the_rep_did() {
        let q = question(QuestionStatus::Deflected, Some(1), vec![2, 3]);
        assert_eq!(
            message(&q, &["deflection.demo"]),
            "deflected to a demo; re-asked twice"
        );
        let q = question(QuestionStatus::Deferred, Some(1), vec![]);
        assert_eq!(
            message(&q, &["next-step.send", "deferral.handoff"]),
            "deferred to a colleague"
        );
    }

    #[test]
    fn a_deflected_question_is_flagged_with_the_deflecting_reply() {
        let t = script(&[
            "P: Why do I need real-time KPIs?",
            "R: I can arrange a demo for you.",
            "P: Why, though?",
            "R: Our customers love it.",
        ]);
        let mut call = marked(&t, &[(2, &[Act::Deflection])]);
        ask(
            &mut call,
            1,
            question(QuestionStatus::Deflected, Some(1), vec![2]),
        );
        ask(
            &mut call,
            3,
            question(QuestionStatus::Ignored, Some(3), vec![]),
        );
        let found = check(&rule(), &call);
        assert_eq!(
            found.len(),
            1,
            "the re-ask is part of the first finding: {found:?}"
        );
        assert_eq!(found[0].line, 1);
        assert_eq!(found[0].related_line, Some(2));
        assert!(
            found[0].message.contains("re-asked once"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_question_begun_and_asked_again_at_once_is_reported_once() {
        // Two questions in a row, both deflected by the rep's one reply.
        let findings = |first: &str, second: &str| {
            let t = script(&[first, second, "R: Our customers love the dashboards."]);
            let mut call = marked(&t, &[(3, &[Act::Deflection])]);
            for line in [1, 2] {
                ask(
                    &mut call,
                    line,
                    question(QuestionStatus::Deflected, Some(2), vec![]),
                );
            }
            check(&rule(), &call)
        };
        let found = findings(
            "P: Do you, uh,",
            "P: what does onboarding cost for forty seats?",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].line, 2);
        // Two full questions answered by one deflection are two findings.
        let found = findings(
            "P: Is the data encrypted at rest?",
            "P: Where is it hosted?",
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_reply_that_defers_shows_an_unmarked_question() {
        let t = script(&[
            "P: can support come on site this week",
            "R: I'll pass that along.",
            "P: we sign next week",
            "R: Great.",
        ]);
        let call = marked(&t, &[(2, &[Act::Deferral])]);
        let found = check(&rule(), &call);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].related_line), (1, Some(2)));
        assert!(
            found[0].message.starts_with("deferred"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn answered_questions_and_rep_questions_are_fine() {
        let t = script(&[
            "R: How many seats?",
            "P: Forty. Does it do SSO?",
            "R: Yes, SAML and OIDC.",
        ]);
        let mut call = marked(&t, &[]);
        ask(
            &mut call,
            1,
            question(QuestionStatus::Ignored, None, vec![]),
        );
        ask(
            &mut call,
            2,
            question(QuestionStatus::Answered, None, vec![]),
        );
        assert!(check(&rule(), &call).is_empty());
    }

    #[test]
    fn a_question_left_open_says_so() {
        let t = script(&["R: Thanks, bye.", "P: Wait, what does it cost?"]);
        let mut call = marked(&t, &[]);
        ask(&mut call, 2, question(QuestionStatus::Open, None, vec![]));
        let found = check(&rule(), &call);
        assert_eq!(found[0].related_line, None);
        assert!(found[0].message.contains("call ended"));
    }
}
