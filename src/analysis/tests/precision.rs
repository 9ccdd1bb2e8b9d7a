//! Utterances in question form that do not ask: checks said in passing, embedded wh-clauses.

use super::*;

#[test]
fn a_rising_check_followed_by_more_statement_does_not_ask() {
    assert_eq!(
        form(
            "We moved it to the new warehouse, you know, the one by the airport? Volumes doubled since then."
        ),
        None
    );
    // The listener still gets room to answer: nothing follows but a short tag.
    assert_eq!(
        form("So you moved it to the new warehouse? Okay."),
        Some(QuestionForm::Declarative)
    );
    // Question word order asks whatever follows.
    assert_eq!(
        form("Is the warehouse live yet? We need it by May."),
        Some(QuestionForm::YesNo)
    );
    // A second check after the first is still read.
    assert_eq!(
        form("You're on HubSpot? So your reps log calls there?"),
        Some(QuestionForm::Declarative)
    );
}

#[test]
fn a_rising_statement_inside_an_utterance_that_goes_on_does_not_ask() {
    // A search for a word, marked mid-utterance, is not handed to the listener.
    assert_eq!(form("So the rollout took, what is it? Uh, six weeks"), None);
    assert_eq!(form("The pilot ran in, like, Denver? Uh,"), None);
    // Question word order still asks; so does a check closed by an acknowledgement.
    assert_eq!(
        form("Where does the data live? Uh, roughly"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(
        form("So the pilot ran in Denver? Okay."),
        Some(QuestionForm::Declarative)
    );
}

#[test]
fn you_know_before_a_wh_clause_states_it() {
    assert_eq!(form("You know how procurement teams are,"), None);
    assert_eq!(
        form("well you know what is going to happen with the budget"),
        None
    );
    // Set off by a comma, "you know" is a filler before a real question.
    assert_eq!(
        form("You know, what's your timeline for the rollout"),
        Some(QuestionForm::Wh)
    );
    // A question mark or an inverted "do" makes it ask.
    assert!(form("You know what the seat limit is?").is_some());
    assert_eq!(
        form("Do you know how many seats you need"),
        Some(QuestionForm::YesNo)
    );
}

#[test]
fn a_pseudo_cleft_with_a_short_head_or_a_that_clause_states() {
    assert_eq!(
        form("And what is frustrating is that the export takes an hour."),
        None
    );
    assert_eq!(
        form("Well, what bugs my team is these manual exports every Friday,"),
        None
    );
    // "is" with its subject after it still asks.
    assert_eq!(
        form("what kind of contract is that"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(form("what is the renewal date"), Some(QuestionForm::Wh));
}

#[test]
fn a_wh_clause_met_only_with_backchannels_was_telling() {
    let asked = |reply: &str, first: &str| {
        let t = call(&[
            ("Jo", first),
            ("Rep", reply),
            ("Jo", "we'll probably archive most of it."),
        ]);
        annotate(&t, lexicon()).utterances[0].question.is_some()
    };
    let telling = "and what are we going to do with all that old data,";
    assert!(!asked("Uh-huh.", telling));
    assert!(!asked("Right, right.", telling));
    // A reply with content, or a question mark, shows it asked.
    assert!(asked("We can archive it for you.", telling));
    assert!(asked(
        "Uh-huh.",
        "and what are we going to do with all that old data?"
    ));
}

#[test]
fn unpunctuated_speech_keeps_a_wh_question_met_with_backchannels() {
    // Speech recognition writes no question marks: "uh-huh" and no answer is an unanswered
    // question, not telling.
    let t = call(&[
        ("Jo", "what are we going to do with all that old data"),
        ("Rep", "uh-huh"),
        ("Jo", "we'll probably archive most of it"),
    ]);
    assert!(annotate(&t, lexicon()).utterances[0].question.is_some());
}

#[test]
fn a_request_verb_in_someone_elses_clause_tells_of_a_request() {
    assert_eq!(
        form("My manager is going to walk me through the new pricing,"),
        None
    );
    assert_eq!(form("and they never tell me what the budget is,"), None);
    // Asked of the listener, or said as an imperative, it still asks.
    assert_eq!(
        form("Could you walk me through the new pricing"),
        Some(QuestionForm::OpenRequest)
    );
    assert_eq!(
        form("I'd love for you to tell me about your team"),
        Some(QuestionForm::OpenRequest)
    );
    assert_eq!(
        form("So just tell me about your team"),
        Some(QuestionForm::OpenRequest)
    );
}

#[test]
fn an_unmarked_question_followed_by_three_statements_was_not_waiting_for_an_answer() {
    let asked = |first: &str, more: &[&str]| {
        let mut lines = vec![("Jo", first)];
        lines.extend(more.iter().map(|&m| ("Jo", m)));
        lines.push(("Rep", "Wow, a full year."));
        annotate(&call(&lines), lexicon()).utterances[0]
            .question
            .is_some()
    };
    let telling = [
        "We rebuilt the pipeline.",
        "It took the whole year.",
        "Never again.",
    ];
    assert!(!asked("And what did we do about it.", &telling));
    assert!(!asked("So do we renew,", &telling));
    // Two statements, or a question mark, leave it a question.
    assert!(asked("And what did we do about it.", &telling[..2]));
    assert!(asked("And what did we do about it?", &telling));
    // Nor does a question left without any closing mark, perhaps cut off before it.
    assert!(asked(
        "Well, how do we roll it out to the field teams",
        &telling
    ));
    // Without punctuation nothing shows where the speaker stopped asking.
    let spoken = [
        "we rebuilt the pipeline",
        "it took the whole year",
        "never again",
    ];
    assert!(asked("so what did we do about it", &spoken));
}

#[test]
fn a_wh_subject_clause_after_and_goes_on_telling() {
    // Without punctuation, "and" joins the clause to the story.
    assert_eq!(form("and who knows what procurement will say"), None);
    assert_eq!(form("and how fast it grew surprised the whole team"), None);
    // Without "and" it still asks.
    assert_eq!(
        form("so what made you look at new vendors"),
        Some(QuestionForm::Wh)
    );
}

#[test]
fn a_wh_word_heading_a_statement_asks_only_with_a_question_mark() {
    assert_eq!(
        form("What happens if we cancel after a month?"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(
        form("What worked for your last rollout?"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(form("What happens is finance signs off on Fridays."), None);
    assert_eq!(form("What worked for us was a small pilot."), None);
    assert_eq!(form("what happens is the export runs overnight"), None);
}

#[test]
fn a_wh_word_with_a_question_mark_is_a_wh_question_even_without_an_auxiliary() {
    assert_eq!(form("Why?"), Some(QuestionForm::Wh));
    assert_eq!(form("Who signs off on that?"), Some(QuestionForm::Wh));
    assert_eq!(
        form("You moved it to Friday?"),
        Some(QuestionForm::Declarative)
    );
    // A wh-word left in place asks for content, even when the speaker goes on.
    assert_eq!(
        form("You moved the launch to when?"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(
        form("And the pilot starts when? Uh,"),
        Some(QuestionForm::Wh)
    );
    assert_eq!(form("We moved it to Friday? Uh,"), None);
}
