//! monologue: a rep turn that runs too long.

use super::config::{require, rule_table};
use super::whole::Whole;
use super::{Check, Emit, OptionDoc, Rule, RuleDoc};
use crate::analysis::Annotated;
use crate::transcript::{Role, Turn};

pub const ID: &str = "monologue";

rule_table!(
    /// `[rules.monologue]`
    Table { max_seconds: f64, max_words: usize }
);

/// `limits`: the current (seconds, words), shown in the summary.
pub fn doc(limits: Option<(f64, usize)>) -> RuleDoc {
    let summary = match limits {
        Some((s, w)) => format!("A rep turn runs longer than {s} s (with times) or {w} words."),
        None => "A rep turn runs longer than the limit.".to_string(),
    };
    RuleDoc {
        id: ID.into(),
        summary,
        flags: "A rep turn (the rep's consecutive utterances) longer than max_seconds when the \
                transcript has times, or longer than max_words."
            .into(),
        why: "Buyers stop listening during long monologues; published call research finds the \
              rep's longest stretches are far shorter on calls that win. A long pitch also \
              leaves no room for the buyer's world."
            .into(),
        example: "Rep: (two minutes on features, integrations and customer logos without a pause)"
            .into(),
        instead: "Break it up: make one point, then ask \"How does that compare with how you do \
                  it today?\""
            .into(),
        options: vec![
            OptionDoc::new(
                "max_seconds",
                "longest rep turn, in seconds, when the call has times",
            ),
            OptionDoc::new("max_words", "longest rep turn, in words"),
        ],
    }
}

pub fn build(table: &Table) -> Result<Rule, String> {
    let checker = Monologue {
        max_seconds: require(table.max_seconds, ID, "max_seconds")?,
        max_words: require(table.max_words, ID, "max_words")?,
    };
    let doc = doc(Some((checker.max_seconds, checker.max_words)));
    Ok(Rule::new(doc, table.settings(ID)?, checker))
}

#[derive(Debug)]
struct Monologue {
    max_seconds: f64,
    max_words: usize,
}

impl Check for Monologue {
    fn check(&self, call: &Annotated, out: &mut Emit) {
        for turn in call.turns.iter().filter(|t| t.role == Role::Rep) {
            let words = call.turn_words(turn);
            let seconds = duration(call, turn);
            let too_long = seconds.is_some_and(|s| s > self.max_seconds);
            if too_long || words > self.max_words {
                let message = match seconds {
                    Some(s) => format!(
                        "the rep spoke for {} s without a break ({words} words; limit {} s)",
                        Whole(s),
                        Whole(self.max_seconds)
                    ),
                    None => format!(
                        "the rep spoke {words} words without a break (limit {})",
                        self.max_words
                    ),
                };
                out.at(call, turn.utterances.start, message, None);
            }
        }
    }
}

/// Seconds from the turn's first start to its last end (or the next utterance's start).
fn duration(call: &Annotated, turn: &Turn) -> Option<f64> {
    let us = &call.transcript.utterances;
    let start = us[turn.utterances.start].start?;
    let last = &us[turn.utterances.end - 1];
    let end = last
        .end
        .or_else(|| us.get(turn.utterances.end).and_then(|next| next.start))?;
    Some((end - start).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check, marked, script};

    fn rule() -> Monologue {
        Monologue {
            max_seconds: 76.0,
            max_words: 10,
        }
    }

    #[test]
    fn a_long_turn_by_words_is_flagged_once_at_its_start() {
        let t = script(&[
            "P: Tell me.",
            "R: one two three four five six",
            "R: seven eight nine ten eleven",
        ]);
        let found = check(&rule(), &marked(&t, &[]));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 2);
        assert!(
            found[0].message.contains("11 words"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_long_turn_by_time_is_flagged() {
        let t = script(&[
            "P@0-2: Tell me.",
            "R@2-40: a b",
            "R@40-90: c d",
            "P@90-91: ok",
        ]);
        let found = check(&rule(), &marked(&t, &[]));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("88 s"), "{}", found[0].message);
    }

    #[test]
    fn short_turns_and_long_prospect_turns_are_fine() {
        let t = script(&[
            "P: one two three four five six seven eight nine ten eleven",
            "R@0-70: short",
        ]);
        assert!(check(&rule(), &marked(&t, &[])).is_empty());
    }
}
