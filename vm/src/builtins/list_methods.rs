//! Methods of the builtin sequences: `list`, `tuple`, `range` and
//! `slice.indices`, plus the stable merge sort behind `list.sort` and
//! `sorted`, and the small argument helpers the container method files share.

use crate::at::{At, VecAt};
use crate::types::ty;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::arg;
use crate::heap::ObjRef;
use crate::objects::Obj;
use crate::value::{Small, Value};
use crate::vm::{PyResult, Vm};

pub(crate) type Kw<'a> = &'a [(Value, Value)];

// ---- argument helpers shared by the container method files ----

/// Keyword argument `name`, if given.
pub(crate) fn kwarg(vm: &Vm, kw: Kw, name: &str) -> Option<Value> {
    kw.iter()
        .find(|(k, _)| vm.str_of(*k) == Some(name))
        .map(|(_, v)| *v)
}

/// Argument `i` given by position or as keyword `name`: one function for
/// the natives' positional-or-keyword parameters.
#[inline(never)]
pub(crate) fn pos_or_kw(vm: &Vm, a: &[Value], kw: Kw, i: usize, name: &str) -> Option<Value> {
    a.get(i).copied().or_else(|| kwarg(vm, kw, name))
}

/// Reject keywords other than `allowed`, with CPython's wording.
pub(crate) fn check_kw(vm: &mut Vm, kw: Kw, func: &str, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        let name = String::from(vm.str_of(*k).unwrap_or("?"));
        if !allowed.contains(&name.as_str()) {
            return Err(vm.type_error(if allowed.is_empty() {
                format!("{}() takes no keyword arguments", func)
            } else {
                format!("'{}' is an invalid keyword argument for {}()", name, func)
            }));
        }
    }
    Ok(())
}

/// The shapes of CPython's argument-count messages (`name` first, then):
#[derive(Clone, Copy)]
pub(crate) enum Arity {
    /// `() takes exactly one argument (<given> given)`
    One,
    /// `() takes no arguments (<given> given)`
    NoArgs,
    /// `() takes at most <bound> arguments (<given> given)`
    AtMostGiven,
    /// `() takes at most <bound> positional arguments (<given> given)`
    AtMostPositional,
    /// ` expected <bound> argument(s), got <given>`
    Exactly,
    /// ` expected at least <bound> argument(s), got <given>`
    AtLeast,
    /// ` expected at most <bound> argument(s), got <given>`
    AtMost,
}

/// The TypeError for a wrong argument count: one shared function instead
/// of a `format!` at each of the natives' arity checks.
#[inline(never)]
pub(crate) fn arity_error(
    vm: &mut Vm,
    name: &str,
    form: Arity,
    bound: usize,
    given: usize,
) -> crate::exc::Exc {
    use core::fmt::Write;
    let s_ = if bound == 1 { "" } else { "s" };
    let mut s = String::from(name);
    let _ = match form {
        Arity::One => write!(s, "() takes exactly one argument ({} given)", given),
        Arity::NoArgs => write!(s, "() takes no arguments ({} given)", given),
        Arity::AtMostGiven => write!(s, "() takes at most {} arguments ({} given)", bound, given),
        Arity::AtMostPositional => write!(
            s,
            "() takes at most {} positional arguments ({} given)",
            bound, given
        ),
        Arity::Exactly => write!(s, " expected {} argument{}, got {}", bound, s_, given),
        Arity::AtLeast => write!(
            s,
            " expected at least {} argument{}, got {}",
            bound, s_, given
        ),
        Arity::AtMost => write!(
            s,
            " expected at most {} argument{}, got {}",
            bound, s_, given
        ),
    };
    vm.type_error(s)
}

/// `<qual>() takes exactly one argument (<n> given)` for one-argument methods
/// (`n` excludes self).
pub(crate) fn one_arg(vm: &mut Vm, a: &[Value], qual: &str) -> PyResult<Value> {
    if a.len() != 2 {
        return Err(arity_error(
            vm,
            qual,
            Arity::One,
            1,
            a.len().saturating_sub(1),
        ));
    }
    Ok(arg(a, 1))
}

/// `<qual>() takes no arguments (<n> given)`.
pub(crate) fn no_args(vm: &mut Vm, a: &[Value], qual: &str) -> PyResult<()> {
    if a.len() > 1 {
        return Err(arity_error(vm, qual, Arity::NoArgs, 0, a.len() - 1));
    }
    Ok(())
}

/// `<name> expected at least/at most <n> argument(s), got <m>` (counts exclude self).
pub(crate) fn arg_range(
    vm: &mut Vm,
    name: &str,
    given: usize,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if given >= min && given <= max {
        return Ok(());
    }
    let (form, bound) = if min == max {
        (Arity::Exactly, min)
    } else if given < min {
        (Arity::AtLeast, min)
    } else {
        (Arity::AtMost, max)
    };
    Err(arity_error(vm, name, form, bound, given))
}

/// The object behind `self` of a method of builtin type `ty`, unwrapping a
/// subclass instance; TypeError (CPython's descriptor wording) otherwise.
pub(crate) fn self_obj(
    vm: &mut Vm,
    a: &[Value],
    ty: &str,
    method: &str,
    ok: fn(&Obj) -> bool,
) -> PyResult<ObjRef> {
    let Some(&v) = a.first() else {
        return Err(unbound_error(vm, ty, method));
    };
    if let Value::Obj(r) = v {
        let t = vm.dict_table_ref(r);
        if ok(vm.heap.get(t)) {
            return Ok(t);
        }
    }
    Err(descriptor_error(vm, method, ty, v))
}

/// `descriptor '<method>' for '<ty>' objects doesn't apply to a '<type of
/// v>' object`: a builtin type's method called on something else.
#[inline(never)]
pub(crate) fn descriptor_error(vm: &mut Vm, method: &str, ty: &str, v: Value) -> crate::exc::Exc {
    let tn = vm.type_name(v);
    vm.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        method, ty, tn
    ))
}

/// `unbound method <ty>.<method>() needs an argument`.
#[inline(never)]
pub(crate) fn unbound_error(vm: &mut Vm, ty: &str, method: &str) -> crate::exc::Exc {
    vm.type_error(format!(
        "unbound method {}.{}() needs an argument",
        ty, method
    ))
}

/// Run `f` with `vals` pushed on the temporary GC roots (for values held
/// only by Rust across code that may run Python and collect).
pub(crate) fn with_roots<T>(
    vm: &mut Vm,
    vals: &[Value],
    f: impl FnOnce(&mut Vm) -> PyResult<T>,
) -> PyResult<T> {
    let mark = push_roots(vm, vals);
    let r = f(vm);
    vm.temp_roots.truncate(mark);
    r
}

/// The non-generic half of `with_roots`, shared by its ~40 instances.
#[inline(never)]
fn push_roots(vm: &mut Vm, vals: &[Value]) -> usize {
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(vals);
    mark
}

fn is_list(o: &Obj) -> bool {
    matches!(o, Obj::List(_))
}

fn is_tuple(o: &Obj) -> bool {
    matches!(o, Obj::Tuple(_))
}

fn list_len(vm: &Vm, r: ObjRef) -> usize {
    match vm.heap.get(r) {
        Obj::List(l) => l.len(),
        Obj::Tuple(t) => t.len(),
        _ => 0,
    }
}

fn item_at(vm: &Vm, r: ObjRef, i: usize) -> Option<Value> {
    match vm.heap.get(r) {
        Obj::List(l) => l.get(i).copied(),
        Obj::Tuple(t) => t.get(i).copied(),
        _ => None,
    }
}

/// A `start`/`stop` bound of `index()`: CPython's slice-index rules.
fn slice_bound(vm: &mut Vm, v: Value, len: usize) -> PyResult<usize> {
    let i = vm.index_bound(
        v,
        "slice indices must be integers or have an __index__ method",
    )?;
    let len = len as i64;
    Ok(if i < 0 {
        (i.saturating_add(len)).max(0) as usize
    } else {
        i.min(len) as usize
    })
}

/// `index(x[, start[, stop]])` of a list or tuple; Ok(None) if absent.
fn seq_index(vm: &mut Vm, r: ObjRef, a: &[Value], name: &str) -> PyResult<Option<usize>> {
    arg_range(vm, name, a.len().saturating_sub(1), 1, 3)?;
    let x = arg(a, 1);
    let len = list_len(vm, r);
    let start = match a.get(2) {
        Some(&v) => slice_bound(vm, v, len)?,
        None => 0,
    };
    let stop = match a.get(3) {
        Some(&v) => slice_bound(vm, v, len)?,
        None => len,
    };
    let mut i = start;
    // The list may change under a user `__eq__`: re-read its length.
    while i < stop.min(list_len(vm, r)) {
        let Some(it) = item_at(vm, r, i) else { break };
        if vm.eq(it, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn seq_count(vm: &mut Vm, r: ObjRef, x: Value) -> PyResult<usize> {
    let mut n = 0;
    let mut i = 0;
    while let Some(it) = item_at(vm, r, i) {
        if vm.eq(it, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(n)
}

// ---- list ----

fn list_append(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "list", "append", is_list)?;
    let x = one_arg(vm, a, "list.append")?;
    vm.list_append(Value::Obj(r), x)?;
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "list", "extend", is_list)?;
    let x = one_arg(vm, a, "list.extend")?;
    vm.list_extend(Value::Obj(r), x)?;
    Ok(Value::None)
}

fn list_clear(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "list", "clear", is_list)?;
    no_args(vm, a, "list.clear")?;
    if let Obj::List(l) = vm.heap.get_mut(r) {
        *l = Vec::new();
    }
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "list", "copy", is_list)?;
    no_args(vm, a, "list.copy")?;
    let items = vm.list_items(Value::Obj(r));
    vm.new_list(items)
}

fn list_count(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "list", "count", is_list)?;
    let x = one_arg(vm, a, "list.count")?;
    Ok(Value::from_len(seq_count(vm, r, x)?))
}

fn list_index(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "list", "index", is_list)?;
    match seq_index(vm, r, a, "index")? {
        Some(i) => Ok(Value::from_len(i)),
        None => {
            let s = vm.repr(arg(a, 1))?;
            Err(vm.value_error(format!("{} is not in list", s)))
        }
    }
}

fn list_insert(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "list", "insert", is_list)?;
    arg_range(vm, "insert", a.len() - 1, 2, 2)?;
    let i = vm.index_value(arg(a, 1))?;
    let x = arg(a, 2);
    // Grow through list_append (heap accounting), then move into place.
    vm.list_append(Value::Obj(r), x)?;
    if let Obj::List(l) = vm.heap.get_mut(r) {
        let n = (l.len() - 1) as i64;
        let at = if i < 0 {
            (i.saturating_add(n)).max(0)
        } else {
            i.min(n)
        } as usize;
        l.tail_mut(at).rotate_right(1);
    }
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "list", "pop", is_list)?;
    arg_range(vm, "pop", a.len() - 1, 0, 1)?;
    let idx = match a.get(1) {
        Some(&v) => Some(vm.index_value(v)?),
        None => None,
    };
    let res = match vm.heap.get_mut(r) {
        Obj::List(l) if l.is_empty() => Err("pop from empty list"),
        Obj::List(l) => {
            let n = l.len() as i64;
            let i = idx.unwrap_or(n - 1);
            let i = if i < 0 { i + n } else { i };
            if i < 0 || i >= n {
                Err("pop index out of range")
            } else {
                Ok(l.remove_at(i as usize))
            }
        }
        _ => Ok(Value::None),
    };
    res.map_err(|m| vm.new_error(ty::INDEX_ERROR, m))
}

fn list_remove(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "list", "remove", is_list)?;
    let x = one_arg(vm, a, "list.remove")?;
    let mut i = 0;
    while let Some(it) = item_at(vm, r, i) {
        if vm.eq(it, x)? {
            if let Obj::List(l) = vm.heap.get_mut(r) {
                if i < l.len() {
                    l.remove_at(i);
                }
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_err("list.remove(x): x not in list"))
}

fn list_reverse(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "list", "reverse", is_list)?;
    no_args(vm, a, "list.reverse")?;
    if let Obj::List(l) = vm.heap.get_mut(r) {
        l.reverse();
    }
    Ok(Value::None)
}

/// `list.__init__(iterable=())`: (re)fill the list; this is how instances
/// of list subclasses get their items.
fn list_init(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "list", "__init__", is_list)?;
    check_kw(vm, kw, "list", &[])?;
    if a.len() > 2 {
        return Err(arity_error(vm, "list", Arity::AtMost, 1, a.len() - 1));
    }
    let items = match a.get(1) {
        Some(&v) => vm.collect_iterable(v)?,
        None => Vec::new(),
    };
    vm.ensure(items.len() * core::mem::size_of::<Value>())?;
    if let Obj::List(l) = vm.heap.get_mut(r) {
        *l = items;
    }
    Ok(Value::None)
}

fn list_sort(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "list", "sort", is_list)?;
    if a.len() > 1 {
        return Err(vm.type_err("sort() takes no positional arguments"));
    }
    check_kw(vm, kw, "sort", &["key", "reverse"])?;
    let key = kwarg(vm, kw, "key").unwrap_or(Value::None);
    let reverse = match kwarg(vm, kw, "reverse") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    sort_list(vm, r, key, reverse)?;
    Ok(Value::None)
}

/// Sort the list object `r` in place. While sorting the list looks empty (as
/// in CPython); if Python code fills it meanwhile, the sorted items still
/// replace it and ValueError reports the modification.
pub(crate) fn sort_list(vm: &mut Vm, r: ObjRef, key: Value, reverse: bool) -> PyResult<()> {
    let items = match vm.heap.get_mut(r) {
        Obj::List(l) => core::mem::take(l),
        _ => return Ok(()),
    };
    // The detached items stay rooted while comparisons run Python code.
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let mut items = items;
    let res = sort_values(vm, &mut items, key, reverse);
    let modified = match vm.heap.get_mut(r) {
        Obj::List(l) => {
            let m = !l.is_empty();
            *l = items;
            m
        }
        _ => false,
    };
    vm.temp_roots.truncate(mark);
    res?;
    if modified {
        return Err(vm.value_err("list modified during sort"));
    }
    Ok(())
}

/// Sort `items` (rooted by the caller) by `key` (None: the items).
pub(crate) fn sort_values(
    vm: &mut Vm,
    items: &mut [Value],
    key: Value,
    reverse: bool,
) -> PyResult<()> {
    if reverse {
        // Reverse, sort stably, reverse back: equal items keep their order.
        items.reverse();
    }
    let res = if key.is_none() {
        sort_plain(vm, items)
    } else {
        sort_keyed(vm, items, key)
    };
    if reverse {
        items.reverse();
    }
    res
}

pub(crate) fn sort_plain(vm: &mut Vm, items: &mut [Value]) -> PyResult<()> {
    // Homogeneous ints, floats (no NaN) or strs compare without Python
    // code: the same merge sort with a native comparator. (The library's
    // sort cost ~5 KB of flash on thumbv6m, and its scratch buffer, up to
    // the list's size, came from the allocator unchecked: an abort instead
    // of a MemoryError on a board.)
    let heap = &vm.heap;
    let fast = match items.first() {
        Some(Value::Int(_)) => items.iter().all(|v| matches!(v, Value::Int(_))),
        Some(Value::Float(_)) => items
            .iter()
            .all(|v| matches!(v, Value::Float(f) if !f.get().is_nan())),
        Some(Value::Obj(_)) => items
            .iter()
            .all(|v| matches!(v, Value::Obj(r) if matches!(heap.get(*r), Obj::Str(_)))),
        _ => false,
    };
    let mut buf = Vec::new();
    if buf.try_reserve(items.len() / 2 + 1).is_err() {
        return Err(vm.memory_error());
    }
    if fast {
        let lt = |a: &Value, b: &Value| match (a, b) {
            (Value::Int(x), Value::Int(y)) => x < y,
            (Value::Float(x), Value::Float(y)) => x < y,
            (Value::Obj(x), Value::Obj(y)) => match (heap.get(*x), heap.get(*y)) {
                (Obj::Str(p), Obj::Str(q)) => p.s.as_str() < q.s.as_str(),
                _ => false,
            },
            _ => false,
        };
        // Sorted or strictly descending input (common, and the timsort
        // benchmark's case) in one inlined pass instead of n indirect calls.
        if items.windows(2).all(|w| !lt(&w[1], &w[0])) {
            return Ok(());
        }
        if items.windows(2).all(|w| lt(&w[1], &w[0])) {
            items.reverse();
            return Ok(());
        }
        return merge_sort(items, &mut buf, &mut |a: &Value, b: &Value| Ok(lt(a, b)));
    }
    merge_sort(items, &mut buf, &mut |a: &Value, b: &Value| {
        vm.less_than(*a, *b)
    })
}

/// Sorts the positions of the items (as `Value::Int`s) by their keys, then
/// permutes the items: the same `merge_sort::<Value>` instance as
/// `sort_plain` (a second instance over pairs cost ~1 KB of flash).
fn sort_keyed(vm: &mut Vm, items: &mut [Value], key: Value) -> PyResult<()> {
    let n = items.len();
    let mut keys: Vec<Value> = Vec::new();
    let mut idx: Vec<Value> = Vec::new();
    if keys.try_reserve(n).is_err() || idx.try_reserve(n).is_err() {
        return Err(vm.memory_error());
    }
    let mark = vm.temp_roots.len();
    let res = (|| {
        for (i, &it) in items.iter().enumerate() {
            let k = vm.call_sync(key, &[it])?;
            vm.temp_roots.push(k);
            keys.push(k);
            idx.push(Value::from_len(i));
        }
        let mut buf = Vec::new();
        if buf.try_reserve(n / 2 + 1).is_err() {
            return Err(vm.memory_error());
        }
        merge_sort(&mut idx, &mut buf, &mut |a: &Value, b: &Value| match (
            key_at(&keys, *a),
            key_at(&keys, *b),
        ) {
            (Some(x), Some(y)) => vm.less_than(x, y),
            _ => Ok(false),
        })
    })();
    vm.temp_roots.truncate(mark);
    // On error `idx` is still a permutation of the positions.
    if idx.len() == n {
        permute(items, &mut idx);
    }
    res
}

fn key_at(keys: &[Value], i: Value) -> Option<Value> {
    match i {
        Value::Int(i) => keys.get(i as usize).copied(),
        _ => None,
    }
}

/// `items[p] = old items[idx[p]]` in place, following cycles; `idx` is
/// used up (visited slots become `None`).
fn permute(items: &mut [Value], idx: &mut [Value]) {
    for start in 0..idx.len() {
        let Some(Value::Int(_)) = idx.get(start) else {
            continue;
        };
        let Some(&first) = items.get(start) else {
            return;
        };
        let mut cur = start;
        while let Some(Value::Int(s)) = idx.get_mut(cur).map(|x| core::mem::replace(x, Value::None))
        {
            let src = s as usize;
            if src == start {
                if let Some(d) = items.get_mut(cur) {
                    *d = first;
                }
                break;
            }
            let Some(&v) = items.get(src) else { break };
            if let Some(d) = items.get_mut(cur) {
                *d = v;
            }
            cur = src;
        }
    }
}

/// Below this many items a run is extended with binary insertion sort.
const MIN_RUN: usize = 32;

/// A stable natural merge sort (a simplified timsort) over a fallible
/// `less`. Unlike `slice::sort_by` it never panics on an inconsistent
/// order (user `__lt__`, NaN); it is O(n) on sorted or reversed input and
/// O(n log n) otherwise. On error it stops comparing and leaves `v` a
/// permutation of its input.
pub(crate) fn merge_sort<T: Copy>(
    v: &mut [T],
    buf: &mut Vec<T>,
    less: &mut dyn FnMut(&T, &T) -> PyResult<bool>,
) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    // 1. Split into runs: maximal ascending, or strictly descending
    //    (reversed in place; strictness keeps the sort stable).
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        let start = i;
        let mut end = i + 1;
        if end < n {
            if less(&v[end], &v[end - 1])? {
                end += 1;
                while end < n && less(&v[end], &v[end - 1])? {
                    end += 1;
                }
                v.span_mut(start, end).reverse();
            } else {
                end += 1;
                while end < n && !less(&v[end], &v[end - 1])? {
                    end += 1;
                }
            }
        }
        let min_end = core::cmp::min(n, start + MIN_RUN);
        if end < min_end {
            insertion_sort(v.span_mut(start, min_end), end - start, less)?;
            end = min_end;
        }
        runs.push((start, end - start));
        i = end;
    }
    // 2. Merge neighbouring runs pairwise until one is left.
    while runs.len() > 1 {
        let mut next = Vec::with_capacity(runs.len() / 2 + 1);
        let mut k = 0;
        while k + 1 < runs.len() {
            let (s1, l1) = *runs.at(k);
            let (_, l2) = *runs.at(k + 1);
            merge(v.span_mut(s1, s1 + l1 + l2), l1, buf, less)?;
            next.push((s1, l1 + l2));
            k += 2;
        }
        if k < runs.len() {
            next.push(*runs.at(k));
        }
        runs = next;
    }
    Ok(())
}

/// Binary insertion sort of `v` whose first `sorted` items are in order.
fn insertion_sort<T: Copy>(
    v: &mut [T],
    sorted: usize,
    less: &mut dyn FnMut(&T, &T) -> PyResult<bool>,
) -> PyResult<()> {
    for i in sorted.max(1)..v.len() {
        let x = v[i];
        // Rightmost position: after items equal to x (stability).
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if less(&x, v.at(mid))? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        v.span_mut(lo, i + 1).rotate_right(1);
    }
    Ok(())
}

/// Merge the sorted halves `v[..mid]` and `v[mid..]`.
fn merge<T: Copy>(
    v: &mut [T],
    mid: usize,
    buf: &mut Vec<T>,
    less: &mut dyn FnMut(&T, &T) -> PyResult<bool>,
) -> PyResult<()> {
    // Already in order: nothing to do (common for nearly sorted input).
    if mid == 0 || mid == v.len() || !less(v.at(mid), &v[mid - 1])? {
        return Ok(());
    }
    buf.clear();
    buf.extend_from_slice(&v[..mid]);
    let (mut i, mut j, mut k) = (0, mid, 0);
    let res = loop {
        if i == buf.len() || j == v.len() {
            break Ok(());
        }
        // Take from the right only when strictly smaller: stable.
        match less(v.at(j), buf.at(i)) {
            Ok(true) => {
                *v.at_mut(k) = v[j];
                j += 1;
            }
            Ok(false) => {
                *v.at_mut(k) = *buf.at(i);
                i += 1;
            }
            Err(e) => break Err(e),
        }
        k += 1;
    };
    // The rest of the left half fills the gap (also after an error).
    v.put(k, buf.tail(i));
    res
}

// ---- tuple ----

fn tuple_count(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "tuple", "count", is_tuple)?;
    let x = one_arg(vm, a, "tuple.count")?;
    Ok(Value::from_len(seq_count(vm, r, x)?))
}

fn tuple_index(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "tuple", "index", is_tuple)?;
    match seq_index(vm, r, a, "index")? {
        Some(i) => Ok(Value::from_len(i)),
        None => Err(vm.value_err("tuple.index(x): x not in tuple")),
    }
}

// ---- range ----

fn is_range(o: &Obj) -> bool {
    matches!(o, Obj::Range { .. })
}

/// Where `x` sits in the range `start, stop, step` when `x` is an int (or
/// bool): Some(None) when the range does not hold it, None when `x` is no
/// int. An int past i64 lies beyond every bound (bounds are words).
pub(crate) fn range_int_pos(
    vm: &Vm,
    (start, stop, step): (i64, i64, i64),
    x: Value,
) -> Option<Option<i64>> {
    if let Some(i) = vm.int_i64(x) {
        return Some(range_pos(start, stop, step, i));
    }
    (matches!(x, Value::Obj(_)) && vm.as_int_like(x)).then_some(None)
}

/// Position of int `i` in the range `start, stop, step`, if it is in it.
#[inline(never)]
pub(crate) fn range_pos(start: i64, stop: i64, step: i64, i: i64) -> Option<i64> {
    let inside = if step > 0 {
        i >= start && i < stop
    } else {
        i <= start && i > stop
    };
    // |i - start| in u64 (no i128 division on 32-bit targets).
    let off = if step > 0 {
        i.wrapping_sub(start)
    } else {
        start.wrapping_sub(i)
    } as u64;
    let st = step.unsigned_abs();
    if inside && off.is_multiple_of(st) {
        return Some(off.checked_div(st).unwrap_or(0) as i64);
    }
    None
}

/// Position of `x` in range `r`, comparing ints arithmetically and other
/// values with `==` like CPython.
fn range_find(vm: &mut Vm, r: ObjRef, x: Value) -> PyResult<(Option<i64>, i64)> {
    let (start, stop, step) = match vm.heap.get(r) {
        Obj::Range { start, stop, step } => (*start, *stop, *step),
        _ => return Ok((None, 0)),
    };
    let n = super::range_len(start, stop, step);
    if let Some(k) = range_int_pos(vm, (start, stop, step), x) {
        return Ok((k, k.is_some() as i64));
    }
    let (mut first, mut count) = (None, 0);
    for k in 0..n {
        let v = vm.new_int(start + step * k)?;
        if vm.eq(v, x)? {
            first.get_or_insert(k);
            count += 1;
        }
    }
    Ok((first, count))
}

fn range_count(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "range", "count", is_range)?;
    let x = one_arg(vm, a, "range.count")?;
    let n = range_find(vm, r, x)?.1;
    vm.new_int(n)
}

fn range_index(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "range", "index", is_range)?;
    let x = one_arg(vm, a, "range.index")?;
    match range_find(vm, r, x)?.0 {
        Some(i) => vm.new_int(i),
        None => {
            let s = vm.repr(x)?;
            Err(vm.value_error(format!("{} is not in range", s)))
        }
    }
}

// ---- slice ----

fn slice_indices(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let r = self_obj(vm, a, "slice", "indices", |o| matches!(o, Obj::Slice(_)))?;
    let n = one_arg(vm, a, "slice.indices")?;
    let len = vm.index_value(n)?;
    if len < 0 {
        return Err(vm.value_err("length should not be negative"));
    }
    let (start, stop, step, _) = vm.slice_indices(r, len)?;
    // The bounds come back clamped to the length; a step is returned as
    // given, even one too big for the machine word `slice_indices` uses.
    let given = match vm.heap.get(r) {
        Obj::Slice(s) => vm.num_unwrap(s[2]),
        _ => Value::None,
    };
    let step = match given {
        big @ Value::Obj(_) if vm.as_int_like(big) => big,
        _ => vm.new_int(step)?,
    };
    let t = [vm.new_int(start)?, vm.new_int(stop)?, step];
    vm.new_tuple(t.to_vec())
}

// ---- memoryview (a byte sequence viewing bytes or a bytearray) ----

fn is_memoryview(o: &Obj) -> bool {
    matches!(o, Obj::MemoryView { .. })
}

/// The bytes a memoryview currently sees.
fn view_bytes(vm: &mut Vm, a: &[Value], method: &str) -> PyResult<Vec<u8>> {
    let r = self_obj(vm, a, "memoryview", method, is_memoryview)?;
    Ok(vm.bytes_of(Value::Obj(r)).unwrap_or_default())
}

fn memoryview_tobytes(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let b = view_bytes(vm, a, "tobytes")?;
    vm.alloc(Obj::Bytes(b))
}

fn memoryview_tolist(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let b = view_bytes(vm, a, "tolist")?;
    vm.new_list(b.iter().map(|&x| Value::Int(Small::from(x))).collect())
}

fn memoryview_hex(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let b = view_bytes(vm, a, "hex")?;
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        s.push_str(&format!("{:02x}", x));
    }
    vm.new_str(s)
}

fn memoryview_release(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    self_obj(vm, a, "memoryview", "release", is_memoryview)?;
    Ok(Value::None)
}

/// `view[idx] = v` on a memoryview of `obj[start:start+len]`: writes
/// through to a bytearray; slices need a bytes-like value of equal length.
pub(crate) fn memoryview_set(
    vm: &mut Vm,
    obj: Value,
    start: usize,
    len: usize,
    idx: Value,
    v: Value,
) -> PyResult<()> {
    let Value::Obj(o) = obj else { return Ok(()) };
    if !matches!(vm.heap.get(o), Obj::ByteArray(_)) {
        return Err(vm.type_err("cannot modify read-only memory"));
    }
    if let Value::Obj(ir) = idx {
        if let Obj::Slice(_) = vm.heap.get(ir) {
            let (s, _, step, count) = vm.slice_indices(ir, len as i64)?;
            let Some(src) = vm.bytes_of(v) else {
                return Err(vm.type_error_of("a bytes-like object is required, not '", v, "'"));
            };
            if src.len() != count {
                return Err(vm.value_err(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            if let Obj::ByteArray(b) = vm.heap.get_mut(o) {
                for (k, &x) in src.iter().enumerate() {
                    let at = start as i64 + s + step * k as i64;
                    if let Some(slot) = b.get_mut(at as usize) {
                        *slot = x;
                    }
                }
            }
            return Ok(());
        }
    }
    let i = vm.index_value(idx)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.new_error(ty::INDEX_ERROR, "index out of bounds on dimension 1"));
    }
    let x = match vm.num_unwrap(v) {
        Value::Int(x) if (0..256).contains(&x) => x as u8,
        Value::Int(_) => return Err(vm.value_err("memoryview: invalid value for format 'B'")),
        _ => return Err(vm.type_err("memoryview: invalid type for format 'B'")),
    };
    if let Obj::ByteArray(b) = vm.heap.get_mut(o) {
        if let Some(slot) = b.get_mut(start + j as usize) {
            *slot = x;
        }
    }
    Ok(())
}

pub fn register(vm: &mut Vm) {
    let t = ty::LIST;
    vm.add_methods(
        t,
        &[
            ("__init__", list_init),
            ("append", list_append),
            ("clear", list_clear),
            ("copy", list_copy),
            ("count", list_count),
            ("extend", list_extend),
            ("index", list_index),
            ("insert", list_insert),
            ("pop", list_pop),
            ("remove", list_remove),
            ("reverse", list_reverse),
            ("sort", list_sort),
        ],
    );
    let t = ty::TUPLE;
    vm.add_methods(t, &[("count", tuple_count), ("index", tuple_index)]);
    let t = ty::RANGE;
    vm.add_methods(t, &[("count", range_count), ("index", range_index)]);
    let t = ty::SLICE;
    vm.add_methods(t, &[("indices", slice_indices)]);
    let t = ty::MEMORYVIEW;
    vm.add_methods(
        t,
        &[
            ("tobytes", memoryview_tobytes),
            ("tolist", memoryview_tolist),
            ("hex", memoryview_hex),
            ("release", memoryview_release),
        ],
    );
}
