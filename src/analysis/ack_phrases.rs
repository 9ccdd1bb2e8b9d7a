//! The acknowledgement phrases as a trie over phrase-word ids. Normalisation has already looked
//! up each word's id, so the longest phrase at a word is one walk of a few steps, which stops
//! at the first word that continues no phrase, instead of one hash of the phrase's bytes for
//! every length it might have.

use super::acts::AckKind;
use super::edge_table::EdgeTable;
use super::normalize::Word;

/// Acknowledgement phrases as paths of phrase-word ids. Node 0 is the root.
#[derive(Debug, Clone, Default)]
pub(crate) struct AckTrie {
    /// The kind of the phrase ending at each node, if one does.
    ends: Vec<Option<AckKind>>,
    /// The edges; phrase-word ids start at 1, so no edge has key 0.
    edges: EdgeTable,
}

impl AckTrie {
    /// The trie of `phrases`, each given as the phrase-word ids of its words (none 0) and its
    /// kind; a phrase given twice keeps its last kind.
    pub(crate) fn new<'p>(phrases: impl IntoIterator<Item = (&'p [u32], AckKind)>) -> AckTrie {
        let mut trie = AckTrie {
            ends: vec![None],
            edges: EdgeTable::default(),
        };
        for (words, kind) in phrases {
            let mut node = 0;
            for &w in words {
                node = match trie.edges.child(node, w) {
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
            node = self.edges.child(node, w.id);
            if node == 0 {
                break;
            }
            if let Some(kind) = self.ends[node as usize] {
                found = Some((kind, len + 1));
            }
        }
        found
    }

    /// Adds a new child of `node` along `word` and returns it.
    fn add_child(&mut self, node: u32, word: u32) -> u32 {
        let child = self.ends.len() as u32;
        self.ends.push(None);
        self.edges.insert(node, word, child);
        child
    }
}
