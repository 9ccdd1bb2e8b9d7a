//! Cues read from how people talk on the phone: cut-off alternatives, unmarked tags, quoted
//! questions, answers over several lines, pre-closings.

use super::*;

#[test]
fn a_cut_off_alternative_after_or_still_asks() {
    assert_eq!(form("Or do you,"), Some(QuestionForm::Choice));
    assert_eq!(form("or are they, uh,"), Some(QuestionForm::Choice));
    assert_eq!(form("Or we could,"), None);
    assert_eq!(form("Do you,"), None);
}

#[test]
fn a_negative_tag_written_without_its_comma() {
    assert_eq!(
        form("That's a fair price isn't it."),
        Some(QuestionForm::Tag)
    );
    assert_eq!(
        form("It took longer than we planned didn't it."),
        Some(QuestionForm::Tag)
    );
    assert_eq!(form("The budget just wasn't there."), None);
    assert_eq!(form("So the pricing wasn't it."), None);
}

#[test]
fn a_tag_after_a_statement_about_the_listener_asks_to_confirm() {
    assert_eq!(
        form("You moved to the new CRM last year, right."),
        Some(QuestionForm::Tag)
    );
    assert_eq!(
        form("So you run payroll in house, huh."),
        Some(QuestionForm::Tag)
    );
    assert_eq!(form("He signed the renewal last week, right."), None);
    assert_eq!(form("You know, right."), None);
    assert_eq!(form("So you run payroll in house uh-huh."), None);
}

#[test]
fn a_question_quoted_from_someone_else_is_not_asked() {
    assert_eq!(
        form("And then our CFO goes, well, why do we need another tool?"),
        None
    );
    assert_eq!(
        form("They always ask me, how long does onboarding take?"),
        None
    );
    assert_eq!(
        form("You said, how long does onboarding take?"),
        Some(QuestionForm::Declarative)
    );
    assert_eq!(
        form("Did you go, what did the vendor quote you?"),
        Some(QuestionForm::YesNo)
    );
}

#[test]
fn a_thing_compared_with_was_like_quotes_nothing() {
    assert_eq!(
        form("So the old depot, it was like Denver, right?"),
        Some(QuestionForm::Tag)
    );
    assert_eq!(
        form("So there is, like, no cap on the seats we add?"),
        Some(QuestionForm::Declarative)
    );
    // A person before "was like" quotes.
    assert_eq!(form("And he was like, why do we need two tools?"), None);
}

#[test]
fn a_yes_said_over_two_lines_or_to_a_choice_question_answers() {
    let t = call(&[
        ("Rep", "Do you host it yourselves or in the cloud?"),
        ("Dana", "Yeah,"),
        ("Dana", "yeah."),
        ("Dana", "Okay."),
        ("Rep", "We should talk about the pilot."),
        ("Dana", "Yeah."),
    ]);
    let c = annotate(&t, lexicon());
    assert_eq!(
        c.utterances[0].question.as_ref().unwrap().form,
        QuestionForm::Choice
    );
    assert!(!c.utterances[1].acts.contains(Act::Acknowledgement));
    assert!(!c.utterances[2].acts.contains(Act::Acknowledgement));
    // After a statement the same word is a backchannel again.
    assert_eq!(c.utterances[5].ack, Some(AckKind::Backchannel));
}

#[test]
fn conditions_word_searches_and_listed_chores_are_not_questions() {
    assert_eq!(
        form("Had we known about the renewal, we would have budgeted for it."),
        None
    );
    assert_eq!(
        form("Had you used a CRM before?"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(form("our tool for, what's it called,"), None);
    assert_eq!(form("what's it called?"), Some(QuestionForm::Wh));
    assert_eq!(form("We import the orders and do the invoicing."), None);
    assert_eq!(form("And do the reports by hand."), None);
    assert_eq!(
        form("and do your reps log calls"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(form("do the reps log calls"), Some(QuestionForm::YesNo));
}

#[test]
fn okay_before_the_goodbye_is_a_pre_closing_not_an_acknowledgement() {
    let t = call(&[
        ("Rep", "We moved the pilot to March."),
        ("Dana", "Okay."),
        ("Rep", "I'll send the invite for Tuesday."),
        ("Dana", "All right."),
        ("Rep", "Thanks, bye."),
        ("Dana", "Bye."),
    ]);
    let c = annotate(&t, lexicon());
    assert!(!c.utterances[3].acts.contains(Act::Acknowledgement));
    assert!(!c.utterances[1].acts.contains(Act::Acknowledgement));
    let t = call(&[
        ("Rep", "We moved the pilot to March."),
        ("Dana", "Okay."),
        ("Rep", "I'll send the invite for Tuesday."),
        ("Dana", "All right."),
    ]);
    let c = annotate(&t, lexicon());
    assert_eq!(c.utterances[3].ack, Some(AckKind::Backchannel));
}

#[test]
fn a_cleft_may_mention_its_topic_after_a_preposition() {
    assert_eq!(
        form("And what's really nice about it is, the reports run overnight."),
        None
    );
    assert_eq!(
        form("who's the one that was on the call last week"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(
        form("what kind of plan do you think is best"),
        Some(QuestionForm::Wh)
    );
}

#[test]
fn a_reporting_verb_inside_a_question_quotes_nothing() {
    // Asked with its auxiliary dropped: the word order says yes/no before the mark does.
    assert_eq!(
        form("You ever thought of switching carriers?"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(form("My boss asked me, why do we pay for two tools?"), None);
    assert_eq!(form("And I thought is that even legal?"), None);
}

#[test]
fn a_question_restarted_after_an_abandoned_auxiliary() {
    assert_eq!(
        form("Are, um, do you still run payroll in house"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(
        form("Is, are they still on the old contract?"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(
        form("Or does, is it the finance team that signs"),
        Some(QuestionForm::Choice)
    );
    // The restarted subject may be a noun phrase.
    assert_eq!(
        form("Have, has anything changed since the pilot"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(
        form("Did, does your manager sign off on tools like this"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(form("Have, has been a long quarter for us"), None);
    // One verb, not a restart; a negative auxiliary opens a statement without its subject.
    assert_eq!(form("Will do that by Friday."), None);
    assert_eq!(form("Didn't, uh, do that part yet."), None);
    assert_eq!(form("Is, are they,"), None);
}

#[test]
fn a_subject_restarted_as_an_inversion_asks() {
    assert_eq!(
        form("So you, uh, have you looked at the renewal terms"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(
        form("And they, do they still use the old scanner"),
        Some(QuestionForm::YesNo)
    );
    // A stutter said twice states; another subject after the auxiliary starts something else.
    assert_eq!(form("I, I do, I do use the old scanner"), None);
    assert_eq!(form("So we, have you looked at the renewal terms."), None);
}

#[test]
fn you_and_a_polarity_item_ask_with_the_auxiliary_dropped() {
    assert_eq!(
        form("so you ever tried the mobile app"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(
        form("you got any budget left this quarter"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(
        form("you have any plans to add seats"),
        Some(QuestionForm::YesNo)
    );
    // A negation licenses the item in a statement; "any" two verbs on is a free choice.
    assert_eq!(form("you can pick any plan you like"), None);
    assert_eq!(form("you never got any budget for it"), None);
}

#[test]
fn an_opening_abandoned_for_a_question_asks_it_too() {
    let t = call(&[
        ("Rep", "Do you, uh,"),
        ("Rep", "what CRM is the team on today?"),
        ("Pat", "Salesforce, since last spring."),
    ]);
    let a = annotate(&t, lexicon());
    let opener = a.utterances[0].question.as_ref().expect("the opener asks");
    assert_eq!(opener.status, QuestionStatus::Answered);
    assert_eq!(opener.answer, Some(2));
    // Left for a statement, or for the other side, it asked nothing.
    let t = call(&[
        ("Rep", "Do you, uh,"),
        ("Rep", "we usually start with a short pilot."),
        ("Pat", "Sure."),
    ]);
    assert_eq!(annotate(&t, lexicon()).utterances[0].question, None);
    let t = call(&[("Rep", "Is it,"), ("Pat", "It is, yes.")]);
    assert_eq!(annotate(&t, lexicon()).utterances[0].question, None);
    let t = call(&[("Rep", "So am I"), ("Rep", "are you going to the summit?")]);
    assert_eq!(annotate(&t, lexicon()).utterances[0].question, None);
}

#[test]
fn a_negative_tag_set_off_inside_the_utterance_asks() {
    assert_eq!(
        form("That's the main blocker, isn't it, the budget."),
        Some(QuestionForm::Tag)
    );
    assert_eq!(
        form("The renewal is due in March, isn't it. Just checking."),
        Some(QuestionForm::Tag)
    );
    // One word before the tag is no statement; a negative statement takes no negative tag.
    assert_eq!(form("Pricing, uh, isn't it, it's the old plan."), None);
    assert_eq!(
        form("It never worked for us, didn't it, the old tool."),
        None
    );
}

#[test]
fn announcing_a_yes_no_question_asks_it() {
    assert_eq!(
        form("I wanted to ask if finance approved the order form."),
        Some(QuestionForm::OpenRequest)
    );
    assert_eq!(
        form("So I was going to ask you whether legal signed off."),
        Some(QuestionForm::OpenRequest)
    );
    assert_eq!(form("I was going to ask about the discount."), None);
    assert_eq!(form("Our CFO wanted to ask about the discount."), None);
}

#[test]
fn a_clause_after_because_gives_a_reason_it_does_not_ask() {
    assert_eq!(
        form("because I don't know if you need the reporting add-on."),
        None
    );
    assert_eq!(form("cause is it the price that matters most"), None);
    assert_eq!(
        form("I don't know if you need the reporting add-on."),
        Some(QuestionForm::OpenRequest)
    );
    assert_eq!(
        form("so is it the price that matters most"),
        Some(QuestionForm::YesNo)
    );
}

#[test]
fn an_auxiliary_before_a_bare_noun_asks_when_a_question_mark_says_so() {
    assert_eq!(
        form("Are margins tight this year?"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(
        form("Is pricing fixed for the whole term, you know?"),
        Some(QuestionForm::YesNo)
    );
    assert_eq!(
        form("Is pricing fixed or per seat?"),
        Some(QuestionForm::Choice)
    );
    // Without the mark a bare noun cannot be told from a verb; "you know?" alone is a filler.
    assert_eq!(form("Are margins tight this year"), None);
    assert_eq!(form("Pricing is fixed, you know?"), None);
}
