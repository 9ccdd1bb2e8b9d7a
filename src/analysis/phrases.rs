//! Phrase lists matched on words, not bytes: every phrase is a path of phrase-word ids in a trie,
//! and normalisation has already looked up each word's id. Matching walks the trie from each
//! word that starts some phrase, so it costs a few steps per such word, and words in no phrase
//! cost one test.
//!
//! A phrase matches exactly where its pattern `" w1 w2 "` occurs in `Normalized::padded`, so the
//! matches are those of a byte search with overlaps, reported with the same byte offsets.

use super::lexicon::Target;
use super::normalize::Normalized;
use std::collections::BTreeMap;

/// One trie node: where its edges and the phrases ending at it are stored.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// `edges[edges_start..edges_end]`: (word id, child), sorted by word id.
    edges_start: u32,
    edges_end: u32,
    /// `targets[targets_start..targets_end]`: the phrases ending here, in the order added.
    targets_start: u32,
    targets_end: u32,
}

/// The compiled phrase trie. Node 0 is the root, whose children are looked up directly.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseTrie {
    /// Child of the root for each phrase-word id (0: no phrase starts with that word).
    first: Vec<u32>,
    nodes: Vec<Node>,
    edges: Vec<(u32, u32)>,
    targets: Vec<Target>,
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

    /// The trie, for words with ids up to `max_word`.
    pub(crate) fn build(self, max_word: u32) -> PhraseTrie {
        let mut trie = PhraseTrie {
            first: vec![0; max_word as usize + 1],
            nodes: vec![Node::default(); self.ends.len().max(1)],
            ..PhraseTrie::default()
        };
        // `children` iterates by parent node, then word id: each node's edges come out sorted.
        let mut edges = self.children.into_iter().peekable();
        for (id, node) in trie.nodes.iter_mut().enumerate() {
            node.edges_start = trie.edges.len() as u32;
            while let Some(((_, word), child)) = edges.next_if(|&((p, _), _)| p as usize == id) {
                if id == 0 {
                    trie.first[word as usize] = child;
                } else {
                    trie.edges.push((word, child));
                }
            }
            node.edges_end = trie.edges.len() as u32;
        }
        for (node, ends) in trie.nodes.iter_mut().zip(self.ends) {
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
        let ids = &n.ids;
        for (first, &id) in ids.iter().enumerate() {
            let mut node = self.first.get(id as usize).copied().unwrap_or(0);
            let mut last = first;
            while node != 0 {
                let Node {
                    edges_start,
                    edges_end,
                    targets_start,
                    targets_end,
                } = self.nodes[node as usize];
                if targets_start != targets_end {
                    let start = n.spans[first].0 as usize - 1;
                    let end = n.spans[last].1 as usize + 1;
                    let ends = &self.targets[targets_start as usize..targets_end as usize];
                    out.extend(ends.iter().map(|&t| (t, start, end)));
                }
                last += 1;
                node = match ids.get(last) {
                    Some(&w) if w != 0 && edges_start != edges_end => {
                        let edges = &self.edges[edges_start as usize..edges_end as usize];
                        edges
                            .binary_search_by_key(&w, |&(w, _)| w)
                            .map_or(0, |k| edges[k].1)
                    }
                    _ => 0,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize::normalize;
    use crate::analysis::words::WordIndex;

    /// Every overlapping occurrence of `" phrase "` in `padded`, as a byte search finds them.
    fn byte_search(padded: &str, phrases: &[(&str, Target)]) -> Vec<(Target, usize, usize)> {
        let mut found = Vec::new();
        for &(p, target) in phrases {
            let pattern = format!(" {p} ");
            for start in 0..padded.len() {
                if padded[start..].starts_with(&pattern) {
                    found.push((target, start, start + pattern.len()));
                }
            }
        }
        found
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
        let mut words = WordIndex::default();
        let mut builder = PhraseTrieBuilder::default();
        for &(p, target) in &phrases {
            let ids: Vec<u32> = p.split(' ').map(|w| words.intern_phrase_word(w)).collect();
            builder.add(&ids, target);
        }
        let trie = builder.build(words.phrase_words());
        for text in [
            "Do you know what, you know?",
            "you you know you",
            "right, RIGHT right?",
            "nothing here",
            "",
            "do you knowing what",
        ] {
            let n = normalize(text, &words);
            let mut found = Vec::new();
            trie.find(&n, &mut found);
            let key = |m: &(Target, usize, usize)| (m.1, m.2, format!("{:?}", m.0));
            found.sort_by_key(key);
            let mut expected = byte_search(&n.padded, &phrases);
            expected.sort_by_key(key);
            assert_eq!(found, expected, "{text:?}");
        }
    }
}
