//! `gc` module, as MicroPython documents it: `collect`, `enable`,
//! `disable`, `isenabled`, `mem_alloc`, `mem_free`, `threshold`.
//!
//! `mem_alloc`/`mem_free` count bytes against the VM's hard heap limit
//! (objects plus the payload they own), so they move the way MicroPython's
//! do, though the numbers differ. With collection disabled an allocation
//! that does not fit raises MemoryError rather than collecting, as in
//! MicroPython.

use crate::modules::check_args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    let m = vm.new_module(
        "gc",
        &[
            ("collect", gc_collect),
            ("enable", gc_enable),
            ("disable", gc_disable),
            ("isenabled", gc_isenabled),
            ("mem_alloc", gc_mem_alloc),
            ("mem_free", gc_mem_free),
            ("threshold", gc_threshold),
        ],
        &[],
    )?;
    Ok(Some(m))
}

/// A full collection. Safe inside a native: the arguments and everything
/// else live are in VM state, and objects of the current epoch are kept.
fn gc_collect(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    // CPython accepts a generation number; it is ignored.
    check_args(vm, "gc.collect", a, kw, 0, 1)?;
    vm.collect_garbage(true);
    Ok(Value::None)
}

fn gc_enable(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "gc.enable", a, kw, 0, 0)?;
    vm.heap.enabled = true;
    Ok(Value::None)
}

fn gc_disable(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "gc.disable", a, kw, 0, 0)?;
    vm.heap.enabled = false;
    Ok(Value::None)
}

fn gc_isenabled(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "gc.isenabled", a, kw, 0, 0)?;
    Ok(Value::from_bool(vm.heap.enabled))
}

fn gc_mem_alloc(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "gc.mem_alloc", a, kw, 0, 0)?;
    Ok(Value::from_len(vm.heap.used))
}

fn gc_mem_free(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "gc.mem_free", a, kw, 0, 0)?;
    Ok(Value::from_len(vm.heap.limit.saturating_sub(vm.heap.used)))
}

/// `threshold()` returns the setting (-1: none, the default heuristic);
/// `threshold(n)` collects after every `n` bytes allocated; `-1` goes back
/// to the heuristic.
fn gc_threshold(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "gc.threshold", a, kw, 0, 1)?;
    let Some(&v) = a.first() else {
        return Ok(match vm.heap.user_threshold {
            Some(t) => Value::from_len(t),
            None => Value::Int(-1),
        });
    };
    if let Value::Float(_) = v {
        return Err(vm.type_err("can't convert float to int"));
    }
    let n = vm.index_value(v)?;
    vm.heap.user_threshold = if n < 0 { None } else { Some(n as usize) };
    vm.heap.threshold = vm.heap.next_threshold();
    Ok(Value::None)
}
