//! `machine` module: `machine.Pin`, written once against the `Board` trait
//! (`hal.rs`), as MicroPython's `machine_pin.c` is against `mp_hal_pin_*`.
//!
//! * Constants are the rp2 port's: `IN`=0, `OUT`=1, `OPEN_DRAIN`=2,
//!   `PULL_UP`=1, `PULL_DOWN`=2; -1 means "leave unchanged".
//! * A pin object is an instance holding its number in `_pin` (a pin object
//!   has no other state: the board owns mode, pull and level).
//! * `Pin(id)` checks the pin exists by reading it, so `Pin(99)` fails at
//!   construction as on MicroPython.
//! * Board errors: `InvalidPin` is `ValueError("invalid pin")`;
//!   `Unsupported` is `OSError(95)` (EOPNOTSUPP) and `Io` `OSError(5)` (EIO).

use crate::at::At;
use crate::types::ty;
use alloc::format;
use alloc::string::String;

use crate::builtins::rest;
use crate::hal::{HalError, PinMode, Pull};
use crate::heap::ObjRef;
use crate::objects::{Dict, Instance, Obj};
use crate::value::{Small, Value};
use crate::vm::{Exc, PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

const IN: i64 = 0;
const OUT: i64 = 1;
const OPEN_DRAIN: i64 = 2;
const PULL_UP: i64 = 1;
const PULL_DOWN: i64 = 2;

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    let cls = vm.new_builtin_class(
        "Pin",
        &[
            ("__ctor__", pin_new),
            ("init", pin_init),
            ("value", pin_value),
            ("__call__", pin_value),
            ("on", pin_on),
            ("off", pin_off),
            ("high", pin_on),
            ("low", pin_off),
            ("toggle", pin_toggle),
            ("__repr__", pin_repr),
        ],
    )?;
    for (name, v) in [
        ("IN", IN),
        ("OUT", OUT),
        ("OPEN_DRAIN", OPEN_DRAIN),
        ("PULL_UP", PULL_UP),
        ("PULL_DOWN", PULL_DOWN),
    ] {
        vm.class_set(cls, name, Value::Int(v as Small));
    }
    let m = vm.new_module("machine", &[], &[("Pin", Value::Obj(cls))])?;
    Ok(Some(m))
}

fn hal_error(vm: &mut Vm, e: HalError) -> Exc {
    match e {
        HalError::InvalidPin => vm.value_err("invalid pin"),
        HalError::Unsupported => vm.new_exception(ty::OS_ERROR, &[Value::Int(95)]),
        HalError::Io => vm.new_exception(ty::OS_ERROR, &[Value::Int(5)]),
    }
}

fn pin_key(vm: &mut Vm) -> Value {
    vm.intern("_pin")
}

/// The pin number of a `Pin` instance (`a[0]`).
fn this_pin(vm: &mut Vm, a: &[Value], method: &str) -> PyResult<u32> {
    let this = a.first().copied().unwrap_or(Value::None);
    let key = pin_key(vm);
    let h = vm.str_hash(key);
    if let Value::Obj(r) = this {
        if let Obj::Instance(i) = vm.heap.get(r) {
            if let Some(j) = crate::interp::attr::find_same(&i.dict, h, key) {
                if let Value::Int(n) = i.dict.entries.at(j).value {
                    return Ok(n as u32);
                }
            }
        }
    }
    Err(crate::builtins::list_methods::descriptor_error(
        vm, method, "Pin", this,
    ))
}

/// Positional-or-keyword arguments `names` (after self/cls), with `None`
/// for those not given.
/// Not generic over the count: one copy for `Pin()` and `init`.
fn bind(
    vm: &mut Vm,
    func: &str,
    a: &[Value],
    kw: Kw,
    names: &[&str],
    out: &mut [Option<Value>],
) -> PyResult<()> {
    if a.len() > names.len() {
        return Err(crate::builtins::list_methods::arity_error(
            vm,
            func,
            crate::builtins::list_methods::Arity::AtMostPositional,
            names.len(),
            a.len(),
        ));
    }
    for (o, v) in out.iter_mut().zip(a) {
        *o = Some(*v);
    }
    for (k, v) in kw {
        let name = String::from(vm.str_of(*k).unwrap_or("?"));
        match names.iter().position(|n| *n == name) {
            Some(i) if out.get(i).is_some_and(|o| o.is_none()) => out[i] = Some(*v),
            Some(_) => {
                return Err(vm.type_error(format!(
                    "{}() got multiple values for argument '{}'",
                    func, name
                )))
            }
            None => {
                return Err(vm.type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    func, name
                )))
            }
        }
    }
    Ok(())
}

/// `Pin(id, mode=-1, pull=-1, *, value=None)`.
fn pin_new(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = a.first().copied() else {
        return Err(vm.type_err("Pin() needs a class"));
    };
    let mut out = [None; 4];
    let names = ["id", "mode", "pull", "value"];
    bind(vm, "Pin", rest(a, 1), kw, &names, &mut out)?;
    let [id, mode, pull, value] = out;
    let Some(id) = id else {
        return Err(crate::builtins::funcs::missing_arg(vm, "Pin", "id", "1"));
    };
    let pin = pin_number(vm, id)?;
    let obj = new_pin(vm, cls, pin)?;
    // Reading validates the pin without changing it.
    vm.board.pin_read(pin).map_err(|e| hal_error(vm, e))?;
    configure(vm, pin, mode, pull, value)?;
    Ok(obj)
}

fn new_pin(vm: &mut Vm, cls: ObjRef, pin: u32) -> PyResult<Value> {
    let obj = vm.alloc(Obj::Instance(alloc::boxed::Box::new(Instance {
        class: cls,
        dict: Dict::new(),
        base: Value::Undef,
    })))?;
    let key = pin_key(vm);
    vm.set_attr_direct(obj, key, Value::Int(pin as Small))?;
    Ok(obj)
}

fn pin_number(vm: &mut Vm, id: Value) -> PyResult<u32> {
    if let Some(name) = vm.str_of(id) {
        let name = String::from(name);
        return match vm.board.pin_by_name(&name) {
            Some(n) => Ok(n),
            None => Err(vm.value_error(format!("unknown named pin \"{}\"", name))),
        };
    }
    let n = vm.index_value(id)?;
    if !(0..=i64::from(u16::MAX)).contains(&n) {
        return Err(vm.value_err("invalid pin"));
    }
    Ok(n as u32)
}

fn small_int(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(-1),
        Some(v) => vm.index_value(v),
    }
}

/// Apply `init`'s arguments: the value first, so an output starts at it.
fn configure(
    vm: &mut Vm,
    pin: u32,
    mode: Option<Value>,
    pull: Option<Value>,
    value: Option<Value>,
) -> PyResult<()> {
    let mode = small_int(vm, mode)?;
    let pull = small_int(vm, pull)?;
    let mode = match mode {
        -1 => None,
        IN => Some(PinMode::In),
        OUT => Some(PinMode::Out),
        OPEN_DRAIN => Some(PinMode::OpenDrain),
        m => return Err(vm.value_error(format!("invalid pin mode: {}", m))),
    };
    let pull = match pull {
        -1 | 0 => Pull::None,
        PULL_UP => Pull::Up,
        PULL_DOWN => Pull::Down,
        p => return Err(vm.value_error(format!("invalid pin pull: {}", p))),
    };
    if let Some(v) = value {
        if !v.is_none() {
            let high = vm.truthy(v)?;
            vm.board
                .pin_write(pin, high)
                .map_err(|e| hal_error(vm, e))?;
        }
    }
    if let Some(mode) = mode {
        vm.board
            .pin_config(pin, mode, pull)
            .map_err(|e| hal_error(vm, e))?;
    }
    Ok(())
}

/// `pin.init(mode=-1, pull=-1, *, value=None)`.
fn pin_init(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let pin = this_pin(vm, a, "init")?;
    let mut out = [None; 3];
    bind(
        vm,
        "init",
        rest(a, 1),
        kw,
        &["mode", "pull", "value"],
        &mut out,
    )?;
    let [mode, pull, value] = out;
    configure(vm, pin, mode, pull, value)?;
    Ok(Value::None)
}

fn write(vm: &mut Vm, pin: u32, high: bool) -> PyResult<Value> {
    vm.board
        .pin_write(pin, high)
        .map_err(|e| hal_error(vm, e))?;
    Ok(Value::None)
}

fn read(vm: &mut Vm, pin: u32) -> PyResult<bool> {
    vm.board.pin_read(pin).map_err(|e| hal_error(vm, e))
}

/// `pin.value([x])` and `pin([x])`.
fn pin_value(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let pin = this_pin(vm, a, "value")?;
    if !kw.is_empty() {
        return Err(vm.type_err("function doesn't take keyword arguments"));
    }
    match a.len() {
        1 => Ok(Value::Int(read(vm, pin)? as Small)),
        2 => {
            let high = vm.truthy(a[1])?;
            write(vm, pin, high)
        }
        n => Err(vm.type_error(format!(
            "function takes at most 2 positional arguments ({} given)",
            n
        ))),
    }
}

fn no_args(vm: &mut Vm, a: &[Value], kw: Kw, method: &str) -> PyResult<u32> {
    let pin = this_pin(vm, a, method)?;
    if a.len() != 1 || !kw.is_empty() {
        return Err(vm.type_error(format!(
            "function takes 1 positional arguments but {} were given",
            a.len()
        )));
    }
    Ok(pin)
}

fn pin_on(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let pin = no_args(vm, a, kw, "on")?;
    write(vm, pin, true)
}

fn pin_off(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let pin = no_args(vm, a, kw, "off")?;
    write(vm, pin, false)
}

fn pin_toggle(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let pin = no_args(vm, a, kw, "toggle")?;
    let l = read(vm, pin)?;
    write(vm, pin, !l)
}

fn pin_repr(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let pin = this_pin(vm, a, "__repr__")?;
    vm.new_str(format!("Pin(GPIO{})", pin))
}
