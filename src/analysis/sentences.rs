//! Questions among other sentences: an utterance that reads as no question as a whole, or only
//! as a declarative one, is read again sentence by sentence.

use super::acks;
use super::acts::QuestionForm;
use super::lexicon::{Lexicon, Target};
use super::normalize::{Normalized, class, normalize_into, read_end};
use super::questions::detect;
use std::ops::Range;

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
/// Only texts of several sentences with a question mark get past the first tests. `n` is the
/// whole text normalised: its flag rules out the ~80% of texts without a question mark before
/// any search for sentence ends, and each sentence's words are taken from it.
pub(crate) fn detect_sentences(
    text: &str,
    n: &Normalized,
    matches: &[(Target, usize, usize)],
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
    for (sentence, words, rest) in question_sentences(text, n) {
        let inner = &mut buffers.n;
        sentence_of(n, words.clone(), sentence, inner);
        matches_within(n, words, matches, &mut buffers.matches);
        match detect(inner, &buffers.matches, lex) {
            Some(QuestionForm::Declarative) if !hands_over(&text[rest..], lex, inner) => {}
            Some(form) => return Some(form),
            None => {}
        }
    }
    None
}

/// Each sentence of `text` that ends with a question mark, with the range of `n`'s words it
/// holds (the scan noted them, in order, for `n`, the whole text normalised) and the offset at
/// which the text after it starts.
fn question_sentences<'t>(
    text: &'t str,
    n: &'t Normalized,
) -> impl Iterator<Item = (&'t str, Range<usize>, usize)> + 't {
    let mut start = 0;
    let mut ranges = n.question_sentences.iter();
    // The marks are ASCII, so their bytes are characters of their own.
    memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes())
        .map(move |i| {
            let sentence = &text[start..=i];
            start = i + 1;
            (sentence, i + 1)
        })
        .filter(|(sentence, _)| sentence.ends_with('?'))
        .map_while(move |(sentence, rest)| {
            let &(first, end) = ranges.next()?;
            Some((sentence, first as usize..end as usize, rest))
        })
}

/// Words `words` of `n`, which make up `sentence` of its text, as `normalize_into` reads
/// `sentence` (which ends with its only mark, a question mark) on its own, into `out`: every
/// mark ends a word, so the sentence's words are
/// those of the whole text, and only what depends on their neighbours is read again. Their
/// content set and whitespace word count are left empty: the question reader reads neither.
fn sentence_of(n: &Normalized, words: Range<usize>, sentence: &str, out: &mut Normalized) {
    out.padded.clear();
    out.words.clear();
    out.core.clear();
    out.content.clear();
    out.question_sentences.clear();
    out.whitespace_words = 0;
    let words = &n.words[words];
    match (words.first(), words.last()) {
        (Some(first), Some(last)) => {
            // The words and the single spaces around them, shifted to start at byte 1.
            let from = first.start as usize - 1;
            out.padded
                .extend_from_slice(&n.padded[from..last.end as usize + 1]);
            out.words
                .extend(words.iter().map(|&w| super::normalize::Word {
                    start: w.start - from as u32,
                    end: w.end - from as u32,
                    ..w
                }));
            // No break comes before a text's first word.
            out.words[0].classes &= !class::AFTER_BREAK;
        }
        _ => out.padded.push(b' '),
    }
    // The core words as the scan picks them: no hesitations, and no word repeating the core
    // word before it (which, for the first word, another sentence may have held).
    let mut last_core: Option<&[u8]> = None;
    // The union of the sentence's own words' bits: the text's other sentences have other words.
    out.classes = 0;
    for (i, w) in out.words.iter().enumerate() {
        out.classes |= w.classes;
        let word = &out.padded[w.start as usize..w.end as usize];
        if w.classes & class::HESITATION == 0 && last_core != Some(word) {
            out.core.push(i);
            last_core = Some(word);
        }
    }
    // A sentence's only mark is its last byte, a question mark.
    out.punctuated = true;
    out.has_question_mark = true;
    out.question_sentences.push((0, out.words.len() as u32));
    read_end(sentence, out);
}

/// The phrase matches of `n` (`Lexicon::matches`) that lie within words `words`, as matching
/// those words alone (`sentence_of`) finds them: phrases are matched on words, so these are
/// the same matches, in the same order, at byte offsets shifted by as much as the words.
fn matches_within(
    n: &Normalized,
    words: Range<usize>,
    matches: &[(Target, usize, usize)],
    out: &mut Vec<(Target, usize, usize)>,
) {
    out.clear();
    if words.is_empty() {
        return;
    }
    // A match spans its words and the spaces either side of them.
    let from = n.start(words.start) - 1;
    let to = n.end(words.end - 1) + 1;
    out.extend(
        matches
            .iter()
            .filter(|&&(_, start, end)| start >= from && end <= to)
            .map(|&(target, start, end)| (target, start - from, end - from)),
    );
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize::normalize;
    use crate::rules::ruleset::{DEFAULT_TOML, RuleFile};

    #[test]
    fn a_sentence_taken_from_the_whole_text_reads_as_the_sentence_normalised_alone() {
        let config = toml::from_str::<RuleFile>(DEFAULT_TOML).unwrap().analysis;
        let lex = Lexicon::compile(&config).unwrap();
        let (mut checked, mut matched) = (0, 0);
        for text in [
            "Does it integrate? We use NetSuite. So, is it, is it? Is it fine?",
            "Is it? it is? uh, um, you know? Well. , so, you moved?",
            "approximately? approximately approximately? Approximately, right?",
            "It was 3.5? Or 4?! ?? ... ?'tis don't? don\u{2019}t? ",
            "Café? Über   alles ,  no?\tZürich straße? ¿Qué? 東京? end",
            "Can you tell me more? Just curious, what's driving it? You know what I mean?",
            "Goodbye? Is it, you know, right? Or not, right? Thank you. Bye bye?",
            "?",
            "no marks at all",
        ] {
            let n = normalize(text, &lex.words);
            // The scan notes one range of words for each question mark.
            assert_eq!(
                n.question_sentences.len(),
                text.matches('?').count(),
                "{text:?}"
            );
            for (sentence, words, _) in question_sentences(text, &n) {
                let mut alone = normalize(sentence, &lex.words);
                let mut taken = Normalized::default();
                sentence_of(&n, words.clone(), sentence, &mut taken);
                let (mut whole_matches, mut alone_matches, mut taken_matches) =
                    (Vec::new(), Vec::new(), Vec::new());
                lex.matches(&n, &mut whole_matches);
                lex.matches(&alone, &mut alone_matches);
                matches_within(&n, words, &whole_matches, &mut taken_matches);
                assert_eq!(taken_matches, alone_matches, "{sentence:?} of {text:?}");
                matched += alone_matches.len();
                // Not read by the question reader, and not filled in.
                (alone.content, alone.whitespace_words) = (Vec::new(), 0);
                assert_eq!(taken, alone, "{sentence:?} of {text:?}");
                checked += 1;
            }
        }
        assert!(checked >= 20, "{checked}");
        assert!(matched >= 3, "{matched}");
    }
}
