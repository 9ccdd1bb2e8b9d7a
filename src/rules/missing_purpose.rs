//! missing-purpose: the rep's opening never says why the rep is calling.

use super::config::{require, rule_table};
use super::phrases::PhraseList;
use super::{Check, Emit, OptionDoc, Rule, RuleDoc};
use crate::analysis::{Act, Annotated};
use crate::transcript::{Role, Turn};

pub const ID: &str = "missing-purpose";

rule_table!(
    /// `[rules.missing-purpose]`
    Table {
        opening_turns: usize,
        /// Phrases in the rep's first turn that show the prospect called in.
        inbound: Vec<String>,
    }
);

pub fn doc() -> RuleDoc {
    RuleDoc {
        id: ID.into(),
        summary: "The rep's opening has no purpose statement at all.".into(),
        flags: "A call whose rep opening turns never state a reason for the call (\"the purpose \
                of my call is\", \"I'm calling because\", \"my goal for today\"). When the opening \
                has a filler instead, purposeless-opener reports it and this rule stays quiet."
            .into(),
        why: "A stated purpose leads the conversation, respects the buyer's time and sets up \
              the two-way agreement on what the call is for; without one the call drifts."
            .into(),
        example: "Rep: Hi Sam, Dana from Acme. How's your week going?".into(),
        instead: "\"Hi Sam, Dana from Acme. I'm calling because your trial ends Friday and I'd \
                  like to agree on next steps.\""
            .into(),
        options: vec![
            OptionDoc::new(
                "opening_turns",
                "how many of the rep's first turns count as the opening",
            ),
            OptionDoc::new(
                "inbound",
                "phrases in the rep's first turn that show the prospect called in (\"thanks for \
                 calling\"); inbound calls are not judged, nor calls the prospect opens with a \
                 question or a reason",
            ),
        ],
    }
}

pub fn build(table: &Table) -> Result<Rule, String> {
    let inbound = require(table.inbound.as_ref(), ID, "inbound")?;
    let checker = MissingPurpose {
        opening_turns: require(table.opening_turns, ID, "opening_turns")?,
        inbound: PhraseList::new(ID, inbound)?,
    };
    Ok(Rule::new(doc(), table.settings(ID)?, checker))
}

#[derive(Debug)]
struct MissingPurpose {
    opening_turns: usize,
    inbound: PhraseList,
}

impl MissingPurpose {
    /// The prospect called in: the call's first turn or the rep's first turn says so ("thanks
    /// for calling", "I'm calling about the listing"), or the prospect opens the call with a
    /// question, a reason or news of their own. The caller owes the purpose, not the rep.
    fn inbound(&self, call: &Annotated) -> bool {
        let said = |t: &Turn| {
            t.utterances
                .clone()
                .any(|i| self.inbound.is_match(&call.transcript.utterances[i].text))
        };
        let first = call.turns.first();
        let rep_first = call.turns.iter().find(|t| t.role == Role::Rep);
        if first.into_iter().chain(rep_first).any(said) {
            return true;
        }
        first.is_some_and(|t| {
            t.role == Role::Prospect
                && t.utterances.clone().any(|i| {
                    let acts = call.utterances[i].acts;
                    [Act::Question, Act::Purpose, Act::Disclosure]
                        .into_iter()
                        .any(|act| acts.contains(act))
                })
        })
    }
}

impl Check for MissingPurpose {
    fn check(&self, call: &Annotated, out: &mut Emit) {
        let opening = out.opening(call, self.opening_turns);
        let Some(&first) = opening.utterances.first() else {
            return;
        };
        if opening.filler.is_none() && !opening.has_purpose && !self.inbound(call) {
            let turns = match self.opening_turns {
                1 => "first turn".to_string(),
                n => format!("first {n} turns"),
            };
            out.at(
                call,
                first,
                format!("the rep's {turns} never say why the rep is calling"),
                None,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Act;
    use crate::rules::testing::{check, marked, script};

    fn rule() -> MissingPurpose {
        let inbound = ["thanks for calling".to_string()];
        MissingPurpose {
            opening_turns: 2,
            inbound: PhraseList::new(ID, &inbound).unwrap(),
        }
    }

    #[test]
    fn inbound_calls_are_not_judged() {
        let t = script(&[
            "R: Thanks for calling Acme, this is Mia.",
            "P: Hi, I need a quote.",
        ]);
        assert!(check(&rule(), &marked(&t, &[])).is_empty());
        let t = script(&["P: Hi, is the flat still available?", "R: Yes it is."]);
        assert!(check(&rule(), &marked(&t, &[(1, &[Act::Question])])).is_empty());
        let t = script(&[
            "P: Hi, it's Laura. Any news?",
            "R: Hi Laura, thanks for calling!",
        ]);
        assert!(check(&rule(), &marked(&t, &[])).is_empty());
    }

    #[test]
    fn no_purpose_is_flagged_at_the_first_rep_utterance() {
        let t = script(&[
            "P: Hello?",
            "R: Hi, Dana from Acme.",
            "P: Hi.",
            "R: How's the week?",
        ]);
        let found = check(&rule(), &marked(&t, &[]));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 2);
    }

    #[test]
    fn a_filler_leaves_it_to_purposeless_opener() {
        let t = script(&["R: Just checking in.", "P: Hi."]);
        assert!(check(&rule(), &marked(&t, &[(1, &[Act::FillerOpener])])).is_empty());
    }

    #[test]
    fn a_purpose_in_the_second_turn_counts() {
        let t = script(&[
            "R: Hi Sam.",
            "P: Hi.",
            "R: The reason for my call is the renewal.",
        ]);
        assert!(check(&rule(), &marked(&t, &[(3, &[Act::Purpose])])).is_empty());
    }
}
