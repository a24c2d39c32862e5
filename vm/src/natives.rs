//! Builtin functions implemented in Rust.
//!
//! A native is `fn(&mut Vm, &[Value], &[(Value, Value)]) -> PyResult<Value>`:
//! positional arguments, then keyword (name, value) pairs. The arguments
//! stay on the VM stack during the call, so they are rooted. Natives that
//! must run Python code (a `key=` function, `__init__`, `sleep`) set
//! `vm.request` and return; the interpreter carries out the request after
//! the native returns, so no Python call recurses on the Rust stack.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub type NativeFn = fn(&mut Vm, &[Value], &[(Value, Value)]) -> PyResult<Value>;

#[derive(Clone, Copy)]
pub struct NativeDef {
    pub name: &'static str,
    pub f: NativeFn,
}

/// Registration table entry: (attribute name, function).
pub type Method = (&'static str, NativeFn);
