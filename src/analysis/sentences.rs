//! Questions among other sentences: an utterance that reads as no question as a whole, or only
//! as a declarative one, is read again sentence by sentence.

use super::acks;
use super::acts::QuestionForm;
use super::lexicon::{Lexicon, Target};
use super::normalize::{Normalized, normalize_into};
use super::questions::detect;

/// The buffers `detect_sentences` normalises sentences into, kept from one utterance to the
/// next so that re-reading a sentence allocates nothing.
#[derive(Debug, Default)]
pub(crate) struct SentenceBuffers {
    n: Normalized,
    matches: Vec<(Target, usize, usize)>,
}

/// A question among other sentences: "Does it integrate? We use NetSuite." or "They're
/// telling me it's fine. What's driving it?". Each sentence that ends with a question mark is
/// read on its own, so that the statements around it neither hide it nor lend it their words.
/// Only texts of several sentences with a question mark get past the first tests: normalising
/// again costs little. `n` is the whole text normalised: its flag rules out the ~80% of texts
/// without a question mark before any search for sentence ends.
pub(crate) fn detect_sentences(
    text: &str,
    n: &Normalized,
    lex: &Lexicon,
    buffers: &mut SentenceBuffers,
) -> Option<QuestionForm> {
    if !n.has_question_mark {
        return None;
    }
    let body = text.trim_end().as_bytes();
    let first_end = memchr::memchr3(b'.', b'!', b'?', body)?;
    // No question mark comes before the first sentence end.
    if first_end + 1 == body.len() || memchr::memchr(b'?', &body[first_end..]).is_none() {
        return None;
    }
    let mut start = 0;
    // The marks are ASCII, so their bytes are characters of their own.
    for i in memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()) {
        let sentence = &text[start..=i];
        start = i + 1;
        if text.as_bytes()[i] != b'?' {
            continue;
        }
        let inner = &mut buffers.n;
        normalize_into(sentence, &lex.words, inner);
        lex.matches(inner, &mut buffers.matches);
        match detect(inner, &buffers.matches, lex) {
            Some(QuestionForm::Declarative) if !hands_over(&text[start..], lex, inner) => {}
            Some(form) => return Some(form),
            None => {}
        }
    }
    None
}

/// A statement with a question mark asks only where the speaker hands the turn over: at the
/// end of the utterance, or before an acknowledgement alone ("So you moved it? Okay."). Followed
/// by more statement ("We moved to the new plant, you know, the one by the airport? Volumes
/// doubled since.") it checks that the listener follows; followed by a hesitation or a few
/// words ("The rollout took, what is it? Uh, six weeks") it marks a rising tone or a search for
/// a word. A question in question word order ("Does it integrate? We use NetSuite.") still asks.
/// `buffer` is where the rest is normalised.
fn hands_over(rest: &str, lex: &Lexicon, buffer: &mut Normalized) -> bool {
    if rest.trim().is_empty() {
        return true;
    }
    normalize_into(rest, &lex.words, buffer);
    acks::shape(buffer, lex).is_some_and(|s| s.whole)
}
