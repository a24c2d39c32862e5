//! The insertion-ordered hash table behind `dict`, `set`, class and module
//! namespaces and instance attributes.
//!
//! ```text
//!  index:   [ 2 | E | 0 | E | 1 | E | E | E ]   power-of-two open-addressing
//!                                                table of entry numbers
//!                                                (E = empty), linear probing
//!  entries: [ (h,k0,v0) | (h,k1,v1) | (h,k2,v2) ]  insertion order; a
//!                                                deleted entry keeps its
//!                                                place with key = Undef
//! ```
//!
//! Invariants: `len` = entries whose key is not Undef; every live entry is
//! reachable from its hash's probe sequence; the index is at most 2/3 full
//! (counting deleted entries). Tables of up to 8 entries have no index and
//! are scanned linearly, which is faster for instance dicts and costs nothing.
//!
//! Hashing and key equality are the caller's (they may run Python code):
//! the table offers `find` with an equality callback and positional edits.

use crate::at::At;
use alloc::vec::Vec;

use crate::heap::ObjRef;
use crate::value::Value;

#[derive(Clone)]
pub struct Entry {
    /// The key's hash, 32 bits on every platform: enough to probe and to
    /// reject most unequal keys, and 4 bytes less per entry on boards.
    pub hash: u32,
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct Dict {
    pub entries: Vec<Entry>,
    index: Vec<u32>,
    len: usize,
}

const EMPTY: u32 = u32::MAX;

/// First probe slot. Python int hashes are the ints themselves, so
/// `hash & mask` would put consecutive int keys in one contiguous run that
/// every miss must walk to its end (quadratic inserts of 0..n); a
/// multiplicative mix spreads them over the table.
#[inline]
fn start_slot(hash: u32, mask: usize) -> usize {
    // Fibonacci hashing: the high half of the product is well mixed. Hosts
    // and wasm take it from a 64-bit product. Boards (no 64-bit multiply)
    // xor-shift, multiply, xor-shift in 32 bits, so that every slot bit
    // depends on all hash bits. (A 32-bit product's high half rotated down
    // is not enough: keys i*64 took 1000x longer in an 800k dict.)
    #[cfg(not(compact_value))]
    return ((hash as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & mask;
    #[cfg(compact_value)]
    {
        let x = (hash ^ (hash >> 16)).wrapping_mul(0x9e37_79b9);
        (x ^ (x >> 16)) as usize & mask
    }
}
const LINEAR_MAX: usize = 8;

impl Dict {
    pub fn new() -> Dict {
        Dict {
            entries: Vec::new(),
            index: Vec::new(),
            len: 0,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn payload_bytes(&self) -> usize {
        self.entries.capacity() * core::mem::size_of::<Entry>() + self.index.capacity() * 4
    }

    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        for e in &self.entries {
            if let Value::Obj(r) = e.key {
                out.push(r);
            }
            if let Value::Obj(r) = e.value {
                out.push(r);
            }
        }
    }

    /// Find the entry whose key has `hash` and satisfies `eq`.
    #[inline]
    pub fn find(&self, hash: u32, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        if self.index.is_empty() {
            for (i, e) in self.entries.iter().enumerate() {
                if e.hash == hash && !e.key.is_undef() && eq(&e.key) {
                    return Some(i);
                }
            }
            return None;
        }
        let mask = self.index.len() - 1;
        let mut slot = start_slot(hash, mask);
        loop {
            let ix = *self.index.at(slot);
            if ix == EMPTY {
                return None;
            }
            let e = self.entries.at(ix as usize);
            if e.hash == hash && !e.key.is_undef() && eq(&e.key) {
                return Some(ix as usize);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Entry numbers whose hash equals `hash` (for keys whose equality
    /// must run Python code, which cannot happen while the table is borrowed).
    pub fn candidates(&self, hash: u32, out: &mut Vec<usize>) {
        out.clear();
        if self.index.is_empty() {
            for (i, e) in self.entries.iter().enumerate() {
                if e.hash == hash && !e.key.is_undef() {
                    out.push(i);
                }
            }
            return;
        }
        let mask = self.index.len() - 1;
        let mut slot = start_slot(hash, mask);
        loop {
            let ix = *self.index.at(slot);
            if ix == EMPTY {
                return;
            }
            let e = self.entries.at(ix as usize);
            if e.hash == hash && !e.key.is_undef() {
                out.push(ix as usize);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Bytes that inserting one more entry may allocate (for the heap limit).
    pub fn growth_bytes(&self) -> usize {
        if self.entries.len() < self.entries.capacity() {
            0
        } else {
            let n = core::cmp::max(4, self.entries.len());
            n * core::mem::size_of::<Entry>() + n * 2 * 4 * 2
        }
    }

    /// Append a key known to be absent. Returns false if memory ran out.
    pub fn push_new(&mut self, hash: u32, key: Value, value: Value) -> bool {
        if self.entries.len() == self.entries.capacity() {
            let extra = core::cmp::max(4, self.entries.len());
            if self.entries.try_reserve(extra).is_err() {
                return false;
            }
        }
        let ix = self.entries.len();
        self.entries.push(Entry { hash, key, value });
        self.len += 1;
        if !self.index.is_empty() || self.entries.len() > LINEAR_MAX {
            if (self.entries.len()) * 3 >= self.index.len() * 2 {
                if !self.rebuild() {
                    return false;
                }
            } else {
                self.place(hash, ix as u32);
            }
        }
        true
    }

    fn place(&mut self, hash: u32, ix: u32) {
        let mask = self.index.len() - 1;
        let mut slot = start_slot(hash, mask);
        while *self.index.at(slot) != EMPTY {
            slot = (slot + 1) & mask;
        }
        *self.index.at_mut(slot) = ix;
    }

    /// Drop deleted entries and rebuild the index at a size for `len`.
    fn rebuild(&mut self) -> bool {
        if self.len < self.entries.len() {
            self.entries.retain(|e| !e.key.is_undef());
        }
        if self.entries.len() <= LINEAR_MAX {
            self.index = Vec::new();
            return true;
        }
        let mut size = 16;
        while size * 2 < self.entries.len() * 3 + 3 {
            size *= 2;
        }
        let mut idx = Vec::new();
        if idx.try_reserve_exact(size).is_err() {
            return false;
        }
        idx.resize(size, EMPTY);
        self.index = idx;
        for i in 0..self.entries.len() {
            let h = self.entries.at(i).hash;
            self.place(h, i as u32);
        }
        true
    }

    pub fn remove_at(&mut self, ix: usize) -> Entry {
        let e = self.entries.at(ix).clone();
        self.entries.at_mut(ix).key = Value::Undef;
        self.entries.at_mut(ix).value = Value::Undef;
        self.len -= 1;
        if self.len == 0 {
            self.entries.clear();
            self.index = Vec::new();
        } else if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.rebuild();
        }
        e
    }

    pub fn clear(&mut self) {
        self.entries = Vec::new();
        self.index = Vec::new();
        self.len = 0;
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_undef())
    }

    /// The `n`th raw entry position at or after `pos` that is live (for
    /// iterators, which keep a raw position).
    pub fn next_live(&self, mut pos: usize) -> Option<usize> {
        while pos < self.entries.len() {
            if !self.entries.at(pos).key.is_undef() {
                return Some(pos);
            }
            pos += 1;
        }
        None
    }

    pub fn last_live(&self) -> Option<usize> {
        (0..self.entries.len())
            .rev()
            .find(|&i| !self.entries.at(i).key.is_undef())
    }
}
