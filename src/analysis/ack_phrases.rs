//! The acknowledgement phrases as a trie over phrase-word ids. Normalisation has already looked
//! up each word's id, so the longest phrase at a word is one walk of a few steps, which stops
//! at the first word that continues no phrase, instead of one hash of the phrase's bytes for
//! every length it might have.

use super::acts::AckKind;
use super::normalize::Word;
use super::words::spread;

/// Acknowledgement phrases as paths of phrase-word ids. Node 0 is the root.
#[derive(Debug, Clone, Default)]
pub(crate) struct AckTrie {
    /// The kind of the phrase ending at each node, if one does.
    ends: Vec<Option<AckKind>>,
    /// Open-addressing table of the edges: (`edge_key(node, word)`, child), key 0 empty.
    edges: Vec<(u64, u32)>,
}

/// An edge's key: never 0, since phrase-word ids start at 1.
fn edge_key(node: u32, word: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(word)
}

impl AckTrie {
    /// The trie of `phrases`, each given as the phrase-word ids of its words (none 0) and its
    /// kind; a phrase given twice keeps its last kind.
    pub(crate) fn new<'p>(phrases: impl IntoIterator<Item = (&'p [u32], AckKind)>) -> AckTrie {
        let mut trie = AckTrie {
            ends: vec![None],
            edges: vec![(0, 0); 2],
        };
        for (words, kind) in phrases {
            let mut node = 0;
            for &w in words {
                node = match trie.child(node, w) {
                    0 => trie.add_child(node, w),
                    child => child,
                };
            }
            trie.ends[node as usize] = Some(kind);
        }
        trie
    }

    /// The longest phrase that `words` open: its kind and how many words it has.
    pub(crate) fn longest(&self, words: &[Word]) -> Option<(AckKind, usize)> {
        let mut node = 0;
        let mut found = None;
        for (len, w) in words.iter().enumerate() {
            // A word in no phrase list (id 0) continues no phrase.
            if w.id == 0 {
                break;
            }
            node = self.child(node, w.id);
            if node == 0 {
                break;
            }
            if let Some(kind) = self.ends[node as usize] {
                found = Some((kind, len + 1));
            }
        }
        found
    }

    fn slot(&self, key: u64) -> usize {
        spread(key) as usize & (self.edges.len() - 1)
    }

    /// The child of `node` along `word`, 0 when there is none.
    fn child(&self, node: u32, word: u32) -> u32 {
        let key = edge_key(node, word);
        let mut s = self.slot(key);
        loop {
            match self.edges[s] {
                (k, child) if k == key => return child,
                (0, _) => return 0,
                _ => s = (s + 1) & (self.edges.len() - 1),
            }
        }
    }

    /// Adds a new child of `node` along `word` and returns it. The table is kept at most a
    /// quarter full, so that a probe for a missing edge (most probes) ends soon.
    fn add_child(&mut self, node: u32, word: u32) -> u32 {
        let child = self.ends.len() as u32;
        self.ends.push(None);
        if self.ends.len() * 4 > self.edges.len() {
            let wider = vec![(0, 0); self.edges.len() * 2];
            let old = std::mem::replace(&mut self.edges, wider);
            for (key, c) in old.into_iter().filter(|&(key, _)| key != 0) {
                self.insert(key, c);
            }
        }
        self.insert(edge_key(node, word), child);
        child
    }

    fn insert(&mut self, key: u64, child: u32) {
        let mut s = self.slot(key);
        while self.edges[s].0 != 0 {
            s = (s + 1) & (self.edges.len() - 1);
        }
        self.edges[s] = (key, child);
    }
}
