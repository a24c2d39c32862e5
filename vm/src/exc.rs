//! `Exc`: the error half of every `PyResult`.
//!
//! An `Exc` is a handle to an exception instance (`Obj::Exception`) in the
//! heap, nothing else: every Python value that becomes an error is checked
//! at that boundary (`raise x` and `gen.throw(x)` go through
//! `make_raisable`, which turns a class into an instance and anything else
//! into TypeError). While an error is in flight it is rooted like the
//! `Value` errors it replaced: fresh (current allocation epoch), held in
//! VM state (`handling` and the stack once a handler runs; `sync_error`
//! and the pending throws, which are GC roots), or pushed on `temp_roots`
//! as `exc.value()` around allocations. The preallocated MemoryError is a
//! root of its own and the heap's first object (slot 0, allocated before
//! anything else in `types::init`), so `Err(vm.memory_error)` never names
//! a placeholder.
//!
//! Why not `Value`: `Value` is 16 bytes, so `Result<Value, Value>` and
//! `Result<(), Value>` were 24 bytes, returned through memory with a
//! copy of six words on every fallible call. A 4-byte handle niche-fills
//! into `Value`'s tag: `PyResult<Value>` is 16 bytes and `PyResult<()>` 8
//! (two registers on 32-bit boards). Measured when introduced: thumbv6m
//! and riscv32 code -4.3% (core image 535,142 -> 512,042 bytes), the wasm
//! module -1.3%; the value-stack, handlers and exception attributes still
//! hold exceptions as `Value`s (`exc.value()`).

use crate::heap::ObjRef;
use crate::value::Value;

/// A raised exception: the `ObjRef` of an `Obj::Exception` instance.
/// Invariant: always a live exception instance (never a class, never a
/// non-exception value), rooted while in flight; 4 bytes so that
/// `PyResult<Value>` is 16 bytes (module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exc(pub ObjRef);

impl Exc {
    /// The exception instance as a Python value (to push, store or compare).
    #[inline]
    pub fn value(self) -> Value {
        Value::Obj(self.0)
    }
}

impl From<Exc> for Value {
    #[inline]
    fn from(e: Exc) -> Value {
        Value::Obj(e.0)
    }
}
