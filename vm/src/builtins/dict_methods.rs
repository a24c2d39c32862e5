//! Methods of `dict`, and the live views `dict.keys()`, `values()` and
//! `items()` (`Obj::DictView`): their length, membership, repr, equality
//! and set operations.

use crate::at::At;
use crate::types::ty;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::arg;
use super::list_methods::{arg_range, check_kw, no_args, self_obj, with_roots, Kw};
use crate::compile::ast::BinOp;
use crate::heap::ObjRef;
use crate::objects::iter::DictPart;
use crate::objects::Obj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn is_dict(o: &Obj) -> bool {
    matches!(o, Obj::Dict(_))
}

fn dict_self(vm: &mut Vm, a: &[Value], method: &str) -> PyResult<ObjRef> {
    self_obj(vm, a, "dict", method, is_dict)
}

fn dict_clear(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = dict_self(vm, a, "clear")?;
    no_args(vm, a, "dict.clear")?;
    if let Obj::Dict(t) = vm.heap.get_mut(r) {
        t.clear();
    }
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = dict_self(vm, a, "copy")?;
    no_args(vm, a, "dict.copy")?;
    let t = match vm.heap.get(r) {
        Obj::Dict(t) => t.clone(),
        _ => return vm.new_dict(),
    };
    vm.alloc(Obj::Dict(t))
}

/// `dict.fromkeys(iterable, value=None)`, a classmethod: a subclass gets an
/// instance of itself filled through `__setitem__`.
fn dict_fromkeys(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_kw(vm, kw, "fromkeys", &[])?;
    arg_range(vm, "fromkeys", a.len().saturating_sub(1), 1, 2)?;
    let cls = arg(a, 0);
    let value = a.get(2).copied().unwrap_or(Value::None);
    let keys = vm.collect_iterable(arg(a, 1))?;
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&keys);
    let res = (|| {
        let d = if matches!(cls, Value::Obj(c) if c == ty::DICT) {
            vm.new_dict()?
        } else {
            vm.call_sync(cls, &[])?
        };
        vm.temp_roots.push(d);
        for &k in &keys {
            vm.set_item(d, k, value)?;
        }
        Ok(d)
    })();
    vm.temp_roots.truncate(mark);
    res
}

fn dict_get(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = dict_self(vm, a, "get")?;
    arg_range(vm, "get", a.len() - 1, 1, 2)?;
    Ok(vm
        .dict_get(Value::Obj(r), arg(a, 1))?
        .unwrap_or(a.get(2).copied().unwrap_or(Value::None)))
}

fn new_view(vm: &mut Vm, a: &[Value], method: &str, part: DictPart) -> PyResult<Value> {
    dict_self(vm, a, method)?;
    let qual = format!("dict.{}", method);
    no_args(vm, a, &qual)?;
    // The view keeps the object itself (a subclass instance stays alive
    // with its table).
    let Value::Obj(d) = arg(a, 0) else {
        return Ok(Value::None);
    };
    vm.alloc(Obj::DictView { d, part })
}

fn dict_keys(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    new_view(vm, a, "keys", DictPart::Keys)
}

fn dict_values(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    new_view(vm, a, "values", DictPart::Values)
}

fn dict_items(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    new_view(vm, a, "items", DictPart::Items)
}

fn dict_pop(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = dict_self(vm, a, "pop")?;
    arg_range(vm, "pop", a.len() - 1, 1, 2)?;
    // The removed value goes straight back to the caller: no allocation
    // happens while it is detached.
    match vm.dict_del(Value::Obj(r), arg(a, 1))? {
        Some(v) => Ok(v),
        None => match a.get(2) {
            Some(&d) => Ok(d),
            None => Err(vm.new_exception(ty::KEY_ERROR, &[arg(a, 1)])),
        },
    }
}

fn dict_popitem(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = dict_self(vm, a, "popitem")?;
    no_args(vm, a, "dict.popitem")?;
    let last = match vm.heap.get(r) {
        Obj::Dict(t) => t
            .last_live()
            .map(|i| (i, t.entries.at(i).key, t.entries.at(i).value)),
        _ => None,
    };
    let Some((i, k, v)) = last else {
        return Err(vm.new_error(ty::KEY_ERROR, "popitem(): dictionary is empty"));
    };
    // Allocate the pair while key and value are still in the dict.
    let pair = vm.new_pair(k, v)?;
    if let Obj::Dict(t) = vm.heap.get_mut(r) {
        if t.entries.get(i).is_some_and(|e| e.key.is(k)) {
            t.remove_at(i);
        }
    }
    Ok(pair)
}

fn dict_setdefault(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = dict_self(vm, a, "setdefault")?;
    arg_range(vm, "setdefault", a.len() - 1, 1, 2)?;
    if let Some(v) = vm.dict_get(Value::Obj(r), arg(a, 1))? {
        return Ok(v);
    }
    let d = a.get(2).copied().unwrap_or(Value::None);
    vm.dict_set(Value::Obj(r), arg(a, 1), d)?;
    Ok(d)
}

fn dict_update(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let r = dict_self(vm, a, "update")?;
    arg_range(vm, "update", a.len() - 1, 0, 1)?;
    if let Some(&m) = a.get(1) {
        vm.dict_update_from(Value::Obj(r), m, false)?;
    }
    for &(k, v) in kw {
        vm.dict_set(Value::Obj(r), k, v)?;
    }
    Ok(Value::None)
}

/// `dict.__init__(mapping_or_pairs=(), **kw)`: how instances of dict
/// subclasses get their items.
fn dict_init(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    dict_self(vm, a, "__init__")?;
    if a.len() > 2 {
        return Err(super::list_methods::arity_error(
            vm,
            "dict",
            super::list_methods::Arity::AtMost,
            1,
            a.len() - 1,
        ));
    }
    dict_update(vm, a, kw)
}

// ---- views ----

fn view_of(vm: &Vm, v: Value) -> Option<(ObjRef, DictPart)> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::DictView { d, part } => Some((vm.dict_table_ref(*d), *part)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `v` is a keys or items view (the set-like views).
pub(crate) fn is_set_view(vm: &Vm, v: Value) -> bool {
    matches!(view_of(vm, v), Some((_, DictPart::Keys | DictPart::Items)))
}

/// The current contents of a view: keys, values or fresh (key, value) pairs.
pub(crate) fn view_values(vm: &mut Vm, table: ObjRef, part: DictPart) -> PyResult<Vec<Value>> {
    let entries = vm.dict_items(Value::Obj(table));
    let mut out = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        out.push(match part {
            DictPart::Keys => k,
            DictPart::Values => v,
            // Fresh pairs survive the next allocations: no Python code runs
            // (and so no safe point) before the caller roots them.
            DictPart::Items => vm.new_pair(k, v)?,
        });
    }
    Ok(out)
}

/// `x in view`.
pub(crate) fn view_contains(vm: &mut Vm, view: ObjRef, x: Value) -> PyResult<bool> {
    let Some((t, part)) = view_of(vm, Value::Obj(view)) else {
        return Ok(false);
    };
    match part {
        DictPart::Keys => Ok(vm.dict_lookup(t, x)?.is_some()),
        DictPart::Items => {
            let kv = match x {
                Value::Obj(r) => match vm.heap.get(r) {
                    Obj::Tuple(p) if p.len() == 2 => Some((p[0], p[1])),
                    _ => None,
                },
                _ => None,
            };
            let Some((k, v)) = kv else { return Ok(false) };
            match vm.dict_get(Value::Obj(t), k)? {
                Some(found) => vm.eq(found, v),
                None => Ok(false),
            }
        }
        DictPart::Values => {
            let vals: Vec<Value> = vm
                .dict_items(Value::Obj(t))
                .into_iter()
                .map(|e| e.1)
                .collect();
            vm.any_eq(&vals, x)
        }
    }
}

/// `repr(view)`: `dict_keys(['a'])`.
pub(crate) fn view_repr(vm: &mut Vm, view: ObjRef) -> PyResult<String> {
    let Some((t, part)) = view_of(vm, Value::Obj(view)) else {
        return Ok(String::new());
    };
    let name = match part {
        DictPart::Keys => "dict_keys",
        DictPart::Values => "dict_values",
        DictPart::Items => "dict_items",
    };
    let items = view_values(vm, t, part)?;
    let l = vm.new_list(items)?;
    let inner = with_roots(vm, &[l], |vm| vm.repr(l))?;
    Ok(format!("{}({})", name, inner))
}

/// A new set of the items of any iterable (a view, a list, ...).
pub(crate) fn set_from_iterable(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = vm.new_set(false)?;
    let Value::Obj(r) = s else { return Ok(s) };
    with_roots(vm, &[s], |vm| {
        super::set_methods::update_with(vm, r, BinOp::BitOr, v)
    })?;
    Ok(s)
}

/// `&`, `|`, `-`, `^` when an operand is a keys/items view (the result is a
/// set, as in CPython), and `dict |= iterable`. Ok(None) when not applicable.
pub(crate) fn view_binop(
    vm: &mut Vm,
    op: BinOp,
    a: Value,
    b: Value,
    inplace: bool,
) -> PyResult<Option<Value>> {
    if inplace && op == BinOp::BitOr {
        if let Value::Obj(r) = a {
            if matches!(vm.heap.get(r), Obj::Dict(_))
                && !matches!(b, Value::Obj(rb) if matches!(vm.heap.get(rb), Obj::Dict(_)))
            {
                vm.dict_update_from(a, b, false)?;
                return Ok(Some(a));
            }
        }
    }
    if !is_set_view(vm, a) && !is_set_view(vm, b) {
        return Ok(None);
    }
    // Like CPython, any other operand is iterated ("'int' object is not
    // iterable" otherwise).
    let sa = set_from_iterable(vm, a)?;
    with_roots(vm, &[sa], |vm| {
        let sb = set_from_iterable(vm, b)?;
        with_roots(vm, &[sb], |vm| vm.sequence_binop(op, sa, sb, false))
    })
}

/// `view == other` for keys/items views compared with sets or views: set
/// equality. Ok(None) when not applicable.
pub(crate) fn view_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<bool>> {
    let set_like = |vm: &Vm, v: Value| {
        is_set_view(vm, v)
            || matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Set { .. }))
    };
    if !(is_set_view(vm, a) || is_set_view(vm, b)) {
        if view_of(vm, a).is_some() || view_of(vm, b).is_some() {
            // values views compare by identity only.
            return Ok(Some(a.is(b)));
        }
        return Ok(None);
    }
    if !set_like(vm, a) || !set_like(vm, b) {
        return Ok(Some(false));
    }
    let sa = set_from_iterable(vm, a)?;
    with_roots(vm, &[sa], |vm| {
        let sb = set_from_iterable(vm, b)?;
        let (Value::Obj(ra), Value::Obj(rb)) = (sa, sb) else {
            return Ok(Some(false));
        };
        with_roots(vm, &[sb], |vm| vm.set_eq(ra, rb).map(Some))
    })
}

pub fn register(vm: &mut Vm) {
    let t = ty::DICT;
    vm.add_methods(
        t,
        &[
            ("__init__", dict_init),
            ("clear", dict_clear),
            ("copy", dict_copy),
            ("get", dict_get),
            ("items", dict_items),
            ("keys", dict_keys),
            ("pop", dict_pop),
            ("popitem", dict_popitem),
            ("setdefault", dict_setdefault),
            ("update", dict_update),
            ("values", dict_values),
        ],
    );
    let f = vm.register_native("fromkeys", dict_fromkeys);
    if let Ok(cm) = vm.alloc(Obj::ClassMethod(f)) {
        vm.class_set(t, "fromkeys", cm);
    }
}
