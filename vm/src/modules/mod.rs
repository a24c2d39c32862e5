//! Builtin modules, created on first import and cached in `sys.modules`.
//! Each module file has `make(vm) -> PyResult<Option<Value>>` returning the
//! module object.

pub mod gc;
pub mod math;
pub mod micropython;
pub mod sys;
pub mod time;

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn builtin_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    match name {
        "sys" | "usys" => sys::make(vm),
        "gc" => gc::make(vm),
        "micropython" => micropython::make(vm),
        "math" | "umath" => math::make(vm),
        "time" | "utime" => time::make(vm),
        _ => Ok(None),
    }
}
