//! Methods of `str`, with CPython 3.11's semantics and error messages.
//!
//! Strings are UTF-8, so searching works on bytes (a match of valid UTF-8
//! in valid UTF-8 always starts and ends on character boundaries) and only
//! the `start`/`end` arguments and returned positions are converted between
//! character indices and byte offsets, which is free for ASCII strings.
//! Read-only methods compute their answer while borrowing the heap and
//! allocate afterwards, so no method copies its receiver just to look at it.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::bytes_methods::{self as bm, Finder, RFinder};
use super::{arg, rest};
use crate::objects::{Obj, PyStr};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

// ---- argument helpers (shared with bytes_methods) ----

/// The `PyStr` of a str or of an instance of a str subclass.
pub(crate) fn pystr(vm: &Vm, v: Value) -> Option<&PyStr> {
    let Value::Obj(r) = v else { return None };
    match vm.heap.get(vm.dict_table_ref(r)) {
        Obj::Str(p) => Some(p),
        _ => None,
    }
}

/// The text of a str or str-subclass value.
pub(crate) fn text(vm: &Vm, v: Value) -> Option<&str> {
    pystr(vm, v).map(|p| p.s.as_str())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// How CPython words a wrong argument count for a positional-only method.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Argument Clinic: "center expected at least 1 argument, got 0".
    Clinic,
    /// Hand-parsed: "find() takes at least 1 argument (0 given)".
    Old,
    /// One argument (METH_O): "str.join() takes exactly one argument (0 given)".
    One,
}

/// Check the receiver and the number of positional-only arguments.
pub(crate) fn check_pos(
    vm: &mut Vm,
    cls: &str,
    name: &str,
    a: &[Value],
    kw: Kw,
    min: usize,
    max: usize,
) -> PyResult<()> {
    check_args(vm, cls, name, a, kw, min, max, Style::Clinic)
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn check_args(
    vm: &mut Vm,
    cls: &str,
    name: &str,
    a: &[Value],
    kw: Kw,
    min: usize,
    max: usize,
    style: Style,
) -> PyResult<()> {
    check_self(vm, cls, name, a)?;
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}.{}() takes no keyword arguments", cls, name)));
    }
    let n = a.len() - 1;
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if max == 0 {
        format!("{}.{}() takes no arguments ({} given)", cls, name, n)
    } else if style == Style::One {
        format!(
            "{}.{}() takes exactly one argument ({} given)",
            cls, name, n
        )
    } else {
        let (bound, which) = if n < min {
            (min, "least")
        } else {
            (max, "most")
        };
        let exact = if min == max { "" } else { "at " };
        let which = if min == max { "" } else { which };
        let sp = if min == max { "" } else { " " };
        if style == Style::Old {
            format!(
                "{}() takes {}{}{}{} argument{} ({} given)",
                name,
                exact,
                which,
                sp,
                bound,
                plural(bound),
                n
            )
        } else {
            format!(
                "{} expected {}{}{}{} argument{}, got {}",
                name,
                exact,
                which,
                sp,
                bound,
                plural(bound),
                n
            )
        }
    };
    Err(vm.type_error(msg))
}

/// Arguments of a method that also accepts them by keyword (`split`,
/// `encode`, ...): one slot per name, `Undef` when not given. An array, so
/// the callers index it without bounds checks or a heap Vec.
pub(crate) fn kw_args<const N: usize>(
    vm: &mut Vm,
    cls: &str,
    name: &str,
    a: &[Value],
    kw: Kw,
    names: &[&str; N],
) -> PyResult<[Value; N]> {
    let mut out = [Value::Undef; N];
    kw_fill(vm, cls, name, a, kw, names, &mut out)?;
    Ok(out)
}

fn kw_fill(
    vm: &mut Vm,
    cls: &str,
    name: &str,
    a: &[Value],
    kw: Kw,
    names: &[&str],
    out: &mut [Value],
) -> PyResult<()> {
    check_self(vm, cls, name, a)?;
    let pos = a.get(1..).unwrap_or(&[]);
    if pos.len() + kw.len() > names.len() {
        return Err(vm.type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            name,
            names.len(),
            plural(names.len()),
            pos.len() + kw.len()
        )));
    }
    for (o, v) in out.iter_mut().zip(pos) {
        *o = *v;
    }
    for &(k, v) in kw {
        let key = String::from(vm.str_of(k).unwrap_or(""));
        match names.iter().position(|n| *n == key) {
            Some(i) if i < pos.len() => {
                return Err(vm.type_error(format!(
                    "argument for {}() given by name ('{}') and position ({})",
                    name,
                    key,
                    i + 1
                )))
            }
            Some(i) => {
                if let Some(o) = out.get_mut(i) {
                    *o = v;
                }
            }
            None => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    key, name
                )))
            }
        }
    }
    Ok(())
}

/// The receiver must be an instance of `cls` (methods fetched from the
/// class, like `str.upper(5)`, are called unbound).
fn check_self(vm: &mut Vm, cls: &str, name: &str, a: &[Value]) -> PyResult<()> {
    let ok = match a.first() {
        None => {
            return Err(vm.type_error(format!(
                "unbound method {}.{}() needs an argument",
                cls, name
            )))
        }
        Some(&v) => match cls {
            "str" => pystr(vm, v).is_some(),
            "bytes" => bm::bytes_ref(vm, v).is_some(),
            _ => {
                matches!(v, Value::Obj(r) if matches!(vm.heap.get(vm.dict_table_ref(r)), Obj::ByteArray(_)))
            }
        },
    };
    if ok {
        return Ok(());
    }
    let t = vm.type_name(arg(a, 0));
    Err(vm.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        name, cls, t
    )))
}

/// An optional `start`/`end` argument: None or an int (clamped to i64).
pub(crate) fn opt_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    let v = match v {
        None => return Ok(None),
        Some(v) if v.is_none() || v.is_undef() => return Ok(None),
        Some(v) => *v,
    };
    let u = vm.num_unwrap(v);
    if !vm.as_int_like(u) {
        return Err(
            vm.type_err("slice indices must be integers or None or have an __index__ method")
        );
    }
    vm.index_value(u).map(Some)
}

/// CPython's ADJUST_INDICES: clamp `start`/`end` like a slice of `len`.
pub(crate) fn adjust(start: Option<i64>, end: Option<i64>, len: i64) -> (i64, i64) {
    let mut end = end.unwrap_or(len);
    let mut start = start.unwrap_or(0);
    if end > len {
        end = len;
    } else if end < 0 {
        end = end.saturating_add(len).max(0);
    }
    if start < 0 {
        start = start.saturating_add(len).max(0);
    }
    (start, end)
}

/// An integer argument (width, count, maxsplit).
pub(crate) fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    vm.index_value(v)
}

/// Python's `str.isspace` for one character.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x20') || (c as u32 > 0x7f && c.is_whitespace())
}

fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Byte offsets of the character range `[start, end)` (both within `0..=chars`).
fn byte_range(p: &PyStr, start: i64, end: i64) -> (usize, usize) {
    if p.is_ascii() {
        return (start as usize, end as usize);
    }
    let bs = p.byte_offset(start as usize);
    let be = bs + byte_len_of_chars(&p.s[bs..], (end - start) as usize);
    (bs, be)
}

fn byte_len_of_chars(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map(|(b, _)| b).unwrap_or(s.len())
}

/// Number of characters in a UTF-8 byte prefix.
fn chars_in(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x & 0xc0) != 0x80).count()
}

/// A slice of `s` by byte offsets known to be character boundaries.
fn sub(s: &str, a: usize, b: usize) -> &str {
    s.get(a..b).unwrap_or("")
}

fn must_be_str(vm: &mut Vm, v: Value) -> PyResult<()> {
    if pystr(vm, v).is_some() {
        return Ok(());
    }
    Err(vm.type_error_of("must be str, not ", v, ""))
}

/// Allocate the strs `ranges` of the receiver's text and return them as a list.
fn str_list(vm: &mut Vm, this: Value, ranges: &[(usize, usize)]) -> PyResult<Value> {
    let mut out = Vec::with_capacity(ranges.len());
    for &(a, b) in ranges {
        let piece = String::from(sub(text(vm, this).unwrap_or(""), a, b));
        out.push(vm.new_str(piece)?);
    }
    vm.new_list(out)
}

// ---- searching ----

/// Shared by find/rfind/index/rindex: the character index of the match.
fn find_impl(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, rev: bool) -> PyResult<Option<i64>> {
    check_args(vm, "str", name, a, kw, 1, 3, Style::Old)?;
    must_be_str(vm, arg(a, 1))?;
    let start = opt_index(vm, a.get(2))?;
    let end = opt_index(vm, a.get(3))?;
    let (Some(p), Some(needle)) = (pystr(vm, arg(a, 0)), pystr(vm, arg(a, 1))) else {
        return Ok(None);
    };
    let (st, en) = adjust(start, end, p.chars as i64);
    if en - st < needle.chars as i64 {
        return Ok(None);
    }
    let (bs, be) = byte_range(p, st, en);
    let hay = &p.s.as_bytes()[bs..be];
    let n = needle.s.as_bytes();
    let pos = if rev {
        RFinder::new(n).rfind(hay)
    } else {
        Finder::new(n).find(hay)
    };
    Ok(pos.map(|i| {
        st + if p.is_ascii() {
            i as i64
        } else {
            chars_in(&hay[..i]) as i64
        }
    }))
}

fn s_find(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, a, kw, "find", false)?.unwrap_or(-1),
    ))
}

fn s_rfind(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, a, kw, "rfind", true)?.unwrap_or(-1),
    ))
}

fn s_index(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    match find_impl(vm, a, kw, "index", false)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_err("substring not found")),
    }
}

fn s_rindex(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    match find_impl(vm, a, kw, "rindex", true)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_err("substring not found")),
    }
}

fn s_count(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "str", "count", a, kw, 1, 3, Style::Old)?;
    must_be_str(vm, arg(a, 1))?;
    let start = opt_index(vm, a.get(2))?;
    let end = opt_index(vm, a.get(3))?;
    let (Some(p), Some(needle)) = (pystr(vm, arg(a, 0)), pystr(vm, arg(a, 1))) else {
        return Ok(Value::Int(0));
    };
    let (st, en) = adjust(start, end, p.chars as i64);
    if en - st < needle.chars as i64 {
        return Ok(Value::Int(0));
    }
    if needle.chars == 0 {
        return Ok(Value::Int(en - st + 1));
    }
    let (bs, be) = byte_range(p, st, en);
    let n = bm::count(&p.s.as_bytes()[bs..be], needle.s.as_bytes(), usize::MAX);
    Ok(Value::Int(n as i64))
}

/// startswith/endswith: `prefix` is a str or a tuple of strs.
fn affix(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, suffix: bool) -> PyResult<Value> {
    check_args(vm, "str", name, a, kw, 1, 3, Style::Old)?;
    let start = opt_index(vm, a.get(2))?;
    let end = opt_index(vm, a.get(3))?;
    let cands: Vec<Value> = if pystr(vm, arg(a, 1)).is_some() {
        alloc::vec![arg(a, 1)]
    } else if let Some(items) = tuple_of(vm, arg(a, 1)) {
        for &it in &items {
            if pystr(vm, it).is_none() {
                let t = vm.type_name(it);
                return Err(vm.type_error(format!(
                    "tuple for {} must only contain str, not {}",
                    name, t
                )));
            }
        }
        items
    } else {
        let t = vm.type_name(arg(a, 1));
        return Err(vm.type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            name, t
        )));
    };
    let Some(p) = pystr(vm, arg(a, 0)) else {
        return Ok(Value::Bool(false));
    };
    for c in cands {
        let Some(needle) = pystr(vm, c) else { continue };
        let (st, en) = adjust(start, end, p.chars as i64);
        if en - needle.chars as i64 >= st {
            let (bs, be) = byte_range(p, st, en);
            let w = &p.s.as_bytes()[bs..be];
            let n = needle.s.as_bytes();
            if (suffix && w.ends_with(n)) || (!suffix && w.starts_with(n)) {
                return Ok(Value::Bool(true));
            }
        }
    }
    Ok(Value::Bool(false))
}

pub(crate) fn tuple_of(vm: &Vm, v: Value) -> Option<Vec<Value>> {
    let Value::Obj(r) = v else { return None };
    match vm.heap.get(vm.dict_table_ref(r)) {
        Obj::Tuple(t) => Some(t.to_vec()),
        _ => None,
    }
}

fn s_startswith(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    affix(vm, a, kw, "startswith", false)
}

fn s_endswith(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    affix(vm, a, kw, "endswith", true)
}

// ---- splitting and joining ----

/// `sep=None` splitting: runs of whitespace separate, leading and trailing
/// whitespace is dropped; once `maxsplit` is used up the rest (without its
/// leading whitespace) is the last item.
fn split_ws(s: &str, maxsplit: i64) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut it = s.char_indices().peekable();
    loop {
        while let Some(&(_, c)) = it.peek() {
            if !is_space(c) {
                break;
            }
            it.next();
        }
        let Some(&(start, _)) = it.peek() else { break };
        if left == 0 {
            out.push((start, s.len()));
            break;
        }
        let mut end = s.len();
        while let Some(&(i, c)) = it.peek() {
            if is_space(c) {
                end = i;
                break;
            }
            it.next();
        }
        out.push((start, end));
        left -= 1;
    }
    out
}

fn rsplit_ws(s: &str, maxsplit: i64) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut it = s.char_indices().rev().peekable();
    loop {
        while let Some(&(_, c)) = it.peek() {
            if !is_space(c) {
                break;
            }
            it.next();
        }
        let Some(&(i, c)) = it.peek() else { break };
        let end = i + c.len_utf8();
        if left == 0 {
            out.push((0, end));
            break;
        }
        let mut start = 0;
        while let Some(&(i, c)) = it.peek() {
            if is_space(c) {
                start = i + c.len_utf8();
                break;
            }
            it.next();
        }
        out.push((start, end));
        left -= 1;
    }
    out.reverse();
    out
}

fn split_common(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, rev: bool) -> PyResult<Value> {
    let args = kw_args(vm, "str", name, a, kw, &["sep", "maxsplit"])?;
    let maxsplit = if args[1].is_undef() {
        -1
    } else {
        int_arg(vm, args[1])?
    };
    let sep = args[0];
    let ranges = if sep.is_undef() || sep.is_none() {
        let s = text(vm, arg(a, 0)).unwrap_or("");
        if rev {
            rsplit_ws(s, maxsplit)
        } else {
            split_ws(s, maxsplit)
        }
    } else {
        let Some(sp) = text(vm, sep) else {
            return Err(vm.type_error_of("must be str or None, not ", sep, ""));
        };
        if sp.is_empty() {
            return Err(vm.value_err("empty separator"));
        }
        let s = text(vm, arg(a, 0)).unwrap_or("");
        if rev {
            bm::rsplit_sep(s.as_bytes(), sp.as_bytes(), maxsplit)
        } else {
            bm::split_sep(s.as_bytes(), sp.as_bytes(), maxsplit)
        }
    };
    str_list(vm, arg(a, 0), &ranges)
}

fn s_split(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    split_common(vm, a, kw, "split", false)
}

fn s_rsplit(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    split_common(vm, a, kw, "rsplit", true)
}

fn s_splitlines(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let args = kw_args(vm, "str", "splitlines", a, kw, &["keepends"])?;
    let keep = if args[0].is_undef() {
        false
    } else {
        vm.truthy(args[0])?
    };
    let s = text(vm, arg(a, 0)).unwrap_or("");
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = it.peek() {
                it.next();
                end += 1;
            }
        }
        ranges.push((start, if keep { end } else { i }));
        start = end;
    }
    if start < s.len() {
        ranges.push((start, s.len()));
    }
    str_list(vm, arg(a, 0), &ranges)
}

fn s_join(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "str", "join", a, kw, 1, 1, Style::One)?;
    let items = match vm.collect_iterable(arg(a, 1)) {
        Ok(v) => v,
        Err(e) => {
            let te = vm.types.type_error;
            if vm.get_iter(arg(a, 1)).is_err() && vm.exc_is(e, te) {
                return Err(vm.type_err("can only join an iterable"));
            }
            return Err(e);
        }
    };
    // Items produced by a generator are referenced only from here.
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let r = join_items(vm, arg(a, 0), &items);
    vm.temp_roots.truncate(mark);
    r
}

fn join_items(vm: &mut Vm, sep: Value, items: &[Value]) -> PyResult<Value> {
    let mut total = 0usize;
    let sep_len = text(vm, sep).map(str::len).unwrap_or(0);
    for (i, &it) in items.iter().enumerate() {
        match text(vm, it) {
            Some(s) => total = total.saturating_add(s.len()).saturating_add(sep_len),
            None => {
                let t = vm.type_name(it);
                return Err(vm.type_error(format!(
                    "sequence item {}: expected str instance, {} found",
                    i, t
                )));
            }
        }
    }
    if items.len() == 1 {
        if let Value::Obj(r) = items[0] {
            if matches!(vm.heap.get(r), Obj::Str(_)) {
                return Ok(items[0]);
            }
        }
    }
    vm.ensure(total)?;
    let mut out = String::new();
    if out.try_reserve(total).is_err() {
        return Err(vm.memory_error);
    }
    let sep = text(vm, sep).unwrap_or("");
    for (i, &it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(text(vm, it).unwrap_or(""));
    }
    vm.new_str(out)
}

fn partition_impl(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, rev: bool) -> PyResult<Value> {
    check_args(vm, "str", name, a, kw, 1, 1, Style::One)?;
    must_be_str(vm, arg(a, 1))?;
    let (Some(s), Some(sep)) = (text(vm, arg(a, 0)), text(vm, arg(a, 1))) else {
        return Ok(Value::None);
    };
    if sep.is_empty() {
        return Err(vm.value_err("empty separator"));
    }
    let pos = if rev {
        RFinder::new(sep.as_bytes()).rfind(s.as_bytes())
    } else {
        Finder::new(sep.as_bytes()).find(s.as_bytes())
    };
    let (x, y, z) = match pos {
        Some(i) => (
            String::from(sub(s, 0, i)),
            String::from(sep),
            String::from(sub(s, i + sep.len(), s.len())),
        ),
        None if rev => (String::new(), String::new(), String::from(s)),
        None => (String::from(s), String::new(), String::new()),
    };
    let x = vm.new_str(x)?;
    let y = vm.new_str(y)?;
    let z = vm.new_str(z)?;
    vm.new_tuple(alloc::vec![x, y, z])
}

fn s_partition(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    partition_impl(vm, a, kw, "partition", false)
}

fn s_rpartition(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    partition_impl(vm, a, kw, "rpartition", true)
}

// ---- transforming ----

fn s_replace(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_pos(vm, "str", "replace", a, kw, 2, 3)?;
    for (i, &arg) in a.iter().enumerate().take(3).skip(1) {
        if pystr(vm, arg).is_none() {
            let t = vm.type_name(arg);
            return Err(vm.type_error(format!("replace() argument {} must be str, not {}", i, t)));
        }
    }
    let count = match a.get(3) {
        Some(&v) => int_arg(vm, v)?,
        None => -1,
    };
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let size = {
        let (Some(p), Some(old), Some(new)) = (
            pystr(vm, arg(a, 0)),
            text(vm, arg(a, 1)),
            text(vm, arg(a, 2)),
        ) else {
            return Ok(Value::None);
        };
        let n = if old.is_empty() {
            (p.chars + 1).min(max)
        } else {
            bm::count(p.s.as_bytes(), old.as_bytes(), max)
        };
        (n as u128 * new.len() as u128 + p.s.len() as u128).min(usize::MAX as u128) as usize
    };
    // Check the result fits before building it.
    vm.ensure(size)?;
    let (Some(s), Some(old), Some(new)) = (
        text(vm, arg(a, 0)),
        text(vm, arg(a, 1)),
        text(vm, arg(a, 2)),
    ) else {
        return Ok(Value::None);
    };
    let out = if old.is_empty() {
        // Insert `new` before every character and at the end.
        let mut out = String::new();
        let mut n = 0usize;
        for c in s.chars() {
            if n < max {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < max {
            out.push_str(new);
        }
        out
    } else {
        let b = bm::replace(s.as_bytes(), old.as_bytes(), new.as_bytes(), max);
        String::from_utf8(b).unwrap_or_default()
    };
    vm.new_str(out)
}

fn strip_impl(
    vm: &mut Vm,
    a: &[Value],
    kw: Kw,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    check_pos(vm, "str", name, a, kw, 0, 1)?;
    let chars = match a.get(1) {
        None => None,
        Some(v) if v.is_none() => None,
        Some(&v) => match text(vm, v) {
            Some(c) => Some(String::from(c)),
            None => {
                return Err(vm.type_error(format!("{} arg must be None or str", name)));
            }
        },
    };
    let s = text(vm, arg(a, 0)).unwrap_or("");
    let pred = |c: char| match &chars {
        None => is_space(c),
        Some(set) => set.contains(c),
    };
    let mut t = s;
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    if t.len() == s.len()
        && matches!(arg(a, 0), Value::Obj(r) if matches!(vm.heap.get(r), Obj::Str(_)))
    {
        return Ok(arg(a, 0));
    }
    let t = String::from(t);
    vm.new_str(t)
}

fn s_strip(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(vm, a, kw, "strip", true, true)
}

fn s_lstrip(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(vm, a, kw, "lstrip", true, false)
}

fn s_rstrip(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(vm, a, kw, "rstrip", false, true)
}

/// A no-argument method computing a new string from the receiver.
fn map_str(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    check_pos(vm, "str", name, a, kw, 0, 0)?;
    let out = f(text(vm, arg(a, 0)).unwrap_or(""));
    vm.new_str(out)
}

fn upper(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_uppercase()
    } else {
        // What `str::to_uppercase` does, without its own ASCII fast path
        // (2 KB of flash; the ASCII case is handled above).
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            out.extend(c.to_uppercase());
        }
        out
    }
}

fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_title(c)
}

/// Titlecase letters (Lt), e.g. 'ǅ': neither upper nor lower but with a lowercase form.
fn is_title(c: char) -> bool {
    !c.is_ascii() && !c.is_uppercase() && !c.is_lowercase() && c.to_lowercase().next() != Some(c)
}

fn push_title(out: &mut String, c: char) {
    // Rust has no titlecase mapping; the four Latin digraphs are the
    // common letters whose titlecase differs from their uppercase.
    match c {
        'Ǆ' | 'ǅ' | 'ǆ' => out.push('ǅ'),
        'Ǉ' | 'ǈ' | 'ǉ' => out.push('ǈ'),
        'Ǌ' | 'ǋ' | 'ǌ' => out.push('ǋ'),
        'Ǳ' | 'ǲ' | 'ǳ' => out.push('ǲ'),
        'ß' => out.push_str("Ss"),
        _ => out.extend(c.to_uppercase()),
    }
}

fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    if let Some(c) = it.next() {
        push_title(&mut out, c);
    }
    out.push_str(&lower(it.as_str()));
    out
}

fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn s_upper(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    map_str(vm, a, kw, "upper", upper)
}
fn s_lower(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    map_str(vm, a, kw, "lower", lower)
}
fn s_casefold(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    map_str(vm, a, kw, "casefold", |s| lower(s).replace('ß', "ss"))
}
fn s_title(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    map_str(vm, a, kw, "title", title)
}
fn s_capitalize(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    map_str(vm, a, kw, "capitalize", capitalize)
}
fn s_swapcase(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    map_str(vm, a, kw, "swapcase", swapcase)
}

/// Width and fill character of center/ljust/rjust.
fn pad_args(vm: &mut Vm, a: &[Value], kw: Kw, name: &str) -> PyResult<(usize, char)> {
    check_pos(vm, "str", name, a, kw, 1, 2)?;
    let w = int_arg(vm, arg(a, 1))?;
    let fill = match a.get(2) {
        None => ' ',
        Some(&f) => match text(vm, f) {
            Some(t) => {
                let mut cs = t.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => c,
                    _ => {
                        return Err(
                            vm.type_err("The fill character must be exactly one character long")
                        )
                    }
                }
            }
            None => {
                return Err(vm.type_error_of(
                    "The fill character must be a unicode character, not ",
                    f,
                    "",
                ));
            }
        },
    };
    let w = w.max(0) as usize;
    vm.ensure(w.saturating_mul(fill.len_utf8()))?;
    Ok((w, fill))
}

fn pad(vm: &mut Vm, a: &[Value], left: usize, right: usize, fill: char) -> PyResult<Value> {
    let s = text(vm, arg(a, 0)).unwrap_or("");
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(core::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(core::iter::repeat_n(fill, right));
    vm.new_str(out)
}

fn s_center(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let (w, fill) = pad_args(vm, a, kw, "center")?;
    let len = pystr(vm, arg(a, 0)).map(|p| p.chars).unwrap_or(0);
    if w <= len {
        return same_or_copy(vm, arg(a, 0));
    }
    let marg = w - len;
    // CPython's rounding: the odd extra column goes left when `w` is odd.
    let left = marg / 2 + (marg & w & 1);
    pad(vm, a, left, marg - left, fill)
}

fn s_ljust(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let (w, fill) = pad_args(vm, a, kw, "ljust")?;
    let len = pystr(vm, arg(a, 0)).map(|p| p.chars).unwrap_or(0);
    if w <= len {
        return same_or_copy(vm, arg(a, 0));
    }
    pad(vm, a, 0, w - len, fill)
}

fn s_rjust(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let (w, fill) = pad_args(vm, a, kw, "rjust")?;
    let len = pystr(vm, arg(a, 0)).map(|p| p.chars).unwrap_or(0);
    if w <= len {
        return same_or_copy(vm, arg(a, 0));
    }
    pad(vm, a, w - len, 0, fill)
}

/// The receiver itself if it is an exact str, else a plain str copy.
fn same_or_copy(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if let Value::Obj(r) = v {
        if matches!(vm.heap.get(r), Obj::Str(_)) {
            return Ok(v);
        }
    }
    let s = String::from(text(vm, v).unwrap_or(""));
    vm.new_str(s)
}

fn s_zfill(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "str", "zfill", a, kw, 1, 1, Style::One)?;
    let w = int_arg(vm, arg(a, 1))?.max(0) as usize;
    let len = pystr(vm, arg(a, 0)).map(|p| p.chars).unwrap_or(0);
    if w <= len {
        return same_or_copy(vm, arg(a, 0));
    }
    vm.ensure(w)?;
    let s = text(vm, arg(a, 0)).unwrap_or("");
    let (sign, body) = match s.as_bytes().first() {
        Some(b'+' | b'-') => s.split_at(1),
        _ => ("", s),
    };
    let mut out = String::with_capacity(w + s.len() - len);
    out.push_str(sign);
    out.extend(core::iter::repeat_n('0', w - len));
    out.push_str(body);
    vm.new_str(out)
}

fn s_expandtabs(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let args = kw_args(vm, "str", "expandtabs", a, kw, &["tabsize"])?;
    let tab = if args[0].is_undef() {
        8
    } else {
        int_arg(vm, args[0])?
    };
    let tabs = text(vm, arg(a, 0)).unwrap_or("").matches('\t').count();
    let size = (tabs as u128 * tab.max(0) as u128).min(usize::MAX as u128) as usize;
    vm.ensure(size)?;
    let s = text(vm, arg(a, 0)).unwrap_or("");
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(core::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    vm.new_str(out)
}

// ---- predicates ----

/// A predicate over all characters: false for the empty string.
fn all_chars(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, f: fn(char) -> bool) -> PyResult<Value> {
    check_pos(vm, "str", name, a, kw, 0, 0)?;
    let s = text(vm, arg(a, 0)).unwrap_or("");
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

/// Digits: decimals plus superscripts, circled digits and the like, but
/// not other numerics such as fractions and roman numerals.
fn is_digit(c: char) -> bool {
    is_decimal(c) || (!c.is_ascii() && c.is_numeric() && !is_fraction(c))
}

/// Numeric characters that are not digits ('½', roman numerals, ...).
fn is_fraction(c: char) -> bool {
    matches!(c as u32, 0xbc..=0xbe | 0x2150..=0x218b | 0x2cfd | 0x3007 | 0x3021..=0x3029 | 0x3038..=0x303a)
}

fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && is_unicode_decimal(c))
}

/// Decimal digits of other scripts (Nd): blocks of ten starting at a zero.
fn is_unicode_decimal(c: char) -> bool {
    const ZEROS: &[u32] = &[
        0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
        0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
        0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0,
        0xff10,
    ];
    let u = c as u32;
    ZEROS.iter().any(|&z| u >= z && u < z + 10)
}

fn s_isdigit(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_chars(vm, a, kw, "isdigit", is_digit)
}
fn s_isdecimal(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_chars(vm, a, kw, "isdecimal", is_decimal)
}
fn s_isnumeric(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_chars(vm, a, kw, "isnumeric", char::is_numeric)
}
fn s_isalpha(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_chars(vm, a, kw, "isalpha", char::is_alphabetic)
}
fn s_isalnum(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_chars(vm, a, kw, "isalnum", char::is_alphanumeric)
}
fn s_isspace(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_chars(vm, a, kw, "isspace", is_space)
}
fn s_isascii(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_pos(vm, "str", "isascii", a, kw, 0, 0)?;
    Ok(Value::Bool(text(vm, arg(a, 0)).unwrap_or("").is_ascii()))
}
fn s_isidentifier(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_pos(vm, "str", "isidentifier", a, kw, 0, 0)?;
    let s = text(vm, arg(a, 0)).unwrap_or("");
    let mut cs = s.chars();
    let ok = match cs.next() {
        Some(c) => (c == '_' || c.is_alphabetic()) && cs.all(|c| c == '_' || c.is_alphanumeric()),
        None => false,
    };
    Ok(Value::Bool(ok))
}
fn s_isprintable(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_pos(vm, "str", "isprintable", a, kw, 0, 0)?;
    let s = text(vm, arg(a, 0)).unwrap_or("");
    let ok = s.chars().all(|c| {
        let u = c as u32;
        !(u < 0x20 || (0x7f..0xa0).contains(&u) || (c != ' ' && is_space(c)) || u == 0xad)
    });
    Ok(Value::Bool(ok))
}

/// isupper/islower: at least one cased character and no cased character
/// of the other case (titlecase letters count as neither).
fn case_pred(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, want_upper: bool) -> PyResult<Value> {
    check_pos(vm, "str", name, a, kw, 0, 0)?;
    let s = text(vm, arg(a, 0)).unwrap_or("");
    let mut cased = false;
    for c in s.chars() {
        let (u, l) = (c.is_uppercase(), c.is_lowercase());
        if (want_upper && (l || is_title(c))) || (!want_upper && (u || is_title(c))) {
            return Ok(Value::Bool(false));
        }
        cased |= if want_upper { u } else { l };
    }
    Ok(Value::Bool(cased))
}

fn s_isupper(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    case_pred(vm, a, kw, "isupper", true)
}
fn s_islower(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    case_pred(vm, a, kw, "islower", false)
}

fn s_istitle(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_pos(vm, "str", "istitle", a, kw, 0, 0)?;
    let s = text(vm, arg(a, 0)).unwrap_or("");
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_title(c) {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

// ---- encoding ----

/// The canonical name of a supported codec.
pub(crate) fn codec(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'static str> {
    if v.is_undef() {
        return Ok("utf-8");
    }
    let Some(name) = text(vm, v) else {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!(
            "{}() argument 'encoding' must be str, not {}",
            what, t
        )));
    };
    let norm: String = name
        .chars()
        .map(|c| {
            if c == '_' || c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => "utf-8",
        "ascii" | "us-ascii" | "646" => "ascii",
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin" => {
            "latin-1"
        }
        _ => {
            let n = String::from(name);
            return Err(vm.new_error(vm.types.lookup_error, &format!("unknown encoding: {}", n)));
        }
    })
}

pub(crate) fn errors_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    if v.is_undef() {
        return Ok(String::from("strict"));
    }
    match text(vm, v) {
        Some(s) => Ok(String::from(s)),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "{}() argument 'errors' must be str, not {}",
                what, t
            )))
        }
    }
}

fn char_escape(c: char) -> String {
    let u = c as u32;
    if u < 0x100 {
        format!("\\x{:02x}", u)
    } else if u < 0x10000 {
        format!("\\u{:04x}", u)
    } else {
        format!("\\U{:08x}", u)
    }
}

fn s_encode(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let args = kw_args(vm, "str", "encode", a, kw, &["encoding", "errors"])?;
    let enc = codec(vm, args[0], "encode")?;
    let errors = errors_arg(vm, args[1], "encode")?;
    let s = text(vm, arg(a, 0)).unwrap_or("");
    if enc == "utf-8" {
        let b = s.as_bytes().to_vec();
        return vm.alloc(Obj::Bytes(b));
    }
    let limit: u32 = if enc == "ascii" { 0x80 } else { 0x100 };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match errors.as_str() {
            "ignore" => {}
            "replace" => out.extend(core::iter::repeat_n(b'?', j - i)),
            "backslashreplace" => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(char_escape(c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            "strict" => {
                let what = if j - i == 1 {
                    format!("character '{}' in position {}", char_escape(c), i)
                } else {
                    format!("characters in position {}-{}", i, j - 1)
                };
                let msg = format!(
                    "'{}' codec can't encode {}: ordinal not in range({})",
                    if enc == "ascii" { "ascii" } else { "latin-1" },
                    what,
                    limit
                );
                return Err(vm.new_error(vm.types.unicode_error, &msg));
            }
            other => {
                let m = format!("unknown error handler name '{}'", other);
                return Err(vm.new_error(vm.types.lookup_error, &m));
            }
        }
        i = j;
    }
    vm.alloc(Obj::Bytes(out))
}

// ---- format ----

fn s_format(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_self(vm, "str", "format", a)?;
    let f = String::from(text(vm, arg(a, 0)).unwrap_or(""));
    let out = super::strformat::format(vm, &f, rest(a, 1), kw)?;
    vm.new_str(out)
}

fn s_format_map(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "str", "format_map", a, kw, 1, 1, Style::One)?;
    let f = String::from(text(vm, arg(a, 0)).unwrap_or(""));
    let out = super::strformat::format_map(vm, &f, arg(a, 1))?;
    vm.new_str(out)
}

pub fn register(vm: &mut Vm) {
    let t = vm.types.str_;
    vm.add_methods(
        t,
        &[
            ("find", s_find),
            ("rfind", s_rfind),
            ("index", s_index),
            ("rindex", s_rindex),
            ("count", s_count),
            ("startswith", s_startswith),
            ("endswith", s_endswith),
            ("split", s_split),
            ("rsplit", s_rsplit),
            ("splitlines", s_splitlines),
            ("join", s_join),
            ("partition", s_partition),
            ("rpartition", s_rpartition),
            ("replace", s_replace),
            ("strip", s_strip),
            ("lstrip", s_lstrip),
            ("rstrip", s_rstrip),
            ("upper", s_upper),
            ("lower", s_lower),
            ("casefold", s_casefold),
            ("title", s_title),
            ("capitalize", s_capitalize),
            ("swapcase", s_swapcase),
            ("center", s_center),
            ("ljust", s_ljust),
            ("rjust", s_rjust),
            ("zfill", s_zfill),
            ("expandtabs", s_expandtabs),
            ("isdigit", s_isdigit),
            ("isdecimal", s_isdecimal),
            ("isnumeric", s_isnumeric),
            ("isalpha", s_isalpha),
            ("isalnum", s_isalnum),
            ("isspace", s_isspace),
            ("isascii", s_isascii),
            ("isidentifier", s_isidentifier),
            ("isprintable", s_isprintable),
            ("isupper", s_isupper),
            ("islower", s_islower),
            ("istitle", s_istitle),
            ("encode", s_encode),
            ("format", s_format),
            ("format_map", s_format_map),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_split() {
        let s = "  a  b  c  ";
        assert_eq!(split_ws(s, -1), alloc::vec![(2, 3), (5, 6), (8, 9)]);
        assert_eq!(split_ws(s, 1), alloc::vec![(2, 3), (5, 11)]);
        assert_eq!(rsplit_ws(s, 1), alloc::vec![(0, 6), (8, 9)]);
        assert!(split_ws("   ", -1).is_empty());
    }

    #[test]
    fn center_rounding() {
        // 'abc'.center(8, '*') == '**abc***'
        let (w, len) = (8usize, 3usize);
        let marg = w - len;
        assert_eq!(marg / 2 + (marg & w & 1), 2);
    }
}
