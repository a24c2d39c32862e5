//! `asyncio` (alias `uasyncio`), the MicroPython subset: `run`,
//! `create_task`, `sleep`/`sleep_ms`, `gather`, `wait_for`/`wait_for_ms`,
//! `Event`, `Lock`, `ThreadSafeFlag`, `Task.cancel`, `current_task`, and
//! the event-loop object (`get_event_loop`, `new_event_loop`).
//!
//! Written in Python (`vm/lib/asyncio.py`), as MicroPython's is, and frozen
//! at build time (`vm/src/frozen`): importing it loads bytecode, with no
//! parsing. This file makes the native part the Python code runs over.
//!
//! The scheduler is a plain Python loop over coroutines driven with
//! `send`/`throw`, with one time-ordered queue (`ticks_ms` deadlines,
//! compared with `ticks_diff` so wrap-around is harmless). When nothing is
//! runnable until time T it calls `time.sleep_ms(T - now)`, which ends the
//! VM's `run` slice with `Status::Sleep`: an asyncio program never blocks
//! the driver, and under `--virtual-time` the clock jumps. This only works
//! because the loop runs as ordinary Python code (`asyncio.run` is a Python
//! function), not inside a native's nested `call_sync` loop, where sleeping
//! is refused.
//!
//! Awaitables yield requests to the scheduler: a `_Sleep` (reschedule after
//! `ms`) or `None` (the task parked itself on a wait queue, recorded in
//! `task._q`, from which `cancel` removes it).

use crate::types::ty;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    if !crate::frozen::contains(vm, "asyncio") {
        return Ok(None);
    }
    let m = vm.new_module("asyncio", &[], &[])?;
    // The VM's own CancelledError (BaseException subclass, as in CPython).
    if let Value::Obj(r) = m {
        if let crate::objects::Obj::Module { dict, .. } = vm.heap.get(r) {
            let d = *dict;
            let k = vm.intern("CancelledError");
            let c = ty::CANCELLED_ERROR;
            vm.dict_set_str(d, k, Value::Obj(c))?;
        }
    }
    Ok(Some(m))
}
