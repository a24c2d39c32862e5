//! `Exc`: the error half of every `PyResult`.
//!
//! `Exc` is zero-sized: it says "an exception was raised", and the
//! exception itself lives in the VM (`Vm::raised`), like CPython's
//! "return NULL with the exception set in the thread state".
//!
//! Invariant: whenever a function returns `Err(Exc)`, `vm.raised` holds
//! the raised exception instance (an `Obj::Exception`, never a class or a
//! non-exception value: `raise x` and `gen.throw(x)` go through
//! `make_raisable`). `vm.raised` is a GC root, so the exception in flight
//! is always rooted. Only `Vm::raise` makes an `Exc`; `Vm::exc_ref` (which
//! consumes it) reads the exception back, `exc_peek`/`exc_is` look at it
//! in place.
//!
//! The hazard the compiler does not see: between getting `Err(e)` and
//! returning it, anything that may raise and catch internally (calling
//! Python, allocating, closing a generator, `__exit__`, formatting a
//! message) overwrites `vm.raised`. Such code takes the exception out
//! first (`let x = vm.exc_ref(e);` ... `Err(vm.raise(x))`) and roots `x`
//! (`temp_roots`) if the code in between can collect. `Exc` is neither
//! `Copy` nor `Clone`, so a handle cannot be kept around and returned
//! twice by accident. The GC-stress build (feature `stress-gc`, one of
//! the conformance modes) checks the rest at run time: there an `Exc`
//! carries the count of raises when it was made, and reading a stale one
//! (something was raised since) panics.
//!
//! Functions that produce an exception without raising it
//! (`make_raisable`, `as_exc`, `new_exception_obj`) return its `ObjRef`;
//! the caller raises it with `vm.raise` when it actually raises
//! (`raise_value` checks and raises a `Value` the VM stored itself).
//!
//! Why zero-sized (history): errors were `Value`s (16 bytes, so
//! `PyResult<Value>` was 24 bytes, returned through memory), then a
//! 4-byte `ObjRef` handle niche-filled into `Value`'s tag (thumbv6m core
//! image 535,142 -> 512,042 bytes). But a niche-filled enum only gets a
//! register-pair ABI when its other variants are zero-sized: with an
//! 8-byte `Value` (u32 tag + u32 payload) on 32-bit boards,
//! `Result<Value, Exc>` with a 4-byte `Exc` is still returned through
//! memory, while with a zero-sized `Exc` it is returned in r0:r1, and
//! `PyResult<()>`/`PyResult<bool>` are one byte.

use crate::heap::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// A raised exception; the exception instance is `vm.raised` (module
/// docs). Zero-sized, and made only by `Vm::raise`.
#[cfg(not(feature = "stress-gc"))]
#[derive(Debug)]
pub struct Exc(());

/// The checking `Exc` of the GC-stress build: the raise count when made.
#[cfg(feature = "stress-gc")]
#[derive(Debug)]
pub struct Exc(u32);

impl Vm {
    /// Raise the exception instance `r` (an `Obj::Exception`): it becomes
    /// the pending exception, returned as `Err(vm.raise(r))`.
    #[inline]
    pub fn raise(&mut self, r: ObjRef) -> Exc {
        self.raised = r;
        #[cfg(feature = "stress-gc")]
        {
            self.raise_count = self.raise_count.wrapping_add(1);
            Exc(self.raise_count)
        }
        #[cfg(not(feature = "stress-gc"))]
        Exc(())
    }

    /// The GC-stress build's check that `e` is the latest raise.
    #[inline]
    fn check_fresh(&self, _e: &Exc) {
        #[cfg(feature = "stress-gc")]
        assert!(
            _e.0 == self.raise_count,
            "stale Exc: another exception was raised since (exc.rs)"
        );
    }

    /// The exception instance `e` stands for. Consumes `e`: to pass the
    /// error on after doing anything that may raise, raise it again
    /// (`Err(vm.raise(r))`).
    #[inline]
    pub fn exc_ref(&self, e: Exc) -> ObjRef {
        self.check_fresh(&e);
        self.raised
    }

    /// The exception instance `e` stands for, as a Python value.
    #[inline]
    pub fn exc_value(&self, e: Exc) -> Value {
        Value::Obj(self.exc_ref(e))
    }

    /// The pending exception without consuming `e`: only for looking at it
    /// before anything else can raise.
    #[inline]
    pub fn exc_peek(&self, e: &Exc) -> ObjRef {
        self.check_fresh(e);
        self.raised
    }

    /// Raise the preallocated MemoryError.
    #[inline]
    pub fn memory_error(&mut self) -> Exc {
        let r = self.memory_error_obj;
        self.raise(r)
    }
}
