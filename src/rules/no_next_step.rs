//! no-next-step: the call ends without the rep proposing a concrete next step.

use super::config::{require, rule_table};
use super::{Check, Emit, OptionDoc, Rule, RuleDoc};
use crate::analysis::{Act, Annotated};
use crate::transcript::Role;

pub const ID: &str = "no-next-step";

rule_table!(
    /// `[rules.no-next-step]`
    Table { closing_turns: usize, min_turns: usize }
);

pub fn doc() -> RuleDoc {
    RuleDoc {
        id: ID.into(),
        summary: "The call ends without the rep proposing a concrete next step.".into(),
        flags: "A call whose last closing_turns turns hold no rep proposal of a concrete next \
                step: a date, a time, a meeting, something to send. Calls shorter than min_turns \
                turns are not judged."
            .into(),
        why: "Without an agreed next step the deal stalls; knowing the purpose of the next \
              communication is part of every call's purpose."
            .into(),
        example: "Rep: Great talking to you, I'll let you go. Bye!".into(),
        instead: "\"Shall we book 30 minutes on Tuesday at 10 with your IT lead to go through \
                  security? I'll send the invite and the questionnaire today.\""
            .into(),
        options: vec![
            OptionDoc::new(
                "closing_turns",
                "how many of the call's last turns count as the close",
            ),
            OptionDoc::new(
                "min_turns",
                "calls with fewer turns than this are not judged",
            ),
        ],
    }
}

pub fn build(table: &Table) -> Result<Rule, String> {
    let checker = NoNextStep {
        closing_turns: require(table.closing_turns, ID, "closing_turns")?,
        min_turns: require(table.min_turns, ID, "min_turns")?,
    };
    Ok(Rule::new(doc(), table.settings(ID)?, checker))
}

#[derive(Debug)]
struct NoNextStep {
    closing_turns: usize,
    min_turns: usize,
}

impl Check for NoNextStep {
    fn check(&self, call: &Annotated, out: &mut Emit) {
        if call.turns.len() < self.min_turns {
            return;
        }
        let close = &call.turns[call.turns.len().saturating_sub(self.closing_turns)..];
        let rep_utterances = || {
            close
                .iter()
                .filter(|t| t.role == Role::Rep)
                .flat_map(|t| t.utterances.clone())
        };
        if rep_utterances().any(|i| call.utterances[i].acts.contains(Act::NextStep)) {
            return;
        }
        if let Some(last) = rep_utterances().last() {
            let message = "the call ends without the rep proposing a next step (no date, \
                           meeting or follow-up)"
                .to_string();
            out.at(call, last, message, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check, marked, script};

    fn rule() -> NoNextStep {
        NoNextStep {
            closing_turns: 3,
            min_turns: 2,
        }
    }

    const CALL: [&str; 5] = [
        "R: Hi.",
        "P: Hi.",
        "R: Let's meet Tuesday at ten.",
        "P: Fine.",
        "R: Bye.",
    ];

    #[test]
    fn a_call_without_a_next_step_is_flagged_at_the_last_rep_utterance() {
        let t = script(&CALL);
        let found = check(&rule(), &marked(&t, &[]));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 5);
    }

    #[test]
    fn a_next_step_in_the_close_is_fine() {
        let t = script(&CALL);
        assert!(check(&rule(), &marked(&t, &[(3, &[Act::NextStep])])).is_empty());
    }

    #[test]
    fn a_next_step_early_in_a_long_call_does_not_count() {
        let t = script(&CALL);
        let r = NoNextStep {
            closing_turns: 2,
            min_turns: 2,
        };
        assert_eq!(check(&r, &marked(&t, &[(3, &[Act::NextStep])])).len(), 1);
    }
}
