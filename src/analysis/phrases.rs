//! Phrase lists matched on words, not bytes: every phrase is a path of phrase-word ids in a trie,
//! and normalisation has already looked up each word's id. Matching walks the trie from each
//! word that starts some phrase, so it costs a few steps per such word, and words in no phrase
//! cost one test. A step is one probe of a hash table of edges, not a search among a node's
//! children, whose outcome the processor could not predict.
//!
//! A phrase matches exactly where its pattern `" w1 w2 "` occurs in `Normalized::padded`, so the
//! matches are those of a byte search with overlaps, reported with the same byte offsets.

use super::edge_table::EdgeTable;
use super::lexicon::Target;
use super::normalize::{Normalized, class};
use super::words::WordIndex;
use std::collections::BTreeMap;

/// One trie node: which words its children may be, and where the phrases ending at it are
/// stored.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// Bit `id % 64` set for the phrase-word id of each child (0: no children). Most words
    /// after a phrase's first word continue no phrase: their bit is clear, and the edge table
    /// is not probed.
    children: u64,
    /// `targets[targets_start..targets_end]`: the phrases ending here, in the order added.
    targets_start: u32,
    targets_end: u32,
}

/// The compiled phrase trie. Node `k` for `1 <= k <= ` the largest phrase-word id is the root's
/// child along phrase-word `k` (empty when no phrase starts with that word), so the walk starts
/// at the node its first word's id names, with no table of first words to read on the way;
/// the deeper nodes come after them.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseTrie {
    nodes: Vec<Node>,
    /// The other edges: never from the root, so no edge has key 0.
    edges: EdgeTable,
    targets: Vec<Target>,
}

/// A phrase-word id's bit in [`Node::children`].
fn child_bit(word: u32) -> u64 {
    1 << (word % 64)
}

/// Collects phrases, then compiles them into a [`PhraseTrie`].
#[derive(Debug, Default)]
pub(crate) struct PhraseTrieBuilder {
    children: BTreeMap<(u32, u32), u32>,
    ends: Vec<Vec<Target>>,
}

impl PhraseTrieBuilder {
    /// Adds a phrase, given as the phrase-word ids of its words.
    pub(crate) fn add(&mut self, words: &[u32], target: Target) {
        if self.ends.is_empty() {
            self.ends.push(Vec::new());
        }
        let mut node = 0;
        for &w in words {
            let next = self.ends.len() as u32;
            node = *self.children.entry((node, w)).or_insert(next);
            if node == next {
                self.ends.push(Vec::new());
            }
        }
        self.ends[node as usize].push(target);
    }

    /// The trie, for the phrase words of `words`, whose first words of phrases it marks
    /// [`class::PHRASE_START`]: the walk starts from those only.
    pub(crate) fn build(self, words: &mut WordIndex) -> PhraseTrie {
        let max_word = words.phrase_words();
        // Each node's number in the trie: a child of the root takes its word's id, the others
        // the numbers after the largest id.
        let mut number = vec![0; self.ends.len()];
        let mut next = max_word + 1;
        for (&(parent, word), &child) in &self.children {
            number[child as usize] = if parent == 0 {
                word
            } else {
                next += 1;
                next - 1
            };
        }
        let inner_edges = self.children.keys().filter(|&&(p, _)| p != 0).count();
        let mut trie = PhraseTrie {
            nodes: vec![Node::default(); next as usize],
            edges: EdgeTable::with_room(inner_edges),
            ..PhraseTrie::default()
        };
        let mut starts = vec![false; max_word as usize + 1];
        for ((parent, word), child) in self.children {
            if parent == 0 {
                starts[word as usize] = true;
            } else {
                let (parent, child) = (number[parent as usize], number[child as usize]);
                trie.nodes[parent as usize].children |= child_bit(word);
                trie.edges.insert(parent, word, child);
            }
        }
        words.add_by_phrase_id(class::PHRASE_START, |id| {
            starts.get(id as usize).copied().unwrap_or(false)
        });
        // The root's own list stays empty: no phrase has no words.
        let mut ends = vec![Vec::new(); trie.nodes.len()];
        for (node, targets) in self.ends.into_iter().enumerate().skip(1) {
            ends[number[node] as usize] = targets;
        }
        for (node, ends) in trie.nodes.iter_mut().zip(ends) {
            node.targets_start = trie.targets.len() as u32;
            trie.targets.extend(ends);
            node.targets_end = trie.targets.len() as u32;
        }
        trie
    }
}

impl PhraseTrie {
    /// Every phrase occurrence in `n`, overlapping ones included: (target, start byte, end byte)
    /// of the pattern `" w1 .. wk "` in `n.padded`.
    pub(crate) fn find(&self, n: &Normalized, out: &mut Vec<(Target, usize, usize)>) {
        let mut words = n.words.iter();
        while let Some(word) = words.next() {
            // One bit test passes over the words that start no phrase, most of them.
            if word.classes & class::PHRASE_START == 0 {
                continue;
            }
            // The root's child along the word is the node with the word's id. The walk goes on
            // over the words after it, and keeps the phrase's last word rather than indexes.
            let mut node = word.id;
            let (mut last, mut after) = (word, words.clone());
            while let Some(&Node {
                children,
                targets_start,
                targets_end,
            }) = self.nodes.get(node as usize)
            {
                if targets_start != targets_end {
                    let start = word.start as usize - 1;
                    let end = last.end as usize + 1;
                    let ends = &self.targets[targets_start as usize..targets_end as usize];
                    push_matches(out, ends, start, end);
                }
                node = match after.next() {
                    // A word in no phrase (id 0) may pass when a child's id is a multiple
                    // of 64: its edge is then not found.
                    Some(w) if children & child_bit(w.id) != 0 => {
                        last = w;
                        self.edges.child(node, w.id)
                    }
                    _ => break,
                };
                if node == 0 {
                    break;
                }
            }
        }
    }
}

/// Reports the phrases `ends` found from byte `start` to byte `end`. Kept out of the walk:
/// few of its nodes end phrases, and the vector's growth inlined there took registers that the
/// walk over every word then had to keep in memory.
#[inline(never)]
fn push_matches(out: &mut Vec<(Target, usize, usize)>, ends: &[Target], start: usize, end: usize) {
    out.extend(ends.iter().map(|&t| (t, start, end)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize::normalize;

    /// Every overlapping occurrence of `" phrase "` in `padded`, as a byte search finds them.
    fn byte_search(padded: &[u8], phrases: &[(&str, Target)]) -> Vec<(Target, usize, usize)> {
        let mut found = Vec::new();
        for &(p, target) in phrases {
            let pattern = format!(" {p} ");
            for start in 0..padded.len() {
                if padded[start..].starts_with(pattern.as_bytes()) {
                    found.push((target, start, start + pattern.len()));
                }
            }
        }
        found
    }

    /// Compiles `phrases` into a trie and checks that it finds in each text exactly what a byte
    /// search finds; returns how many matches there were in all.
    fn assert_trie_matches_byte_search<'t>(
        phrases: &[(&str, Target)],
        texts: impl IntoIterator<Item = &'t str>,
    ) -> usize {
        let mut words = WordIndex::default();
        let mut builder = PhraseTrieBuilder::default();
        for &(p, target) in phrases {
            let ids: Vec<u32> = p.split(' ').map(|w| words.intern_phrase_word(w)).collect();
            builder.add(&ids, target);
        }
        let trie = builder.build(&mut words);
        let key = |m: &(Target, usize, usize)| (m.1, m.2, format!("{:?}", m.0));
        let mut total = 0;
        for text in texts {
            let n = normalize(text, &words);
            let mut found = Vec::new();
            trie.find(&n, &mut found);
            found.sort_by_key(key);
            let mut expected = byte_search(&n.padded, phrases);
            expected.sort_by_key(key);
            assert_eq!(found, expected, "{text:?}");
            total += found.len();
        }
        total
    }

    #[test]
    fn many_phrases_sharing_words_match_as_a_byte_search_finds_them() {
        // 400 phrases over 40 words: ten children under each first word, and edge keys that
        // collide in the table, so that lookups probe past other nodes' edges.
        let words_used: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
        let texts: Vec<String> = (0..400)
            .map(|i| {
                format!(
                    "{} {} {}",
                    words_used[i % 40],
                    words_used[i / 10 % 40],
                    words_used[(i * 13 + i / 40) % 40]
                )
            })
            .collect();
        let phrases = numbered_cues(&texts);
        // Two phrases with a word between, so that matches start inside others too.
        let searched: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "{} {} {}",
                    texts[i * 5 % 400],
                    words_used[i % 40],
                    texts[(i * 17 + 3) % 400]
                )
            })
            .collect();
        let total = assert_trie_matches_byte_search(&phrases, searched.iter().map(String::as_str));
        assert!(
            total > 20,
            "only {total} matches: the texts should contain phrases"
        );
    }

    /// Each text as a phrase, its index as its cue.
    fn numbered_cues(texts: &[String]) -> Vec<(&str, Target)> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), Target::Cue(i as u16)))
            .collect()
    }

    #[test]
    fn words_whose_child_bits_collide_match_as_a_byte_search_finds_them() {
        // 200 phrase words, so that ids 64 and 128 apart share a child bit, and words in no
        // phrase (id 0) after every first word: the bit test lets them through to the edge
        // table, which must not find them.
        let texts: Vec<String> = (0..200)
            .map(|i| format!("p{} p{}", i % 100, (i * 37 + 64) % 200))
            .collect();
        let phrases = numbered_cues(&texts);
        let searched: Vec<String> = (0..200)
            .map(|i| {
                format!(
                    "p{} p{} unknown p{} p{}",
                    i % 100,
                    i,
                    (i + 64) % 200,
                    i * 3 % 200
                )
            })
            .collect();
        let total = assert_trie_matches_byte_search(&phrases, searched.iter().map(String::as_str));
        assert!(total > 0, "the texts should contain phrases");
    }

    #[test]
    fn matches_are_those_of_a_byte_search() {
        let phrases = [
            ("you know", Target::FillerEnding),
            ("you", Target::TagEnding),
            ("do you know", Target::OpenRequest),
            ("know what", Target::WhOpener),
            ("you know", Target::Cue(3)),
            ("right", Target::TagEnding),
        ];
        let texts = [
            "Do you know what, you know?",
            "you you know you",
            "right, RIGHT right?",
            "nothing here",
            "",
            "do you knowing what",
        ];
        assert_trie_matches_byte_search(&phrases, texts);
    }
}
