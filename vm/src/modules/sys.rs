//! `sys` module, as MicroPython documents it: `argv`, `path`, `modules`,
//! `platform`, `implementation`, `version`, `version_info`, `maxsize`,
//! `byteorder`, `exit`, `print_exception`, `exc_info` and the stdio objects,
//! plus CPython's `float_info` (attributes and repr; not a tuple).
//!
//! `sys.implementation.name` is `'micropython'`: Ferrite runs MicroPython
//! programs, and tools (mpremote, libraries probing for MicroPython
//! features) key on that name. `version` says Ferrite's own version.
//!
//! `sys.path` is a list stored in the module; the importer reads that same
//! list once `sys` has been imported (`import_path`), so editing it works.
//!
//! The stdio objects are instances of a small native class. They are
//! line-based, like the VM's input: `stdin.read()`/`readline()` return one
//! line (with its `'\n'`; `''` at end of input), obtained from the driver
//! exactly as `input()` does.

use crate::types::ty;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::heap::ObjRef;
use crate::objects::{Dict, Instance, Obj};
use crate::value::{wide, Small, Value};
use crate::vm::{Exc, PyResult, Request, Vm};

type Kw<'a> = &'a [(Value, Value)];

/// Ferrite's version, as `sys.implementation.version`.
const VERSION: (Small, Small, Small) = (0, 1, 0);
/// `sys.version`: `VERSION` as text (keep the two in step; a constant
/// rather than a `format!`).
const VERSION_TEXT: &str = "3.4.0; Ferrite 0.1.0";

/// The module's values, made in order by `value` (one shared error path
/// rather than one per value).
const VALUES: [&str; 13] = [
    "argv",
    "path",
    "modules",
    "platform",
    "implementation",
    "version",
    "version_info",
    "maxsize",
    "byteorder",
    "stdin",
    "stdout",
    "stderr",
    "float_info",
];

/// `sys.float_info`'s fields in CPython's order, for the floats the VM
/// stores: f32 with the compact `Value` (as MicroPython's rp2 and esp32
/// ports), else f64. `max`, `min` and `epsilon` are floats, the rest ints.
macro_rules! float_info {
    ($t:ident) => {
        [
            ("max", $t::MAX as f64),
            ("max_exp", $t::MAX_EXP as f64),
            ("max_10_exp", $t::MAX_10_EXP as f64),
            ("min", $t::MIN_POSITIVE as f64),
            ("min_exp", $t::MIN_EXP as f64),
            ("min_10_exp", $t::MIN_10_EXP as f64),
            ("dig", $t::DIGITS as f64),
            ("mant_dig", $t::MANTISSA_DIGITS as f64),
            ("epsilon", $t::EPSILON as f64),
            ("radix", $t::RADIX as f64),
            ("rounds", 1.0),
        ]
    };
}
#[cfg(compact_value)]
const FLOAT_INFO: [(&str, f64); 11] = float_info!(f32);
#[cfg(not(compact_value))]
const FLOAT_INFO: [(&str, f64); 11] = float_info!(f64);

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    let io_cls = vm.new_builtin_class(
        "TextIOWrapper",
        &[
            ("write", io_write),
            ("read", io_read),
            ("readline", io_readline),
            ("flush", io_flush),
            ("fileno", io_fileno),
            ("__repr__", io_repr),
        ],
    )?;
    let mut values = Vec::with_capacity(VALUES.len());
    for (i, &name) in VALUES.iter().enumerate() {
        values.push((name, value(vm, i, io_cls)?));
    }
    let m = vm.new_module(
        "sys",
        &[
            ("exit", sys_exit),
            ("print_exception", sys_print_exception),
            ("exc_info", sys_exc_info),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
        ],
        &values,
    )?;
    Ok(Some(m))
}

/// The value of `VALUES[i]`.
fn value(vm: &mut Vm, i: usize, io_cls: ObjRef) -> PyResult<Value> {
    match i {
        0 | 1 => {
            let strs = if i == 0 {
                vm.config.argv.clone()
            } else {
                vm.config.path.clone()
            };
            let mut l = Vec::new();
            for s in &strs {
                l.push(vm.str_val(s)?);
            }
            vm.new_list(l)
        }
        2 => Ok(Value::Obj(vm.modules)),
        3 => vm.str_val(vm.board.platform()),
        4 => make_implementation(vm),
        5 => vm.str_val(VERSION_TEXT),
        6 => vm.new_tuple(alloc::vec![Value::Int(3), Value::Int(4), Value::Int(0)]),
        7 => vm.new_int(isize::MAX as i64),
        8 => vm.str_val("little"),
        12 => make_float_info(vm),
        _ => {
            let obj = new_instance(vm, io_cls)?;
            let k = vm.intern("_fd");
            vm.set_attr_direct(obj, k, Value::Int(i as Small - 9))?;
            Ok(obj)
        }
    }
}

/// The directories the importer searches: `sys.path` once `sys` is
/// imported (non-str entries are skipped), else the configured path.
pub(crate) fn import_path(vm: &mut Vm) -> Vec<String> {
    let key = vm.intern("sys");
    let mods = vm.modules;
    if let Some(Value::Obj(m)) = vm.dict_get_str(mods, key) {
        if let Obj::Module { dict, .. } = vm.heap.get(m) {
            let d = *dict;
            let pk = vm.intern("path");
            if let Some(list @ Value::Obj(lr)) = vm.dict_get_str(d, pk) {
                if matches!(vm.heap.get(lr), Obj::List(_)) {
                    return vm
                        .list_items(list)
                        .into_iter()
                        .filter_map(|v| vm.str_of(v).map(String::from))
                        .collect();
                }
            }
        }
    }
    vm.config.path.clone()
}

/// `sys.implementation`: an object with `name`, `version` and `_machine`.
fn make_implementation(vm: &mut Vm) -> PyResult<Value> {
    let cls = vm.new_builtin_class("implementation", &[("__repr__", impl_repr)])?;
    let obj = new_instance(vm, cls)?;
    let name = vm.str_val("micropython")?;
    let empty = vm.intern("");
    let version = vm.new_tuple(alloc::vec![
        Value::Int(VERSION.0),
        Value::Int(VERSION.1),
        Value::Int(VERSION.2),
        empty,
    ])?;
    let machine = vm.str_val(&format!("Ferrite on {}", vm.board.platform()))?;
    for (k, v) in [("name", name), ("version", version), ("_machine", machine)] {
        let k = vm.intern(k);
        vm.set_attr_direct(obj, k, v)?;
    }
    Ok(obj)
}

fn impl_repr(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    attrs_repr(vm, a, "", &["name", "version", "_machine"])
}

/// `sys.float_info`: an object with `FLOAT_INFO`'s attributes.
fn make_float_info(vm: &mut Vm) -> PyResult<Value> {
    let cls = vm.new_builtin_class("float_info", &[("__repr__", float_info_repr)])?;
    let obj = new_instance(vm, cls)?;
    for (i, (k, v)) in FLOAT_INFO.into_iter().enumerate() {
        // max, min, epsilon.
        let v = if matches!(i, 0 | 3 | 8) {
            Value::float(v)
        } else {
            Value::Int(v as Small)
        };
        let k = vm.intern(k);
        vm.set_attr_direct(obj, k, v)?;
    }
    Ok(obj)
}

fn float_info_repr(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    attrs_repr(vm, a, "sys.float_info", &FLOAT_INFO.map(|(k, _)| k))
}

/// `prefix(k=v, ...)` over the attributes `keys` of `a[0]`.
fn attrs_repr(vm: &mut Vm, a: &[Value], prefix: &str, keys: &[&str]) -> PyResult<Value> {
    let this = a.first().copied().unwrap_or(Value::None);
    let mut parts = Vec::new();
    for &k in keys {
        let kv = vm.intern(k);
        if let Some(v) = vm.own_attr(this, kv) {
            parts.push(format!("{}={}", k, vm.repr(v)?));
        }
    }
    vm.new_str(format!("{}({})", prefix, parts.join(", ")))
}

fn new_instance(vm: &mut Vm, cls: ObjRef) -> PyResult<Value> {
    vm.alloc(Obj::Instance(Box::new(Instance {
        class: cls,
        dict: Dict::new(),
        base: Value::Undef,
    })))
}

fn stream_fd(vm: &mut Vm, a: &[Value], method: &str) -> PyResult<i64> {
    let this = a.first().copied().unwrap_or(Value::None);
    let k = vm.intern("_fd");
    match vm.own_attr(this, k) {
        Some(Value::Int(fd)) => Ok(wide(fd)),
        _ => {
            let t = vm.type_name(this);
            Err(vm.type_error(format!(
                "descriptor '{}' requires a 'TextIOWrapper' object but received a '{}'",
                method, t
            )))
        }
    }
}

fn unsupported(vm: &mut Vm, what: &str) -> Exc {
    let e = ty::OS_ERROR;
    vm.new_error(e, what)
}

fn io_write(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let fd = stream_fd(vm, a, "write")?;
    if a.len() != 2 {
        return Err(crate::builtins::list_methods::arity_error(
            vm,
            "write",
            crate::builtins::list_methods::Arity::One,
            1,
            a.len().saturating_sub(1),
        ));
    }
    let Some(s) = vm.str_of(a[1]) else {
        return Err(vm.type_error_of("write() argument must be str, not ", a[1], ""));
    };
    let n = s.chars().count() as i64;
    let bytes = s.as_bytes().to_vec();
    match fd {
        1 => vm.board.stdout(&bytes),
        2 => vm.board.stderr(&bytes),
        _ => return Err(unsupported(vm, "not writable")),
    }
    Ok(Value::from_len(n as usize))
}

/// `stdin.readline()`: ask the driver for a line, as `input()` does.
fn io_readline(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    if stream_fd(vm, a, "readline")? != 0 {
        return Err(unsupported(vm, "not readable"));
    }
    vm.input_raw = true;
    vm.request = Some(Request::Input);
    Ok(Value::None)
}

/// `stdin.read([n])`: one line of input (the driver is line-based).
fn io_read(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    if stream_fd(vm, a, "read")? != 0 {
        return Err(unsupported(vm, "not readable"));
    }
    if let Some(&n) = a.get(1) {
        if !n.is_none() {
            vm.index_value(n)?;
        }
    }
    vm.input_raw = true;
    vm.request = Some(Request::Input);
    Ok(Value::None)
}

fn io_flush(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    stream_fd(vm, a, "flush")?;
    Ok(Value::None)
}

fn io_fileno(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(stream_fd(vm, a, "fileno")? as Small))
}

fn io_repr(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let fd = stream_fd(vm, a, "__repr__")?;
    vm.new_str(format!("<io.TextIOWrapper {}>", fd))
}

/// `sys.exit([code])`: raise SystemExit; the driver turns an uncaught one
/// into the process status.
fn sys_exit(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    if a.len() > 1 {
        return Err(crate::builtins::list_methods::arity_error(
            vm,
            "exit",
            crate::builtins::list_methods::Arity::AtMost,
            1,
            a.len(),
        ));
    }
    let se = ty::SYSTEM_EXIT;
    Err(vm.new_exception(se, a))
}

/// `sys.print_exception(exc, file=sys.stdout)`: the traceback text as an
/// uncaught exception would print it.
fn sys_print_exception(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(&exc) = a.first() else {
        return Err(crate::builtins::funcs::missing_arg(
            vm,
            "print_exception",
            "exc",
            "1",
        ));
    };
    let mut file = a.get(1).copied().unwrap_or(Value::None);
    for &(k, v) in kw {
        match vm.str_of(k) {
            Some("file") => file = v,
            _ => {
                let n = String::from(vm.str_of(k).unwrap_or(""));
                return Err(vm.type_error(format!(
                    "print_exception() got an unexpected keyword argument '{}'",
                    n
                )));
            }
        }
    }
    let be = ty::BASE_EXCEPTION;
    let e = match vm.as_exc(exc) {
        Some(e) if vm.isinstance_class(Value::Obj(e), be) => e,
        _ => {
            return Err(vm.type_error_of(
                "print_exception() argument must be an exception, not ",
                exc,
                "",
            ));
        }
    };
    let text = vm.format_exception(e);
    if file.is_none() {
        vm.write_out(text.as_bytes());
        return Ok(Value::None);
    }
    let w = vm.intern("write");
    let (f, this) = vm.load_method(file, w)?;
    let s = vm.new_str(text)?;
    if this.is_undef() {
        vm.call_sync(f, &[s])?;
    } else {
        vm.call_sync(f, &[this, s])?;
    }
    Ok(Value::None)
}

/// `sys.exc_info()`: (type, value, None) of the exception being handled.
fn sys_exc_info(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    match vm.handling.last().copied() {
        Some(e) if !e.is_none() => {
            let cls = Value::Obj(vm.class_of(e));
            vm.new_tuple(alloc::vec![cls, e, Value::None])
        }
        _ => vm.new_tuple(alloc::vec![Value::None, Value::None, Value::None]),
    }
}

fn sys_getrecursionlimit(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::from_len(vm.config.recursion_limit))
}

fn sys_setrecursionlimit(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let Some(&v) = a.first() else {
        return Err(vm.type_err("setrecursionlimit() takes exactly one argument (0 given)"));
    };
    if let Value::Float(_) = v {
        return Err(vm.type_err("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_value(v)?;
    if n < 1 {
        return Err(vm.value_err("recursion limit must be greater or equal than 1"));
    }
    vm.config.recursion_limit = n as usize;
    Ok(Value::None)
}
