//! Each core rule end to end on short calls written for these tests: a positive and its near
//! misses, through the real reader, analysis and rule set.

use callscore::rules::RuleSet;
use callscore::transcript::{self, RoleOverrides};

/// (rule, line, message) of every finding of `rule` in a call with rep "Dana".
fn found(rule: &str, lines: &[&str]) -> Vec<(usize, String)> {
    let text = format!("# rep: Dana\n{}\n", lines.join("\n"));
    let t = transcript::parse("call.txt", text.as_bytes(), None)
        .unwrap()
        .remove(0);
    let report = callscore::score_call(t, &RuleSet::default_set(), &RoleOverrides::default());
    report
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.line, f.message))
        .collect()
}

fn lines_of(found: &[(usize, String)]) -> Vec<usize> {
    found.iter().map(|f| f.0).collect()
}

// Line 1 is the `# rep:` header, so the call's first utterance is line 2.

#[test]
fn train_selling_token_acknowledgement_then_agenda() {
    let f = found(
        "train-selling",
        &[
            "Dana: Morning Sam, how are you doing?",
            "Sam: Honestly, rough week. Our warehouse system crashed on Monday and we're still catching up.",
            "Dana: Oh, I know how that goes. Anyway, let me walk you through the agenda for today.",
            "Sam: Sure.",
        ],
    );
    assert_eq!(lines_of(&f), [4], "{f:?}");
    assert!(f[0].1.contains("token acknowledgement"), "{f:?}");
}

#[test]
fn train_selling_near_misses_engage() {
    let asks = [
        "Dana: Morning Sam, how are you doing?",
        "Sam: Honestly, rough week. Our warehouse system crashed on Monday and we're still catching up.",
        "Dana: Oh no. What happened with the system?",
        "Sam: A bad update. We lost two days of orders.",
    ];
    assert!(found("train-selling", &asks).is_empty());
    let hands_over = [
        "Dana: Morning Sam, how are you doing?",
        "Sam: Honestly, rough week. Our warehouse system crashed on Monday and we're still catching up.",
        "Dana: That sounds stressful. Do you still want to do this today, or should we move it to next week?",
    ];
    assert!(found("train-selling", &hands_over).is_empty());
    let neutral = [
        "Dana: How many orders a day do you ship?",
        "Sam: About nine hundred.",
        "Dana: Great. Anyway, let me walk you through the agenda for today.",
    ];
    assert!(found("train-selling", &neutral).is_empty());
}

#[test]
fn purposeless_opener_filler_without_a_reason() {
    let f = found(
        "purposeless-opener",
        &[
            "Dana: Hi Sam, it's Dana from Acme, just checking in to see how things are going.",
            "Sam: Fine, thanks.",
        ],
    );
    assert_eq!(lines_of(&f), [2], "{f:?}");
    assert!(f[0].1.starts_with("opened with '"), "{f:?}");
    let preamble = found(
        "purposeless-opener",
        &[
            "Dana: Hi Sam, Dana from Acme. I am calling to touch base.",
            "Sam: Okay.",
        ],
    );
    assert_eq!(
        lines_of(&preamble),
        [2],
        "a purpose phrase that introduces the filler is no purpose"
    );
}

#[test]
fn purposeless_opener_near_misses() {
    let with_purpose = [
        "Dana: Hi Sam, circling back on the rollout: the reason I'm calling is to confirm the cutover date.",
        "Sam: Sure.",
    ];
    assert!(found("purposeless-opener", &with_purpose).is_empty());
    let later = [
        "Dana: Hi Sam, Dana from Acme. I'm calling because your trial ends on Friday.",
        "Sam: Right.",
        "Dana: I'll check in with our architect and send you the plan.",
    ];
    assert!(found("purposeless-opener", &later).is_empty());
    let reaching_out = [
        "Dana: Hi Sam, Dana from Acme. I'm reaching out because your trial ends on Friday.",
        "Sam: Right.",
    ];
    assert!(found("purposeless-opener", &reaching_out).is_empty());
    let from_prospect = [
        "Sam: Hi Dana, just checking in on the quote you promised.",
        "Dana: Thanks for calling, Sam. It's ready, nine hundred a month.",
    ];
    assert!(found("purposeless-opener", &from_prospect).is_empty());
}

#[test]
fn unanswered_question_deflected_to_a_demo() {
    let f = found(
        "unanswered-question",
        &[
            "Dana: Hi Sam, Dana from Acme. I'm calling because you asked about pricing.",
            "Sam: Yes. What does it cost for a team of ten?",
            "Dana: Great question! Let me show you a demo first, you'll love the dashboards.",
            "Sam: I'd rather know the price. What does it cost for ten people?",
            "Dana: It's four hundred a month for ten seats.",
        ],
    );
    assert_eq!(lines_of(&f), [3], "{f:?}");
    assert!(f[0].1.starts_with("deflected to a demo"), "{f:?}");
}

#[test]
fn unanswered_question_near_misses() {
    let answered = [
        "Dana: Hi Sam, Dana from Acme. I'm calling because you asked about pricing.",
        "Sam: Yes. What does it cost for a team of ten?",
        "Dana: Four hundred a month for ten seats, billed yearly.",
    ];
    assert!(found("unanswered-question", &answered).is_empty());
    let rhetorical = [
        "Dana: Hi Sam, Dana from Acme. I'm calling because you asked about pricing.",
        "Sam: We're a small team, you know?",
        "Dana: Understood. For ten seats it's four hundred a month.",
    ];
    assert!(found("unanswered-question", &rhetorical).is_empty());
}

#[test]
fn missing_purpose_and_its_near_misses() {
    let none = [
        "Dana: Hi Sam, Dana from Acme. How's your week going?",
        "Sam: Good, busy.",
        "Dana: Glad to hear it. Have you looked at the new release?",
    ];
    assert_eq!(lines_of(&found("missing-purpose", &none)), [2]);
    let inbound = [
        "Dana: Thanks for calling Acme, this is Dana.",
        "Sam: Hi, I need a quote for ten seats.",
    ];
    assert!(found("missing-purpose", &inbound).is_empty());
    let filler = ["Dana: Hi Sam, just touching base.", "Sam: Hi."];
    assert!(
        found("missing-purpose", &filler).is_empty(),
        "purposeless-opener's case"
    );
}
