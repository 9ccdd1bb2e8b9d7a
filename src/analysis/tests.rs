//! Behaviour of the analysis layer with the default rule set, on sales-call sentences.

use super::*;
use crate::rules::RuleSet;
use crate::transcript::{Format, Role, Transcript, Utterance};
use std::sync::OnceLock;

mod precision;
mod speech;

fn lexicon() -> &'static Lexicon {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    &RULES.get_or_init(RuleSet::default_set).lexicon
}

/// A call from `(speaker, text)` pairs; "Rep" is the rep, anyone else a prospect.
fn call(lines: &[(&str, &str)]) -> Transcript {
    let mut t = Transcript::new("call.txt", Format::Text);
    t.utterances = lines
        .iter()
        .enumerate()
        .map(|(i, (speaker, text))| Utterance {
            speaker: (*speaker).into(),
            role: if *speaker == "Rep" {
                Role::Rep
            } else {
                Role::Prospect
            },
            text: text.to_string(),
            line: i + 1,
            ..Utterance::default()
        })
        .collect();
    t
}

/// The analysis of one utterance said on its own.
fn alone(text: &str) -> UtteranceAnalysis {
    let t = call(&[("Rep", text)]);
    annotate(&t, lexicon()).utterances.remove(0)
}

fn form(text: &str) -> Option<QuestionForm> {
    alone(text).question.map(|q| q.form)
}

/// The labels of the cues that match `text` said on its own.
fn labels(text: &str) -> Vec<&'static str> {
    let t = call(&[("Rep", text)]);
    annotate(&t, lexicon()).cue_labels(0, lexicon()).collect()
}

#[test]
fn yes_no_questions_without_punctuation() {
    assert_eq!(
        form("do you have a budget for this"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(
        form("so is the team using salesforce today"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(
        form("uh can we get the security review done"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(
        form("I was going to ask, do you already have a vendor"),
        Some(QuestionForm::YesNo)
    );
}

#[test]
fn wh_questions_without_punctuation() {
    assert_eq!(
        form("so what does your current process look like"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(
        form("how many reps are on the team"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(form("what's the timeline"), Some(QuestionForm::Wh));
}

#[test]
fn wh_clauses_that_are_statements() {
    assert_eq!(form("what I mean is we need it by March"), None);
    assert_eq!(
        form("when I was at my last company we used spreadsheets"),
        None
    );
    assert_eq!(form("what's interesting is that nobody complained"), None);
}

#[test]
fn choice_tag_declarative_and_open_requests() {
    assert_eq!(
        form("is it the price or the timing"),
        Some(QuestionForm::Choice)
    );
    assert_eq!(
        form("the rollout went fine, didn't it"),
        Some(QuestionForm::Tag)
    );
    assert_eq!(
        form("you don't use the mobile app, do you"),
        Some(QuestionForm::Tag)
    );
    assert_eq!(
        form("Your team is in Denver?"),
        Some(QuestionForm::Declarative)
    );
    assert_eq!(
        form("walk me through how approvals work today"),
        Some(QuestionForm::OpenRequest)
    );
    assert_eq!(
        form("tell me about the last outage"),
        Some(QuestionForm::OpenRequest)
    );
}

#[test]
fn fillers_rhetoric_and_fragments_are_not_questions() {
    assert_eq!(form("it was a long quarter, you know?"), None);
    assert_eq!(form("guess what?"), None);
    assert_eq!(form("why don't we start with the agenda"), None);
    assert_eq!(form("Do you,"), None);
    assert_eq!(form("we don't have to do it"), None);
    assert_eq!(form("and then she said, do you want the blue one"), None);
}

#[test]
fn a_question_among_statements_is_read_by_its_sentence() {
    assert_eq!(
        form("Does it integrate with NetSuite? We run billing there."),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(
        form("Finance keeps telling me it's fine. What's driving the renewal price?"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(
        form("You said you have two warehouses?"),
        Some(QuestionForm::Declarative)
    );
    assert_eq!(form("We looked at it. It was fine."), None);
}

#[test]
fn a_question_mark_turns_a_word_search_into_a_question() {
    assert_eq!(form("what do you call it"), None);
    assert_eq!(form("uh, what's his name,"), None);
    assert_eq!(form("What's his name?"), Some(QuestionForm::Wh));
}

#[test]
fn relative_and_cleft_wh_clauses_are_statements() {
    assert_eq!(form("so what we'll do is set up a sandbox"), None);
    assert_eq!(form("what I'm hearing is the audit slipped"), None);
    assert_eq!(
        form("what's nice about the new dashboard is it updates hourly"),
        None
    );
    assert_eq!(
        form("what do you think is the main blocker"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(form("how big is the team"), Some(QuestionForm::Wh));
}

#[test]
fn a_wh_question_to_oneself_in_written_text() {
    assert_eq!(form("Uh, what else did I want to cover."), None);
    assert_eq!(
        form("what else did I want to cover"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(form("What do I need to send you?"), Some(QuestionForm::Wh));
}

#[test]
fn greetings_imperatives_and_flat_echoes_are_not_questions() {
    assert_eq!(form("How are you doing today?"), None);
    assert_eq!(form("Do it."), None);
    assert_eq!(form("Oh, do you."), None);
    assert_eq!(form("Do you?"), Some(QuestionForm::YesNo));
}

#[test]
fn an_echo_said_as_a_question_acknowledges_and_asks() {
    let a = alone("Oh, you do?");
    assert!(a.acts.contains(Act::Acknowledgement));
    assert!(a.acts.contains(Act::Question));
    let t = call(&[
        ("Dana", "We have forty reps in the field."),
        ("Rep", "Forty reps?"),
    ]);
    let echo = &annotate(&t, lexicon()).utterances[1];
    assert_eq!(echo.ack, Some(AckKind::Reflection));
    assert!(echo.acts.contains(Act::Question));
}

#[test]
fn an_echo_of_a_question_answers_it_and_an_echo_of_a_statement_reflects() {
    // After a choice or yes-no question the echo is the answer; pairing takes it, not a later line.
    let t = call(&[
        ("Dana", "Is it the first shipment, or the whole backlog?"),
        ("Rep", "The whole backlog."),
        ("Dana", "Okay."),
        ("Rep", "Yes, the backlog."),
    ]);
    let a = annotate(&t, lexicon());
    assert_eq!(a.utterances[1].ack, None);
    assert!(!a.utterances[1].acts.contains(Act::Acknowledgement));
    let q = a.utterances[0]
        .question
        .as_ref()
        .expect("a choice question");
    assert_eq!(q.answer, Some(1));
    let t = call(&[
        ("Dana", "We moved the whole backlog last week."),
        ("Rep", "The whole backlog."),
    ]);
    let echo = &annotate(&t, lexicon()).utterances[1];
    assert_eq!(echo.ack, Some(AckKind::Reflection));
}

#[test]
fn an_indirect_question_to_the_listener() {
    assert_eq!(
        form("I don't know if you saw the proposal we sent."),
        Some(QuestionForm::OpenRequest)
    );
    assert_eq!(form("I don't know if it will ship this quarter."), None);
}

#[test]
fn an_elliptical_echo_question_acknowledges_and_asks() {
    for text in ["Do you?", "Is that right?"] {
        let a = alone(text);
        assert!(a.acts.contains(Act::Acknowledgement), "{text}");
        assert!(a.acts.contains(Act::Question), "{text}");
    }
    let right = alone("Right?");
    assert!(!right.acts.contains(Act::Acknowledgement));
    assert_eq!(right.question.map(|q| q.form), Some(QuestionForm::Tag));
}

#[test]
fn a_wh_question_inside_unpunctuated_speech() {
    assert_eq!(
        form("before we sign anything where is the customer data hosted"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(
        form("we only have a few seats so how would you price that"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(form("the people who are on the team like it"), None);
    assert_eq!(form("i keep thinking why can't i find the report"), None);
}

#[test]
fn acknowledgement_kinds() {
    let kind = |t: &str| alone(t).ack;
    assert_eq!(kind("uh-huh"), Some(AckKind::Backchannel));
    assert_eq!(kind("Okay, got it."), Some(AckKind::Acknowledgement));
    assert_eq!(kind("Oh wow, that's great!"), Some(AckKind::Appreciation));
    assert_eq!(
        kind("Oh no, I'm so sorry to hear that."),
        Some(AckKind::Sympathy)
    );
    assert_eq!(kind("Oh, really?"), Some(AckKind::Backchannel));
    assert_eq!(kind("yeah I think we should look at pricing first"), None);
    assert!(!alone("Oh, really?").acts.contains(Act::Question));
}

#[test]
fn token_acknowledgement_before_a_pivot() {
    let text = "Yeah, tough, I know. Hey, we've only got 28 minutes, let me check the agenda.";
    let a = alone(text);
    assert_eq!(a.ack, None);
    assert!(a.lead_ack.is_some());
    assert!(a.acts.contains(Act::Pivot));
    assert!(labels(text).contains(&"pivot.time"));
    assert!(labels(text).contains(&"pivot.agenda"));
}

#[test]
fn reflection_echoes_the_other_side() {
    let t = call(&[
        (
            "Dana",
            "our warehouse system went down during the migration",
        ),
        ("Rep", "the warehouse system went down"),
    ]);
    let call = annotate(&t, lexicon());
    assert_eq!(call.utterances[1].ack, Some(AckKind::Reflection));
}

#[test]
fn phrase_acts_name_their_list() {
    let text = "Great question, let me show you a demo.";
    assert!(alone(text).acts.contains(Act::Deflection));
    assert_eq!(labels(text), ["deflection.demo", "deflection.praise"]);
    let a = alone("I'll have someone from our team get back to you on that.");
    assert!(a.acts.contains(Act::Deferral));
    assert!(
        alone("The reason for my call is your renewal.")
            .acts
            .contains(Act::Purpose)
    );
    assert!(
        alone("Hi Sam, just touching base.")
            .acts
            .contains(Act::FillerOpener)
    );
    assert!(
        alone("We just had a tough call with our biggest client.")
            .acts
            .contains(Act::Disclosure)
    );
    assert!(
        alone("I'm swamped this week.")
            .acts
            .contains(Act::Disclosure)
    );
    assert!(
        alone("I'll send you a calendar invite for next Tuesday at 10.")
            .acts
            .contains(Act::NextStep)
    );
    assert!(alone("I'll check in with our architect.").cues.is_empty());
}

#[test]
fn disclosure_then_new_content_is_a_pivot() {
    let t = call(&[
        (
            "Dana",
            "Honestly I'm swamped, our system went down this morning.",
        ),
        (
            "Rep",
            "Sure. Our platform has forty integrations and a mobile app for your reps.",
        ),
    ]);
    let c = annotate(&t, lexicon());
    assert!(c.utterances[1].acts.contains(Act::Pivot));

    let t = call(&[
        (
            "Dana",
            "Honestly I'm swamped, our system went down this morning.",
        ),
        ("Rep", "Oh no. What happened?"),
    ]);
    let c = annotate(&t, lexicon());
    assert!(!c.utterances[1].acts.contains(Act::Pivot));
}

fn status(lines: &[(&str, &str)], at: usize) -> Question {
    let t = call(lines);
    annotate(&t, lexicon()).utterances[at]
        .question
        .clone()
        .expect("a question")
}

#[test]
fn yes_no_question_answered_by_yes() {
    let q = status(
        &[
            ("Dana", "does it integrate with hubspot"),
            ("Rep", "yes it does"),
        ],
        0,
    );
    assert_eq!(q.status, QuestionStatus::Answered);
    assert_eq!(q.answer, Some(1));
}

#[test]
fn answer_after_a_clarifying_question_and_a_backchannel() {
    let q = status(
        &[
            ("Dana", "how long does onboarding take"),
            ("Rep", "for the whole team or just the admins?"),
            ("Dana", "the whole team"),
            ("Rep", "uh-huh"),
            ("Rep", "usually about three weeks"),
        ],
        0,
    );
    assert_eq!(q.status, QuestionStatus::Answered);
    assert_eq!(q.answer, Some(4));
}

#[test]
fn a_direct_answer_followed_by_a_question_back_answers() {
    let q = status(
        &[
            ("Dana", "When will the contract be ready?"),
            (
                "Rep",
                "Tuesday afternoon. Do you want me to send it to legal as well?",
            ),
        ],
        0,
    );
    assert_eq!(q.status, QuestionStatus::Answered);
    assert_eq!(q.answer, Some(1));
    // A counter-question with no answer in it still waits for the answer.
    let q = status(
        &[
            ("Dana", "does it work with our scanners"),
            ("Rep", "which scanners do you use?"),
            ("Dana", "the zebra ones"),
            ("Rep", "yes those work out of the box"),
        ],
        0,
    );
    assert_eq!(q.status, QuestionStatus::Answered);
    assert_eq!(q.answer, Some(3));
}

#[test]
fn a_meeting_offered_instead_of_an_answer_deflects() {
    let q = status(
        &[
            ("Dana", "Is that enough to justify renewing?"),
            (
                "Rep",
                "I'd love to walk your CFO through it, let's set up a meeting next week.",
            ),
        ],
        0,
    );
    assert_eq!(q.status, QuestionStatus::Deflected);
    assert_eq!(q.response, Some(1));
    let q = status(
        &[
            ("Dana", "Is that enough to justify renewing?"),
            (
                "Rep",
                "Yes, easily. Let's set up a meeting to walk your CFO through it.",
            ),
        ],
        0,
    );
    assert_eq!(q.status, QuestionStatus::Answered);
}

#[test]
fn deflected_deferred_ignored_and_open() {
    let q = status(
        &[
            ("Dana", "what does it cost per seat"),
            ("Rep", "great question, let me show you a demo first"),
        ],
        0,
    );
    assert_eq!(q.status, QuestionStatus::Deflected);
    assert_eq!(q.response, Some(1));

    let q = status(
        &[
            ("Dana", "is the data encrypted at rest"),
            ("Rep", "let me loop in our technical team on that"),
        ],
        0,
    );
    assert_eq!(q.status, QuestionStatus::Deferred);

    let q = status(
        &[
            ("Dana", "what does it cost per seat"),
            ("Rep", "anyway, moving on to the agenda for today"),
        ],
        0,
    );
    assert_eq!(q.status, QuestionStatus::Ignored);

    let q = status(
        &[
            ("Rep", "thanks for your time"),
            ("Dana", "can I get a copy of the slides"),
        ],
        1,
    );
    assert_eq!(q.status, QuestionStatus::Open);
}

#[test]
fn reasking_marks_the_first_ask_unanswered() {
    let q = status(
        &[
            ("Dana", "what does the pricing look like for fifty seats"),
            ("Rep", "uh-huh"),
            ("Dana", "so what would pricing look like for fifty seats"),
            ("Rep", "it's forty dollars a seat"),
        ],
        0,
    );
    assert_eq!(q.status, QuestionStatus::Ignored);
    assert_eq!(q.reasked, vec![2]);
}

#[test]
fn overlap_measures_shared_content() {
    let t = call(&[
        (
            "Dana",
            "our invoicing system crashed during month end close",
        ),
        ("Rep", "how long was invoicing down at month end"),
        ("Rep", "let me show you our new dashboard"),
    ]);
    let c = annotate(&t, lexicon());
    assert!(overlap(&c, 0, 1) > 0.4);
    assert_eq!(overlap(&c, 0, 2), 0.0);
    assert!(overlap_with_turn(&c, 0, 1) > 0.4);
}

#[test]
fn yeah_after_a_yes_no_question_is_an_answer_not_a_backchannel() {
    let t = call(&[
        ("Dana", "we moved everything to the new warehouse"),
        ("Rep", "yeah"),
        ("Rep", "are you using the scanners there"),
        ("Dana", "yeah"),
    ]);
    let c = annotate(&t, lexicon());
    assert_eq!(c.utterances[1].ack, Some(AckKind::Backchannel));
    assert!(!c.utterances[3].acts.contains(Act::Acknowledgement));
    let q = c.utterances[2].question.as_ref().unwrap();
    assert_eq!((q.status, q.answer), (QuestionStatus::Answered, Some(3)));
}

#[test]
fn a_question_nobody_answers_before_the_window_closes_is_ignored() {
    let mut lines = vec![("Dana", "how do you handle returns")];
    lines.extend(std::iter::repeat_n(("Rep", "uh-huh"), 3));
    let q = status(&lines, 0);
    assert_eq!(q.status, QuestionStatus::Ignored);
}

#[test]
fn thresholds_outside_zero_to_one_are_refused() {
    let mut config = config::AnalysisConfig::default();
    config.pairing.reask_overlap = Some(1.5);
    let err = Lexicon::compile(&config).unwrap_err();
    assert!(err.contains("reask_overlap"), "{err}");
}

#[test]
fn asking_again_after_a_reply_that_did_not_answer() {
    let q = status(
        &[
            ("Dana", "what would pricing look like for fifty seats"),
            ("Rep", "we work with a lot of teams your size"),
            (
                "Dana",
                "right but what would pricing look like for fifty seats",
            ),
        ],
        0,
    );
    assert_eq!(q.status, QuestionStatus::Ignored);
    assert_eq!((q.answer, q.response), (None, Some(1)));
    assert_eq!(q.reasked, vec![2]);
}
