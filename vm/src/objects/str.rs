//! `str`: UTF-8 text with a cached hash and character count.
//!
//! Invariants: `s` is valid UTF-8 (Rust's `String`); `hash` is 0 until
//! computed (a computed hash of 0 is stored as 1); `chars` is the number of
//! code points, so `len()` is O(1) and indexing an ASCII string
//! (`chars == s.len()`) is O(1). Non-ASCII indexing walks the bytes.

use crate::at::At;
use alloc::string::String;
use core::cell::Cell;

pub struct PyStr {
    pub s: String,
    pub hash: Cell<u32>,
    pub chars: usize,
}

impl PyStr {
    pub fn new(s: String) -> PyStr {
        let chars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s,
            hash: Cell::new(0),
            chars,
        }
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }

    #[inline]
    pub fn hash(&self) -> u32 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let h = hash_bytes(self.s.as_bytes());
        self.hash.set(h);
        h
    }

    /// Byte offset of character `i` (`i <= chars`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i;
        }
        self.s
            .char_indices()
            .nth(i)
            .map(|(b, _)| b)
            .unwrap_or(self.s.len())
    }
}

/// A fast 32-bit string hash (FxHash-style multiply-rotate over 4-byte
/// words, then an avalanche so the low bits the table masks mix well). 32
/// bits keep dicts of 100k str keys O(1) per operation and are cheap on
/// 32-bit boards; not DoS-resistant, which a VM for learners and boards
/// does not need. Never 0 (0 marks "not computed" in PyStr).
pub fn hash_bytes(b: &[u8]) -> u32 {
    const K: u32 = 0x9e37_79b9;
    let mut h: u32 = b.len() as u32;
    let mut chunks = b.chunks_exact(4);
    for c in &mut chunks {
        let mut w = [0u8; 4];
        w.put(0, c);
        h = (h.rotate_left(5) ^ u32::from_le_bytes(w)).wrapping_mul(K);
    }
    let mut w = [0u8; 4];
    w.put(0, chunks.remainder());
    h = (h.rotate_left(5) ^ u32::from_le_bytes(w)).wrapping_mul(K);
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    if h == 0 {
        1
    } else {
        h
    }
}
