//! purposeless-opener: the rep opens with a filler ("just checking in") and no reason.

use super::config::{require, rule_table};
use super::{Check, Emit, OptionDoc, Rule, RuleDoc};
use crate::analysis::Annotated;

pub const ID: &str = "purposeless-opener";

rule_table!(
    /// `[rules.purposeless-opener]`
    Table { opening_turns: usize }
);

pub fn doc() -> RuleDoc {
    RuleDoc {
        id: ID.into(),
        summary: "The rep opens with a filler (\"just checking in\") instead of a reason for the call.".into(),
        flags: "A filler opener such as \"just touching base\", \"checking in\", \"circling back\", \
                \"following up on my email\" or \"wanted to reach out\" in the rep's opening turns, \
                when those turns never say why the rep is calling. The same words later in the \
                call are fine."
            .into(),
        why: "A call without a purpose wastes the buyer's time and tells them the rep has nothing \
              to offer; buyers get many such calls and quietly stop taking them. Leading with a \
              purpose sounds prepared and lets the buyer decide whether to go on."
            .into(),
        example: "Rep: Hi Sam, just checking in to see how things are going.".into(),
        instead: "State the reason: \"The purpose of my call is to confirm the rollout date for \
                  your second site; do you have ten minutes?\""
            .into(),
        options: vec![OptionDoc::new(
            "opening_turns",
            "how many of the rep's first turns count as the opening",
        )],
    }
}

pub fn build(table: &Table) -> Result<Rule, String> {
    let checker = PurposelessOpener {
        opening_turns: require(table.opening_turns, ID, "opening_turns")?,
    };
    Ok(Rule::new(doc(), table.settings(ID)?, checker))
}

#[derive(Debug)]
struct PurposelessOpener {
    opening_turns: usize,
}

impl Check for PurposelessOpener {
    fn check(&self, call: &Annotated, out: &mut Emit) {
        let opening = out.opening(call, self.opening_turns);
        if let (Some((at, phrase)), false) = (&opening.filler, opening.has_purpose) {
            let message = if phrase.is_empty() {
                "opened with a filler and no reason for the call".to_string()
            } else {
                format!("opened with '{phrase}' and no reason for the call")
            };
            out.at(call, *at, message, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Act;
    use crate::rules::testing::{check, marked, script};

    fn rule() -> PurposelessOpener {
        PurposelessOpener { opening_turns: 2 }
    }

    #[test]
    fn filler_without_purpose_is_flagged_at_the_filler() {
        let t = script(&[
            "R: Hi Sam, it's Dana.",
            "P: Hi.",
            "R: Just checking in on things.",
        ]);
        let call = marked(&t, &[(3, &[Act::FillerOpener])]);
        let found = check(&rule(), &call);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 3);
        assert!(
            found[0].message.contains("no reason"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_purpose_in_the_opening_clears_the_filler() {
        let t = script(&[
            "R: Just checking in.",
            "P: Sure.",
            "R: I'm calling because of the renewal.",
        ]);
        let call = marked(&t, &[(1, &[Act::FillerOpener]), (3, &[Act::Purpose])]);
        assert!(check(&rule(), &call).is_empty());
    }

    #[test]
    fn a_filler_after_the_opening_is_fine() {
        let t = script(&[
            "R: Hi.",
            "P: Hi.",
            "R: How are you?",
            "P: Good.",
            "R: I'll check in with our architect.",
        ]);
        let call = marked(&t, &[(5, &[Act::FillerOpener])]);
        assert!(check(&rule(), &call).is_empty());
    }
}
