//! `Value`: what a register, a local, a list slot or a dict entry holds.
//!
//! ```text
//!  Value (16 bytes: tag word (u64; u32 + padding on 32-bit boards) + 8-byte payload)
//!  +---------+------------------------------------------------+
//!  | tag     | payload                                        |
//!  +---------+------------------------------------------------+
//!  | Undef   | -          unbound local / missing argument    |
//!  | None    | -                                              |
//!  | NotImpl | -          NotImplemented                      |
//!  | Ellipsis| -                                              |
//!  | Bool    | bool                                           |
//!  | Int     | i64        small int; bigger ints are heap BigInt |
//!  | Float   | f64        inline: float arithmetic never allocates |
//!  | Native  | u16        index into the static builtin table |
//!  | Obj     | ObjRef     slot index into the GC heap         |
//!  +---------+------------------------------------------------+
//! ```
//!
//! Invariant: an integer that fits in i64 is always `Int`, never a heap
//! BigInt, so equality and hashing of ints can compare representations.
//!
//! Why 16 bytes and not the one-word NaN-box of the design note: a full
//! 64-bit small int keeps `sum(i*i for i in range(10**6))` allocation-free
//! (a 47-bit NaN-boxed int would overflow into bigints after ~75k steps), and
//! Rust's enum layout keeps every access free of bit tricks and `unsafe`. The
//! cost is memory density: a list slot takes 16 bytes instead of 8 (wasm) or
//! 4 (MicroPython on a board). Only this file and `heap.rs` know the layout.

use crate::heap::ObjRef;

// `repr(u64)`: the tag is a full word and every payload sits at offset 8,
// so a copy is two aligned words. With the default layout the `Bool` and
// `Native` payloads start at offset 1, rustc copied a value as a tag byte
// plus bytes 1..16 (two overlapping unaligned words), and reloading such a
// spilled copy missed store forwarding: ~30% of the dispatch loop's time in
// float_arith and methods. `Option<Value>` stays 16 bytes (tag niche).
// On 32-bit microcontrollers (thumbv6m, riscv32) a u64 tag costs two
// registers and two compares per check; `repr(u32)` (payload still at
// offset 8) made the thumbv6m image 17 KB (2.7%) smaller. wasm32 has
// 64-bit registers, and its module grew 17 KB with u32, so it keeps u64.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(any(target_pointer_width = "64", target_arch = "wasm32"), repr(u64))]
#[cfg_attr(
    not(any(target_pointer_width = "64", target_arch = "wasm32")),
    repr(u32)
)]
pub enum Value {
    Undef,
    None,
    NotImplemented,
    Ellipsis,
    Bool(Flag),
    Int(Small),
    Float(FloatBits),
    Native(u32),
    Obj(ObjRef),
}

/// A small int's payload: i64 on the host and in the browser, i32 on
/// 32-bit boards (`compact_value`), where a wider int is a heap BigInt.
#[cfg(not(compact_value))]
pub type Small = i64;
#[cfg(compact_value)]
pub type Small = i32;

/// `i` as i64 (a no-op on the host).
#[inline]
#[allow(clippy::useless_conversion)]
pub fn wide(i: Small) -> i64 {
    i64::from(i)
}

/// `i` as a small int, if it fits (always on the host).
#[inline]
#[allow(clippy::useless_conversion, clippy::unnecessary_fallible_conversions)]
pub fn narrow(i: i64) -> Option<Small> {
    Small::try_from(i).ok()
}

/// `Value::Bool`'s payload, a full word: a one-byte `bool` beside 4-byte
/// payloads keeps rustc from giving `Value` its two-register ABI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(u32);

impl Flag {
    #[inline]
    pub fn get(self) -> bool {
        self.0 != 0
    }
}

/// `Value::Float`'s payload: an f64 on the host and in the browser, the
/// bits of an f32 on 32-bit boards (`compact_value`, as MicroPython's rp2
/// and esp32 ports). Arithmetic is done in f64 either way; storing rounds
/// to f32 on boards (correctly rounded for + - * / and sqrt, since f64
/// carries more than twice f32's precision).
#[derive(Clone, Copy, Debug)]
pub struct FloatBits(#[cfg(not(compact_value))] f64, #[cfg(compact_value)] u32);

/// Compares the floats (IEEE: `0.0 == -0.0`, NaN unequal to itself).
impl PartialEq for FloatBits {
    #[inline]
    fn eq(&self, other: &FloatBits) -> bool {
        self.get() == other.get()
    }
}

impl PartialOrd for FloatBits {
    #[inline]
    fn partial_cmp(&self, other: &FloatBits) -> Option<core::cmp::Ordering> {
        self.get().partial_cmp(&other.get())
    }
}

impl FloatBits {
    #[inline]
    pub fn get(self) -> f64 {
        #[cfg(not(compact_value))]
        return self.0;
        #[cfg(compact_value)]
        return f64::from(f32::from_bits(self.0));
    }
    #[inline]
    fn new(x: f64) -> FloatBits {
        #[cfg(not(compact_value))]
        return FloatBits(x);
        #[cfg(compact_value)]
        return FloatBits((x as f32).to_bits());
    }
    /// Bit identity (`is`, and keys that must not merge 0.0 and -0.0).
    #[inline]
    pub fn bits(self) -> u64 {
        #[cfg(not(compact_value))]
        return self.0.to_bits();
        #[cfg(compact_value)]
        return u64::from(self.0);
    }
}

impl Value {
    #[inline]
    pub fn is_none(self) -> bool {
        matches!(self, Value::None)
    }
    #[inline]
    pub fn is_undef(self) -> bool {
        matches!(self, Value::Undef)
    }
    #[inline]
    pub fn as_obj(self) -> Option<ObjRef> {
        match self {
            Value::Obj(r) => Some(r),
            _ => None,
        }
    }
    /// Python's `is`: identity for heap objects, equality of the payload
    /// for immediates (small ints and floats behave as interned values).
    pub fn is(self, other: Value) -> bool {
        match (self, other) {
            (Value::Undef, Value::Undef)
            | (Value::None, Value::None)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.bits() == b.bits(),
            (Value::Native(a), Value::Native(b)) => a == b,
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => false,
        }
    }
    #[inline]
    pub fn from_bool(b: bool) -> Value {
        Value::Bool(Flag(b as u32))
    }
    /// A length, count or index of something held in memory. It fits in
    /// `Small` on every target: a 32-bit board's memory is far below 2**31
    /// bytes. (A `range`'s length or an arbitrary i64 goes through
    /// `Vm::new_int`.)
    #[inline]
    pub fn from_len(n: usize) -> Value {
        Value::Int(n as Small)
    }
    /// A float value; on boards this rounds `x` to f32.
    #[inline]
    pub fn float(x: f64) -> Value {
        Value::Float(FloatBits::new(x))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn value_is_two_words() {
        assert_eq!(core::mem::size_of::<Value>(), 16);
    }

    /// The error of a `PyResult` is a 4-byte `Exc` that niche-fills into
    /// `Value`'s tag: results come back in registers (see `exc.rs`).
    // The GC-stress build's `Exc` carries a check (exc.rs).
    #[cfg(not(feature = "stress-gc"))]
    #[test]
    fn py_result_is_value_sized() {
        // `Exc` is zero-sized (the exception lives in `Vm::raised`), so a
        // `PyResult` costs nothing over its `Ok` type: `PyResult<Value>`
        // niche-fills into `Value`'s tag (a register pair with an 8-byte
        // `Value`), `PyResult<()>` is one byte (exc.rs).
        use crate::vm::{Exc, PyResult};
        assert_eq!(core::mem::size_of::<Exc>(), 0);
        assert_eq!(
            core::mem::size_of::<PyResult<Value>>(),
            core::mem::size_of::<Value>()
        );
        assert_eq!(core::mem::size_of::<PyResult<()>>(), 1);
        assert_eq!(core::mem::size_of::<PyResult<bool>>(), 1);
    }
}
