//! train-selling: the prospect shares something about their world and the rep's next turn
//! moves on to the rep's agenda without engaging with it.

use super::config::{require, rule_table};
use super::phrases::PhraseList;
use super::{Check, Emit, OptionDoc, Rule, RuleDoc};
use crate::analysis::{AckKind, Act, Annotated};
use crate::transcript::{Role, Turn};

pub const ID: &str = "train-selling";

rule_table!(
    /// `[rules.train-selling]`
    Table {
        /// Phrases that engage with what the prospect shared or hand them control.
        engaging: Vec<String>,
    }
);

pub fn doc() -> RuleDoc {
    RuleDoc {
        id: ID.into(),
        summary:
            "The prospect shares something and the rep moves on to the agenda without engaging."
                .into(),
        flags:
            "A prospect turn that discloses a problem, an event or a feeling, followed by a rep \
                turn that pivots to the rep's own agenda without first asking about it, \
                reflecting it back or handing the prospect control. A token acknowledgement \
                (\"yeah, tough, I know\") followed by the pivot is still train selling. A prospect \
                turn that asks a question is left to unanswered-question."
                .into(),
        why: "Barrelling through the agenda tells the prospect their world does not matter: it \
              kills rapport and hides the very problems the rep could help with. Calls that \
              follow the prospect's lead build trust and find real needs."
            .into(),
        example:
            "Prospect: Kind of crazy, actually. We just had a tough call with one of our plant \
                  managers.\nRep: Yeah, tough, I know. Hey, we've only got 28 minutes, so let me \
                  double-check the agenda."
                .into(),
        instead:
            "Engage first: \"What happened?\", reflect it back (\"A tough call with the plant, \
                  that sounds stressful\"), or hand over control: \"Do you still want to do this \
                  today?\""
                .into(),
        options: vec![OptionDoc::new(
            "engaging",
            "phrases that engage or hand over control (\"do you still want to do this today\"); \
             a reply with one before the pivot is not train selling",
        )],
    }
}

pub fn build(table: &Table) -> Result<Rule, String> {
    let engaging = require(table.engaging.as_ref(), ID, "engaging")?;
    let checker = TrainSelling {
        engaging: PhraseList::new(ID, engaging)?,
    };
    Ok(Rule::new(doc(), table.settings(ID)?, checker))
}

#[derive(Debug)]
struct TrainSelling {
    engaging: PhraseList,
}

impl Check for TrainSelling {
    fn check(&self, call: &Annotated, out: &mut Emit) {
        for pair in call.turns.windows(2) {
            let (shared, reply) = (&pair[0], &pair[1]);
            if shared.role != Role::Prospect || reply.role != Role::Rep {
                continue;
            }
            let Some(disclosure) = disclosure_in(call, shared) else {
                continue;
            };
            if let Some(pivot) = self.unengaged_pivot(call, out, reply) {
                out.at(call, pivot, message(call, reply, pivot), Some(disclosure));
            }
        }
    }
}

/// The last utterance of a prospect turn that shares something, unless the turn asks a
/// question (then the rep owes an answer, which unanswered-question checks).
fn disclosure_in(call: &Annotated, turn: &Turn) -> Option<usize> {
    let acts = |i: usize| call.utterances[i].acts;
    if turn
        .utterances
        .clone()
        .any(|i| acts(i).contains(Act::Question))
    {
        return None;
    }
    turn.utterances
        .clone()
        .rev()
        .find(|&i| acts(i).contains(Act::Disclosure))
}

impl TrainSelling {
    /// The utterance where the rep's turn moves to the agenda, when nothing before it engages.
    /// A pivot is announced ("anyway", "let me tell you about our...") or, as the analysis layer
    /// marks it, a change to new content; a question that changes content still asks the
    /// prospect about their world, so only an announced pivot overrides it.
    fn unengaged_pivot(&self, call: &Annotated, out: &Emit, reply: &Turn) -> Option<usize> {
        // Acts first: the first utterance that asks or pivots decides, and only when it pivots
        // are the texts up to it searched for an engaging phrase, which ends the search with
        // None as asking does. The text search costs most, and most turns never pivot.
        let (decider, asks) = reply.utterances.clone().find_map(|i| {
            let a = &call.utterances[i];
            let announced = call
                .cue_labels(i, out.lexicon())
                .any(|l| l.starts_with("pivot.") || l.starts_with("deflection.pitch"));
            let asks = (a.acts.contains(Act::Question) || a.ack == Some(AckKind::Reflection))
                && !announced;
            (asks || announced || a.acts.contains(Act::Pivot)).then_some((i, asks))
        })?;
        if asks {
            return None;
        }
        let engaged = (reply.utterances.start..=decider)
            .any(|i| self.engaging.is_match(&call.transcript.utterances[i].text));
        (!engaged).then_some(decider)
    }
}

fn message(call: &Annotated, reply: &Turn, pivot: usize) -> String {
    let acknowledged = (reply.utterances.start..=pivot).any(|i| {
        let a = &call.utterances[i];
        a.acts.contains(Act::Acknowledgement) || a.ack.is_some() || a.lead_ack.is_some()
    });
    if acknowledged {
        "token acknowledgement, then a pivot to the agenda".to_string()
    } else {
        "moved on to the agenda without engaging with what the prospect shared".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{ActSet, Lexicon};
    use crate::rules::testing::{check, marked, script};

    fn rule() -> TrainSelling {
        TrainSelling {
            engaging: PhraseList::new(ID, &["do you still want to".to_string()]).unwrap(),
        }
    }

    const SHARE: &str = "P: Kind of crazy, we just had a tough call with a plant manager.";

    #[test]
    fn a_token_acknowledgement_then_a_pivot_is_flagged_at_the_pivot() {
        let t = script(&[
            "R: How are you?",
            SHARE,
            "R: Yeah, tough, I know.",
            "R: Let me double-check the agenda.",
        ]);
        let call = marked(
            &t,
            &[
                (1, &[Act::Question]),
                (2, &[Act::Disclosure]),
                (3, &[Act::Acknowledgement]),
                (4, &[Act::Pivot]),
            ],
        );
        let found = check(&rule(), &call);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 4);
        assert_eq!(found[0].related_line, Some(2));
        assert!(
            found[0].message.starts_with("token acknowledgement"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn asking_what_happened_is_engaging() {
        let t = script(&[
            SHARE,
            "R: What happened?",
            "P: The plant is down.",
            "R: Let's look at the agenda.",
        ]);
        let call = marked(
            &t,
            &[
                (1, &[Act::Disclosure]),
                (2, &[Act::Question]),
                (4, &[Act::Pivot]),
            ],
        );
        assert!(check(&rule(), &call).is_empty());
    }

    #[test]
    fn a_prospect_question_is_left_to_unanswered_question() {
        let t = script(&[
            "P: We had an outage. Does your tool handle that?",
            "R: Let me show you the agenda.",
        ]);
        let call = marked(
            &t,
            &[(1, &[Act::Disclosure, Act::Question]), (2, &[Act::Pivot])],
        );
        assert!(check(&rule(), &call).is_empty());
    }

    #[test]
    fn handing_over_control_is_engaging() {
        let t = script(&[
            SHARE,
            "R: Bad timing. Do you still want to do this today, or move the agenda?",
        ]);
        let call = marked(&t, &[(1, &[Act::Disclosure]), (2, &[Act::Pivot])]);
        assert!(check(&rule(), &call).is_empty());
    }

    #[test]
    fn a_question_on_new_content_asks_about_their_world_unless_announced() {
        let t = script(&[SHARE, "R: Which plant, the one in Brno?"]);
        let call = marked(
            &t,
            &[(1, &[Act::Disclosure]), (2, &[Act::Pivot, Act::Question])],
        );
        assert!(check(&rule(), &call).is_empty());
    }

    /// `unengaged_pivot` before it tested the acts first: one utterance at a time, the text
    /// searched for an engaging phrase unless the utterance asked.
    fn unengaged_pivot_by_loop(
        rule: &TrainSelling,
        call: &Annotated,
        lexicon: &Lexicon,
        reply: &Turn,
    ) -> Option<usize> {
        for i in reply.utterances.clone() {
            let a = &call.utterances[i];
            let announced = call
                .cue_labels(i, lexicon)
                .any(|l| l.starts_with("pivot.") || l.starts_with("deflection.pitch"));
            let asks = a.acts.contains(Act::Question) || a.ack == Some(AckKind::Reflection);
            if (asks && !announced) || rule.engaging.is_match(&call.transcript.utterances[i].text) {
                return None;
            }
            if announced || a.acts.contains(Act::Pivot) {
                return Some(i);
            }
        }
        None
    }

    #[test]
    fn acts_first_finds_the_pivot_the_utterance_loop_found() {
        let lexicon = crate::rules::RuleSet::default_set().lexicon;
        let pivot_cue = (0..u16::MAX)
            .find(|&id| lexicon.cue_label(id).starts_with("pivot."))
            .expect("the default rule set has pivot cues");
        let emit = Emit {
            rule: "test",
            severity: crate::rules::Severity::Warning,
            lexicon: &lexicon,
            memo: &Default::default(),
            found: Vec::new(),
        };
        let acts: [&[Act]; 5] = [
            &[],
            &[Act::Question],
            &[Act::Pivot],
            &[Act::Pivot, Act::Question],
            &[Act::Acknowledgement],
        ];
        let (plain, engaging) = (
            "R: Let me walk through it.",
            "R: Do you still want to go on?",
        );
        let rule = rule();
        let mut checked = 0;
        for texts in 0..8 {
            let pick = |k: usize| if texts >> k & 1 == 1 { engaging } else { plain };
            let t = script(&[SHARE, pick(0), pick(1), pick(2)]);
            let mut call = marked(&t, &[(1, &[Act::Disclosure])]);
            for marks in 0..1000 {
                for k in 0..3 {
                    let code = marks / 10usize.pow(k as u32) % 10;
                    let a = &mut call.utterances[k + 1];
                    a.acts = ActSet::default();
                    for act in acts[code % 5] {
                        a.acts.insert(*act);
                    }
                    let cues: &[u16] = if code >= 5 { &[pivot_cue] } else { &[] };
                    call.set_cues(k + 1, cues);
                }
                let reply = &call.turns[1];
                assert_eq!(
                    rule.unengaged_pivot(&call, &emit, reply),
                    unengaged_pivot_by_loop(&rule, &call, &lexicon, reply),
                    "texts {texts:03b}, marks {marks:03}"
                );
                checked += 1;
            }
        }
        assert_eq!(checked, 8000);
    }

    #[test]
    fn sympathy_without_a_pivot_is_fine() {
        let t = script(&[SHARE, "R: Oh, no."]);
        let call = marked(&t, &[(1, &[Act::Disclosure]), (2, &[Act::Acknowledgement])]);
        assert!(check(&rule(), &call).is_empty());
    }
}
