//! Where the analysis layer's phrase lists matched inside one utterance, for the two things
//! acts alone cannot say: the words to quote in a message, and word order ("I am calling to
//! touch base" opens with a purpose phrase whose purpose is the filler).

use crate::analysis::lexicon::Target;
use crate::analysis::{Lexicon, normalize};

/// One phrase-list match.
#[derive(Debug, Clone, PartialEq)]
pub struct Spotted<'l> {
    /// The list's label, e.g. "filler-opener.filler".
    pub label: &'l str,
    /// Word positions: `start..end`.
    pub start: usize,
    pub end: usize,
    /// The matched words, normalised.
    pub phrase: String,
}

/// Every phrase-list match in `text`, in order of position.
pub fn spot<'l>(lexicon: &'l Lexicon, text: &str) -> Vec<Spotted<'l>> {
    let n = normalize::normalize(text, &lexicon.words);
    let mut raw = Vec::new();
    lexicon.matches(&n, &mut raw);
    let words_before = |byte: usize| n.padded[..byte].iter().filter(|&&b| b == b' ').count();
    let mut found: Vec<Spotted> = raw
        .into_iter()
        .filter_map(|(target, start, end)| match target {
            Target::Cue(id) => Some(Spotted {
                label: lexicon.cue_label(id),
                start: words_before(start),
                end: words_before(end - 1),
                phrase: normalize::text_of(n.padded[start..end].trim_ascii()).to_string(),
            }),
            _ => None,
        })
        .collect();
    found.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    found
}

pub fn in_group(s: &Spotted, group: &str) -> bool {
    s.label
        .strip_prefix(group)
        .is_some_and(|rest| rest.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    #[test]
    fn spots_phrases_with_word_positions() {
        let set = RuleSet::default_set();
        let found = spot(&set.lexicon, "Hi Tom. I am calling to touch base, OK?");
        let first_of = |group| found.iter().find(|s| in_group(s, group));
        let purpose = first_of("purpose").expect("a purpose phrase");
        let filler = first_of("filler-opener").expect("a filler phrase");
        assert_eq!(purpose.phrase, "i am calling to");
        assert_eq!((purpose.start, purpose.end), (2, 6));
        assert_eq!(filler.phrase, "touch base");
        assert_eq!(filler.start, 6);
    }
}
