//! `Value`: what a register, a local, a list slot or a dict entry holds.
//!
//! Two layouts, one enum (the payload types change, the code does not):
//!
//! ```text
//!  host, browser (wasm32): 16 bytes      32-bit boards (`compact_value`): 8 bytes
//!  +-----------+---------+-------------+  +-----------+-----------------------+
//!  | tag (u64) | payload (8 bytes)      |  | tag (u32) | payload (4 bytes)     |
//!  +-----------+---------+-------------+  +-----------+-----------------------+
//!  | Undef     | -       unbound local / missing argument                    |
//!  | None      | -                                                           |
//!  | NotImpl   | -       NotImplemented                                      |
//!  | Ellipsis  | -                                                           |
//!  | Bool      | Flag    a u32 0/1 (a one-byte bool breaks the register pair)|
//!  | Int       | Small   i64 / i32; bigger ints are heap BigInts             |
//!  | Float     | FloatBits  f64 / f32 bits: float arithmetic never allocates |
//!  | Native    | u32     index into the static builtin table                 |
//!  | Obj       | ObjRef  slot index into the GC heap                         |
//!  +-----------+-------------------------------------------------------------+
//! ```
//!
//! Invariant: an integer that fits in `Small` is always `Int`, never a heap
//! BigInt, so equality and hashing of ints can compare representations.
//! Where an i64 may not fit (a range item, a hash, `time.time_ns()`), code
//! makes its value with `Vm::new_int`, and readers that accept any i64
//! also try `Vm::big_i64`.
//!
//! Why 16 bytes on the host and in the browser, not the one-word NaN-box of
//! the design note: a full 64-bit small int keeps `sum(i*i for i in
//! range(10**6))` allocation-free (a 47-bit NaN-boxed int would overflow
//! into bigints after ~75k steps), floats are CPython's doubles, and
//! Rust's enum layout keeps every access free of bit tricks and `unsafe`.
//!
//! Why 8 bytes on boards: every payload is one 32-bit scalar, so rustc
//! gives `Value` its ScalarPair ABI, and with the zero-sized `Exc`
//! (exc.rs) so does `PyResult<Value>`: values and results travel in two
//! registers (r0:r1) instead of through memory, and a list slot, a local
//! or a dict entry takes half the RAM. The price is MicroPython's: 32-bit
//! small ints (beyond them, heap BigInts) and single-precision floats,
//! printed with the shortest digits that read back as the same f32.
//! Measured when introduced (thumbv6m core image): code -5% together
//! with the zero-sized `Exc` (see DESIGN.md, "Code size").

use crate::heap::ObjRef;

// `repr(u64)`: the tag is a full word and every payload sits at offset 8,
// so a copy is two aligned words. With the default layout the `Bool` and
// `Native` payloads start at offset 1, rustc copied a value as a tag byte
// plus bytes 1..16 (two overlapping unaligned words), and reloading such a
// spilled copy missed store forwarding: ~30% of the dispatch loop's time in
// float_arith and methods. `Option<Value>` stays the size of `Value` (tag
// niche). Boards (`compact_value`) take a u32 tag: a u64 tag costs two
// registers and two compares per check on thumbv6m/riscv32 (and the
// 4-byte payloads sit at offset 4). wasm32 has 64-bit registers, and its
// module grew 17 KB with a u32 tag, so it keeps u64.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(not(compact_value), repr(u64))]
#[cfg_attr(compact_value, repr(u32))]
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
        let words = if cfg!(compact_value) { 8 } else { 16 };
        assert_eq!(core::mem::size_of::<Value>(), words);
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
