//! Topic overlap between utterances: does a reply engage with what the other side said?

use super::Annotated;
use super::normalize;
use std::borrow::Cow;

/// Share of content words two utterances have in common (indexes into `Transcript::utterances`):
/// shared stems over the smaller set's size, 0.0 when either has no content words.
pub fn overlap(call: &Annotated, a: usize, b: usize) -> f64 {
    normalize::overlap(call.content(a), call.content(b))
}

/// Like [`overlap`], with all utterances of a turn (index into `Annotated::turns`) taken together
/// on one side: how much of utterance `b` speaks to what that turn said.
pub fn overlap_with_turn(call: &Annotated, turn: usize, b: usize) -> f64 {
    let set = turn_content(call, turn);
    normalize::overlap(&set, call.content(b))
}

/// The content set of a turn: the union of its utterances' sets.
pub(crate) fn turn_content<'c>(call: &'c Annotated, turn: usize) -> Cow<'c, [u32]> {
    let utterances = call.turns[turn].utterances.clone();
    // A turn of one utterance, most of them, has that utterance's set, already sorted and
    // de-duplicated: no copy.
    if utterances.len() == 1 {
        return Cow::Borrowed(call.content(utterances.start));
    }
    // A turn's utterances are consecutive and so are their content sets in the call's buffer:
    // one copy of that span rather than an element-by-element collect.
    let mut set: Vec<u32> = match (utterances.start, utterances.end.checked_sub(1)) {
        (first, Some(last)) if first <= last => {
            let (from, to) = (
                call.utterances[first].content.start,
                call.utterances[last].content.end,
            );
            call.content[from as usize..to as usize].to_vec()
        }
        _ => Vec::new(),
    };
    set.sort_unstable();
    set.dedup();
    Cow::Owned(set)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;
    use crate::transcript::{Format, Transcript, Utterance};

    /// The span copy gives the set that collecting each utterance's content gives.
    #[test]
    fn turn_content_is_the_union_of_its_utterances_content() {
        let mut t = Transcript::new("call.txt", Format::Text);
        let said = [
            ("Rep", "our invoicing system crashed during month end"),
            ("Rep", "uh-huh"),
            ("Rep", "the invoicing team rebuilt the system in March"),
            ("Dana", "how long was invoicing down"),
            ("Rep", "six weeks of invoicing"),
        ];
        t.utterances = said
            .iter()
            .map(|(speaker, text)| Utterance {
                speaker: (*speaker).into(),
                text: text.to_string(),
                ..Utterance::default()
            })
            .collect();
        let rules = RuleSet::default_set();
        let call = super::super::annotate(&t, &rules.lexicon);
        for turn in 0..call.turns.len() {
            let mut slow: Vec<u32> = call.turns[turn]
                .utterances
                .clone()
                .flat_map(|i| call.content(i).iter().copied())
                .collect();
            slow.sort_unstable();
            slow.dedup();
            assert_eq!(*turn_content(&call, turn), slow, "turn {turn}");
        }
    }
}
