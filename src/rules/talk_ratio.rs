//! talk-ratio: the rep does most of the talking.

use super::config::{require, rule_table};
use super::whole::Whole;
use super::{Check, Emit, OptionDoc, Rule, RuleDoc};
use crate::analysis::Annotated;
use crate::transcript::Role;

pub const ID: &str = "talk-ratio";

rule_table!(
    /// `[rules.talk-ratio]`
    Table { max_share: f64, min_words: usize }
);

/// `max_share`: the current limit, shown in the summary.
pub fn doc(max_share: Option<f64>) -> RuleDoc {
    let summary = match max_share {
        Some(m) => format!(
            "The rep speaks more than {:.0}% of the call's words.",
            m * 100.0
        ),
        None => "The rep speaks more than the limit's share of the call's words.".to_string(),
    };
    RuleDoc {
        id: ID.into(),
        summary,
        flags: "A call in which the rep's share of all spoken words is above max_share. Calls \
                shorter than min_words are not judged."
            .into(),
        why: "Listen more than you talk: the buyer's words are where needs, objections and \
              buying signals come from, and call research finds winning calls closer to an even \
              split."
            .into(),
        example: "A 20-minute discovery call in which the rep says 3,100 of 4,000 words.".into(),
        instead: "Ask open questions (\"Walk me through how you handle that today\") and let the \
                  answers run; summarise instead of pitching."
            .into(),
        options: vec![
            OptionDoc::new(
                "max_share",
                "largest share of the call's words the rep may speak (0 to 1)",
            ),
            OptionDoc::new(
                "min_words",
                "calls with fewer words than this are not judged",
            ),
        ],
    }
}

pub fn build(table: &Table) -> Result<Rule, String> {
    let max_share = require(table.max_share, ID, "max_share")?;
    if !(0.0..=1.0).contains(&max_share) {
        return Err(format!(
            "[rules.{ID}] max_share must be between 0 and 1, not {max_share}"
        ));
    }
    let checker = TalkRatio {
        max_share,
        min_words: require(table.min_words, ID, "min_words")?,
    };
    Ok(Rule::new(
        doc(Some(max_share)),
        table.settings(ID)?,
        checker,
    ))
}

#[derive(Debug)]
struct TalkRatio {
    max_share: f64,
    min_words: usize,
}

impl Check for TalkRatio {
    fn check(&self, call: &Annotated, out: &mut Emit) {
        let (rep, all) = call.rep_and_all_words();
        if all == 0 || all < self.min_words {
            return;
        }
        let share = rep as f64 / all as f64;
        if share <= self.max_share {
            return;
        }
        let Some(at) = longest_rep_turn_start(call) else {
            return;
        };
        let message = format!(
            "the rep spoke {}% of the words ({rep} of {all}; limit {}%)",
            Whole(share * 100.0),
            Whole(self.max_share * 100.0)
        );
        out.at(call, at, message, None);
    }
}

/// Where the rep talked longest: the place most worth a question instead.
fn longest_rep_turn_start(call: &Annotated) -> Option<usize> {
    call.turns
        .iter()
        .filter(|t| t.role == Role::Rep)
        .max_by_key(|t| (call.turn_words(t), std::cmp::Reverse(t.utterances.start)))
        .map(|t| t.utterances.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check, marked, script};

    fn rule() -> TalkRatio {
        TalkRatio {
            max_share: 0.65,
            min_words: 5,
        }
    }

    #[test]
    fn a_rep_who_talks_most_is_flagged_at_the_longest_turn() {
        let t = script(&["R: a b", "P: c", "R: d e f g h i j"]);
        let found = check(&rule(), &marked(&t, &[]));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 3);
        assert!(found[0].message.contains("90%"), "{}", found[0].message);
    }

    #[test]
    fn an_even_call_and_a_tiny_call_are_fine() {
        let even = script(&["R: a b c", "P: d e f"]);
        assert!(check(&rule(), &marked(&even, &[])).is_empty());
        let tiny = script(&["R: a b c", "P: d"]);
        assert!(check(&rule(), &marked(&tiny, &[])).is_empty());
    }
}
