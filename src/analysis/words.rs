//! The word table: normalised word → class bits and phrase-word id, looked up once per word of
//! every utterance. An open-addressing table keyed by [`word_key`]: most words are at most 8
//! bytes, whose key is the word itself (normalisation reads it from the normalised text in one
//! load), so that a lookup is one probe and one integer compare.

use super::normalize::{content_hash, normalize_phrase};
use std::cell::Cell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Words up to this many bytes are their own key.
pub const PACKED_LEN: usize = 8;

/// A word's key in the table: its bytes packed into a `u64` when it has at most
/// [`PACKED_LEN`] of them, first byte lowest, as one little-endian load reads them (exact, given
/// its length), otherwise a hash (then the bytes are compared too).
pub fn word_key(word: &[u8]) -> u64 {
    if word.len() <= PACKED_LEN {
        word.iter().rev().fold(0, |k, &b| (k << 8) | u64::from(b))
    } else {
        long_word_key(word)
    }
}

/// The key of a word longer than [`PACKED_LEN`]: a hash of its bytes with the lowest byte
/// cleared. A packed key's lowest byte is the word's first byte, never 0, so no long word's key
/// is a short word's: equal keys of short words are equal words, with nothing else compared.
///
/// The hash reads eight bytes at a time, the last eight overlapping the ones before: the table
/// compares long words' bytes anyway, so their keys need only be equal for equal words and
/// rarely equal otherwise. Out of line: one word in twenty is this long, and inlined into the
/// per-word loop its constants would hold registers that the common path needs.
#[inline(never)]
pub fn long_word_key(word: &[u8]) -> u64 {
    let mix = |h: u64, x: u64| (h ^ x).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29);
    let mut h = FNV_OFFSET ^ word.len() as u64;
    let mut chunks = word.chunks_exact(PACKED_LEN);
    for chunk in &mut chunks {
        h = mix(
            h,
            u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
        );
    }
    if !chunks.remainder().is_empty() {
        // The last eight bytes (or all of a shorter word), overlapping the chunks before:
        // the length mixed in first tells apart the words that this leaves alike.
        let tail = match word.len().checked_sub(PACKED_LEN) {
            Some(at) => u64::from_le_bytes(word[at..].try_into().expect("eight bytes")),
            None => word_key(word),
        };
        h = mix(h, tail);
    }
    h & !0xff
}

/// The first `len` (at most [`PACKED_LEN`]) bytes of a packed key: the key of the word's prefix.
#[inline]
pub fn key_prefix(key: u64, len: usize) -> u64 {
    match len {
        PACKED_LEN => key,
        _ => key & ((1 << (8 * len)) - 1),
    }
}

/// FNV-1a as a `Hasher`: word lookups are on short keys, where SipHash's setup dominates.
#[derive(Default)]
pub struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by normalised phrases, with the fast hasher. The keys are bytes, as
/// `Normalized::padded` is: a phrase cut from it is looked up as it is.
pub type WordMap<V> = HashMap<Vec<u8>, V, BuildHasherDefault<FnvHasher>>;

/// What the table knows about one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// Word-class bits (see `normalize::class`).
    pub bits: u32,
    /// The word's id in the phrase lists, 0 when no phrase contains it.
    pub phrase_id: u32,
}

/// One slot of the open-addressing table, with a copy of its entry's key and info so that a
/// lookup of a short word reads nothing else.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    /// 0 for an empty slot, otherwise the entry index + 1.
    entry: u32,
    info: WordInfo,
    /// The word's content-set entry (`normalize::content_hash`), kept up to date with the
    /// class bits: most words of a text are in the table, and their stems need no work.
    content: Option<u32>,
}

/// Word → class bits and phrase-word id, built once from the rule file.
#[derive(Debug, Clone, Default)]
pub struct WordIndex {
    words: Vec<Box<str>>,
    slots: Vec<Slot>,
    phrase_words: u32,
    /// This table as [`LONG_WORDS`] knows it: a new id at every change (0 for the empty table
    /// that `default` makes), so that no answer remembered from another table, or from this
    /// one before the change, is given for it.
    id: u64,
}

/// The next [`WordIndex::id`].
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl WordIndex {
    /// Takes a new id: the table is about to change.
    fn changes(&mut self) {
        self.id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    }

    /// Adds class bits to words of a rule-file list (normalised first).
    pub fn add(&mut self, words: &[String], bits: u32) {
        self.changes();
        for w in words {
            let s = self.slot(&normalize_phrase(w));
            self.add_bits(s, bits);
        }
    }

    /// Adds class bits to the word in slot `s`, whose content-set entry depends on them.
    fn add_bits(&mut self, s: usize, bits: u32) {
        let slot = &mut self.slots[s];
        slot.info.bits |= bits;
        let word = self.words[slot.entry as usize - 1].as_bytes();
        slot.content = content_hash(word, slot.key, slot.info.bits);
    }

    /// The phrase-word id of a normalised word, given one if it has none yet (ids start at 1).
    pub fn intern_phrase_word(&mut self, word: &str) -> u32 {
        self.changes();
        let s = self.slot(word);
        if self.slots[s].info.phrase_id == 0 {
            self.phrase_words += 1;
            self.slots[s].info.phrase_id = self.phrase_words;
        }
        self.slots[s].info.phrase_id
    }

    /// Adds class bits to the words whose phrase-word id `pick` selects.
    pub fn add_by_phrase_id(&mut self, bits: u32, pick: impl Fn(u32) -> bool) {
        self.changes();
        for s in 0..self.slots.len() {
            let id = self.slots[s].info.phrase_id;
            if id != 0 && pick(id) {
                self.add_bits(s, bits);
            }
        }
    }

    /// The largest phrase-word id given out.
    pub fn phrase_words(&self) -> u32 {
        self.phrase_words
    }

    /// The class bits of a normalised word.
    pub fn get(&self, word: &str) -> u32 {
        self.lookup(word.as_bytes(), word_key(word.as_bytes())).bits
    }

    /// What the table knows about a normalised word whose [`word_key`] is `key`.
    #[inline]
    pub fn lookup(&self, word: &[u8], key: u64) -> WordInfo {
        self.find(word, key)
            .map_or_else(WordInfo::default, |s| s.info)
    }

    /// [`lookup`](Self::lookup), and the word's content-set entry as
    /// `normalize::content_hash` gives it: kept in the table for the words there.
    #[inline]
    pub fn lookup_with_content(&self, word: &[u8], key: u64) -> (WordInfo, Option<u32>) {
        match self.find(word, key) {
            Some(slot) => (slot.info, slot.content),
            None => (WordInfo::default(), content_hash(word, key, 0)),
        }
    }

    /// What the table knows about a word of at most [`PACKED_LEN`] bytes, given its packed key
    /// (never 0), and its content-set entry; `None` when the word is not in the table. The key
    /// is the word: a hit is one compare, and an empty slot (key 0) matches no word.
    #[inline(always)]
    pub fn lookup_short(&self, key: u64) -> Option<(WordInfo, Option<u32>)> {
        self.probe(key, |_| true)
            .map(|slot| (slot.info, slot.content))
    }

    /// A word longer than [`PACKED_LEN`] bytes: its key, what the table knows about it and its
    /// content-set entry. Out of line, as `long_word_key`. Words of up to sixteen bytes are
    /// answered from [`LONG_WORDS`] when they were looked up in this table before.
    #[inline(never)]
    pub fn lookup_long(&self, word: &[u8]) -> (u64, WordInfo, Option<u32>) {
        let Some(word_id) = LongWord::of(word, self.id) else {
            return self.look_up_long(word);
        };
        LONG_WORDS.with(|memo| {
            let slot = &memo[word_id.slot()];
            let seen = slot.get();
            if seen.word == word_id {
                return seen.answer;
            }
            let answer = self.look_up_long(word);
            slot.set(Remembered {
                word: word_id,
                answer,
            });
            answer
        })
    }

    /// [`lookup_long`](Self::lookup_long) from the word's bytes: hashed, probed, compared and
    /// stemmed.
    fn look_up_long(&self, word: &[u8]) -> (u64, WordInfo, Option<u32>) {
        let key = long_word_key(word);
        let (info, content) = self.lookup_with_content(word, key);
        (key, info, content)
    }

    #[inline]
    fn find(&self, word: &[u8], key: u64) -> Option<&Slot> {
        // Packed keys differ from hashed ones (see `long_word_key`): the bytes are compared
        // only for long words, whose key may even be an empty slot's 0.
        match word.len() {
            ..=PACKED_LEN => self.probe(key, |_| true),
            _ => self.probe(key, |slot| slot.entry != 0 && self.same_word(slot, word)),
        }
    }

    /// The slot whose key is `key` and whose word `is_word` accepts, probing from the key's
    /// home slot to the first empty one.
    #[inline(always)]
    fn probe(&self, key: u64, is_word: impl Fn(&Slot) -> bool) -> Option<&Slot> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut s = slot_of(key, mask);
        loop {
            let slot = &self.slots[s];
            // A hit first: for a short word (never key 0) it is one compare.
            if slot.key == key && is_word(slot) {
                return Some(slot);
            }
            if slot.entry == 0 {
                return None;
            }
            s = (s + 1) & mask;
        }
    }

    /// Whether a long word (hashed key) is the slot's word. Out of line, as `long_word_key`.
    #[inline(never)]
    fn same_word(&self, slot: &Slot, word: &[u8]) -> bool {
        self.words[slot.entry as usize - 1].as_bytes() == word
    }

    /// The slot of a word, added when missing.
    fn slot(&mut self, word: &str) -> usize {
        let key = word_key(word.as_bytes());
        if let Some(mask) = self.slots.len().checked_sub(1) {
            let mut s = slot_of(key, mask);
            while self.slots[s].entry != 0 {
                let slot = &self.slots[s];
                if slot.key == key && *self.words[slot.entry as usize - 1] == *word {
                    return s;
                }
                s = (s + 1) & mask;
            }
        }
        self.words.push(word.into());
        // Keep the table at most a quarter full: most words looked up are not in it, and a
        // miss ends at the first empty slot.
        if self.words.len() * 4 > self.slots.len() {
            let size = (self.words.len() * 8).next_power_of_two();
            let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
            for slot in old.into_iter().filter(|s| s.entry != 0) {
                self.place(slot);
            }
        }
        self.place(Slot {
            key,
            entry: self.words.len() as u32,
            info: WordInfo::default(),
            content: content_hash(word.as_bytes(), key, 0),
        })
    }

    fn place(&mut self, slot: Slot) -> usize {
        let mask = self.slots.len() - 1;
        let mut s = slot_of(slot.key, mask);
        while self.slots[s].entry != 0 {
            s = (s + 1) & mask;
        }
        self.slots[s] = slot;
        s
    }
}

/// Slots of [`LONG_WORDS`]: a power of two.
const LONG_SLOTS: usize = 1024;

thread_local! {
    /// Recent answers of [`WordIndex::lookup_long`] for words of nine to sixteen bytes: the
    /// same long words recur across utterances and calls, and a hit costs a probe instead of
    /// hashing the word, comparing it with the table's and stemming it.
    static LONG_WORDS: [Cell<Remembered>; LONG_SLOTS] =
        const { [const { Cell::new(Remembered::EMPTY) }; LONG_SLOTS] };
}

/// A word of nine to sixteen bytes, exactly (its first and last eight bytes, which overlap or
/// meet, and its length), and the table it was looked up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LongWord {
    first: u64,
    last: u64,
    len: usize,
    table: u64,
}

impl LongWord {
    fn of(word: &[u8], table: u64) -> Option<LongWord> {
        let len = word.len();
        if !(PACKED_LEN + 1..=2 * PACKED_LEN).contains(&len) {
            return None;
        }
        let eight = |at: usize| {
            u64::from_le_bytes(word[at..at + PACKED_LEN].try_into().expect("eight bytes"))
        };
        Some(LongWord {
            first: eight(0),
            last: eight(len - PACKED_LEN),
            len,
            table,
        })
    }

    fn slot(&self) -> usize {
        let mixed = self.first ^ self.last.rotate_left(29) ^ self.table ^ self.len as u64;
        spread(mixed) as usize & (LONG_SLOTS - 1)
    }
}

/// One slot of [`LONG_WORDS`]: a word and `lookup_long`'s answer for it.
#[derive(Debug, Clone, Copy)]
struct Remembered {
    word: LongWord,
    answer: (u64, WordInfo, Option<u32>),
}

impl Remembered {
    /// No word: its length, 0, is no long word's.
    const EMPTY: Remembered = Remembered {
        word: LongWord {
            first: 0,
            last: 0,
            len: 0,
            table: 0,
        },
        answer: (
            0,
            WordInfo {
                bits: 0,
                phrase_id: 0,
            },
            None,
        ),
    };
}

/// Spreads a key's bits over 32 (packed keys of similar words differ in few bits): Fibonacci
/// hashing, whose product's high half depends on every byte of the key.
#[inline]
pub fn spread(key: u64) -> u32 {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
}

#[inline]
fn slot_of(key: u64, mask: usize) -> usize {
    spread(key) as usize & mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_are_their_own_key() {
        assert_eq!(key_prefix(word_key(b"meetings"), 7), word_key(b"meeting"));
        assert_eq!(key_prefix(word_key(b"we"), 8), word_key(b"we"));
        assert_eq!(word_key(b"we"), u64::from_le_bytes(*b"we\0\0\0\0\0\0"));
        assert_ne!(word_key(b"abcdefghi"), word_key(b"bcdefghi"));
    }

    #[test]
    fn short_and_long_lookups_agree_with_the_general_one() {
        // A long word's key never equals a short word's (its lowest byte is 0), so a short
        // lookup that compares keys only cannot land on a long word, nor on an empty slot.
        let mut w = WordIndex::default();
        let listed = ["a", "we", "meetings", "accountability", "abcdefghi"];
        w.add(&listed.map(String::from), 1);
        for word in listed
            .iter()
            .chain(&["b", "meeting", "abcdefgh", "accountabilities"])
        {
            let (word, key) = (word.as_bytes(), word_key(word.as_bytes()));
            let general = w.lookup(word, key);
            if word.len() <= PACKED_LEN {
                assert_ne!(key & 0xff, 0, "{word:?}");
                let short = w.lookup_short(key).map(|(info, _)| info);
                assert_eq!(short.unwrap_or_default(), general, "{word:?}");
                assert_eq!(short.is_some(), general.bits != 0, "{word:?}");
            } else {
                assert_eq!(key & 0xff, 0, "{word:?}");
                assert_eq!(
                    w.lookup_long(word),
                    (key, general, w.lookup_with_content(word, key).1)
                );
            }
        }
    }

    #[test]
    fn remembered_long_words_are_what_the_table_says_now() {
        // Long words (and one past sixteen bytes) asked for after each change of a table, in a
        // clone of it and in an empty table: every answer is a fresh look-up's.
        let listed = [
            "accountability",
            "something",
            "migrations",
            "abcdefghijklmnop",
        ];
        let asked: Vec<&[u8]> = listed
            .iter()
            .chain(&["basically", "abcdefghijklmnopq", "somethings", "migration"])
            .map(|w| w.as_bytes())
            .collect();
        let empty = WordIndex::default();
        let answers_afresh = |w: &WordIndex| {
            for table in [w, &w.clone(), &empty] {
                for &word in asked.iter().chain(&asked) {
                    assert_eq!(
                        table.lookup_long(word),
                        table.look_up_long(word),
                        "{word:?}"
                    );
                }
            }
        };
        let mut w = WordIndex::default();
        answers_afresh(&w);
        for (step, word) in listed.iter().enumerate() {
            w.add(&[word.to_string()], 1 << step);
            answers_afresh(&w);
            w.intern_phrase_word(listed[(step + 1) % listed.len()]);
            answers_afresh(&w);
        }
        w.add_by_phrase_id(1 << 8, |id| id % 2 == 0);
        answers_afresh(&w);
        // More words than slots, asked for twice: slots filled, hit and overwritten.
        let many: Vec<String> = (0..3 * LONG_SLOTS).map(|i| format!("word{i:07}")).collect();
        for word in many.iter().chain(many.iter().rev()) {
            let word = word.as_bytes();
            assert_eq!(w.lookup_long(word), w.look_up_long(word), "{word:?}");
        }
    }

    #[test]
    fn classes_accumulate_and_ids_stay() {
        let mut w = WordIndex::default();
        w.add(&["The".into(), "we".into()], 1);
        let id = w.intern_phrase_word("we");
        for i in 0..200 {
            w.add(&[format!("word{i}")], 4);
        }
        w.add(&["we".into(), "accountability".into()], 2);
        assert_eq!(w.get("the"), 1);
        assert_eq!(w.get("we"), 3);
        assert_eq!(w.get("word150"), 4);
        assert_eq!(w.get("wee"), 0);
        assert_eq!(w.get("accountability"), 2);
        assert_eq!(w.get("accountabilities"), 0);
        assert_eq!(w.lookup(b"we", word_key(b"we")).phrase_id, id);
        assert_eq!(w.intern_phrase_word("we"), id);
        assert_eq!(w.phrase_words(), 1);
    }

    #[test]
    fn content_entries_follow_the_classes_in_and_out_of_the_table() {
        use crate::analysis::normalize::class;
        let mut w = WordIndex::default();
        w.add(&["meetings".into(), "accountability".into()], class::AUX);
        w.intern_phrase_word("servers");
        w.intern_phrase_word("the");
        w.intern_phrase_word("don't");
        // Classes added after a word entered the table change its entry.
        w.add(&["the".into()], class::STOP);
        w.add(&["uh".into()], class::HESITATION);
        for word in [
            "meetings",
            "accountability",
            "servers",
            "the",
            "don't",
            "uh",
            "migrating",
            "12",
            "ab",
            "unaccountability",
            "café",
        ] {
            let (word, key) = (word.as_bytes(), word_key(word.as_bytes()));
            let expected = content_hash(word, key, w.lookup(word, key).bits);
            assert_eq!(w.lookup_with_content(word, key).1, expected, "{word:?}");
        }
        assert_eq!(w.lookup_with_content(b"the", word_key(b"the")).1, None);
        assert!(
            w.lookup_with_content(b"servers", word_key(b"servers"))
                .1
                .is_some()
        );
    }
}
