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

/// The compiled phrase trie. Node 0 is the root; children are stored per node, sorted by word id.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseTrie {
    /// Child of the root for each phrase-word id (0: no phrase starts with that word).
    first: Vec<u32>,
    /// `edges[edge_start[n]..edge_start[n + 1]]` are node `n`'s (word id, child) pairs.
    edge_start: Vec<u32>,
    edges: Vec<(u32, u32)>,
    /// `targets[target_start[n]..target_start[n + 1]]` are the phrases ending at node `n`, in
    /// the order they were added.
    target_start: Vec<u32>,
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
        let nodes = self.ends.len().max(1);
        let mut trie = PhraseTrie {
            first: vec![0; max_word as usize + 1],
            ..PhraseTrie::default()
        };
        // `children` iterates by parent node, then word id: each node's edges come out sorted.
        let mut edges = self.children.into_iter().peekable();
        for node in 0..nodes as u32 {
            trie.edge_start.push(trie.edges.len() as u32);
            while let Some(((_, word), child)) = edges.next_if(|&((parent, _), _)| parent == node) {
                if node == 0 {
                    trie.first[word as usize] = child;
                } else {
                    trie.edges.push((word, child));
                }
            }
        }
        trie.edge_start.push(trie.edges.len() as u32);
        for ends in self.ends {
            trie.target_start.push(trie.targets.len() as u32);
            trie.targets.extend(ends);
        }
        trie.target_start.push(trie.targets.len() as u32);
        trie
    }
}

impl PhraseTrie {
    /// Every phrase occurrence in `n`, overlapping ones included: (target, start byte, end byte)
    /// of the pattern `" w1 .. wk "` in `n.padded`.
    pub(crate) fn find(&self, n: &Normalized, out: &mut Vec<(Target, usize, usize)>) {
        for first in 0..n.ids.len() {
            let mut node = self.first.get(n.ids[first] as usize).copied().unwrap_or(0);
            let mut last = first;
            while node != 0 {
                let ends = &self.targets[span(&self.target_start, node)];
                if !ends.is_empty() {
                    let start = n.spans[first].0 as usize - 1;
                    let end = n.spans[last].1 as usize + 1;
                    out.extend(ends.iter().map(|&t| (t, start, end)));
                }
                last += 1;
                node = match n.ids.get(last) {
                    Some(&w) if w != 0 => self.child(node, w),
                    _ => 0,
                };
            }
        }
    }

    fn child(&self, node: u32, word: u32) -> u32 {
        let edges = &self.edges[span(&self.edge_start, node)];
        edges
            .binary_search_by_key(&word, |&(w, _)| w)
            .map_or(0, |k| edges[k].1)
    }
}

/// Node `node`'s range in a CSR start array.
fn span(starts: &[u32], node: u32) -> std::ops::Range<usize> {
    starts[node as usize] as usize..starts[node as usize + 1] as usize
}
