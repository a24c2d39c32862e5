//! `micropython` module, as MicroPython documents it: `const`, `opt_level`,
//! `mem_info`, `qstr_info`, `stack_use`, `heap_lock`/`heap_unlock`/
//! `heap_locked`, `kbd_intr`, `schedule`, `alloc_emergency_exception_buf`
//! and the `native`/`viper` code emitters (identity decorators here: the
//! bytecode VM runs such functions unchanged).
//!
//! `mem_info` prints MicroPython-shaped lines from the VM's own figures:
//! ```text
//! stack: 608 bytes, 1 frames out of 1000
//! GC: total: 16777216, used: 210432, free: 16566784
//!  No. of objects: 2714, collections: 0
//! ```

use crate::at::At;
use crate::types::ty;
use alloc::format;

use crate::modules::check_args;
use crate::objects::Obj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

/// Pending `schedule` calls allowed at once (MicroPython's default depth).
const SCHEDULE_DEPTH: usize = 8;

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    let m = vm.new_module(
        "micropython",
        &[
            ("const", mp_identity),
            ("native", mp_identity),
            ("viper", mp_identity),
            ("opt_level", mp_opt_level),
            ("mem_info", mp_mem_info),
            ("qstr_info", mp_qstr_info),
            ("stack_use", mp_stack_use),
            ("heap_lock", mp_heap_lock),
            ("heap_unlock", mp_heap_unlock),
            ("heap_locked", mp_heap_locked),
            ("kbd_intr", mp_kbd_intr),
            ("schedule", mp_schedule),
            ("alloc_emergency_exception_buf", mp_alloc_emergency_buf),
        ],
        &[],
    )?;
    Ok(Some(m))
}

/// `const(x)` and the `@native`/`@viper` decorators return their argument.
fn mp_identity(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "const", a, kw, 1, 1)?;
    Ok(*a.at(0))
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Value::Float(_) = v {
        return Err(vm.type_err("can't convert float to int"));
    }
    vm.index_value(v)
}

/// `opt_level([level])`: 0 keeps asserts and `__debug__ == True`; 1 and
/// up compile asserts out. Applies to code compiled afterwards.
fn mp_opt_level(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "opt_level", a, kw, 0, 1)?;
    match a.first() {
        None => Ok(Value::from_len(vm.opt_level as usize)),
        Some(&v) => {
            let n = int_arg(vm, v)?;
            vm.opt_level = n.clamp(0, 3) as u8;
            Ok(Value::None)
        }
    }
}

/// Bytes of the VM's value stack and frames in use.
fn stack_bytes(vm: &Vm) -> usize {
    vm.stack.len() * core::mem::size_of::<Value>()
        + vm.frames.len() * core::mem::size_of::<crate::interp::Frame>()
}

fn mp_mem_info(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "mem_info", a, kw, 0, 1)?;
    let (total, used) = (vm.heap.limit, vm.heap.used);
    let text = format!(
        "stack: {} bytes, {} frames out of {}\nGC: total: {}, used: {}, free: {}\n No. of objects: {}, collections: {}\n",
        stack_bytes(vm),
        vm.frames.len(),
        vm.config.recursion_limit,
        total,
        used,
        total.saturating_sub(used),
        vm.heap.slot_count(),
        vm.heap.collections,
    );
    vm.write_out(text.as_bytes());
    Ok(Value::None)
}

/// Interned strings play the part of MicroPython's qstrs.
fn mp_qstr_info(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "qstr_info", a, kw, 0, 1)?;
    let (mut n, mut bytes) = (0usize, 0usize);
    if let Obj::Dict(d) = vm.heap.get(vm.interned) {
        for e in d.entries.iter() {
            if let Some(s) = vm.str_of(e.key) {
                n += 1;
                bytes += s.len();
            }
        }
    }
    let text = format!(
        "qstr pool: n_pool=1, n_qstr={}, n_str_data_bytes={}, n_total_bytes={}\n",
        n,
        bytes,
        bytes + n * crate::heap::SLOT_BYTES
    );
    vm.write_out(text.as_bytes());
    Ok(Value::None)
}

fn mp_stack_use(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "stack_use", a, kw, 0, 0)?;
    Ok(Value::from_len(stack_bytes(vm)))
}

/// While locked, every allocation raises MemoryError (`Vm::ensure`).
fn mp_heap_lock(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "heap_lock", a, kw, 0, 0)?;
    vm.heap_locked = vm.heap_locked.saturating_add(1);
    Ok(Value::None)
}

/// Returns the lock depth left (0: allocation works again).
fn mp_heap_unlock(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "heap_unlock", a, kw, 0, 0)?;
    vm.heap_locked = vm.heap_locked.saturating_sub(1);
    Ok(Value::from_len(vm.heap_locked as usize))
}

fn mp_heap_locked(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "heap_locked", a, kw, 0, 0)?;
    Ok(Value::from_len(vm.heap_locked as usize))
}

/// `kbd_intr(chr)`: the character the driver turns into KeyboardInterrupt
/// (-1 disables it); read with `Vm::kbd_intr_char`.
fn mp_kbd_intr(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "kbd_intr", a, kw, 1, 1)?;
    let c = int_arg(vm, *a.at(0))?;
    vm.kbd_intr_char = c.clamp(-1, i32::MAX as i64) as i32;
    Ok(Value::None)
}

/// `schedule(func, arg)`: call `func(arg)` at the next safe point of the
/// main program (a loop's back edge, a return, or the end of a sleep).
fn mp_schedule(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "schedule", a, kw, 2, 2)?;
    if vm.scheduled.len() >= SCHEDULE_DEPTH {
        return Err(vm.new_error(ty::RUNTIME_ERROR, "schedule queue full"));
    }
    if vm.scheduled.try_reserve(1).is_err() {
        return Err(vm.memory_error());
    }
    vm.scheduled.push((*a.at(0), *a.at(1)));
    Ok(Value::None)
}

/// Exceptions never need an emergency buffer here: MemoryError is
/// preallocated and others are built from the remaining heap.
fn mp_alloc_emergency_buf(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "alloc_emergency_exception_buf", a, kw, 1, 1)?;
    int_arg(vm, *a.at(0))?;
    Ok(Value::None)
}
