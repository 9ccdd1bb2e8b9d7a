//! The byte-level pass behind `normalize`: one walk over an utterance's text lower-cases its
//! words into `padded`, records where each starts and ends and whether a break came before it,
//! and counts whitespace-separated words. ASCII words and the single spaces between them are
//! taken sixteen bytes at a time (`byte_classes`); other characters are decoded and read with
//! the Unicode tables. A second, word-level loop then looks
//! each word up once in the word table (class bits, phrase-word id, content stem): a short
//! word's key is its bytes, read back from `padded` in one load.

use super::byte_classes::{self, WIDTH};
use super::normalize::{Normalized, Word, class, unlisted_content};
use super::words::{PACKED_LEN, WordIndex, WordInfo};

/// ASCII letters and digits, the bytes that make up most words.
const ALNUM: [bool; 256] = ascii_table(false);

/// What `char::is_whitespace` says for ASCII: space and `\t`..`\r`.
const SPACE: [bool; 256] = ascii_table(true);

const fn ascii_table(space: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if space {
            c == b' ' || (c >= b'\t' && c <= b'\r')
        } else {
            c.is_ascii_alphanumeric()
        };
        b += 1;
    }
    t
}

/// What `char::is_whitespace` says for an ASCII byte (false for the others).
pub(super) fn is_ascii_space(b: u8) -> bool {
    SPACE[b as usize]
}

/// The fewer than [`WIDTH`] bytes at the end of a text, then zero bytes, which stop a plain
/// run as the end of the text does. Out of line: once or twice per text.
#[inline(never)]
fn zero_padded(rest: &[u8]) -> [u8; WIDTH] {
    let mut chunk = [0; WIDTH];
    chunk[..rest.len()].copy_from_slice(rest);
    chunk
}

/// Fewer than eight bytes, first byte lowest, from two loads that may overlap (overlapping
/// bytes agree): a copy into a buffer calls `memcpy`, which costs more. Out of line: only a
/// normalised text shorter than eight bytes needs it, and inlined it would take registers from
/// the word loop.
#[cold]
#[inline(never)]
fn short_chunk(rest: &[u8]) -> u64 {
    let len = rest.len();
    let at = |i: usize| u64::from(rest[i]) << (8 * i);
    match len {
        0 => 0,
        1..4 => at(0) | at(len / 2) | at(len - 1),
        _ => {
            let word = |i: usize| {
                u64::from(u32::from_le_bytes(
                    rest[i..i + 4].try_into().expect("four bytes"),
                ))
            };
            word(0) | word(len - 4) << (8 * (len - 4))
        }
    }
}

/// The word being copied, and what the text said before it. The buffers and flags it fills
/// are its own until the walk ends, not fields behind a `&mut Normalized`: the loop then keeps
/// their lengths in registers rather than reloading them through the pointer for each word.
struct Scanner {
    out: Vec<u8>,
    words: Vec<Word>,
    punctuated: bool,
    has_question_mark: bool,
    /// See `Normalized::question_sentences`.
    question_sentences: Vec<(u32, u32)>,
    /// How many words came before the last `.`, `?` or `!`.
    words_at_mark: u32,
    /// Where the current word starts in `out`; 0 between words (`out` opens with a space).
    start: usize,
    /// A comma or sentence punctuation came since the last word.
    break_before: bool,
    /// White space right after a non-space, taken byte by byte: with the spaces that end words
    /// in plain runs, `split_whitespace`'s count for ASCII texts.
    spaces_after_words: usize,
    /// Words closed by `end_word` (a boundary or the text's end). Every other word ended at a
    /// space right after a non-space in a plain run: counted at the end, not one by one.
    closed_words: usize,
}

/// Normalises `text` into `n`: everything but the flags read from the text's end.
pub(super) fn scan(text: &str, words: &WordIndex, n: &mut Normalized) {
    let mut out = std::mem::take(&mut n.padded);
    out.clear();
    // Room for a typical text at once: a fresh `Normalized` (a rule re-reading a text, a
    // phrase from the rule file) then allocates each buffer about once instead of growing it
    // step by step.
    let max_words = text.len() / 4 + 4;
    out.reserve(text.len() + 2);
    out.push(b' ');
    let mut found = std::mem::take(&mut n.words);
    found.clear();
    found.reserve(max_words);
    n.content.clear();
    n.content.reserve(max_words);
    n.core.clear();
    n.core.reserve(max_words);
    let mut question_sentences = std::mem::take(&mut n.question_sentences);
    question_sentences.clear();
    let mut s = Scanner {
        out,
        words: found,
        punctuated: false,
        has_question_mark: false,
        question_sentences,
        words_at_mark: 0,
        start: 0,
        break_before: false,
        spaces_after_words: 0,
        closed_words: 0,
    };
    let bytes = text.as_bytes();
    let mut ascii = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Words and single spaces, the bulk of a text, sixteen bytes at a time; the
        // byte-by-byte path below takes what stops them: punctuation, other white space,
        // non-ASCII. A plain run starts with a letter, a digit or a space that ends a word.
        if ALNUM[b as usize] || b == b' ' && s.start != 0 {
            // `first_chunk` tests the length left, with no overflow check for `i + WIDTH`.
            i += match bytes[i..].first_chunk::<WIDTH>() {
                Some(chunk) => s.plain_prefix(chunk),
                None => s.plain_prefix(&zero_padded(&bytes[i..])),
            };
            continue;
        }
        if b == b' ' {
            // A space with no word open (after punctuation, mostly) ends nothing and is no
            // punctuation: it is only counted, without the byte path's tests.
            if i > 0 && !is_ascii_space(bytes[i - 1]) {
                s.spaces_after_words += 1;
            }
            i += 1;
            continue;
        }
        if b < 0x80 {
            if b == b'\'' && s.start != 0 && alphanumeric_at(text, i + 1) {
                s.apostrophe();
            } else {
                if is_ascii_space(b) && i > 0 && !is_ascii_space(bytes[i - 1]) {
                    s.spaces_after_words += 1;
                }
                s.boundary(char::from(b));
            }
            i += 1;
        } else {
            ascii = false;
            i = s.wide_char(text, i);
        }
    }
    if s.start != 0 {
        s.end_word();
    }
    let whitespace_words = if ascii {
        let run_spaces = s.words.len() - s.closed_words;
        s.spaces_after_words
            + run_spaces
            + usize::from(bytes.last().is_some_and(|&b| !is_ascii_space(b)))
    } else {
        text.split_whitespace().count()
    };
    (n.words, n.punctuated, n.has_question_mark) = (s.words, s.punctuated, s.has_question_mark);
    n.question_sentences = s.question_sentences;
    n.whitespace_words = whitespace_words;
    // Only whole characters were copied: `padded` is UTF-8.
    n.padded = s.out;
    look_up_words(words, n);
}

/// Looks up the words that the byte loop found: class bits, phrase-word ids, content stems and
/// core words. A pass of its own, after the byte loop, so that the byte loop records a word with
/// one push and this loop keeps its few variables in registers.
// Not inlined: inside the byte loop's function the two loops share registers and spill more.
#[inline(never)]
fn look_up_words(table: &WordIndex, n: &mut Normalized) {
    let padded = n.padded.as_slice();
    // Local buffers and plain variables rather than fields behind `n`: the loop keeps them in
    // registers instead of reloading them for each word.
    let (mut content, mut core) = (std::mem::take(&mut n.content), std::mem::take(&mut n.core));
    let words = n.words.as_mut_slice();
    // The key of the last word pushed to `core`, which `core.last()` names: one live variable
    // rather than that word's key, start and end, so that the loop spills fewer of them.
    let mut last_key = 0;
    for i in 0..words.len() {
        let (start, end) = (words[i].start as usize, words[i].end as usize);
        // A short word's key is its bytes, read in one load, and one compare finds it; long
        // words and words not in the table take calls out of line.
        let (key, info, entry) = if end - start <= PACKED_LEN {
            let key = short_word_key(padded, start, end);
            match table.lookup_short(key) {
                Some((info, entry)) => (key, info, entry),
                None => (
                    key,
                    WordInfo::default(),
                    unlisted_content(&padded[start..end], key),
                ),
            }
        } else {
            table.lookup_long(&padded[start..end])
        };
        if let Some(h) = entry {
            content.push(h);
        }
        words[i].classes |= info.bits;
        words[i].id = info.phrase_id;
        // A stutter ("is is it") repeats the last core word. Equal keys are equal words for
        // short words (see `long_word_key`); a long word's bytes are compared when keys agree.
        let repeats = last_key == key
            && (end - start <= PACKED_LEN
                || core
                    .last()
                    .is_some_and(|&j| same_bytes(padded, words[j], &padded[start..end])));
        if info.bits & class::HESITATION == 0 && !repeats {
            core.push(i);
            last_key = key;
        }
    }
    (n.content, n.core) = (content, core);
}

/// The union (bitwise OR) of the class bits of `words`. A pass of its own after the scan: one
/// more variable in `look_up_words`' loop cost several times as much in spilled registers.
// Four words a step: the loop's own instructions, more than the one OR a word needs, are
// then paid once for four words.
pub(super) fn class_union(words: &[Word]) -> u32 {
    let mut chunks = words.chunks_exact(4);
    let mut bits = 0;
    for c in chunks.by_ref() {
        bits |= c[0].classes | c[1].classes | c[2].classes | c[3].classes;
    }
    chunks
        .remainder()
        .iter()
        .fold(bits, |bits, w| bits | w.classes)
}

/// The key of the word at `start..end` of `padded`, at most [`PACKED_LEN`] bytes long: its
/// bytes read in one load, from where it starts or, near the end of `padded`, from the eight
/// bytes that end with it. `load_chunk` would pack the bytes of a word near the end one by one,
/// and every utterance's last words are.
#[inline]
fn short_word_key(padded: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    let eight = |at: usize| {
        u64::from_le_bytes(padded[at..at + PACKED_LEN].try_into().expect("eight bytes"))
    };
    if start + PACKED_LEN <= padded.len() {
        // The bytes past the word cleared by two shifts: no branch for an eight-byte word,
        // which `key_prefix` needs (a word has at least one byte, so the shift is below 64).
        let past = 64 - 8 * len as u32;
        eight(start).wrapping_shl(past) >> past
    } else if end >= PACKED_LEN {
        eight(end - PACKED_LEN) >> (8 * (PACKED_LEN - len))
    } else {
        short_chunk(&padded[start..end])
    }
}

/// Whether word `w` of `padded` is `word`. Out of line: called only when two keys agree.
#[inline(never)]
fn same_bytes(padded: &[u8], w: Word, word: &[u8]) -> bool {
    padded[w.start as usize..w.end as usize] == *word
}

/// Whether the character at byte `i` of `text` is a letter or digit (`false` at the end).
fn alphanumeric_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => ALNUM[b as usize],
        Some(_) => text[i..].chars().next().is_some_and(char::is_alphanumeric),
        None => false,
    }
}

impl Scanner {
    /// Takes the bytes of `chunk` up to the first that is not an ASCII letter, digit or a
    /// space right after one (the chunk's or the open word's), and returns how many it took:
    /// at least one, as the caller starts it on such a byte.
    /// Lower-cased, they are what `out` gets, and each space ends a word: no byte needs a
    /// branch of its own.
    #[inline(always)]
    fn plain_prefix(&mut self, chunk: &[u8; WIDTH]) -> usize {
        let byte_classes::ByteClasses { alnum, spaces } = byte_classes::classify(chunk);
        let after_alnum = alnum << 1 | u32::from(self.start != 0);
        // Bit WIDTH stops a chunk taken whole.
        let stops = !(alnum | spaces) | (spaces & !after_alnum) | 1 << WIDTH;
        let taken = stops.trailing_zeros() as usize;
        let base = self.out.len();
        // Setting bit 5 lower-cases ASCII letters and leaves digits and spaces as they are.
        self.out.extend_from_slice(&chunk.map(|b| b | 0x20));
        self.out.truncate(base + taken);
        if self.start == 0 {
            // The first byte is a letter or digit: a space there would follow no open word.
            self.start = base;
        }
        // The spaces taken: those below the lowest stop bit.
        let ends = spaces & !stops & (stops - 1);
        if ends != 0 {
            self.end_words_at(base, ends, taken);
        }
        taken
    }

    /// Records the words that end at the spaces `ends` (bits over the chunk copied at `base`
    /// of `out`, of which `taken` bytes were taken). Only the first can follow a break, and
    /// each later one starts right after the space before it: the loop carries one end.
    #[inline(always)]
    fn end_words_at(&mut self, base: usize, mut ends: u32, taken: usize) {
        let mut end = base + ends.trailing_zeros() as usize;
        self.push_word(end);
        ends &= ends - 1;
        while ends != 0 {
            let next = base + ends.trailing_zeros() as usize;
            self.words.push(Word {
                start: end as u32 + 1,
                end: next as u32,
                classes: 0,
                id: 0,
            });
            end = next;
            ends &= ends - 1;
        }
        // After a space comes a letter or digit (two spaces stop the run) or no byte taken.
        self.start = if end + 1 < base + taken { end + 1 } else { 0 };
    }

    /// Starts a word at the end of `out`, unless one is open.
    #[inline]
    fn begin_word(&mut self) {
        if self.start == 0 {
            self.start = self.out.len();
        }
    }

    /// An apostrophe inside a word ("don't"): part of the word.
    fn apostrophe(&mut self) {
        self.out.push(b'\'');
    }

    /// Reads the non-ASCII character at byte `i`; returns the byte after it.
    fn wide_char(&mut self, text: &str, i: usize) -> usize {
        let c = text[i..]
            .chars()
            .next()
            .expect("scan stops on character boundaries");
        let next = i + c.len_utf8();
        if c.is_alphanumeric() {
            self.begin_word();
            let mut buf = [0; 4];
            for l in c.to_lowercase() {
                self.out
                    .extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
            }
        } else if c == '\u{2019}' && self.start != 0 && alphanumeric_at(text, next) {
            self.apostrophe();
        } else {
            self.boundary(c);
        }
        next
    }

    /// A character that is not part of a word: ends the word, notes punctuation.
    // Inlined: called for every word's end, and small once the character is known.
    #[inline(always)]
    fn boundary(&mut self, c: char) {
        if self.start != 0 {
            self.end_word();
        }
        if matches!(c, '.' | '?' | '!') {
            self.punctuated = true;
            let words = self.words.len() as u32;
            if c == '?' {
                self.has_question_mark = true;
                self.question_sentences.push((self.words_at_mark, words));
            }
            self.words_at_mark = words;
        }
        if matches!(c, '.' | '?' | '!' | ',' | ';' | ':' | '-' | '\u{2014}') {
            self.break_before = !self.words.is_empty();
        }
    }

    /// Closes the current word: records its bytes and whether a break came before it;
    /// `look_up_words` reads the rest once the byte loop is done.
    fn end_word(&mut self) {
        self.push_word(self.out.len());
        self.out.push(b' ');
        self.start = 0;
        self.closed_words += 1;
    }

    /// Records the open word as ending at `end` of `out`, with the break before it.
    #[inline]
    fn push_word(&mut self, end: usize) {
        self.words.push(Word {
            start: self.start as u32,
            end: end as u32,
            classes: if self.break_before {
                class::AFTER_BREAK
            } else {
                0
            },
            id: 0,
        });
        self.break_before = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::words::word_key;

    /// What `scan` reads from a text, one character at a time: the words, whether each follows
    /// a break (comma or sentence punctuation after an earlier word), the whitespace word count.
    fn slow_scan(text: &str) -> (Vec<String>, Vec<bool>, usize) {
        let chars: Vec<char> = text.chars().collect();
        let (mut words, mut breaks) = (Vec::new(), Vec::new());
        let (mut word, mut after_break) = (String::new(), false);
        for (k, &c) in chars.iter().enumerate() {
            let alnum_next = chars.get(k + 1).is_some_and(|c| c.is_alphanumeric());
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else if matches!(c, '\'' | '\u{2019}') && !word.is_empty() && alnum_next {
                word.push('\'');
            } else {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                    breaks.push(std::mem::take(&mut after_break));
                }
                if matches!(c, '.' | '?' | '!' | ',' | ';' | ':' | '-' | '\u{2014}') {
                    after_break = !words.is_empty();
                }
            }
        }
        if !word.is_empty() {
            words.push(word);
            breaks.push(after_break);
        }
        (words, breaks, text.split_whitespace().count())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]
        #[test]
        fn scan_reads_words_breaks_and_counts_as_a_character_walk(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "we", "Meetings", "migrating12", "x", "12", " ", "  ", "\t", "\n", ",", ", ",
                ". ", "?", "!", "-", "\u{2014}", "'", "\u{2019}", "\u{2026}", "\u{a0}",
                "caf\u{e9}", "STRA\u{df}E", "\u{c9}cole",
            ]), 0..24)
        ) {
            let text = pieces.concat();
            let n = super::super::normalize::normalize(&text, &WordIndex::default());
            let words: Vec<String> =
                (0..n.len()).map(|i| super::super::normalize::text_of(n.word(i)).to_string()).collect();
            let breaks: Vec<bool> = (0..n.len()).map(|i| n.is(i, class::AFTER_BREAK)).collect();
            let (slow_words, slow_breaks, count) = slow_scan(&text);
            proptest::prop_assert_eq!(words, slow_words, "{:?}", text);
            proptest::prop_assert_eq!(breaks, slow_breaks, "{:?}", text);
            proptest::prop_assert_eq!(n.whitespace_words, count, "{:?}", text);
            proptest::prop_assert_eq!(n.has_question_mark, text.contains('?'), "{:?}", text);
        }

        #[test]
        fn words_are_looked_up_as_each_word_alone(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "we", "We", "uh", "is", "meetings", "Migrating", "accountability", "don't",
                "x", "12", " ", ", ", ". ", "'", "caf\u{e9}", "STRA\u{df}E",
            ]), 0..16)
        ) {
            // Class bits, phrase-word ids, content entries and core words, read word by word
            // from the table, against what the look-up pass after the byte loop gives.
            let mut table = WordIndex::default();
            table.add(&["we".into(), "is".into()], class::STOP);
            table.add(&["uh".into()], class::HESITATION);
            table.add(&["meetings".into(), "accountability".into(), "café".into()], class::AUX);
            table.intern_phrase_word("don't");
            table.intern_phrase_word("we");
            let text = pieces.concat();
            let n = super::super::normalize::normalize(&text, &table);
            let mut content = Vec::new();
            let mut core: Vec<usize> = Vec::new();
            for i in 0..n.len() {
                let word = n.word(i);
                let key = word_key(word);
                let info = table.lookup(word, key);
                let after_break = n.words[i].classes & class::AFTER_BREAK;
                proptest::prop_assert_eq!(n.words[i].classes, info.bits | after_break);
                proptest::prop_assert_eq!(n.words[i].id, info.phrase_id);
                content.extend(super::super::normalize::content_hash(word, key, info.bits));
                let stutter = core.last().is_some_and(|&j| n.word(j) == n.word(i));
                if info.bits & class::HESITATION == 0 && !stutter {
                    core.push(i);
                }
            }
            content.sort_unstable();
            content.dedup();
            proptest::prop_assert_eq!(&n.content, &content, "{:?}", text);
            proptest::prop_assert_eq!(&n.core, &core, "{:?}", text);
            let union = n.words.iter().fold(0, |bits, w| bits | w.classes);
            proptest::prop_assert_eq!(n.classes, union, "{:?}", text);
        }
    }

    #[test]
    fn short_word_keys_are_word_keys_wherever_the_word_is() {
        // Words at the start, middle and end of texts short and long, of every length up to
        // eight bytes: read forwards, backwards from their end, or byte by byte.
        let table = WordIndex::default();
        for text in [
            "a",
            "ab cd",
            "abcdefgh",
            "abcdefg h",
            "x abcdefgh",
            "we meet at 9 tomorrow, abcdefgh abcdefg abc a",
            "one two three four five six seven eight nine",
        ] {
            let n = super::super::normalize::normalize(text, &table);
            for i in 0..n.len() {
                let (start, end) = (n.start(i), n.end(i));
                let word = n.word(i);
                if word.len() <= PACKED_LEN {
                    assert_eq!(
                        short_word_key(&n.padded, start, end),
                        word_key(word),
                        "{text:?} word {i}"
                    );
                }
            }
        }
    }

    #[test]
    fn short_chunks_pack_their_bytes_first_lowest() {
        let bytes = b"abcdefgh";
        for len in 0..PACKED_LEN {
            let mut buf = [0; PACKED_LEN];
            buf[..len].copy_from_slice(&bytes[..len]);
            assert_eq!(short_chunk(&bytes[..len]), u64::from_le_bytes(buf), "{len}");
        }
    }
}
