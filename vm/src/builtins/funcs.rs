//! Builtin functions and the constructors of the builtin types.

use crate::at::At;
use crate::types::ty;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::list_methods::{arity_error, Arity};
use super::{arg, rest};
use crate::heap::ObjRef;
use crate::interp::Cont;
use crate::natives::Method;
use crate::objects::iter::IterState;
use crate::objects::{BigInt, Obj};
use crate::value::{wide, Small, Value};
use crate::vm::{PyResult, Request, Vm};

type Kw<'a> = &'a [(Value, Value)];

fn kwarg(vm: &Vm, kw: Kw, name: &str) -> Option<Value> {
    kw.iter()
        .find(|(k, _)| vm.str_of(*k) == Some(name))
        .map(|(_, v)| *v)
}

/// `<func>() missing required argument '<name>' (pos <pos>)`, Argument
/// Clinic's wording: one text for the natives with named parameters.
#[inline(never)]
pub(crate) fn missing_arg(vm: &mut Vm, func: &str, name: &str, pos: &str) -> crate::exc::Exc {
    let parts = [
        func,
        "() missing required argument '",
        name,
        "' (pos ",
        pos,
        ")",
    ];
    vm.type_error(super::repr::cat(&parts))
}

fn nargs(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if min == 1 && max == 1 && args.len() != 1 {
        return Err(arity_error(vm, name, Arity::One, 1, args.len()));
    }
    super::list_methods::arg_range(vm, name, args.len(), min, max)
}

fn b_print(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let text = |vm: &mut Vm, k: &str, default: &str, err: &str| match kwarg(vm, kw, k) {
        Some(Value::None) | None => Ok(String::from(default)),
        Some(v) => match vm.str_of(v) {
            Some(s) => Ok(String::from(s)),
            None => Err(vm.type_error_of(err, v, "")),
        },
    };
    let sep = text(vm, "sep", " ", "sep must be None or a string, not ")?;
    let end = text(vm, "end", "\n", "end must be None or a string, not ")?;
    let mut out = String::new();
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_sync(a)?);
    }
    out.push_str(&end);
    let file = kwarg(vm, kw, "file").unwrap_or(Value::None);
    if !file.is_none() {
        let w = vm.intern("write");
        let (f, this) = vm.load_method(file, w)?;
        let s = vm.new_str(out)?;
        if this.is_undef() {
            vm.call_sync(f, &[s])?;
        } else {
            vm.call_sync(f, &[this, s])?;
        }
        return Ok(Value::None);
    }
    vm.write_out(out.as_bytes());
    Ok(Value::None)
}

fn b_len(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "len", args, 1, 1)?;
    let v = arg(args, 0);
    if let Value::Obj(r) = v {
        if matches!(vm.heap.get(r), Obj::Instance(_)) {
            if let Some(r) = vm.call_user_special(v, "__len__", None)? {
                let n = vm.index_value(r)?;
                if n < 0 {
                    return Err(vm.value_err("__len__() should return >= 0"));
                }
                return vm.new_int(n);
            }
        }
    }
    if let Value::Obj(r) = v {
        if let Obj::Range { start, stop, step } = *vm.heap.get(r) {
            // A range may hold more items than a length can say (a wrapped,
            // negative i64 here), or than the board's usize can.
            let n = super::range_len(start, stop, step);
            if n < 0 || n as u64 > isize::MAX as u64 {
                return Err(vm.ssize_overflow());
            }
        }
    }
    match vm.seq_len(v) {
        // (A range's length may pass a board's 32-bit small ints.)
        Some(n) => vm.new_int(n as i64),
        None => Err(vm.type_error_of("object of type '", v, "' has no len()")),
    }
}

fn b_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "repr", args, 1, 1)?;
    let s = vm.repr(arg(args, 0))?;
    vm.new_str(s)
}

/// `ascii(x)`: `repr(x)` with non-ASCII characters escaped (CPython's; not
/// in MicroPython, and a few bytes next to `%a`'s escaping).
fn b_ascii(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "ascii", args, 1, 1)?;
    let s = vm.repr(arg(args, 0))?;
    vm.new_str(super::strformat::ascii_escape(&s))
}

fn b_isinstance(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "isinstance", args, 2, 2)?;
    let r = class_check(vm, arg(args, 0), arg(args, 1), true)?;
    Ok(Value::from_bool(r))
}

fn b_issubclass(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "issubclass", args, 2, 2)?;
    if !matches!(arg(args, 0), Value::Obj(r) if matches!(vm.heap.get(r), Obj::Class(_))) {
        return Err(vm.type_err("issubclass() arg 1 must be a class"));
    }
    let r = class_check(vm, arg(args, 0), arg(args, 1), false)?;
    Ok(Value::from_bool(r))
}

fn class_check(vm: &mut Vm, v: Value, cls: Value, inst: bool) -> PyResult<bool> {
    if let Value::Obj(c) = cls {
        match vm.heap.get(c) {
            Obj::Class(_) => {
                return Ok(if inst {
                    vm.isinstance_class(v, c)
                } else {
                    match v {
                        Value::Obj(vc) => vm.is_subclass(vc, c),
                        _ => false,
                    }
                })
            }
            Obj::Tuple(t) => {
                let items = t.to_vec();
                for it in items {
                    if class_check(vm, v, it, inst)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            _ => {}
        }
    }
    Err(vm.type_err(if inst {
        "isinstance() arg 2 must be a type, a tuple of types, or a union"
    } else {
        "issubclass() arg 2 must be a type, a tuple of types, or a union"
    }))
}

fn b_input(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "input", args, 0, 1)?;
    if let Some(&p) = args.first() {
        let s = vm.str_sync(p)?;
        vm.write_out(s.as_bytes());
    }
    vm.request = Some(Request::Input);
    Ok(Value::None)
}

fn b_iter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "iter", args, 1, 2)?;
    if args.len() == 2 {
        if !is_callable(vm, arg(args, 0)) {
            return Err(vm.type_err("iter(v, w): v must be callable"));
        }
        return vm.alloc(Obj::Iter(Box::new(IterState::Call {
            f: arg(args, 0),
            sentinel: arg(args, 1),
        })));
    }
    vm.get_iter(arg(args, 0))
}

fn b_next(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "next", args, 1, 2)?;
    let it = arg(args, 0);
    if let Value::Obj(r) = it {
        if let Obj::Generator(_) = vm.heap.get(r) {
            if args.len() == 2 {
                return match vm.next_sync(it)? {
                    Some(v) => Ok(v),
                    None => Ok(arg(args, 1)),
                };
            }
            vm.request = Some(Request::Resume {
                gen: r,
                value: Value::None,
                throw: false,
                cont: Cont::GenNext,
            });
            return Ok(Value::None);
        }
        if !matches!(vm.heap.get(r), Obj::Iter(_) | Obj::Instance(_)) {
            return Err(vm.type_error_of("'", it, "' object is not an iterator"));
        }
    } else {
        return Err(vm.type_error_of("'", it, "' object is not an iterator"));
    }
    match vm.next_sync(it)? {
        Some(v) => Ok(v),
        None => {
            if args.len() == 2 {
                Ok(arg(args, 1))
            } else {
                Err(vm.new_exception(ty::STOP_ITERATION, &[]))
            }
        }
    }
}

fn b_build_class(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_err("__build_class__: not enough arguments"));
    }
    let body = arg(args, 0);
    let name = arg(args, 1);
    let bases = vm.new_tuple(args.tail(2).to_vec())?;
    vm.temp_roots.push(bases);
    let ns = vm.new_dict();
    vm.temp_roots.pop();
    let ns = ns?;
    // Class keywords (`metaclass=`) are accepted and ignored: only `type` exists.
    let _ = kw;
    let kwd = Value::None;
    vm.pending_locals = ns;
    vm.request = Some(Request::Call {
        f: body,
        args: Vec::new(),
        kw: Vec::new(),
        cont: Cont::ClassBody(alloc::boxed::Box::new(crate::interp::ClassBodyCont {
            name,
            bases,
            ns,
            kw: kwd,
        })),
    });
    Ok(Value::None)
}

fn b_super(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if args.len() == 2 {
        let Value::Obj(c) = arg(args, 0) else {
            return Err(vm.type_err("super() argument 1 must be a type"));
        };
        return vm.new_super(c, arg(args, 1));
    }
    // Zero-argument form: the calling frame's __class__ cell and first argument.
    let Some(f) = vm.frames.last() else {
        return Err(vm.new_error(ty::RUNTIME_ERROR, "super(): no arguments"));
    };
    let code = f.code.clone();
    let base = f.base;
    let cls_idx = code
        .varnames
        .iter()
        .position(|v| vm.str_of(*v) == Some("__class__"));
    let cls = cls_idx
        .map(|i| vm.cell_get(*vm.stack.at(base + i)))
        .unwrap_or(Value::Undef);
    let this = if code.argcount > 0 {
        *vm.stack.at(base)
    } else {
        Value::Undef
    };
    let this = if code.cellvars.first() == Some(&0) {
        vm.cell_get(this)
    } else {
        this
    };
    match (cls, this) {
        (Value::Obj(c), t) if !t.is_undef() => vm.new_super(c, t),
        _ => Err(vm.new_error(ty::RUNTIME_ERROR, "super(): no arguments")),
    }
}

fn b_getattr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "getattr", args, 2, 3)?;
    if vm.str_of(arg(args, 1)).is_none() {
        return Err(vm.type_error_of("attribute name must be string, not '", arg(args, 1), "'"));
    }
    let name = vm.intern(&String::from(vm.str_of(arg(args, 1)).unwrap_or("")));
    // A property getter runs here, so its AttributeError also means "missing".
    let got = match vm.get_attr_opt(arg(args, 0), name) {
        Ok(Some(crate::interp::attr::Got::Call(f, this))) => vm
            .call_sync(f, &[this])
            .map(|v| Some(crate::interp::attr::Got::Value(v))),
        other => other,
    };
    match got {
        Ok(Some(crate::interp::attr::Got::Value(v))) => Ok(v),
        Ok(Some(crate::interp::attr::Got::Call(f, this))) => vm.call_sync(f, &[this]),
        Ok(None) => {
            if args.len() == 3 {
                Ok(arg(args, 2))
            } else {
                Err(vm.attr_error(arg(args, 0), name))
            }
        }
        Err(e) => {
            let ae = ty::ATTRIBUTE_ERROR;
            if args.len() == 3 && vm.exc_is(&e, ae) {
                Ok(arg(args, 2))
            } else {
                Err(e)
            }
        }
    }
}

fn b_hasattr(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    nargs(vm, "hasattr", args, 2, 2)?;
    let marker = Value::Undef;
    let r = b_getattr(vm, &[arg(args, 0), arg(args, 1), marker], kw)?;
    Ok(Value::from_bool(!r.is_undef()))
}

fn b_setattr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "setattr", args, 3, 3)?;
    let name = vm.intern(&String::from(vm.str_of(arg(args, 1)).unwrap_or("")));
    if let Some((f, a)) = vm.set_attr(arg(args, 0), name, arg(args, 2))? {
        vm.call_sync(f, &a)?;
    }
    Ok(Value::None)
}

fn b_delattr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "delattr", args, 2, 2)?;
    let name = vm.intern(&String::from(vm.str_of(arg(args, 1)).unwrap_or("")));
    vm.del_attr(arg(args, 0), name)?;
    Ok(Value::None)
}

fn b_abs(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "abs", args, 1, 1)?;
    let v = vm.num_unwrap(arg(args, 0));
    match v {
        Value::Int(i) if i != Small::MIN => Ok(Value::Int(i.abs())),
        Value::Bool(b) => Ok(Value::Int(b.get() as Small)),
        Value::Float(f) => Ok(Value::float(f.get().abs())),
        _ if vm.as_int_like(v) => {
            let b = vm.to_bigint(v).abs();
            vm.int_from_big(b)
        }
        _ => {
            let n = vm.intern("__abs__");
            if let Some(f) = vm.lookup_special(arg(args, 0), n) {
                return vm.call_sync(f, &[arg(args, 0)]);
            }
            Err(vm.type_error_of("bad operand type for abs(): '", arg(args, 0), "'"))
        }
    }
}

fn b_hash(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "hash", args, 1, 1)?;
    let h = vm.hash(arg(args, 0))?;
    vm.new_int(h)
}

fn b_id(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "id", args, 1, 1)?;
    let id = match arg(args, 0) {
        Value::Obj(r) => r.0 as i64 * 16 + 0x1000,
        Value::Int(i) => wide(i).wrapping_mul(2).wrapping_add(1),
        Value::Native(i) => i as i64 * 8 + 4,
        other => vm.hash(other)? & 0xffff,
    };
    vm.new_int(id)
}

fn b_callable(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "callable", args, 1, 1)?;
    Ok(Value::from_bool(is_callable(vm, arg(args, 0))))
}

fn is_callable(vm: &mut Vm, v: Value) -> bool {
    match v {
        Value::Native(_) => true,
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Func(_) | Obj::Class(_) | Obj::BoundMethod { .. } => true,
            _ => {
                let n = vm.intern("__call__");
                vm.lookup_special(v, n).is_some()
            }
        },
        _ => false,
    }
}

fn b_chr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "chr", args, 1, 1)?;
    let i = vm.index_value(arg(args, 0))?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut b = [0u8; 4];
            let s = String::from(&*c.encode_utf8(&mut b));
            vm.char_str(&s)
        }
        None => Err(vm.value_err("chr() arg not in range(0x110000)")),
    }
}

fn b_ord(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "ord", args, 1, 1)?;
    if let Some(s) = vm.str_of(arg(args, 0)) {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(Value::Int(c as Small)),
            _ => {
                let n = s.chars().count();
                Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    n
                )))
            }
        };
    }
    if let Some(b) = vm.bytes_of(arg(args, 0)) {
        if b.len() == 1 {
            return Ok(Value::Int(Small::from(*b.at(0))));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    Err(vm.type_error_of(
        "ord() expected string of length 1, but ",
        arg(args, 0),
        " found",
    ))
}

fn int_radix(vm: &mut Vm, v: Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let mut u = vm.num_unwrap(v);
    if !vm.as_int_like(u)
        && matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_)))
    {
        // `__index__`, as operator.index: its (possibly big) int result.
        let n = vm.intern_static("__index__");
        if let Some(f) = vm.lookup_special(v, n) {
            let r = vm.call_sync(f, &[v])?;
            u = vm.num_unwrap(r);
        }
    }
    if !vm.as_int_like(u) {
        return Err(vm.type_error_of("'", v, "' object cannot be interpreted as an integer"));
    }
    let b = vm.to_bigint(u);
    let s = b.abs().to_str_radix(radix);
    let out = super::repr::cat(&[if b.is_negative() { "-" } else { "" }, prefix, &s]);
    vm.new_str(out)
}

fn b_bin(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "bin", a, 1, 1)?;
    int_radix(vm, arg(a, 0), 2, "0b")
}
fn b_oct(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "oct", a, 1, 1)?;
    int_radix(vm, arg(a, 0), 8, "0o")
}
fn b_hex(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "hex", a, 1, 1)?;
    int_radix(vm, arg(a, 0), 16, "0x")
}

fn b_format(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "format", a, 1, 2)?;
    let spec = if a.len() == 2 {
        String::from(vm.str_of(arg(a, 1)).unwrap_or(""))
    } else {
        String::new()
    };
    let s = vm.format_spec(arg(a, 0), &spec)?;
    vm.new_str(s)
}

fn b_globals(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Obj(
        vm.frames
            .last()
            .map(|f| f.globals)
            .unwrap_or(vm.main_globals),
    ))
}

fn b_locals(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    // The dict will share the locals' values: none is uniquely owned now.
    if let Some(f) = vm.frames.last_mut() {
        f.owned = 0;
    }
    let Some(f) = vm.frames.last() else {
        return Ok(Value::None);
    };
    if let Value::Obj(_) = f.locals {
        return Ok(f.locals);
    }
    if f.func.is_none() {
        return Ok(Value::Obj(f.globals));
    }
    locals_snapshot(vm)
}

/// A dict of the innermost frame's function locals: `locals()`, and the
/// namespace `eval`/`exec`/`dir` see inside a function.
pub(crate) fn locals_snapshot(vm: &mut Vm) -> PyResult<Value> {
    let Some(f) = vm.frames.last() else {
        return Ok(Value::None);
    };
    let code = f.code.clone();
    let base = f.base;
    let d = vm.new_dict()?;
    super::list_methods::with_roots(vm, &[d], |vm| {
        for (i, &n) in code.varnames.iter().enumerate() {
            let Some(&raw) = vm.stack.get(base + i) else {
                break;
            };
            let mut v = raw;
            if code.cellvars.contains(&(i as u32)) || code.freevars.contains(&(i as u32)) {
                v = vm.cell_get(v);
            }
            if !v.is_undef() && !vm.str_of(n).is_some_and(|s| s.starts_with('.')) {
                vm.dict_set(d, n, v)?;
            }
        }
        Ok(())
    })?;
    Ok(d)
}

fn b_divmod(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    nargs(vm, "divmod", a, 2, 2)?;
    let q = vm.binary_op(
        crate::compile::ast::BinOp::FloorDiv,
        arg(a, 0),
        arg(a, 1),
        false,
    )?;
    vm.temp_roots.push(q);
    let r = vm.binary_op(crate::compile::ast::BinOp::Mod, arg(a, 0), arg(a, 1), false);
    vm.temp_roots.pop();
    let r = r?;
    vm.new_pair(q, r)
}

fn b_pow(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    // Argument Clinic's wording (pow has named parameters base, exp, mod).
    match a.len() {
        0 => return Err(missing_arg(vm, "pow", "base", "1")),
        1 => return Err(missing_arg(vm, "pow", "exp", "2")),
        n if n > 3 => return Err(arity_error(vm, "pow", Arity::AtMostGiven, 3, n)),
        _ => {}
    }
    if a.len() == 3 && !arg(a, 2).is_none() {
        let (x, y, m) = (
            vm.num_unwrap(arg(a, 0)),
            vm.num_unwrap(arg(a, 1)),
            vm.num_unwrap(arg(a, 2)),
        );
        if !(vm.as_int_like(x) && vm.as_int_like(y) && vm.as_int_like(m)) {
            return Err(
                vm.type_err("pow() 3rd argument not allowed unless all arguments are integers")
            );
        }
        let (bx, by, bm) = (vm.to_bigint(x), vm.to_bigint(y), vm.to_bigint(m));
        if bm.is_zero() {
            return Err(vm.value_err("pow() 3rd argument cannot be 0"));
        }
        return match bx.modpow(&by, &bm) {
            Some(r) => vm.int_from_big(r),
            None => Err(vm.value_err("base is not invertible for the given modulus")),
        };
    }
    vm.binary_op(crate::compile::ast::BinOp::Pow, arg(a, 0), arg(a, 1), false)
}

fn b_exit(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let se = ty::SYSTEM_EXIT;
    Err(vm.new_exception(se, a))
}

pub(crate) fn percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    crate::builtins::strformat::percent_format(vm, fmt, args)
}

// ---- constructors (called as ctor(cls, *args)) ----

/// A builtin type called with too many arguments (`arg(a, 0)` is the class):
/// CPython's two wordings, by type.
fn ctor_max(vm: &mut Vm, name: &str, a: &[Value], max: usize) -> PyResult<()> {
    let args = a.get(1..).unwrap_or_default();
    if args.len() > max && matches!(name, "int" | "str" | "bytes") {
        return Err(arity_error(vm, name, Arity::AtMostGiven, max, args.len()));
    }
    nargs(vm, name, args, 0, max)
}

fn c_object(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let Value::Obj(cls) = arg(a, 0) else {
        return Ok(Value::None);
    };
    vm.new_instance_of(cls)
}

fn c_type(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    match a.len() {
        2 => Ok(Value::Obj(vm.class_of(arg(a, 1)))),
        4 => {
            let bases = vm.tuple_items(arg(a, 2));
            let name = arg(a, 1);
            vm.new_user_class(name, &bases, arg(a, 3))
        }
        _ => Err(vm.type_err("type() takes 1 or 3 arguments")),
    }
}

pub(crate) fn parse_int_str(vm: &mut Vm, s: &str, base: i64) -> PyResult<Value> {
    let orig = s;
    let t = s.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    // Either case of digit and prefix letter: no lower-cased copy.
    let mut digits: &str = body;
    // The radix a `0x`/`0o`/`0b` prefix names (0: none); it applies when
    // it agrees with `base`, or with base 0.
    let prefix = match body.as_bytes() {
        [b'0', b'x' | b'X', ..] => 16,
        [b'0', b'o' | b'O', ..] => 8,
        [b'0', b'b' | b'B', ..] => 2,
        _ => 0,
    };
    let had_prefix = prefix != 0 && (base == 0 || base == prefix);
    let radix = match base {
        0 if prefix != 0 => prefix as u32,
        0 => {
            if body.len() > 1
                && body.starts_with('0')
                && body.bytes().any(|c| c != b'0' && c != b'_')
            {
                digits = "!";
            }
            10
        }
        _ => base as u32,
    };
    if had_prefix {
        digits = crate::substr::sub(body, 2..);
    }
    // One `_` may follow a base prefix (`0x_1f`), never start the digits.
    let digits = if had_prefix {
        digits.strip_prefix('_').unwrap_or(digits)
    } else {
        digits
    };
    let ok = !digits.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.as_bytes().windows(2).any(|w| w == b"__")
        && digits
            .bytes()
            .all(|c| c == b'_' || char::from(c).is_digit(radix));
    // All ASCII when `ok`: the digits without their underscores.
    let parsed = if ok {
        let clean: String = digits
            .bytes()
            .filter(|&c| c != b'_')
            .map(char::from)
            .collect();
        BigInt::parse(&clean, radix)
    } else {
        None
    };
    match parsed {
        Some(b) => {
            let b = if neg { b.neg() } else { b };
            vm.int_from_big(b)
        }
        None => {
            let r = crate::builtins::repr::str_repr(orig);
            Err(vm.value_error(format!(
                "invalid literal for int() with base {}: {}",
                base, r
            )))
        }
    }
}

/// The text of a str, or of bytes read as UTF-8 (lossily): what `int()`,
/// `compile()`, `eval()` and `exec()` take as source.
pub(crate) fn str_or_bytes_text(vm: &mut Vm, v: Value) -> Option<String> {
    match vm.str_of(v) {
        Some(s) => Some(String::from(s)),
        None => vm
            .bytes_of(v)
            .map(|b| String::from_utf8_lossy(&b).into_owned()),
    }
}

fn c_int(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    ctor_max(vm, "int", a, 2)?;
    let v = arg(a, 1);
    let base = kwarg(vm, kw, "base").unwrap_or(arg(a, 2));
    if v.is_undef() {
        return Ok(Value::Int(0));
    }
    if !base.is_undef() {
        let b = vm.index_value(base)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_err("int() base must be >= 2 and <= 36, or 0"));
        }
        return match str_or_bytes_text(vm, v) {
            Some(s) => parse_int_str(vm, &s, b),
            None => Err(vm.type_err("int() can't convert non-string with explicit base")),
        };
    }
    let u = vm.num_unwrap(v);
    match u {
        Value::Int(_) => Ok(u),
        Value::Bool(b) => Ok(Value::Int(b.get() as Small)),
        Value::Float(f) => vm.float_to_int(f.get()),
        _ if vm.as_int_like(u) => Ok(u),
        _ => {
            if let Some(s) = str_or_bytes_text(vm, v) {
                return parse_int_str(vm, &s, 10);
            }
            for n in ["__int__", "__index__"] {
                let nn = vm.intern(n);
                if let Some(f) = vm.lookup_special(v, nn) {
                    return vm.call_sync(f, &[v]);
                }
            }
            Err(vm.type_error_of(
                "int() argument must be a string, a bytes-like object or a real number, not '",
                v,
                "'",
            ))
        }
    }
}

fn c_float(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    ctor_max(vm, "float", a, 1)?;
    let v = arg(a, 1);
    if v.is_undef() {
        return Ok(Value::float(0.0));
    }
    let u = vm.num_unwrap(v);
    if let Value::Float(_) = u {
        return Ok(u);
    }
    if vm.as_int_like(u) {
        return match vm.to_bigint(u).to_f64() {
            Some(f) => Ok(Value::float(f)),
            None => Err(vm.new_error(ty::OVERFLOW_ERROR, "int too large to convert to float")),
        };
    }
    // A str, or bytes-like text (reported by its repr).
    if let Some(s) = str_or_bytes_text(vm, v) {
        return match crate::fmt::parse_float(&s) {
            Some(f) => Ok(Value::float(f)),
            None => {
                let r = if vm.str_of(v).is_none() {
                    vm.repr(v)?
                } else {
                    crate::builtins::repr::str_repr(&s)
                };
                Err(vm.value_error(format!("could not convert string to float: {}", r)))
            }
        };
    }
    // __float__ (which must return a float), then __index__.
    if let Some(f) = crate::modules::math::number_to_f64(vm, v)? {
        return Ok(Value::float(f));
    }
    Err(vm.type_error_of(
        "float() argument must be a string or a real number, not '",
        v,
        "'",
    ))
}

fn c_bool(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    ctor_max(vm, "bool", a, 1)?;
    let v = arg(a, 1);
    if v.is_undef() {
        return Ok(Value::from_bool(false));
    }
    Ok(Value::from_bool(vm.truthy(v)?))
}

fn c_str(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    ctor_max(vm, "str", a, 3)?;
    let v = arg(a, 1);
    if v.is_undef() {
        return Ok(vm.intern(""));
    }
    let enc = kwarg(vm, kw, "encoding").unwrap_or(arg(a, 2));
    let errors = kwarg(vm, kw, "errors").unwrap_or(arg(a, 3));
    if !enc.is_undef() || !errors.is_undef() {
        if let Some(b) = vm.bytes_of(v) {
            let enc = crate::builtins::str_methods::codec(vm, enc, "str")?;
            let errors = crate::builtins::str_methods::errors_arg(vm, errors, "str")?;
            let s = crate::builtins::bytes_methods::decode(vm, &b, enc, &errors)?;
            return vm.new_str(s);
        }
    }
    if vm.is_str(v) && !matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_))) {
        return Ok(v);
    }
    let s = vm.str_sync(v)?;
    vm.new_str(s)
}

fn c_list(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    ctor_max(vm, "list", a, 1)?;
    let v = arg(a, 1);
    let items = if v.is_undef() {
        Vec::new()
    } else {
        vm.collect_iterable(v)?
    };
    vm.new_list(items)
}

fn c_tuple(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    ctor_max(vm, "tuple", a, 1)?;
    let v = arg(a, 1);
    if let Value::Obj(r) = v {
        if matches!(vm.heap.get(r), Obj::Tuple(_)) {
            return Ok(v);
        }
    }
    let items = if v.is_undef() {
        Vec::new()
    } else {
        vm.collect_iterable(v)?
    };
    vm.new_tuple(items)
}

fn c_dict(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    ctor_max(vm, "dict", a, 1)?;
    let d = vm.new_dict()?;
    vm.temp_roots.push(d);
    let r = (|| -> PyResult<()> {
        let v = arg(a, 1);
        if !v.is_undef() {
            vm.dict_update_from(d, v, false)?;
        }
        for &(k, val) in kw {
            vm.dict_set(d, k, val)?;
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    r.map(|_| d)
}

fn c_set(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let frozen = matches!(arg(a, 0), Value::Obj(c) if c == ty::FROZENSET);
    ctor_max(vm, if frozen { "frozenset" } else { "set" }, a, 1)?;
    let v = arg(a, 1);
    let items = if v.is_undef() {
        Vec::new()
    } else {
        vm.collect_iterable(v)?
    };
    let s = vm.new_set(frozen)?;
    vm.temp_roots.push(s);
    let mut r = Ok(());
    for it in items {
        if let Err(e) = vm.set_add(s, it) {
            r = Err(e);
            break;
        }
    }
    vm.temp_roots.pop();
    r.map(|_| s)
}

fn c_range(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let args = rest(a, 1);
    if args.is_empty() {
        return Err(vm.type_err("range expected at least 1 argument, got 0"));
    }
    if args.len() > 3 {
        return Err(arity_error(vm, "range", Arity::AtMost, 3, args.len()));
    }
    let mut n = [0i64; 3];
    for (i, &v) in args.iter().enumerate() {
        *n.at_mut(i) = vm.index_word(v)?;
    }
    let (start, stop, step) = match args.len() {
        1 => (0, n[0], 1),
        2 => (n[0], n[1], 1),
        _ => (n[0], n[1], n[2]),
    };
    if step == 0 {
        return Err(vm.value_err("range() arg 3 must not be zero"));
    }
    vm.alloc(Obj::Range { start, stop, step })
}

fn c_slice(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let args = rest(a, 1);
    let (s, e, st) = match args.len() {
        1 => (Value::None, arg(args, 0), Value::None),
        2 => (arg(args, 0), arg(args, 1), Value::None),
        3 => (arg(args, 0), arg(args, 1), arg(args, 2)),
        _ => return Err(vm.type_err("slice expected at least 1 argument, got 0")),
    };
    vm.alloc(Obj::Slice(Box::new([s, e, st])))
}

fn c_bytes(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    ctor_max(vm, "bytes", a, 3)?;
    let is_ba = matches!(arg(a, 0), Value::Obj(c) if c == ty::BYTEARRAY);
    let v = arg(a, 1);
    let data: Vec<u8> = if v.is_undef() {
        Vec::new()
    } else if let Some(s) = vm.str_of(v) {
        if arg(a, 2).is_undef() {
            return Err(vm.type_err("string argument without an encoding"));
        }
        s.as_bytes().to_vec()
    } else if let Value::Int(n) = vm.num_unwrap(v) {
        if n < 0 {
            return Err(vm.value_err("negative count"));
        }
        vm.ensure(n as usize)?;
        alloc::vec![0u8; n as usize]
    } else if let Some(b) = vm.bytes_of(v) {
        b
    } else {
        let items = vm.collect_iterable(v)?;
        let mut out = Vec::new();
        for it in items {
            let b = vm.index_value(it)?;
            if !(0..256).contains(&b) {
                return Err(vm.value_err(if is_ba {
                    "byte must be in range(0, 256)"
                } else {
                    "bytes must be in range(0, 256)"
                }));
            }
            out.push(b as u8);
        }
        out
    };
    vm.alloc(if is_ba {
        Obj::ByteArray(data)
    } else {
        Obj::Bytes(data)
    })
}

fn c_property(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let g = |i: usize, n: &str| {
        kwarg(vm, kw, n).unwrap_or(match arg(a, i) {
            Value::Undef => Value::None,
            v => v,
        })
    };
    let (get, set, del, doc) = (g(1, "fget"), g(2, "fset"), g(3, "fdel"), g(4, "doc"));
    vm.alloc(Obj::Property(Box::new(crate::objects::Property {
        get,
        set,
        del,
        doc,
    })))
}

fn c_classmethod(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    vm.alloc(Obj::ClassMethod(arg(a, 1)))
}

fn c_staticmethod(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    vm.alloc(Obj::StaticMethod(arg(a, 1)))
}

fn c_super(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    b_super(vm, rest(a, 1), kw)
}

fn c_memoryview(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let v = arg(a, 1);
    let len = match vm.bytes_of(v) {
        Some(b) => b.len(),
        None => {
            return Err(vm.type_error_of(
                "memoryview: a bytes-like object is required, not '",
                v,
                "'",
            ));
        }
    };
    vm.alloc(Obj::MemoryView {
        obj: v,
        start: 0,
        len,
    })
}

fn c_exception(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let Value::Obj(cls) = arg(a, 0) else {
        return Ok(Value::None);
    };
    // Returned, not raised: `Exception(...)` makes an instance.
    Ok(Value::Obj(vm.new_exception_obj(cls, rest(a, 1))?))
}

/// `BaseException.__init__(self, *args)`: sets args.
fn m_exc_init(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    if let Value::Obj(r) = arg(a, 0) {
        let t = vm.new_tuple(a.tail(1).to_vec())?;
        if let Obj::Exception(e) = vm.heap.get_mut(r) {
            e.args = t;
        }
    }
    Ok(Value::None)
}

fn m_object_init(_vm: &mut Vm, _a: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::None)
}

fn m_object_new(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let Value::Obj(cls) = arg(a, 0) else {
        let v = arg(a, 0);
        return Err(vm.type_error_of("object.__new__(X): X is not a type object (", v, ")"));
    };
    if vm.is_builtin_class(cls) && cls != ty::OBJECT {
        let ctor = vm.constructor_for(cls);
        return vm.call_sync(ctor, a);
    }
    // A subclass of a builtin: build the base value from the arguments.
    let bb = vm.builtin_base(cls);
    if bb != ty::OBJECT {
        let ctor = vm.constructor_for(bb);
        let mut args = alloc::vec![Value::Obj(bb)];
        args.extend_from_slice(rest(a, 1));
        let base = vm.call_sync(ctor, &args)?;
        if let Value::Obj(br) = base {
            if let Obj::Exception(_) = vm.heap.get(br) {
                if let Obj::Exception(e) = vm.heap.get_mut(br) {
                    e.class = cls;
                }
                return Ok(base);
            }
        }
        vm.temp_roots.push(base);
        let r = vm.alloc(Obj::Instance(Box::new(crate::objects::Instance {
            class: cls,
            dict: crate::objects::Dict::new(),
            base,
        })));
        vm.temp_roots.pop();
        return r;
    }
    vm.new_instance_of(cls)
}

fn m_object_setattr(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    if a.len() != 3 {
        return Err(vm.type_err("expected 3 arguments"));
    }
    let name = vm.intern(&String::from(vm.str_of(arg(a, 1)).unwrap_or("")));
    vm.set_attr_direct(arg(a, 0), name, arg(a, 2))?;
    Ok(Value::None)
}

fn m_object_eq(_vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    Ok(if arg(a, 0).is(arg(a, 1)) {
        Value::from_bool(true)
    } else {
        Value::NotImplemented
    })
}

fn m_object_repr(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let v = arg(a, 0);
    let s = match v {
        Value::Obj(r) => super::repr::at_addr("", &vm.type_name(v), " object", r),
        _ => vm.repr(v)?,
    };
    vm.new_str(s)
}

fn m_object_str(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let s = vm.str_sync(arg(a, 0))?;
    vm.new_str(s)
}

fn m_object_hash(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let h = match arg(a, 0) {
        Value::Obj(r) => r.0 as i64 * 16 + 7,
        v => vm.hash(v)?,
    };
    vm.new_int(h)
}

impl Vm {
    /// The native constructor of a builtin class, called as `ctor(cls, *args)`.
    pub(crate) fn constructor_for(&mut self, cls: ObjRef) -> Value {
        let n = self.intern_static("__ctor__");
        self.class_lookup(cls, n).unwrap_or(Value::None)
    }
}

const BUILTINS: &[Method] = &[
    ("print", b_print),
    ("len", b_len),
    ("repr", b_repr),
    ("ascii", b_ascii),
    ("isinstance", b_isinstance),
    ("issubclass", b_issubclass),
    ("input", b_input),
    ("iter", b_iter),
    ("next", b_next),
    ("getattr", b_getattr),
    ("hasattr", b_hasattr),
    ("setattr", b_setattr),
    ("delattr", b_delattr),
    ("abs", b_abs),
    ("hash", b_hash),
    ("id", b_id),
    ("callable", b_callable),
    ("chr", b_chr),
    ("ord", b_ord),
    ("bin", b_bin),
    ("oct", b_oct),
    ("hex", b_hex),
    ("format", b_format),
    ("globals", b_globals),
    ("locals", b_locals),
    ("divmod", b_divmod),
    ("pow", b_pow),
    ("exit", b_exit),
];

pub fn register(vm: &mut Vm) {
    vm.add_builtins(BUILTINS);
    vm.build_class_native = vm.register_native("__build_class__", b_build_class);
    let ctors: Vec<(ObjRef, crate::natives::NativeFn)> = alloc::vec![
        (ty::OBJECT, c_object as crate::natives::NativeFn),
        (ty::TYPE, c_type),
        (ty::INT, c_int),
        (ty::BOOL, c_bool),
        (ty::FLOAT, c_float),
        (ty::STR, c_str),
        (ty::LIST, c_list),
        (ty::TUPLE, c_tuple),
        (ty::DICT, c_dict),
        (ty::SET, c_set),
        (ty::FROZENSET, c_set),
        (ty::RANGE, c_range),
        (ty::SLICE, c_slice),
        (ty::BYTES, c_bytes),
        (ty::BYTEARRAY, c_bytes),
        (ty::PROPERTY, c_property),
        (ty::CLASSMETHOD, c_classmethod),
        (ty::STATICMETHOD, c_staticmethod),
        (ty::SUPER, c_super),
        (ty::MEMORYVIEW, c_memoryview),
        (ty::BASE_EXCEPTION, c_exception),
    ];
    for (cls, f) in ctors {
        let v = vm.register_native("__ctor__", f);
        vm.class_set(cls, "__ctor__", v);
    }
    let obj = ty::OBJECT;
    vm.add_methods(
        obj,
        &[
            ("__init__", m_object_init),
            ("__new__", m_object_new),
            ("__setattr__", m_object_setattr),
            ("__eq__", m_object_eq),
            ("__repr__", m_object_repr),
            ("__str__", m_object_str),
            ("__hash__", m_object_hash),
        ],
    );
    let be = ty::BASE_EXCEPTION;
    vm.add_methods(be, &[("__init__", m_exc_init)]);
    crate::builtins::methods::register(vm);
}
