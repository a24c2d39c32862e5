//! Builtin modules (`sys`, `time`, ...), created on first import.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn builtin_module(_vm: &mut Vm, _name: &str) -> PyResult<Option<Value>> {
    Ok(None)
}
