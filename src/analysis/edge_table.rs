//! The edges of a trie over phrase-word ids, in one open-addressing table: a step from a node
//! along a word is one probe, not a search among the node's children, whose outcome the
//! processor could not predict. Both the phrase-list trie and the acknowledgement trie use it.

use super::words::spread;

/// (`edge_key(node, word)`, child) pairs; key 0 marks an empty slot.
#[derive(Debug, Clone)]
pub(crate) struct EdgeTable {
    slots: Vec<(u64, u32)>,
    len: usize,
}

/// An edge's key: never 0 for the edges a table holds (see [`EdgeTable::insert`]).
fn edge_key(node: u32, word: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(word)
}

impl Default for EdgeTable {
    fn default() -> EdgeTable {
        EdgeTable::with_room(0)
    }
}

impl EdgeTable {
    /// An empty table with room for `edges` edges without growing. It is kept at most a quarter
    /// full, so that a probe for a missing edge (most probes: a phrase's next word is seldom
    /// there) ends soon.
    pub(crate) fn with_room(edges: usize) -> EdgeTable {
        EdgeTable {
            slots: vec![(0, 0); (edges * 4).next_power_of_two().max(2)],
            len: 0,
        }
    }

    fn slot(&self, key: u64) -> usize {
        spread(key) as usize & (self.slots.len() - 1)
    }

    /// The child of `node` along `word`, 0 when there is none.
    pub(crate) fn child(&self, node: u32, word: u32) -> u32 {
        let key = edge_key(node, word);
        let mut s = self.slot(key);
        loop {
            match self.slots[s] {
                (k, child) if k == key => return child,
                (0, _) => return 0,
                _ => s = (s + 1) & (self.slots.len() - 1),
            }
        }
    }

    /// Adds the edge from `node` along `word` to `child`, which is new. `node` and `word` are
    /// not both 0: a key of 0 would read as an empty slot.
    pub(crate) fn insert(&mut self, node: u32, word: u32, child: u32) {
        debug_assert!(
            node != 0 || word != 0,
            "an edge from the root along word id 0"
        );
        if (self.len + 1) * 4 > self.slots.len() {
            let wider = vec![(0, 0); self.slots.len() * 2];
            for (key, c) in std::mem::replace(&mut self.slots, wider) {
                if key != 0 {
                    self.put(key, c);
                }
            }
        }
        self.put(edge_key(node, word), child);
        self.len += 1;
    }

    fn put(&mut self, key: u64, child: u32) {
        let mut s = self.slot(key);
        while self.slots[s].0 != 0 {
            s = (s + 1) & (self.slots.len() - 1);
        }
        self.slots[s] = (key, child);
    }
}
