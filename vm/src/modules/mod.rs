//! Builtin modules, created on first import and cached in `sys.modules`.
//! Each module file has `make(vm) -> PyResult<Option<Value>>` returning the
//! module object.

pub mod gc;
pub mod json;
pub mod math;
pub mod math_dd;
pub mod micropython;
pub mod sys;
pub mod time;

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn builtin_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    // MicroPython's `u`-prefixed aliases name the same module object, so
    // `usys.path is sys.path` (the importer reads that list).
    let canonical = match name {
        "usys" => "sys",
        "umath" => "math",
        "utime" => "time",
        "ujson" => "json",
        other => other,
    };
    if canonical != name {
        let key = vm.str_val(canonical)?;
        let mods = vm.modules;
        if let Some(m) = vm.dict_get_str(mods, key) {
            return Ok(Some(m));
        }
    }
    let m = match canonical {
        "sys" => sys::make(vm)?,
        "gc" => gc::make(vm)?,
        "micropython" => micropython::make(vm)?,
        "math" => math::make(vm)?,
        "time" => time::make(vm)?,
        "json" => json::make(vm)?,
        _ => None,
    };
    if let (Some(m), true) = (m, canonical != name) {
        let key = vm.str_val(canonical)?;
        let mods = vm.modules;
        vm.dict_set_str(mods, key, m)?;
    }
    Ok(m)
}

/// Check a builtin module function's positional argument count, with
/// CPython's wording.
pub(crate) fn check_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    min: usize,
    max: usize,
) -> PyResult<()> {
    use alloc::format;
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max {
        match min {
            0 => format!("{}() takes no arguments ({} given)", name, n),
            1 => format!("{}() takes exactly one argument ({} given)", name, n),
            _ => format!("{} expected {} arguments, got {}", name, min, n),
        }
    } else if n < min {
        format!(
            "{} expected at least {} argument{}, got {}",
            name,
            min,
            plural(min),
            n
        )
    } else {
        format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            plural(max),
            n
        )
    };
    Err(vm.type_error(msg))
}
