//! The byte-level pass behind `normalize`: one walk over an utterance's text lower-cases its
//! words into `padded`, looks each up once in the word table (class bits and phrase-word id),
//! adds it to the content set and counts whitespace-separated words, all at once. ASCII words
//! are read eight bytes at a time, and the load that finds a short word's end is also its table
//! key; other characters are decoded and read with the Unicode tables.

use super::normalize::{Normalized, Word, class};
use super::words::{PACKED_LEN, WordIndex, key_prefix, word_key};

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

fn is_ascii_space(b: u8) -> bool {
    SPACE[b as usize]
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;

/// How many of the eight bytes of `chunk` (first byte lowest) are ASCII letters or digits before
/// the first that is not: the length of a word's run, found without a branch per byte.
#[inline]
fn ascii_alnum_prefix(chunk: u64) -> usize {
    // Per byte, on its low seven bits v: v + (0x80 - lo) sets the high bit iff v >= lo, and
    // v + (0x7f - hi) iff v > hi; neither carries into the next byte.
    let in_range = |v: u64, lo: u8, hi: u8| {
        v.wrapping_add(ONES * u64::from(0x80 - lo)) & !v.wrapping_add(ONES * u64::from(0x7f - hi))
    };
    let low = chunk & !HIGH;
    let letters = in_range(low | (ONES * 0x20), b'a', b'z');
    let digits = in_range(low, b'0', b'9');
    // Bytes with the high bit set are parts of non-ASCII characters, never ASCII alphanumerics.
    let alnum = (letters | digits) & !chunk & HIGH;
    ((!alnum & HIGH).trailing_zeros() / 8) as usize
}

/// Eight bytes of `bytes` from `at`, first byte lowest; past the end reads as zero bytes.
#[inline]
fn load_chunk(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + PACKED_LEN) {
        Some(b) => u64::from_le_bytes(b.try_into().expect("eight bytes")),
        None => {
            let mut buf = [0; PACKED_LEN];
            let rest = &bytes[at.min(bytes.len())..];
            buf[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(buf)
        }
    }
}

/// The word being copied, and what the text said before it.
struct Scanner<'a> {
    words: &'a WordIndex,
    out: Vec<u8>,
    /// Where the current word starts in `out`; 0 between words (`out` opens with a space).
    start: usize,
    /// The word's key (see `words::word_key`) when the word is one ASCII run of at most eight
    /// bytes, read in the load that found its end; 0 otherwise, and `end_word` computes it.
    key: u64,
    /// A comma or sentence punctuation came since the last word.
    break_before: bool,
    /// The key and the bytes in `out` of the last word pushed to `Normalized::core`.
    last_core: Option<(u64, usize, usize)>,
}

/// Normalises `text` into `n`: everything but the flags read from the text's end.
pub(super) fn scan(text: &str, words: &WordIndex, n: &mut Normalized) {
    let mut out = std::mem::take(&mut n.padded).into_bytes();
    out.clear();
    // Room for a typical text at once: a fresh `Normalized` (one per sentence re-read) then
    // allocates each buffer about once instead of growing it step by step.
    let max_words = text.len() / 4 + 4;
    out.reserve(text.len() + 2);
    out.push(b' ');
    n.words.clear();
    n.words.reserve(max_words);
    n.content.clear();
    n.content.reserve(max_words);
    n.core.clear();
    n.core.reserve(max_words);
    n.punctuated = false;
    let mut s = Scanner {
        words,
        out,
        start: 0,
        key: 0,
        break_before: false,
        last_core: None,
    };
    let bytes = text.as_bytes();
    let mut spaces_after_words = 0;
    let mut ascii = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if ALNUM[b as usize] {
            i = s.ascii_run(bytes, i);
            // A space after the run, the commonest word end, taken here rather than by the
            // byte-by-byte path below (same effect: the word ends, the space is counted).
            if bytes.get(i) == Some(&b' ') {
                spaces_after_words += 1;
                s.boundary(' ', n);
                i += 1;
            }
        } else if b < 0x80 {
            if b == b'\'' && s.start != 0 && alphanumeric_at(text, i + 1) {
                s.apostrophe();
            } else {
                if is_ascii_space(b) && i > 0 && !is_ascii_space(bytes[i - 1]) {
                    spaces_after_words += 1;
                }
                s.boundary(char::from(b), n);
            }
            i += 1;
        } else {
            ascii = false;
            i = s.wide_char(text, i, n);
        }
    }
    if s.start != 0 {
        s.end_word(n);
    }
    n.whitespace_words = if ascii {
        spaces_after_words + usize::from(bytes.last().is_some_and(|&b| !is_ascii_space(b)))
    } else {
        text.split_whitespace().count()
    };
    // Only whole characters were copied, so this never fails.
    n.padded = String::from_utf8(s.out).expect("normalised text is UTF-8");
}

/// Whether the character at byte `i` of `text` is a letter or digit (`false` at the end).
fn alphanumeric_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => ALNUM[b as usize],
        Some(_) => text[i..].chars().next().is_some_and(char::is_alphanumeric),
        None => false,
    }
}

impl Scanner<'_> {
    /// Copies the ASCII letters and digits from `i` on, lower-cased; returns where they end.
    fn ascii_run(&mut self, bytes: &[u8], i: usize) -> usize {
        let fresh = self.start == 0;
        if fresh {
            self.start = self.out.len();
        }
        // Eight bytes at a time: find how many are letters or digits, copy all eight
        // lower-cased and keep that many. Word ends, which a byte loop would mispredict about
        // once a word, cost no branch. Setting bit 5 lower-cases ASCII letters and leaves digits
        // as they are.
        let mut end = i;
        let mut first = None;
        loop {
            let chunk = load_chunk(bytes, end);
            let run = ascii_alnum_prefix(chunk);
            let lower = chunk | 0x2020_2020_2020_2020;
            first.get_or_insert(lower);
            self.out.extend_from_slice(&lower.to_le_bytes());
            self.out.truncate(self.out.len() - (PACKED_LEN - run));
            end += run;
            if run < PACKED_LEN {
                break;
            }
        }
        let len = end - i;
        self.key = match first {
            Some(lower) if fresh && len <= PACKED_LEN => key_prefix(lower, len),
            _ => 0,
        };
        end
    }

    /// An apostrophe inside a word ("don't"): part of the word, whose key is then computed.
    fn apostrophe(&mut self) {
        self.out.push(b'\'');
        self.key = 0;
    }

    /// Reads the non-ASCII character at byte `i`; returns the byte after it.
    fn wide_char(&mut self, text: &str, i: usize, n: &mut Normalized) -> usize {
        let c = text[i..]
            .chars()
            .next()
            .expect("scan stops on character boundaries");
        let next = i + c.len_utf8();
        if c.is_alphanumeric() {
            if self.start == 0 {
                self.start = self.out.len();
            }
            let mut buf = [0; 4];
            for l in c.to_lowercase() {
                self.out
                    .extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
            }
            self.key = 0;
        } else if c == '\u{2019}' && self.start != 0 && alphanumeric_at(text, next) {
            self.apostrophe();
        } else {
            self.boundary(c, n);
        }
        next
    }

    /// A character that is not part of a word: ends the word, notes punctuation.
    fn boundary(&mut self, c: char, n: &mut Normalized) {
        if self.start != 0 {
            self.end_word(n);
            self.break_before = false;
        }
        if matches!(c, '.' | '?' | '!') {
            n.punctuated = true;
        }
        if matches!(c, '.' | '?' | '!' | ',' | ';' | ':' | '-' | '\u{2014}') {
            self.break_before = !n.words.is_empty();
        }
    }

    /// A stutter ("is is it"): the word, whose key is `key`, repeats the last core word.
    fn repeats_last_core(&self, key: u64, start: usize, end: usize) -> bool {
        self.last_core.is_some_and(|(k, a, b)| {
            // Keys tell most words apart without a call to `memcmp`; a short word's key is
            // the word itself.
            k == key
                && b - a == end - start
                && (end - start <= PACKED_LEN || self.out[a..b] == self.out[start..end])
        })
    }

    /// Closes the current word: looks it up, records it and its content stem.
    fn end_word(&mut self, n: &mut Normalized) {
        let (start, end) = (self.start, self.out.len());
        let word = &self.out[start..end];
        let key = match self.key {
            0 => word_key(word),
            key => key,
        };
        let (info, content) = self.words.lookup_with_content(word, key);
        if let Some(h) = content {
            n.content.push(h);
        }
        let after_break = if self.break_before {
            class::AFTER_BREAK
        } else {
            0
        };
        if info.bits & class::HESITATION == 0 && !self.repeats_last_core(key, start, end) {
            n.core.push(n.words.len());
            self.last_core = Some((key, start, end));
        }
        n.words.push(Word {
            start: start as u32,
            end: end as u32,
            classes: info.bits | after_break,
            id: info.phrase_id,
        });
        self.out.push(b' ');
        self.start = 0;
        self.key = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `ascii_alnum_prefix` computes, one byte at a time.
    fn alnum_prefix_slow(chunk: u64) -> usize {
        chunk
            .to_le_bytes()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count()
    }

    #[test]
    fn the_branch_free_run_length_agrees_with_a_byte_walk() {
        // Every byte value at every position, among letters, and a pseudo-random sweep.
        for pos in 0..8 {
            for b in 0..=255u8 {
                let mut bytes = *b"abcdefgh";
                bytes[pos] = b;
                let chunk = u64::from_le_bytes(bytes);
                assert_eq!(
                    ascii_alnum_prefix(chunk),
                    alnum_prefix_slow(chunk),
                    "{bytes:?}"
                );
            }
        }
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Bias towards ASCII letters so that long runs occur.
            let chunk = (x & 0x7f7f_7f7f_7f7f_7f7f) | (0x4040_4040_4040_4040 & x.rotate_left(7));
            assert_eq!(
                ascii_alnum_prefix(chunk),
                alnum_prefix_slow(chunk),
                "{chunk:#x}"
            );
            assert_eq!(ascii_alnum_prefix(x), alnum_prefix_slow(x), "{x:#x}");
        }
    }

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
            ]), 0..14)
        ) {
            let text = pieces.concat();
            let n = super::super::normalize::normalize(&text, &WordIndex::default());
            let words: Vec<String> = (0..n.len()).map(|i| n.word(i).to_string()).collect();
            let breaks: Vec<bool> = (0..n.len()).map(|i| n.is(i, class::AFTER_BREAK)).collect();
            let (slow_words, slow_breaks, count) = slow_scan(&text);
            proptest::prop_assert_eq!(words, slow_words, "{:?}", text);
            proptest::prop_assert_eq!(breaks, slow_breaks, "{:?}", text);
            proptest::prop_assert_eq!(n.whitespace_words, count, "{:?}", text);
        }
    }

    #[test]
    fn chunks_read_past_the_end_as_zero_bytes() {
        assert_eq!(
            load_chunk(b"hello world", 0),
            u64::from_le_bytes(*b"hello wo")
        );
        assert_eq!(
            load_chunk(b"hello world", 6),
            u64::from_le_bytes(*b"world\0\0\0")
        );
        assert_eq!(load_chunk(b"hi", 2), 0);
    }
}
