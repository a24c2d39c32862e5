//! Without the `slot-methods` feature the builtin types have no special
//! methods as attributes (`int.__add__`, `super().__setitem__` in a dict
//! subclass raise AttributeError), as in MicroPython builds without
//! `MICROPY_PY_ALL_SPECIAL_METHODS`; the operators themselves all work.
//! Saves ~7 KB of flash on thumbv6m.

use alloc::string::String;

use crate::heap::ObjRef;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    pub(crate) fn slot_find(&self, _cls: ObjRef, _name: Value) -> Option<Value> {
        None
    }

    pub(crate) fn slot_own_named(&self, _m: ObjRef, _name: Value) -> Option<Value> {
        None
    }

    pub(crate) fn slot_value(&mut self, found: Value, _obj: Option<Value>) -> PyResult<Value> {
        Ok(found)
    }

    pub(crate) fn slot_name(&mut self, _v: Value, _qual: bool) -> PyResult<Option<Value>> {
        Ok(None)
    }

    pub(crate) fn slot_repr(&self, _v: Value) -> Option<String> {
        None
    }
}

pub fn register(_vm: &mut Vm) {}
