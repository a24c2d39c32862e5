//! Without the `frozen` feature: the loader is left out of the image
//! (~6 KB of flash) and no module is frozen, whatever `Config::frozen` holds.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// No frozen Python part to run into module `_m`.
pub(crate) fn exec_into(_vm: &mut Vm, _m: Value, _name: &str) -> PyResult<bool> {
    Ok(false)
}

/// No module is frozen.
pub(crate) fn contains(_vm: &mut Vm, _name: &str) -> bool {
    false
}
