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
    pub hash: Cell<u64>,
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
    pub fn hash(&self) -> u64 {
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

/// A fast 64-bit string hash (FxHash-style multiply-rotate over 8-byte
/// words). Full width, so dicts with 100k str keys stay O(1) per operation;
/// not DoS-resistant, which a VM for learners and boards does not need.
pub fn hash_bytes(b: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.put(0, c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let mut w = [0u8; 8];
    let rest = chunks.remainder();
    w.put(0, rest);
    h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    // Final avalanche so that low bits (used by the table mask) mix well.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    // Non-negative as an i64, so `hash(s)` in Python and the dict hash agree
    // on every path; never 0 (0 marks "not computed" in PyStr).
    let h = h & (i64::MAX as u64);
    if h == 0 {
        1
    } else {
        h
    }
}
