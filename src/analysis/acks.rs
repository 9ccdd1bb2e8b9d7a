//! Acknowledgements: short utterances made only of acknowledgement phrases ("uh-huh",
//! "oh, that's great", "I'm so sorry to hear that"), and acknowledgements that open a longer
//! utterance ("Yeah, tough. Anyway, ...").

use super::Annotated;
use super::acts::{AckKind, Act};
use super::lexicon::Lexicon;
use super::normalize::{Normalized, class};

/// "Okay." / "All right." in the last few utterances, before someone says goodbye: a
/// pre-closing that offers to end the call, not an acknowledgement of what was said.
pub(crate) fn drop_pre_closings(call: &mut Annotated, lex: &Lexicon) {
    let n = call.utterances.len();
    let tail = n.saturating_sub(lex.pre_closing_tail);
    let Some(last_closing) = (tail..n).rev().find(|&i| call.utterances[i].closing) else {
        return;
    };
    for a in &mut call.utterances[tail..last_closing] {
        if a.acts.contains(Act::Acknowledgement) {
            a.acts.remove(Act::Acknowledgement);
            a.ack = None;
        }
    }
}

/// How the words of an utterance read as acknowledgement phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AckShape {
    /// The strongest kind of the phrases matched.
    pub kind: AckKind,
    /// Every phrase matched is also a yes/no answer word ("yeah", "uh-huh", "no"): after a
    /// yes-no question such an utterance is an answer, not an acknowledgement.
    pub answer_words_only: bool,
    /// The phrases cover the whole utterance (otherwise they only open it).
    pub whole: bool,
    /// Ends in an echo of the other side's auxiliary ("oh, you do?", "did you?"), which asks too.
    pub echo: bool,
}

/// Reads acknowledgement phrases from the start of an utterance.
// Inlined into its two callers: read for every utterance, out of line its call and the
// registers it saved were about a seventh of its cost.
#[inline(always)]
pub fn shape(n: &Normalized, lex: &Lexicon) -> Option<AckShape> {
    let mut i = 0;
    let mut kind: Option<AckKind> = None;
    let mut answer_words_only = true;
    let mut after_oh = false;
    let mut echo = false;
    while i < n.len() {
        if let Some((k, len)) = longest_phrase(n, i, lex) {
            answer_words_only &= lex.is_yes_no_at(n, i, len);
            let said = phrase(n, i, len);
            after_oh |= said == b"oh" || said == b"really";
            kind = Some(kind.map_or(k, |old| strongest(old, k)));
            i += len;
        } else if i + 1 == n.len()
            && matches!(kind, Some(AckKind::Appreciation | AckKind::Sympathy))
            && !n.is(i, class::AUX | class::WH | class::SUBJECT)
        {
            // "that's a good size", "oh, how awful, really": one word may finish an evaluation.
            i += 1;
        } else if n.is(i, class::ACK_PADDING) {
            after_oh |= n.word(i) == b"oh";
            i += 1;
        } else if (after_oh || (i == 0 && n.question_mark)) && echo_question(n, i) {
            // "oh, did you?" / "you do?": a backchannel that sounds like a question.
            kind = Some(kind.map_or(AckKind::Backchannel, |old| {
                strongest(old, AckKind::Backchannel)
            }));
            answer_words_only = false;
            echo = true;
            i = n.len();
        } else {
            break;
        }
    }
    let kind = kind?;
    let whole = i == n.len() && n.len() <= lex.ack_max_words;
    Some(AckShape {
        kind,
        answer_words_only,
        whole,
        echo,
    })
}

fn phrase(n: &Normalized, i: usize, len: usize) -> &[u8] {
    &n.padded[n.start(i)..n.end(i + len - 1)]
}

fn longest_phrase(n: &Normalized, i: usize, lex: &Lexicon) -> Option<(AckKind, usize)> {
    // Most words start no phrase: one bit test rules them out before the trie is walked.
    if !n.is(i, class::ACK_START) {
        return None;
    }
    lex.ack_phrase_at(n, i)
}

/// The last two words are an auxiliary and a pronoun, in either order.
fn echo_question(n: &Normalized, i: usize) -> bool {
    use class::{AUX, SUBJECT};
    i + 2 == n.len()
        && ((n.is(i, AUX) && n.is(i + 1, SUBJECT)) || (n.is(i, SUBJECT) && n.is(i + 1, AUX)))
}

fn rank(k: AckKind) -> u8 {
    match k {
        AckKind::Backchannel => 0,
        AckKind::Acknowledgement => 1,
        AckKind::Reflection => 2,
        AckKind::Appreciation => 3,
        AckKind::Sympathy => 4,
    }
}

fn strongest(a: AckKind, b: AckKind) -> AckKind {
    if rank(b) > rank(a) { b } else { a }
}
