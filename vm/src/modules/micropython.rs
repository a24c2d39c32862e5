//! `micropython` module (being written).

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn make(_vm: &mut Vm) -> PyResult<Option<Value>> {
    Ok(None)
}
