//! Text normalisation, computed once per utterance: lower-case words, their word classes, and the
//! set of content stems that topic overlap compares.

use super::scan::is_ascii_space;
use super::words::{PACKED_LEN, WordIndex, key_prefix, spread};
use std::cell::Cell;

/// Word-class bits: one hash lookup per word gives all of them.
pub mod class {
    pub const HESITATION: u32 = 1;
    pub const DISCOURSE: u32 = 1 << 1;
    pub const AUX: u32 = 1 << 2;
    pub const INVERTING: u32 = 1 << 3;
    pub const SUBJECT: u32 = 1 << 4;
    pub const DETERMINER: u32 = 1 << 5;
    pub const WH: u32 = 1 << 6;
    pub const WH_CONTRACTION: u32 = 1 << 7;
    pub const EMBEDDER: u32 = 1 << 9;
    pub const STOP: u32 = 1 << 10;
    pub const YES_NO: u32 = 1 << 11;
    pub const ANSWER_MARKER: u32 = 1 << 12;
    pub const ACK_PADDING: u32 = 1 << 13;
    pub const DO_SUPPORT: u32 = 1 << 14;
    pub const TAG_SUBJECT: u32 = 1 << 15;
    pub const NEGATION: u32 = 1 << 16;
    pub const REPORTING: u32 = 1 << 17;
    pub const DANGLING: u32 = 1 << 18;
    /// The first word of some acknowledgement phrase: others need no phrase lookup.
    pub const ACK_START: u32 = 1 << 19;
    pub const WH_SUBJECT: u32 = 1 << 20;
    /// The first word of a yes/no answer phrase of several words ("uh huh").
    pub const YES_NO_START: u32 = 1 << 22;
    /// The second word of a yes/no answer phrase of several words ("huh" in "uh huh").
    pub const YES_NO_SECOND: u32 = 1 << 21;
    /// `[analysis.question] quote_verbs`: "goes" in "and he goes, why?".
    pub const QUOTE_VERB: u32 = 1 << 23;
    /// `[analysis.question] confirmation_tags`: "right" in "you moved, right.".
    pub const CONFIRMATION_TAG: u32 = 1 << 24;
    /// `[analysis.question] impersonal_subjects`: "it" in "it was like a barn".
    pub const IMPERSONAL: u32 = 1 << 26;
    /// `[analysis.question] polarity_items`: "ever" in "you ever used a CRM".
    pub const POLARITY: u32 = 1 << 27;
    /// The first word of some phrase of the phrase trie: the trie walks from no other word.
    pub const PHRASE_START: u32 = 1 << 28;
    /// Not a word class: set on a word that follows a comma or sentence punctuation.
    pub const AFTER_BREAK: u32 = 1 << 31;
}

/// One utterance's text, normalised.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Normalized {
    /// Lower-case words separated by single spaces, with one space before the first word and
    /// one after the last, so that phrase patterns `" word word "` match whole words only.
    /// UTF-8, kept as bytes: turning the scan's output into a `String` would check every byte
    /// again, and the readers compare bytes.
    pub padded: Vec<u8>,
    /// Each word: its bytes in `padded`, class bits and phrase-word id, kept together so
    /// that the scan records a word with one push.
    pub words: Vec<Word>,
    /// Whitespace-separated words in the text, as `split_whitespace` counts them: the word
    /// count that thresholds and talk-time figures use.
    pub whitespace_words: usize,
    /// The text's last sentence ends with a question mark.
    pub question_mark: bool,
    /// The text ends in a comma or a dash: the speaker broke off or was cut off.
    pub broken_off: bool,
    /// The text ends with a full stop or an exclamation mark: the writer heard a statement.
    pub full_stop: bool,
    /// The text has sentence punctuation at all (`.`, `?`, `!`): ASR output often has none.
    pub punctuated: bool,
    /// The text has a question mark somewhere: only then can one of its sentences ask.
    pub has_question_mark: bool,
    /// Sorted, de-duplicated hashes of the content words' stems.
    pub content: Vec<u32>,
    /// The words that carry syntax (see `questions::core_words`), found in the same pass.
    pub core: Vec<usize>,
    /// The union (bitwise OR) of all the words' class bits, found right after the scan: a
    /// reader looking for a word of some class skips its walk over the words when none has it.
    pub classes: u32,
    /// For each `?` of the text, in order, the words of the sentence it ends (those after the
    /// `.`, `?` or `!` before it) as a range of `words`: a question among other sentences is
    /// read again without normalising it again (`sentences::sentence_of`).
    pub question_sentences: Vec<(u32, u32)>,
}

/// One word of a [`Normalized`] text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Word {
    /// Byte range of the word in `padded`.
    pub start: u32,
    pub end: u32,
    /// Word-class bits (see [`class`]).
    pub classes: u32,
    /// Phrase-word id, 0 for words in no phrase list (see `Lexicon::matches`).
    pub id: u32,
}

impl Normalized {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn word(&self, i: usize) -> &[u8] {
        let w = self.words[i];
        &self.padded[w.start as usize..w.end as usize]
    }

    /// Byte offset of word `i` in `padded`.
    pub fn start(&self, i: usize) -> usize {
        self.words[i].start as usize
    }

    /// Byte offset just past word `i` in `padded`.
    pub fn end(&self, i: usize) -> usize {
        self.words[i].end as usize
    }

    /// Phrase-word id of word `i`, `None` past the last word.
    pub fn id(&self, i: usize) -> Option<u32> {
        self.words.get(i).map(|w| w.id)
    }

    pub fn is(&self, i: usize, bits: u32) -> bool {
        self.words.get(i).is_some_and(|w| w.classes & bits != 0)
    }

    /// Whether some word has one of the class bits `bits`, as a walk over the words with
    /// [`Normalized::is`] would say, read from the union of their bits.
    pub fn any_is(&self, bits: u32) -> bool {
        self.classes & bits != 0
    }

    /// Whether some word has each of the class bits `bits` (not necessarily the same word):
    /// when not, no walk needing a word of each class can succeed.
    pub fn has_all(&self, bits: u32) -> bool {
        self.classes & bits == bits
    }
}

/// Normalises one utterance.
pub fn normalize(text: &str, words: &WordIndex) -> Normalized {
    let mut n = Normalized::default();
    normalize_into(text, words, &mut n);
    n
}

/// Normalises one utterance into `n`, reusing its buffers: one allocation-free pass per
/// utterance once the buffers have grown.
pub fn normalize_into(text: &str, words: &WordIndex, n: &mut Normalized) {
    super::scan::scan(text, words, n);
    n.classes = super::scan::class_union(&n.words);
    read_end(text, n);
    super::hash_sort::sort_hashes(&mut n.content);
    n.content.dedup();
}

/// Normalises a phrase from the rule file the same way as an utterance, without the padding.
pub fn normalize_phrase(phrase: &str) -> String {
    // Most phrases in the rule file are written normalised already: copying them skips a full
    // normalisation for each of the thousands of phrases compiled at start-up.
    if is_normalized(phrase.as_bytes()) {
        return phrase.to_string();
    }
    let n = normalize(phrase, &WordIndex::default());
    text_of(n.padded.trim_ascii()).to_string()
}

/// Normalised bytes (`padded` or a part of it between words) as text: the scan copies whole
/// characters only, so they are UTF-8.
pub fn text_of(normalised: &[u8]) -> &str {
    std::str::from_utf8(normalised).expect("normalised text is UTF-8")
}

/// Lower-case ASCII words separated by single spaces, with apostrophes only between letters:
/// what `normalize_phrase` would return unchanged.
fn is_normalized(p: &[u8]) -> bool {
    let word_byte = |i: usize| {
        p.get(i)
            .is_some_and(|c| matches!(c, b'a'..=b'z' | b'0'..=b'9'))
    };
    !p.is_empty()
        && word_byte(0)
        && word_byte(p.len() - 1)
        && (0..p.len()).all(|i| match p[i] {
            b' ' => p[i - 1] != b' ',
            b'\'' => word_byte(i - 1) && word_byte(i + 1),
            _ => word_byte(i),
        })
}

/// The flags read from how the text ends. Most texts end in ASCII: their last bytes are read
/// as bytes, which costs a few tests instead of walking characters back (`read_end_slowly`).
// Inlined: out of line, the call costs more than the tests for most texts.
#[inline(always)]
pub(super) fn read_end(text: &str, n: &mut Normalized) {
    let bytes = text.as_bytes();
    let Some(last) = bytes.iter().rposition(|&b| !is_ascii_space(b)) else {
        // Empty or white space only: no flag.
        (n.question_mark, n.broken_off, n.full_stop) = (false, false, false);
        return;
    };
    match bytes[last] {
        // Not white space and ASCII: the last character of `text.trim_end()`.
        b @ ..0x80 => {
            n.broken_off = matches!(b, b',' | b'-');
            n.full_stop = matches!(b, b'.' | b'!');
            n.question_mark = question_mark_up_to(text, last);
        }
        // Non-ASCII (perhaps white space, a dash or an ellipsis): read as characters.
        _ => read_end_slowly(text, n),
    }
}

/// `ends_with_question_mark` for a text whose bytes after `last` are ASCII white space.
fn question_mark_up_to(text: &str, last: usize) -> bool {
    let bytes = &text.as_bytes()[..=last];
    let closing = |b: u8| is_ascii_space(b) || matches!(b, b'"' | b'\'' | b')');
    match bytes.iter().rposition(|&b| !closing(b)) {
        Some(at) if bytes[at] < 0x80 => bytes[at] == b'?',
        // A closing quotation mark or white space past ASCII: read as characters.
        Some(_) => ends_with_question_mark(text),
        None => false,
    }
}

/// [`read_end`] by characters.
#[inline(never)]
fn read_end_slowly(text: &str, n: &mut Normalized) {
    let trimmed = text.trim_end();
    n.question_mark = ends_with_question_mark(text);
    n.broken_off = trimmed.ends_with([',', '-', '\u{2014}', '\u{2026}']);
    n.full_stop = trimmed.ends_with(['.', '!']);
}

fn ends_with_question_mark(text: &str) -> bool {
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ')' | '\u{201d}'))
        .ends_with('?')
}

/// The content-set entry of a word whose table key is `key`, if it is one: words of three
/// letters or more, and numbers, that are not stop words, hesitations or discourse markers.
pub(super) fn content_hash(word: &[u8], key: u64, classes: u32) -> Option<u32> {
    use class::{DISCOURSE, HESITATION, STOP};
    if classes & (STOP | HESITATION | DISCOURSE) != 0 {
        return None;
    }
    (word.len() >= 3 || word.iter().all(u8::is_ascii_digit)).then(|| stem_hash(word, key))
}

/// Slots of [`UNLISTED`]: a power of two.
const UNLISTED_SLOTS: usize = 4096;

thread_local! {
    /// The content-set entries of recent short words not in the word table, by packed key
    /// (never 0, so an empty slot matches no word): the same names and nouns recur across a
    /// call's utterances, and a hit costs a probe instead of the stemming. An entry depends
    /// on the word alone, so what the memo holds never changes a result.
    static UNLISTED: [Cell<(u64, Option<u32>)>; UNLISTED_SLOTS] =
        const { [const { Cell::new((0, None)) }; UNLISTED_SLOTS] };
}

/// The content-set entry of a word of at most [`PACKED_LEN`] bytes that is not in the word
/// table (no classes), whose packed key is `key`. Out of line: one word in four, and inlined
/// its stemming would take registers from the look-up loop.
#[inline(never)]
pub(super) fn unlisted_content(word: &[u8], key: u64) -> Option<u32> {
    UNLISTED.with(|memo| {
        let slot = &memo[spread(key) as usize & (UNLISTED_SLOTS - 1)];
        match slot.get() {
            (k, entry) if k == key => entry,
            _ => {
                let entry = content_hash(word, key, 0);
                slot.set((key, entry));
                entry
            }
        }
    })
}

/// The hash of a word's stem. A stem is a prefix of its word, so a short word's stem key is its
/// key cut short: most stems are hashed without reading their bytes again.
fn stem_hash(word: &[u8], key: u64) -> u32 {
    let stem = stem_bytes(word);
    if stem.len() > PACKED_LEN {
        return hash(stem);
    }
    // A long word's first eight bytes, in one load, hold the stem's.
    let first_bytes = match word.first_chunk::<PACKED_LEN>() {
        Some(&chunk) if word.len() > PACKED_LEN => u64::from_le_bytes(chunk),
        _ => key,
    };
    spread(key_prefix(first_bytes, stem.len()))
}

/// A light suffix-stripping stem: enough for "outage"/"outages", "migrate"/"migrating".
pub fn stem(word: &str) -> &str {
    // Only ASCII suffixes are stripped, so the cut is on a character boundary.
    &word[..stem_bytes(word.as_bytes()).len()]
}

// Inlined: called for every word not in the word table, from one place that is out of line.
#[inline(always)]
fn stem_bytes(word: &[u8]) -> &[u8] {
    let w = word.strip_suffix(b"'s").unwrap_or(word);
    let n = w.len();
    // Cut `k` bytes off a word of at least `min` bytes, unless that leaves a final "s".
    let cut =
        |k: usize, min: usize| (n >= min && w[..n - k].last() != Some(&b's')).then(|| &w[..n - k]);
    // The suffixes "ing", "ies", "ed", "es", "ly", "s", "e", tried in that order.
    let stem = match w {
        [.., b'i', b'n', b'g'] => cut(3, 6),
        [.., b'i', b'e', b's'] => cut(3, 5).or_else(|| cut(2, 5)).or_else(|| cut(1, 4)),
        [.., b'e', b's'] => cut(2, 5).or_else(|| cut(1, 4)),
        [.., b's'] => cut(1, 4),
        [.., b'e', b'd'] | [.., b'l', b'y'] => cut(2, 5),
        [.., b'e'] => cut(1, 4),
        _ => None,
    };
    stem.unwrap_or(w)
}

/// FNV-1a: a fast, stable hash for content stems longer than a packed key.
fn hash(s: &[u8]) -> u32 {
    s.iter().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    })
}

/// Share of the smaller content set that the other one shares: 0 when either is empty.
pub fn overlap(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    // Steps by comparison results rather than branches on them: which side advances is data,
    // and a branch on it is mispredicted about every other step.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        shared += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    shared as f64 / a.len().min(b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> WordIndex {
        let mut w = WordIndex::default();
        w.add(&["the".into(), "our".into(), "we".into()], class::STOP);
        w
    }

    #[test]
    fn words_are_lower_case_and_keep_contractions() {
        let n = normalize("Hey, we've ONLY got 28 minutes… Don’t worry!", &index());
        let words: Vec<&[u8]> = (0..n.len()).map(|i| n.word(i)).collect();
        let expected: [&[u8]; 8] = [
            b"hey", b"we've", b"only", b"got", b"28", b"minutes", b"don't", b"worry",
        ];
        assert_eq!(words, expected);
        assert_eq!(n.padded, b" hey we've only got 28 minutes don't worry ");
        assert!(n.punctuated);
        assert!(!n.question_mark);
    }

    #[test]
    fn words_are_split_and_looked_up_whatever_their_length_or_script() {
        // Runs of exactly eight bytes and past them, contractions, accents, control characters
        // (0x10 | 0x20 is '0', so lower-casing must come after the test for digits) and words
        // cut by the end of the text: each word found in the table with the key it was added with.
        let listed = "we meetings migration don't café straße 12345678 x";
        let mut w = WordIndex::default();
        w.add(
            &listed.split(' ').map(String::from).collect::<Vec<_>>(),
            class::STOP,
        );
        let text = "We MEETINGS Migration, DON'T Café STRASSE straße 12345678 a\u{11}b\u{19}x x";
        let n = normalize(text, &w);
        let words: Vec<&[u8]> = (0..n.len()).map(|i| n.word(i)).collect();
        assert_eq!(
            text_of(&words.join(&b' ')),
            "we meetings migration don't café strasse straße 12345678 a b x x"
        );
        let listed_words: Vec<&[u8]> = (0..n.len())
            .filter(|&i| n.is(i, class::STOP))
            .map(|i| n.word(i))
            .collect();
        assert_eq!(listed_words.join(&b' '), format!("{listed} x").into_bytes());
        // The same stem hashes alike from a short word, a long one and one read past its end.
        let a = normalize("migrate", &WordIndex::default());
        let b = normalize("Migrating, then", &WordIndex::default());
        assert_eq!(a.content, b.content[..1]);
    }

    #[test]
    fn normalised_phrases_are_kept_as_they_are() {
        for p in [
            "i'm sorry to hear that",
            "rock'n'roll",
            "30 days",
            "Hello",
            "a  b",
            " a",
            "a ",
            "'tis",
            "x'",
            "a''b",
            "a-b",
            "caf\u{e9}",
            "",
        ] {
            let padded = normalize(p, &WordIndex::default()).padded;
            let slow = text_of(padded.trim_ascii()).to_string();
            assert_eq!(normalize_phrase(p), slow, "{p:?}");
        }
        assert!(is_normalized(b"i'm sorry to hear that"));
        assert!(!is_normalized(b"a  b"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]
        #[test]
        fn ends_are_read_as_by_characters(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "why", "?", ".", "!", ",", "-", "\u{2014}", "\u{2026}", "\"", "'", ")",
                "\u{201d}", " ", "\t", "\n", "\x0b", "\u{a0}", "\u{3000}", "\u{85}", "\u{1c}",
                "caf\u{e9}", "?\u{201d}",
            ]), 0..8)
        ) {
            let text = pieces.concat();
            let (mut fast, mut slow) = (Normalized::default(), Normalized::default());
            read_end(&text, &mut fast);
            read_end_slowly(&text, &mut slow);
            proptest::prop_assert_eq!(
                (fast.question_mark, fast.broken_off, fast.full_stop),
                (slow.question_mark, slow.broken_off, slow.full_stop),
                "{:?}", text
            );
        }
    }

    #[test]
    fn question_mark_is_read_at_the_end_only() {
        assert!(normalize("So what happened?", &index()).question_mark);
        assert!(normalize("what happened?\" ", &index()).question_mark);
        assert!(!normalize("What? No way.", &index()).question_mark);
    }

    #[test]
    fn word_counts_match_split_whitespace() {
        for text in [
            "",
            "   ",
            "one",
            " two  words ",
            "tab\tand\nnew\r\nlines",
            "vertical\x0btab and\x0cform feed",
            "no-break\u{a0}space and ideographic\u{3000}space",
            "caf\u{e9} cr\u{e8}me",
        ] {
            let expected = text.split_whitespace().count();
            assert_eq!(
                normalize(text, &index()).whitespace_words,
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn remembered_unlisted_entries_are_the_stemmed_ones() {
        use crate::analysis::words::word_key;
        // Three times as many words as slots, asked for forwards then backwards: slots are
        // filled, hit and overwritten, and every answer is the stemming's own.
        let suffixes = ["s", "ed", "e", "ly", "ing", "ies", "'s", ""];
        let words: Vec<String> = (0..3 * UNLISTED_SLOTS)
            .map(|i| format!("{:x}{}", i % 4096, suffixes[i % suffixes.len()]))
            .collect();
        for word in words.iter().chain(words.iter().rev()) {
            let (word, key) = (word.as_bytes(), word_key(word.as_bytes()));
            assert!(word.len() <= PACKED_LEN, "{word:?}");
            assert_eq!(
                unlisted_content(word, key),
                content_hash(word, key, 0),
                "{word:?}"
            );
        }
    }

    #[test]
    fn stems_join_inflections() {
        assert_eq!(stem("outages"), stem("outage"));
        assert_eq!(stem("migrating"), stem("migrate"));
        assert_eq!(stem("servers"), "server");
        assert_eq!(stem("companies"), "compan");
        assert_eq!(stem("classes"), "classe");
        assert_eq!(stem("boss"), "boss");
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("gas's"), "gas");
        assert_eq!(stem("quickly"), "quick");
        assert_eq!(stem("sing"), "sing");
    }

    #[test]
    fn overlap_ignores_stop_words() {
        let a = normalize("our servers went down during the migration", &index());
        let b = normalize("the server outage during migration", &index());
        let c = normalize("the pricing page", &index());
        assert!(overlap(&a.content, &b.content) > 0.5);
        assert_eq!(overlap(&a.content, &c.content), 0.0);
    }
}
