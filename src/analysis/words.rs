//! The word table: normalised word → class bits and phrase-word id, looked up once per word of
//! every utterance. An open-addressing table keyed by the FNV-1a hash that normalisation computes
//! while it lower-cases, so that a lookup is one probe and one short compare.

use super::normalize::normalize_phrase;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The hash of an empty word, to fold bytes into with [`hash_byte`].
pub const HASH_START: u64 = FNV_OFFSET;

/// Folds one byte into a word hash (FNV-1a).
#[inline]
pub fn hash_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

/// The hash of a whole word, as [`hash_byte`] folds it byte by byte.
pub fn hash_word(word: &[u8]) -> u64 {
    word.iter().fold(HASH_START, |h, &b| hash_byte(h, b))
}

/// FNV-1a as a `Hasher`: word lookups are on short keys, where SipHash's setup dominates.
#[derive(Default)]
pub struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        for &b in bytes {
            h = hash_byte(h, b);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A string-keyed map with the fast hasher.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<FnvHasher>>;

/// What the table knows about one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// Word-class bits (see `normalize::class`).
    pub bits: u32,
    /// The word's id in the phrase lists, 0 when no phrase contains it.
    pub phrase_id: u32,
}

#[derive(Debug, Clone)]
struct Entry {
    hash: u64,
    word: Box<str>,
    info: WordInfo,
}

/// Word → class bits and phrase-word id, built once from the rule file.
#[derive(Debug, Clone, Default)]
pub struct WordIndex {
    entries: Vec<Entry>,
    /// Open addressing over `entries`: 0 is empty, otherwise entry index + 1.
    slots: Vec<u32>,
    phrase_words: u32,
}

impl WordIndex {
    /// Adds class bits to words of a rule-file list (normalised first).
    pub fn add(&mut self, words: &[String], bits: u32) {
        for w in words {
            let key = normalize_phrase(w);
            let e = self.entry(&key);
            self.entries[e].info.bits |= bits;
        }
    }

    /// The phrase-word id of a normalised word, given one if it has none yet (ids start at 1).
    pub fn intern_phrase_word(&mut self, word: &str) -> u32 {
        let e = self.entry(word);
        if self.entries[e].info.phrase_id == 0 {
            self.phrase_words += 1;
            self.entries[e].info.phrase_id = self.phrase_words;
        }
        self.entries[e].info.phrase_id
    }

    /// The largest phrase-word id given out.
    pub fn phrase_words(&self) -> u32 {
        self.phrase_words
    }

    /// The class bits of a normalised word.
    pub fn get(&self, word: &str) -> u32 {
        self.lookup(word.as_bytes(), hash_word(word.as_bytes()))
            .bits
    }

    /// What the table knows about a normalised word whose [`hash_word`] is `hash`.
    #[inline]
    pub fn lookup(&self, word: &[u8], hash: u64) -> WordInfo {
        let Some(mask) = self.slots.len().checked_sub(1) else {
            return WordInfo::default();
        };
        let mut s = slot_of(hash, mask);
        loop {
            let e = self.slots[s];
            if e == 0 {
                return WordInfo::default();
            }
            let entry = &self.entries[e as usize - 1];
            if entry.hash == hash && same_bytes(entry.word.as_bytes(), word) {
                return entry.info;
            }
            s = (s + 1) & mask;
        }
    }

    /// The index of a word's entry, added when missing.
    fn entry(&mut self, word: &str) -> usize {
        let hash = hash_word(word.as_bytes());
        if let Some(mask) = self.slots.len().checked_sub(1) {
            let mut s = slot_of(hash, mask);
            while self.slots[s] != 0 {
                let e = self.slots[s] as usize - 1;
                if self.entries[e].hash == hash && &*self.entries[e].word == word {
                    return e;
                }
                s = (s + 1) & mask;
            }
        }
        self.entries.push(Entry {
            hash,
            word: word.into(),
            info: WordInfo::default(),
        });
        // Keep the table at most a quarter full: most words looked up are not in it, and a
        // miss ends at the first empty slot.
        if self.entries.len() * 4 > self.slots.len() {
            self.rebuild((self.entries.len() * 8).next_power_of_two());
        } else {
            self.place(self.entries.len() - 1);
        }
        self.entries.len() - 1
    }

    fn rebuild(&mut self, size: usize) {
        self.slots = vec![0; size];
        for e in 0..self.entries.len() {
            self.place(e);
        }
    }

    fn place(&mut self, e: usize) {
        let mask = self.slots.len() - 1;
        let mut s = slot_of(self.entries[e].hash, mask);
        while self.slots[s] != 0 {
            s = (s + 1) & mask;
        }
        self.slots[s] = e as u32 + 1;
    }
}

/// Byte equality without a call to `memcmp`, which costs more than the compare for words.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// FNV-1a's low bits are weak for short keys: fold the high half in before masking.
#[inline]
fn slot_of(hash: u64, mask: usize) -> usize {
    ((hash ^ (hash >> 29)) as usize) & mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_accumulate_and_ids_stay() {
        let mut w = WordIndex::default();
        w.add(&["The".into(), "we".into()], 1);
        let id = w.intern_phrase_word("we");
        for i in 0..200 {
            w.add(&[format!("word{i}")], 4);
        }
        w.add(&["we".into()], 2);
        assert_eq!(w.get("the"), 1);
        assert_eq!(w.get("we"), 3);
        assert_eq!(w.get("word150"), 4);
        assert_eq!(w.get("wee"), 0);
        assert_eq!(w.lookup(b"we", hash_word(b"we")).phrase_id, id);
        assert_eq!(w.intern_phrase_word("we"), id);
        assert_eq!(w.phrase_words(), 1);
    }
}
