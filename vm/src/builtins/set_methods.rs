//! Methods of `set` and `frozenset`, in-place set operators (`|=` ...)
//! and the subset/superset comparisons (`<=`, `<`, `>=`, `>`).

use crate::types::ty;
use alloc::format;
use alloc::vec::Vec;

use super::dict_methods::{is_set_view, set_from_iterable};
use super::list_methods::{arity_error, no_args, one_arg, self_obj, with_roots, Arity, Kw};
use super::{arg, rest};
use crate::compile::ast::{BinOp, CmpOp};
use crate::heap::ObjRef;
use crate::objects::Obj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn is_any_set(o: &Obj) -> bool {
    matches!(o, Obj::Set { .. })
}

fn is_mut_set(o: &Obj) -> bool {
    matches!(o, Obj::Set { frozen: false, .. })
}

fn type_of_self(vm: &Vm, a: &[Value]) -> &'static str {
    match a.first() {
        Some(&Value::Obj(r)) => match vm.heap.get(vm.dict_table_ref(r)) {
            Obj::Set { frozen: true, .. } => "frozenset",
            _ => "set",
        },
        _ => "set",
    }
}

/// `self` of a method shared by set and frozenset.
fn any_set(vm: &mut Vm, a: &[Value], method: &str) -> PyResult<ObjRef> {
    let ty = type_of_self(vm, a);
    self_obj(vm, a, ty, method, is_any_set)
}

/// `self` of a mutating method (set only).
fn mut_set(vm: &mut Vm, a: &[Value], method: &str) -> PyResult<ObjRef> {
    self_obj(vm, a, "set", method, is_mut_set)
}

fn is_frozen(vm: &Vm, r: ObjRef) -> bool {
    matches!(vm.heap.get(r), Obj::Set { frozen: true, .. })
}

fn set_len(vm: &Vm, r: ObjRef) -> usize {
    match vm.heap.get(r) {
        Obj::Set { d, .. } => d.len(),
        _ => 0,
    }
}

/// The set table behind `v` when it is a set/frozenset (or wraps one).
fn as_set(vm: &Vm, v: Value) -> Option<ObjRef> {
    let Value::Obj(r) = v else { return None };
    let t = vm.dict_table_ref(r);
    match vm.heap.get(t) {
        Obj::Set { .. } => Some(t),
        _ => None,
    }
}

/// `v` as a set table: itself if it is one, else a new set of its items.
/// The returned value must be rooted by the caller (it may be fresh).
fn to_set(vm: &mut Vm, v: Value) -> PyResult<(ObjRef, Value)> {
    if let Some(t) = as_set(vm, v) {
        return Ok((t, Value::Obj(t)));
    }
    let s = set_from_iterable(vm, v)?;
    match s {
        Value::Obj(r) => Ok((r, s)),
        _ => Err(vm.type_err("set expected")),
    }
}

/// A new set (frozen or not) with a copy of the table of `r`.
fn copy_set(vm: &mut Vm, r: ObjRef, frozen: bool) -> PyResult<Value> {
    let d = match vm.heap.get(r) {
        Obj::Set { d, .. } => d.clone(),
        _ => crate::objects::Dict::new(),
    };
    vm.alloc(Obj::Set { d, frozen })
}

fn set_discard_item(vm: &mut Vm, r: ObjRef, x: Value) -> PyResult<bool> {
    Ok(vm.dict_del(Value::Obj(r), x)?.is_some())
}

fn set_add(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = mut_set(vm, a, "add")?;
    let x = one_arg(vm, a, "set.add")?;
    vm.set_add(Value::Obj(r), x)?;
    Ok(Value::None)
}

/// `set.__init__(iterable=())`: how instances of set subclasses get their
/// items.
fn set_init(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let r = mut_set(vm, a, "__init__")?;
    super::list_methods::check_kw(vm, kw, "set", &[])?;
    if a.len() > 2 {
        return Err(super::list_methods::arity_error(
            vm,
            "set",
            super::list_methods::Arity::AtMost,
            1,
            a.len() - 1,
        ));
    }
    if let Obj::Set { d, .. } = vm.heap.get_mut(r) {
        d.clear();
    }
    if let Some(&v) = a.get(1) {
        update_with(vm, r, BinOp::BitOr, v)?;
    }
    Ok(Value::None)
}

fn set_clear(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = mut_set(vm, a, "clear")?;
    no_args(vm, a, "set.clear")?;
    if let Obj::Set { d, .. } = vm.heap.get_mut(r) {
        d.clear();
    }
    Ok(Value::None)
}

/// Exactly `n` (0 or 1) arguments after self, for a method shared by set
/// and frozenset: the error names self's type (formatted only then).
fn arg_count(vm: &mut Vm, a: &[Value], method: &str, n: usize) -> PyResult<()> {
    if a.len() == n + 1 {
        return Ok(());
    }
    let qual = format!("{}.{}", type_of_self(vm, a), method);
    let form = if n == 0 { Arity::NoArgs } else { Arity::One };
    Err(arity_error(vm, &qual, form, n, a.len().saturating_sub(1)))
}

fn set_copy(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = any_set(vm, a, "copy")?;
    arg_count(vm, a, "copy", 0)?;
    let frozen = is_frozen(vm, r);
    if frozen && matches!(arg(a, 0), Value::Obj(x) if x == r) {
        // A frozenset is immutable: its copy is itself.
        return Ok(arg(a, 0));
    }
    copy_set(vm, r, frozen)
}

fn set_discard(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = mut_set(vm, a, "discard")?;
    let x = one_arg(vm, a, "set.discard")?;
    set_discard_item(vm, r, x)?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = mut_set(vm, a, "remove")?;
    let x = one_arg(vm, a, "set.remove")?;
    if !set_discard_item(vm, r, x)? {
        return Err(vm.new_exception(ty::KEY_ERROR, &[x]));
    }
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = mut_set(vm, a, "pop")?;
    no_args(vm, a, "set.pop")?;
    // The popped key is returned at once: nothing allocates meanwhile.
    let popped = match vm.heap.get_mut(r) {
        Obj::Set { d, .. } => d.next_live(0).map(|i| d.remove_at(i).key),
        _ => None,
    };
    match popped {
        Some(k) => Ok(k),
        None => Err(vm.new_error(ty::KEY_ERROR, "pop from an empty set")),
    }
}

/// Items of set table `r` (they stay rooted by the set unless it changes;
/// callers that run Python code root them).
fn items_of(vm: &Vm, r: ObjRef) -> Vec<Value> {
    vm.set_items(Value::Obj(r))
}

/// `self op= other` for one operand, mutating set `r` in place: `|` and
/// `-` add or remove each item of other; `&` drops each of mine not in
/// theirs; `^` toggles each of theirs.
pub(crate) fn update_with(vm: &mut Vm, r: ObjRef, op: BinOp, other: Value) -> PyResult<()> {
    let (t, tv) = match op {
        BinOp::BitAnd | BinOp::BitXor => to_set(vm, other)?,
        _ => (r, Value::None),
    };
    let items = match (op, as_set(vm, other)) {
        (BinOp::BitAnd, _) => items_of(vm, r),
        (BinOp::BitXor, _) => items_of(vm, t),
        (_, Some(s)) => items_of(vm, s),
        _ => vm.collect_iterable(other)?,
    };
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(tv);
    vm.temp_roots.extend_from_slice(&items);
    let res = (|| {
        for &x in &items {
            match op {
                BinOp::BitOr => vm.set_add(Value::Obj(r), x)?,
                BinOp::BitAnd => {
                    if !vm.set_contains(t, x)? {
                        set_discard_item(vm, r, x)?;
                    }
                }
                BinOp::BitXor => {
                    if !set_discard_item(vm, r, x)? {
                        vm.set_add(Value::Obj(r), x)?;
                    }
                }
                _ => {
                    set_discard_item(vm, r, x)?;
                }
            }
        }
        Ok(())
    })();
    vm.temp_roots.truncate(mark);
    res
}

/// `union`/`intersection`/`difference`/`symmetric_difference`: a copy of
/// self updated with each argument in turn (exactly one for
/// `symmetric_difference`); the result has self's type.
fn combine(vm: &mut Vm, a: &[Value], method: &str, op: BinOp) -> PyResult<Value> {
    let r = any_set(vm, a, method)?;
    if op == BinOp::BitXor {
        arg_count(vm, a, method, 1)?;
    }
    combined(vm, r, op, rest(a, 1))
}

/// A copy of set table `r` updated by `op` with each of `others`; it has
/// `r`'s type (`a | b` etc. on sets, and the methods above).
pub(crate) fn combined(vm: &mut Vm, r: ObjRef, op: BinOp, others: &[Value]) -> PyResult<Value> {
    let frozen = is_frozen(vm, r);
    let out = copy_set(vm, r, false)?;
    let Value::Obj(or) = out else { return Ok(out) };
    with_roots(vm, &[out], |vm| {
        for &o in others {
            update_with(vm, or, op, o)?;
        }
        Ok(())
    })?;
    if frozen {
        if let Obj::Set { frozen: f, .. } = vm.heap.get_mut(or) {
            *f = true;
        }
    }
    Ok(out)
}

fn set_union(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    combine(vm, a, "union", BinOp::BitOr)
}

fn set_intersection(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    combine(vm, a, "intersection", BinOp::BitAnd)
}

fn set_difference(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    combine(vm, a, "difference", BinOp::Sub)
}

fn set_symmetric_difference(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    combine(vm, a, "symmetric_difference", BinOp::BitXor)
}

fn update_all(vm: &mut Vm, a: &[Value], method: &str, op: BinOp) -> PyResult<Value> {
    let r = mut_set(vm, a, method)?;
    for &o in rest(a, 1) {
        update_with(vm, r, op, o)?;
    }
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    update_all(vm, a, "update", BinOp::BitOr)
}

fn set_intersection_update(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    update_all(vm, a, "intersection_update", BinOp::BitAnd)
}

fn set_difference_update(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    update_all(vm, a, "difference_update", BinOp::Sub)
}

fn set_symmetric_difference_update(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = mut_set(vm, a, "symmetric_difference_update")?;
    let other = one_arg(vm, a, "set.symmetric_difference_update")?;
    update_with(vm, r, BinOp::BitXor, other)?;
    Ok(Value::None)
}

/// Is every item of set `a` in set `b`?
fn subset(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult<bool> {
    Ok(set_len(vm, a) <= set_len(vm, b) && all_in(vm, a, b, true)?)
}

/// Is every item of set `a` in set `b` (`inside`), or none of them?
fn all_in(vm: &mut Vm, a: ObjRef, b: ObjRef, inside: bool) -> PyResult<bool> {
    let items = items_of(vm, a);
    with_roots(vm, &items, |vm| {
        for &x in &items {
            if vm.set_contains(b, x)? != inside {
                return Ok(false);
            }
        }
        Ok(true)
    })
}

/// How `issubset`, `issuperset` and `isdisjoint` relate self and other.
#[derive(Clone, Copy)]
enum Relation {
    Sub,
    Super,
    Disjoint,
}

/// `relation` between self's table and `other` as a set (rooted meanwhile).
fn relate(vm: &mut Vm, a: &[Value], method: &str, relation: Relation) -> PyResult<Value> {
    let r = any_set(vm, a, method)?;
    arg_count(vm, a, method, 1)?;
    let other = arg(a, 1);
    let (t, tv) = to_set(vm, other)?;
    with_roots(vm, &[tv], |vm| match relation {
        Relation::Sub => subset(vm, r, t),
        Relation::Super => subset(vm, t, r),
        Relation::Disjoint => all_in(vm, r, t, false),
    })
    .map(Value::from_bool)
}

fn set_issubset(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    relate(vm, a, "issubset", Relation::Sub)
}

fn set_issuperset(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    relate(vm, a, "issuperset", Relation::Super)
}

fn set_isdisjoint(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    relate(vm, a, "isdisjoint", Relation::Disjoint)
}

/// Is `v` a set, frozenset or keys/items view (not a subclass instance:
/// those dispatch through their class's comparison methods)?
fn set_like(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Set { .. })) || is_set_view(vm, v)
}

/// `a < b` etc. between sets (subset order). Ok(None) when an operand is
/// not set-like, so the caller goes on with the usual lookup.
pub(crate) fn set_order(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
    if !set_like(vm, a) || !set_like(vm, b) {
        return Ok(None);
    }
    compare_sets(vm, op, a, b).map(Some)
}

fn compare_sets(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
    let (ta, av) = to_set(vm, a)?;
    with_roots(vm, &[av], |vm| {
        let (tb, bv) = to_set(vm, b)?;
        with_roots(vm, &[bv], |vm| {
            let (la, lb) = (set_len(vm, ta), set_len(vm, tb));
            Ok(match op {
                CmpOp::Lt => la < lb && subset(vm, ta, tb)?,
                CmpOp::Le => subset(vm, ta, tb)?,
                CmpOp::Gt => la > lb && subset(vm, tb, ta)?,
                _ => subset(vm, tb, ta)?,
            })
        })
    })
}

/// The comparison dunders, for subclass instances (builtin sets take the
/// `set_order` fast path).
fn cmp_dunder(vm: &mut Vm, a: &[Value], op: CmpOp) -> PyResult<Value> {
    if a.len() != 2 {
        return Err(vm.type_err("expected 1 argument"));
    }
    if as_set(vm, arg(a, 0)).is_none()
        || (as_set(vm, arg(a, 1)).is_none() && !is_set_view(vm, arg(a, 1)))
    {
        return Ok(Value::NotImplemented);
    }
    let x = as_set(vm, arg(a, 0)).map(Value::Obj).unwrap_or(arg(a, 0));
    let y = as_set(vm, arg(a, 1)).map(Value::Obj).unwrap_or(arg(a, 1));
    compare_sets(vm, op, x, y).map(Value::from_bool)
}

fn set_lt(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    cmp_dunder(vm, a, CmpOp::Lt)
}
fn set_le(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    cmp_dunder(vm, a, CmpOp::Le)
}
fn set_gt(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    cmp_dunder(vm, a, CmpOp::Gt)
}
fn set_ge(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    cmp_dunder(vm, a, CmpOp::Ge)
}

/// `a |= b`, `&=`, `-=`, `^=` on a mutable set with a set operand: update
/// `a` in place (the plain operators build new sets elsewhere). Ok(None)
/// when not applicable.
pub(crate) fn set_inplace_binop(
    vm: &mut Vm,
    op: BinOp,
    a: Value,
    b: Value,
) -> PyResult<Option<Value>> {
    let Value::Obj(ra) = a else { return Ok(None) };
    if !matches!(vm.heap.get(ra), Obj::Set { frozen: false, .. }) || as_set(vm, b).is_none() {
        return Ok(None);
    }
    update_with(vm, ra, op, b)?;
    Ok(Some(a))
}

pub fn register(vm: &mut Vm) {
    let shared: &[crate::natives::Method] = &[
        ("copy", set_copy),
        ("difference", set_difference),
        ("intersection", set_intersection),
        ("isdisjoint", set_isdisjoint),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("symmetric_difference", set_symmetric_difference),
        ("union", set_union),
        ("__lt__", set_lt),
        ("__le__", set_le),
        ("__gt__", set_gt),
        ("__ge__", set_ge),
    ];
    let (s, f) = (ty::SET, ty::FROZENSET);
    vm.add_methods(s, shared);
    vm.add_methods(f, shared);
    vm.add_methods(
        s,
        &[
            ("__init__", set_init),
            ("add", set_add),
            ("clear", set_clear),
            ("difference_update", set_difference_update),
            ("discard", set_discard),
            ("intersection_update", set_intersection_update),
            ("pop", set_pop),
            ("remove", set_remove),
            (
                "symmetric_difference_update",
                set_symmetric_difference_update,
            ),
            ("update", set_update),
        ],
    );
}
