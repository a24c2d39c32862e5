//! Builtin functions over iterables and code: `all`, `any`, `enumerate`,
//! `filter`, `map`, `max`, `min`, `reversed`, `round`, `sorted`, `sum`,
//! `zip`, `__import__`, `eval`, `exec`, `compile`, `dir`.
//!
//! `map`/`zip`/`enumerate` over builtin iterators with native functions use
//! the native iterator states; otherwise they are Python generators from the
//! prelude, so that the Python code they call can suspend. Reductions
//! (`sum`, `min`, `sorted`, ...) run to completion with nested calls.

use super::repr::{cat, int_str};
use crate::at::At;
use crate::types::ty;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::list_methods::{
    arity_error, check_kw, kwarg, pos_or_kw, sort_list, with_roots, Arity, Kw,
};
use super::{arg, rest};
use crate::compile::ast::{BinOp, CmpOp};
use crate::objects::iter::{DictPart, IterState};
use crate::objects::{BigInt, Obj};
use crate::value::{wide, Small, Value};
use crate::vm::{PyResult, Vm};

/// Call `f` on each item of `iterable` until it returns Ok(true); each item
/// is rooted while `f` runs. Returns whether `f` stopped the loop. `f` is
/// a `dyn`: one copy of the loop for its callers, not one per closure.
pub(crate) fn for_each(
    vm: &mut Vm,
    iterable: Value,
    f: &mut dyn FnMut(&mut Vm, Value) -> PyResult<bool>,
) -> PyResult<bool> {
    if let Value::Obj(r) = iterable {
        if matches!(vm.heap.get(r), Obj::List(_) | Obj::Tuple(_)) {
            // By index, re-reading: the list may change under Python code.
            let mut i = 0;
            loop {
                let x = match vm.heap.get(r) {
                    Obj::List(l) => l.get(i).copied(),
                    Obj::Tuple(t) => t.get(i).copied(),
                    _ => None,
                };
                let Some(x) = x else { return Ok(false) };
                vm.temp_roots.push(x);
                let stop = f(vm, x);
                vm.temp_roots.pop();
                if stop? {
                    return Ok(true);
                }
                i += 1;
            }
        }
    }
    let it = vm.get_iter(iterable)?;
    with_roots(vm, &[it], |vm| loop {
        let Some(x) = vm.next_sync(it)? else {
            return Ok(false);
        };
        vm.temp_roots.push(x);
        let stop = f(vm, x);
        vm.temp_roots.pop();
        if stop? {
            return Ok(true);
        }
    })
}

fn exactly_one(vm: &mut Vm, a: &[Value], kw: Kw, name: &str) -> PyResult<Value> {
    check_kw(vm, kw, name, &[])?;
    if a.len() != 1 {
        return Err(arity_error(vm, name, Arity::One, 1, a.len()));
    }
    Ok(arg(a, 0))
}

fn b_all(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_any(vm, a, kw, "all", false)
}

fn b_any(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_any(vm, a, kw, "any", true)
}

/// `any` stops at the first true item and `all` at the first false one;
/// stopping is the answer for `any` and its negation for `all`.
fn all_any(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, any: bool) -> PyResult<Value> {
    let x = exactly_one(vm, a, kw, name)?;
    let stopped = for_each(vm, x, &mut |vm, v| Ok(vm.truthy(v)? == any))?;
    Ok(Value::from_bool(stopped == any))
}

// ---- sum, min, max, sorted ----

fn b_sum(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_kw(vm, kw, "sum", &["start"])?;
    if a.is_empty() {
        return Err(vm.type_err("sum() takes at least 1 positional argument (0 given)"));
    }
    if a.len() > 2 {
        return Err(arity_error(vm, "sum", Arity::AtMostGiven, 2, a.len()));
    }
    let start = pos_or_kw(vm, a, kw, 1, "start").unwrap_or(Value::Int(0));
    if let Value::Obj(r) = start {
        let what = match vm.heap.get(vm.dict_table_ref(r)) {
            Obj::Str(_) => Some("sum() can't sum strings [use ''.join(seq) instead]"),
            Obj::Bytes(_) => Some("sum() can't sum bytes [use b''.join(seq) instead]"),
            Obj::ByteArray(_) => Some("sum() can't sum bytearray [use b''.join(seq) instead]"),
            _ => None,
        };
        if let Some(w) = what {
            return Err(vm.type_err(w));
        }
    }
    // The running total lives in a temp-root slot: it may be a fresh object.
    let slot = vm.temp_roots.len();
    vm.temp_roots.push(start);
    let r = for_each(vm, arg(a, 0), &mut |vm, x| {
        let acc = *vm.temp_roots.at(slot);
        // Plain float addition, as CPython 3.11 does.
        let next = match (acc, x) {
            (Value::Int(p), Value::Int(q)) => match p.checked_add(q) {
                Some(s) => Value::Int(s),
                None => vm.binary_op(BinOp::Add, acc, x, false)?,
            },
            (Value::Float(p), Value::Float(q)) => Value::float(p.get() + q.get()),
            (Value::Float(p), Value::Int(q)) => Value::float(p.get() + q as f64),
            (Value::Int(p), Value::Float(q)) => Value::float(p as f64 + q.get()),
            _ => vm.binary_op(BinOp::Add, acc, x, false)?,
        };
        *vm.temp_roots.at_mut(slot) = next;
        Ok(false)
    });
    let total = *vm.temp_roots.at(slot);
    vm.temp_roots.truncate(slot);
    r?;
    Ok(total)
}

fn min_max(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, op: CmpOp) -> PyResult<Value> {
    check_kw(vm, kw, name, &["key", "default"])?;
    if a.is_empty() {
        return Err(arity_error(vm, name, Arity::AtLeast, 1, 0));
    }
    let key = kwarg(vm, kw, "key").filter(|k| !k.is_none());
    let default = kwarg(vm, kw, "default");
    if a.len() > 1 && default.is_some() {
        return Err(vm.type_error(alloc::format!(
            "Cannot specify a default for {}() with multiple positional arguments",
            name
        )));
    }
    // Slots: best item, its key; Undef while empty.
    let slot = vm.temp_roots.len();
    vm.temp_roots.push(Value::Undef);
    vm.temp_roots.push(Value::Undef);
    let mut step = |vm: &mut Vm, x: Value| -> PyResult<bool> {
        let k = match key {
            Some(f) => vm.call_sync(f, &[x])?,
            None => x,
        };
        let best_k = *vm.temp_roots.at(slot + 1);
        let better = if best_k.is_undef() {
            true
        } else {
            vm.temp_roots.push(k);
            let c = vm.compare_op(op, k, best_k);
            let r = match c {
                Ok(c) => {
                    vm.temp_roots.push(c);
                    let t = vm.truthy(c);
                    vm.temp_roots.pop();
                    t
                }
                Err(e) => Err(e),
            };
            vm.temp_roots.pop();
            r?
        };
        if better {
            *vm.temp_roots.at_mut(slot) = x;
            *vm.temp_roots.at_mut(slot + 1) = k;
        }
        Ok(false)
    };
    let r = if a.len() == 1 {
        for_each(vm, arg(a, 0), &mut step).map(|_| ())
    } else {
        // The arguments are rooted by the caller.
        let mut res = Ok(());
        for &x in a {
            if let Err(e) = step(vm, x) {
                res = Err(e);
                break;
            }
        }
        res
    };
    let best = *vm.temp_roots.at(slot);
    vm.temp_roots.truncate(slot);
    r?;
    if best.is_undef() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(alloc::format!("{}() arg is an empty sequence", name))),
        };
    }
    Ok(best)
}

fn b_max(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    min_max(vm, a, kw, "max", CmpOp::Gt)
}

fn b_min(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    min_max(vm, a, kw, "min", CmpOp::Lt)
}

fn b_sorted(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    if a.len() != 1 {
        return Err(arity_error(vm, "sorted", Arity::Exactly, 1, a.len()));
    }
    check_kw(vm, kw, "sort", &["key", "reverse"])?;
    let items = vm.collect_iterable(arg(a, 0))?;
    // Items from a generator are held only here until the list exists.
    let l = with_roots(vm, &items, |vm| vm.new_list(items.clone()))?;
    let key = kwarg(vm, kw, "key").unwrap_or(Value::None);
    let reverse = match kwarg(vm, kw, "reverse") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let Value::Obj(r) = l else { return Ok(l) };
    with_roots(vm, &[l], |vm| sort_list(vm, r, key, reverse))?;
    Ok(l)
}

// ---- iterator builders ----

fn is_native_iter(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Iter(_)))
}

fn new_iter(vm: &mut Vm, st: IterState) -> PyResult<Value> {
    vm.alloc(Obj::Iter(Box::new(st)))
}

/// Iterators of `items`, rooted on `temp_roots` from `mark` (the caller
/// truncates).
fn iters_of(vm: &mut Vm, items: &[Value]) -> PyResult<Vec<Value>> {
    let mut its = Vec::with_capacity(items.len());
    for &x in items {
        let it = vm.get_iter(x)?;
        vm.temp_roots.push(it);
        its.push(it);
    }
    Ok(its)
}

fn b_enumerate(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_kw(vm, kw, "enumerate", &["iterable", "start"])?;
    if a.len() > 2 {
        return Err(arity_error(vm, "enumerate", Arity::AtMostGiven, 2, a.len()));
    }
    let Some(x) = pos_or_kw(vm, a, kw, 0, "iterable") else {
        return Err(vm.type_err("enumerate() missing required argument 'iterable'"));
    };
    let start = pos_or_kw(vm, a, kw, 1, "start").unwrap_or(Value::Int(0));
    let su = vm.num_unwrap(start);
    if !vm.as_int_like(su) {
        return Err(vm.type_error_of("'", start, "' object cannot be interpreted as an integer"));
    }
    let it = vm.get_iter(x)?;
    with_roots(vm, &[it], |vm| {
        let small = match su {
            Value::Int(i) if wide(i).unsigned_abs() < 1 << 62 => Some(wide(i)),
            Value::Bool(b) => Some(b.get() as i64),
            _ => None,
        };
        match small {
            Some(count) if is_native_iter(vm, it) => {
                new_iter(vm, IterState::Enumerate { it, count })
            }
            _ => {
                let g = vm.prelude_fn("_enumerate")?;
                vm.call_sync(g, &[it, su])
            }
        }
    })
}

fn b_zip(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_kw(vm, kw, "zip", &["strict"])?;
    let strict = match kwarg(vm, kw, "strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if a.is_empty() {
        return new_iter(vm, IterState::Done);
    }
    let mark = vm.temp_roots.len();
    let r = (|| {
        let its = iters_of(vm, a)?;
        if !strict && its.iter().all(|&i| is_native_iter(vm, i)) {
            return new_iter(vm, IterState::Zip { its });
        }
        let g = vm.prelude_fn(if strict { "_zip_strict" } else { "_zip" })?;
        vm.call_sync(g, &its)
    })();
    vm.temp_roots.truncate(mark);
    r
}

fn b_map(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_kw(vm, kw, "map", &[])?;
    if a.len() < 2 {
        return Err(vm.type_err("map() must have at least two arguments."));
    }
    let f = arg(a, 0);
    let mark = vm.temp_roots.len();
    let r = (|| {
        let its = iters_of(vm, rest(a, 1))?;
        if matches!(f, Value::Native(_)) && its.iter().all(|&i| is_native_iter(vm, i)) {
            return new_iter(vm, IterState::Map { f, its });
        }
        let g = vm.prelude_fn("_map")?;
        let mut args = alloc::vec![f];
        args.extend_from_slice(&its);
        vm.call_sync(g, &args)
    })();
    vm.temp_roots.truncate(mark);
    r
}

fn b_filter(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_kw(vm, kw, "filter", &[])?;
    if a.len() != 2 {
        return Err(arity_error(vm, "filter", Arity::Exactly, 2, a.len()));
    }
    let it = vm.get_iter(arg(a, 1))?;
    with_roots(vm, &[it], |vm| {
        let g = vm.prelude_fn("_filter")?;
        vm.call_sync(g, &[arg(a, 0), it])
    })
}

fn b_reversed(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_kw(vm, kw, "reversed", &[])?;
    if a.len() != 1 {
        return Err(arity_error(vm, "reversed", Arity::Exactly, 1, a.len()));
    }
    reversed_of(vm, arg(a, 0))
}

fn reversed_of(vm: &mut Vm, seq: Value) -> PyResult<Value> {
    let not_reversible =
        |vm: &mut Vm| Err(vm.type_error_of("'", seq, "' object is not reversible"));
    let Value::Obj(r) = seq else {
        return not_reversible(vm);
    };
    match vm.heap.get(r) {
        Obj::List(_)
        | Obj::Tuple(_)
        | Obj::Str(_)
        | Obj::Range { .. }
        | Obj::Bytes(_)
        | Obj::ByteArray(_) => {
            let n = vm.seq_len(seq).unwrap_or(0);
            new_iter(vm, IterState::Reversed { seq, idx: n })
        }
        Obj::Dict(_) | Obj::DictView { .. } => {
            // A snapshot in reverse insertion order.
            let (t, part) = match vm.heap.get(r) {
                Obj::DictView { d, part } => (vm.dict_table_ref(*d), *part),
                _ => (r, DictPart::Keys),
            };
            let mut items = super::dict_methods::view_values(vm, t, part)?;
            items.reverse();
            let l = vm.new_list(items)?;
            vm.get_iter(l)
        }
        Obj::Instance(i) => {
            let base = i.base;
            if let Some(r) = vm.call_user_special(seq, "__reversed__", None)? {
                return Ok(r);
            }
            let ln = vm.intern("__len__");
            let gi = vm.intern("__getitem__");
            let len_f = vm.lookup_special(seq, ln);
            let has_getitem =
                matches!(vm.lookup_special(seq, gi), Some(f) if !matches!(f, Value::Native(_)));
            if has_getitem && base.is_undef() {
                let Some(lf) = len_f.filter(|f| !matches!(f, Value::Native(_))) else {
                    return Err(vm.type_error_of("object of type '", seq, "' has no len()"));
                };
                // Before the call: loading the prelude may collect, and
                // `n` is held only here.
                let g = vm.prelude_fn("_reversed_seq")?;
                let n = vm.call_sync(lf, &[seq])?;
                return with_roots(vm, &[n], |vm| vm.call_sync(g, &[seq, n]));
            }
            if !base.is_undef() {
                return reversed_of(vm, base);
            }
            not_reversible(vm)
        }
        _ => not_reversible(vm),
    }
}

// ---- round ----

fn b_round(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_kw(vm, kw, "round", &["number", "ndigits"])?;
    if a.len() > 2 {
        return Err(arity_error(vm, "round", Arity::AtMostGiven, 2, a.len()));
    }
    let Some(x) = pos_or_kw(vm, a, kw, 0, "number") else {
        return Err(super::funcs::missing_arg(vm, "round", "number", "1"));
    };
    let nd = pos_or_kw(vm, a, kw, 1, "ndigits").filter(|v| !v.is_none());
    let u = vm.num_unwrap(x);
    if let Value::Float(f) = u {
        return match nd {
            None => vm.float_to_int(libm::rint(f.get())),
            Some(n) => {
                let n = ndigits(vm, n)?;
                round_float(vm, f.get(), n).map(Value::float)
            }
        };
    }
    if vm.as_int_like(u) {
        let u = match u {
            Value::Bool(b) => Value::Int(b.get() as Small),
            o => o,
        };
        return match nd {
            None => Ok(u),
            Some(n) => {
                let n = ndigits(vm, n)?;
                if n >= 0 {
                    Ok(u)
                } else {
                    round_int(vm, u, n.unsigned_abs())
                }
            }
        };
    }
    if let Some(r) = vm.call_user_special(x, "__round__", nd)? {
        return Ok(r);
    }
    Err(vm.type_error_of("type ", x, " doesn't define __round__ method"))
}

/// `ndigits` as an i64 (huge values saturate, which rounds the same way).
fn ndigits(vm: &mut Vm, v: Value) -> PyResult<i64> {
    vm.index_value(v)
}

/// `round(x, n)` for a float: correctly rounded (half-even on the exact
/// binary value, like CPython's dtoa): round(|x| * 10**n) exactly, then
/// parsed back as that integer times 10**-n.
fn round_float(vm: &mut Vm, x: f64, n: i64) -> PyResult<f64> {
    // CPython's bounds: beyond them the result is x, or a signed zero.
    if !x.is_finite() || x == 0.0 || n > 323 {
        return Ok(x);
    }
    if n < -308 {
        return Ok(0.0 * x);
    }
    let q = crate::dtoa::scaled(x.abs(), n);
    if q.is_zero() {
        return Ok(0.0 * x);
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let s = cat(&[sign, &q.to_str_radix(10), "e", &int_str(-n)]);
    let r = crate::strtod::parse_float_text(&s).unwrap_or(x);
    if r.is_infinite() {
        return Err(vm.new_error(ty::OVERFLOW_ERROR, "rounded value too large to represent"));
    }
    Ok(r)
}

/// `round(i, -k)`: to a multiple of 10**k, ties to even.
fn round_int(vm: &mut Vm, v: Value, k: u64) -> PyResult<Value> {
    let b = vm.to_bigint(v);
    // More digits than the number has: the result is 0 (|v| < 10**k / 2).
    let digits = b.bit_length() * 3 / 10 + 2;
    if k > digits {
        return Ok(Value::Int(0));
    }
    let p = BigInt::from_u64(10).pow(k);
    vm.int_from_big(crate::dtoa::div_round_even(&b, &p).mul(&p))
}

// ---- code: eval, exec, compile, __import__ ----

/// The source or code object of `eval`/`exec`.
fn code_arg(
    vm: &mut Vm,
    v: Value,
    func: &str,
    mode: crate::compile::Mode,
) -> PyResult<alloc::rc::Rc<crate::bytecode::Code>> {
    if let Value::Obj(r) = v {
        if let Obj::Code(c) = vm.heap.get(r) {
            return Ok(c.clone());
        }
    }
    let Some(src) = super::funcs::str_or_bytes_text(vm, v) else {
        let post = "() arg 1 must be a string, bytes or code object";
        return Err(vm.type_error(cat(&[func, post])));
    };
    let src = if mode == crate::compile::Mode::Eval {
        String::from(src.trim_start_matches([' ', '\t']))
    } else {
        src
    };
    crate::compile::compile(vm, &src, "<string>", mode)
}

/// The namespaces of `eval`/`exec`: explicit dicts, or the caller's.
fn namespaces(vm: &mut Vm, g: Value, l: Value) -> PyResult<(crate::heap::ObjRef, Value)> {
    let g = if g.is_undef() { Value::None } else { g };
    let l = if l.is_undef() { Value::None } else { l };
    if !g.is_none() {
        let Value::Obj(gr) = g else {
            return Err(vm.type_err("globals must be a dict"));
        };
        if !matches!(vm.heap.get(gr), Obj::Dict(_)) {
            return Err(vm.type_err("globals must be a dict"));
        }
        let l = if l.is_none() || l.is(g) {
            Value::Undef
        } else {
            l
        };
        return Ok((gr, l));
    }
    let Some(f) = vm.frames.last() else {
        return Ok((vm.main_globals, Value::Undef));
    };
    let globals = f.globals;
    if !l.is_none() {
        return Ok((globals, l));
    }
    if let Value::Obj(_) = f.locals {
        return Ok((globals, f.locals));
    }
    if f.func.is_none() || f.func.is_undef() {
        return Ok((globals, Value::Undef));
    }
    // Inside a function: a snapshot of its locals, like `locals()`.
    let d = super::funcs::locals_snapshot(vm)?;
    Ok((globals, d))
}

fn eval_exec(vm: &mut Vm, a: &[Value], kw: Kw, func: &str) -> PyResult<Value> {
    check_kw(vm, kw, func, &["globals", "locals"])?;
    if a.is_empty() || a.len() > 3 {
        return Err(if a.is_empty() {
            arity_error(vm, func, Arity::AtLeast, 1, 0)
        } else {
            arity_error(vm, func, Arity::AtMost, 3, a.len())
        });
    }
    let g = pos_or_kw(vm, a, kw, 1, "globals").unwrap_or(Value::None);
    let l = pos_or_kw(vm, a, kw, 2, "locals").unwrap_or(Value::None);
    let is_eval = func == "eval";
    let mode = if is_eval {
        crate::compile::Mode::Eval
    } else {
        crate::compile::Mode::Exec
    };
    let (globals, locals) = namespaces(vm, g, l)?;
    with_roots(vm, &[Value::Obj(globals), locals], |vm| {
        let code = code_arg(vm, arg(a, 0), func, mode)?;
        // Run to completion here, so eval/exec also work when called from
        // native code (map, sorted keys, ...).
        let r = vm.run_code_sync(code, globals, locals)?;
        Ok(if is_eval { r } else { Value::None })
    })
}

fn b_eval(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    eval_exec(vm, a, kw, "eval")
}

fn b_exec(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    eval_exec(vm, a, kw, "exec")
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn b_compile(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_kw(
        vm,
        kw,
        "compile",
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
        ],
    )?;
    let get = |vm: &Vm, i: usize, n: &str| pos_or_kw(vm, a, kw, i, n);
    let (Some(src), Some(file), Some(mode)) = (
        get(vm, 0, "source"),
        get(vm, 1, "filename"),
        get(vm, 2, "mode"),
    ) else {
        let missing = ["source", "filename", "mode"]
            .iter()
            .enumerate()
            .find(|(i, n)| get(vm, *i, n).is_none())
            .map(|(i, n)| (i + 1, *n))
            .unwrap_or((1, "source"));
        return Err(vm.type_error(alloc::format!(
            "compile() missing required argument '{}' (pos {})",
            missing.1,
            missing.0
        )));
    };
    let m = match vm.str_of(mode) {
        Some("exec") => crate::compile::Mode::Exec,
        Some("eval") => crate::compile::Mode::Eval,
        Some("single") => crate::compile::Mode::Single,
        _ => return Err(vm.value_err("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let filename = match vm.str_of(file) {
        Some(s) => String::from(s),
        None => {
            return Err(vm.type_error_of(
                "compile() argument 'filename' must be str, not ",
                file,
                "",
            ));
        }
    };
    if let Value::Obj(r) = src {
        if let Obj::Code(_) = vm.heap.get(r) {
            return Ok(src);
        }
    }
    let Some(text) = super::funcs::str_or_bytes_text(vm, src) else {
        return Err(vm.type_err("compile() arg 1 must be a string, bytes or AST object"));
    };
    let text = if m == crate::compile::Mode::Eval {
        String::from(text.trim_start_matches([' ', '\t']))
    } else {
        text
    };
    let code = crate::compile::compile(vm, &text, &filename, m)?;
    vm.alloc(Obj::Code(code))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
fn b_import(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_kw(
        vm,
        kw,
        "__import__",
        &["name", "globals", "locals", "fromlist", "level"],
    )?;
    let Some(name) = pos_or_kw(vm, a, kw, 0, "name") else {
        return Err(super::funcs::missing_arg(vm, "__import__", "name", "1"));
    };
    let Some(n) = vm.str_of(name).map(String::from) else {
        return Err(vm.type_error_of("__import__() argument 1 must be str, not ", name, ""));
    };
    let fromlist = pos_or_kw(vm, a, kw, 3, "fromlist").unwrap_or(Value::None);
    let level = match pos_or_kw(vm, a, kw, 4, "level") {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    if level != 0 {
        let g = match pos_or_kw(vm, a, kw, 1, "globals") {
            Some(Value::Obj(g)) => g,
            _ => vm
                .frames
                .last()
                .map(|f| f.globals)
                .unwrap_or(vm.main_globals),
        };
        let n_v = vm.str_val(&n)?;
        vm.import_name(n_v, level as u32, true, g)?;
        return Ok(vm.pop());
    }
    let m = vm.import_sync(&n)?;
    let wants_top = !vm.truthy(fromlist)?;
    if wants_top {
        if let Some((top, _)) = n.split_once('.') {
            let k = vm.str_val(top)?;
            let mods = vm.modules;
            if let Some(t) = vm.dict_get_str(mods, k) {
                return Ok(t);
            }
        }
    }
    Ok(m)
}

// ---- dir ----

fn b_dir(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_kw(vm, kw, "dir", &[])?;
    if a.len() > 1 {
        return Err(arity_error(vm, "dir", Arity::AtMost, 1, a.len()));
    }
    let mut names: Vec<String> = Vec::new();
    match a.first().copied() {
        None => {
            let (g, l) = namespaces(vm, Value::None, Value::None)?;
            let src = if let Value::Obj(lr) = l { lr } else { g };
            if let Obj::Dict(d) = vm.heap.get(src) {
                dict_names(vm, d, &mut names);
            }
        }
        Some(obj) => {
            if let Some(r) = vm.call_user_special(obj, "__dir__", None)? {
                // sorted(r), with r rooted while its iteration runs Python.
                return with_roots(vm, &[r], |vm| b_sorted(vm, &[r], &[]));
            }
            dir_names(vm, obj, &mut names);
        }
    }
    // Fresh strs are protected until the next safe point: no Python runs.
    let mut vals = Vec::with_capacity(names.len());
    for n in &names {
        vals.push(vm.str_val(n)?);
    }
    // Sorted by the list sort (its str fast path: one instantiation of the
    // library sort in the image), then duplicates dropped.
    super::list_methods::sort_plain(vm, &mut vals)?;
    vals.dedup_by(|a, b| vm.str_of(*a) == vm.str_of(*b));
    vm.new_list(vals)
}

/// The names `dir(obj)` lists without a user `__dir__` (unsorted, maybe
/// repeated): the object's own dict, then its classes' dicts and native
/// methods. Also the candidates of an AttributeError's "Did you mean".
fn dict_names(vm: &Vm, d: &crate::objects::Dict, names: &mut Vec<String>) {
    for e in d.iter() {
        // `__ctor__`: the VM's own slot for a builtin type's constructor.
        if let Some(s) = vm.str_of(e.key).filter(|s| *s != "__ctor__") {
            names.push(String::from(s));
        }
    }
}

pub(crate) fn dir_names(vm: &Vm, obj: Value, names: &mut Vec<String>) {
    let mut classes: Vec<crate::heap::ObjRef> = Vec::new();
    if let Value::Obj(r) = obj {
        match vm.heap.get(r) {
            Obj::Module { dict, .. } => {
                if let Obj::Dict(d) = vm.heap.get(*dict) {
                    dict_names(vm, d, names);
                }
            }
            Obj::Class(c) => classes.extend(c.mro.iter().copied()),
            Obj::Instance(i) => dict_names(vm, &i.dict, names),
            Obj::Exception(e) => dict_names(vm, &e.dict, names),
            Obj::Func(f) => {
                if let Value::Obj(ar) = f.attrs {
                    if let Obj::Dict(d) = vm.heap.get(ar) {
                        dict_names(vm, d, names);
                    }
                }
            }
            _ => {}
        }
    }
    let is_module = matches!(obj, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Module { .. }));
    if classes.is_empty() && !is_module {
        let c = vm.class_of(obj);
        if let Obj::Class(cc) = vm.heap.get(c) {
            classes.extend(cc.mro.iter().copied());
        }
        names.push(String::from("__class__"));
    }
    for c in classes {
        if let Obj::Class(cc) = vm.heap.get(c) {
            dict_names(vm, &cc.dict, names);
        }
        // Plain loops: `extend`'s size-hint code is not worth it here.
        for (n, _) in vm.class_natives(c) {
            names.push(String::from(n));
        }
        // Data attributes `value_attr` answers without a table entry.
        let data: &[&str] = match c {
            c if c == ty::INT => &["denominator", "imag", "numerator", "real"],
            c if c == ty::FLOAT => &["imag", "real"],
            c if c == ty::RANGE || c == ty::SLICE => &["start", "step", "stop"],
            c if c == ty::BASE_EXCEPTION => &["args"],
            _ => &[],
        };
        for n in data {
            names.push(String::from(*n));
        }
    }
}

const FUNCS: &[crate::natives::Method] = &[
    ("all", b_all),
    ("any", b_any),
    ("sum", b_sum),
    ("max", b_max),
    ("min", b_min),
    ("sorted", b_sorted),
    ("enumerate", b_enumerate),
    ("zip", b_zip),
    ("map", b_map),
    ("filter", b_filter),
    ("reversed", b_reversed),
    ("round", b_round),
    ("eval", b_eval),
    ("exec", b_exec),
    ("compile", b_compile),
    ("__import__", b_import),
    ("dir", b_dir),
];

pub fn register(vm: &mut Vm) {
    vm.add_builtins(FUNCS);
}
