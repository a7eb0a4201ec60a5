//! The Hash PMC's storage, ordered as Parrot orders it.
//!
//! ## Why slots and a free list
//! Parrot's hash keeps its entries in an array of slots and iterates that array in order. A
//! deleted key frees its slot, and the next new key takes the most recently freed slot. So
//! iteration is insertion order until something is deleted; after that a new key appears where
//! the deleted one was (keys a, b, c; delete b; add d: the order is a, d, c). Kea keeps the same
//! slots so programs print what Parrot prints (spec/pmc, "Hash order").

use crate::pmc::PVal;
use crate::string::Str;
use rustc_hash::FxHashMap;

/// Keys to PMCs, iterated in Parrot's slot order.
#[derive(Clone, Debug, Default)]
pub struct PHash {
    /// Entries by slot; `None` is a freed slot.
    slots: Vec<Option<(Str, PVal)>>,
    /// Freed slots, the most recently freed last.
    free: Vec<usize>,
    /// Where each key lives.
    index: FxHashMap<Str, usize>,
}

impl PHash {
    /// An empty hash.
    pub fn new() -> PHash {
        PHash::default()
    }
    /// The number of keys.
    pub fn len(&self) -> usize {
        self.index.len()
    }
    /// Is it empty?
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
    /// The value for a key.
    pub fn get(&self, k: &Str) -> Option<&PVal> {
        self.index.get(k).and_then(|&i| self.slots[i].as_ref().map(|(_, v)| v))
    }
    /// Is the key present?
    pub fn contains_key(&self, k: &Str) -> bool {
        self.index.contains_key(k)
    }
    /// Sets a key: an existing key keeps its slot; a new one takes the last freed slot.
    pub fn insert(&mut self, k: Str, v: PVal) {
        if let Some(&i) = self.index.get(&k) {
            if let Some(e) = self.slots[i].as_mut() {
                e.1 = v;
            }
            return;
        }
        let i = match self.free.pop() {
            Some(i) => {
                self.slots[i] = Some((k.clone(), v));
                i
            }
            None => {
                self.slots.push(Some((k.clone(), v)));
                self.slots.len() - 1
            }
        };
        self.index.insert(k, i);
    }
    /// Removes a key, freeing its slot.
    pub fn remove(&mut self, k: &Str) {
        if let Some(i) = self.index.remove(k) {
            self.slots[i] = None;
            self.free.push(i);
        }
    }
    /// Every entry, in slot order.
    pub fn iter(&self) -> impl Iterator<Item = (&Str, &PVal)> {
        self.slots.iter().flatten().map(|(k, v)| (k, v))
    }
    /// Every value, in slot order.
    pub fn values(&self) -> impl Iterator<Item = &PVal> {
        self.iter().map(|(_, v)| v)
    }
    /// The first entry at or after slot `pos`: its slot and key (for iterators).
    pub fn next_from(&self, pos: usize) -> Option<(usize, &Str)> {
        self.slots.iter().enumerate().skip(pos).find_map(|(i, e)| e.as_ref().map(|(k, _)| (i, k)))
    }
    /// How many entries sit at or after slot `pos`.
    pub fn count_from(&self, pos: usize) -> usize {
        self.slots.iter().skip(pos).flatten().count()
    }
}

/// The PMCs a Hash holds (the collector's trace).
pub(super) fn trace(d: &super::PmcData, out: &mut Vec<super::PmcRef>) {
    if let super::PmcData::Hash(h) = d {
        out.extend(h.values().flatten());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(h: &PHash) -> String {
        h.iter().map(|(k, _)| k.to_text()).collect()
    }

    #[test]
    fn parrot_slot_order() {
        let mut h = PHash::new();
        for k in ["a", "b", "c"] {
            h.insert(Str::from(k), None);
        }
        h.remove(&Str::from("b"));
        h.insert(Str::from("d"), None);
        assert_eq!(keys(&h), "adc");
        let mut h = PHash::new();
        for k in ["a", "b", "c"] {
            h.insert(Str::from(k), None);
        }
        h.remove(&Str::from("a"));
        h.remove(&Str::from("c"));
        h.insert(Str::from("x"), None);
        h.insert(Str::from("y"), None);
        h.insert(Str::from("b"), None);
        assert_eq!(keys(&h), "ybx");
        assert_eq!(h.len(), 3);
    }
}
