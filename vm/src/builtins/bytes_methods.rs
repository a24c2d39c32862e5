//! Methods of `bytes` and `bytearray`, and the byte-string search
//! primitives that `str` methods also use on their UTF-8 bytes.
//!
//! Methods are registered on both classes; a method of a bytearray returns
//! bytearrays where CPython does (`upper`, `split`, `replace`, ...).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::arg;
use super::str_methods::{
    adjust, check_args, check_pos, codec, errors_arg, int_arg, kw_args, opt_index, text, tuple_of,
    Style,
};
use crate::objects::Obj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

// ---- search primitives ----

/// Forward substring search (Horspool, with a naive path for short input).
pub(crate) struct Finder<'n> {
    n: &'n [u8],
    skip: Option<[usize; 256]>,
}

impl<'n> Finder<'n> {
    pub(crate) fn new(n: &'n [u8]) -> Finder<'n> {
        Finder { n, skip: None }
    }

    pub(crate) fn find(&mut self, h: &[u8]) -> Option<usize> {
        let n = self.n;
        let m = n.len();
        if m == 0 {
            return Some(0);
        }
        if m > h.len() {
            return None;
        }
        let last = n[m - 1];
        if m == 1 {
            return h.iter().position(|&b| b == last);
        }
        if h.len() < 64 {
            return h.windows(m).position(|w| w == n);
        }
        let skip = self.skip.get_or_insert_with(|| {
            let mut t = [m; 256];
            for (i, &b) in n[..m - 1].iter().enumerate() {
                t[b as usize] = m - 1 - i;
            }
            t
        });
        let mut i = 0;
        while i + m <= h.len() {
            let c = h[i + m - 1];
            if c == last && &h[i..i + m] == n {
                return Some(i);
            }
            i += skip[c as usize];
        }
        None
    }
}

/// Backward substring search: the start of the last occurrence.
pub(crate) struct RFinder<'n> {
    n: &'n [u8],
    skip: Option<[usize; 256]>,
}

impl<'n> RFinder<'n> {
    pub(crate) fn new(n: &'n [u8]) -> RFinder<'n> {
        RFinder { n, skip: None }
    }

    pub(crate) fn rfind(&mut self, h: &[u8]) -> Option<usize> {
        let n = self.n;
        let m = n.len();
        if m == 0 {
            return Some(h.len());
        }
        if m > h.len() {
            return None;
        }
        let first = n[0];
        if m == 1 {
            return h.iter().rposition(|&b| b == first);
        }
        if h.len() < 64 {
            return h.windows(m).rposition(|w| w == n);
        }
        let skip = self.skip.get_or_insert_with(|| {
            let mut t = [m; 256];
            for k in (1..m).rev() {
                t[n[k] as usize] = k;
            }
            t
        });
        let mut i = h.len() - m;
        loop {
            let c = h[i];
            if c == first && &h[i..i + m] == n {
                return Some(i);
            }
            let s = skip[c as usize];
            if s > i {
                return None;
            }
            i -= s;
        }
    }
}

/// Non-overlapping occurrences of a non-empty `n` in `h`, at most `max`.
pub(crate) fn count(h: &[u8], n: &[u8], max: usize) -> usize {
    if n.is_empty() {
        return (h.len() + 1).min(max);
    }
    let mut f = Finder::new(n);
    let (mut i, mut c) = (0, 0);
    while c < max {
        match f.find(&h[i..]) {
            Some(p) => {
                c += 1;
                i += p + n.len();
            }
            None => break,
        }
    }
    c
}

/// Replace up to `max` occurrences of a non-empty `old`.
pub(crate) fn replace(h: &[u8], old: &[u8], new: &[u8], max: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(h.len());
    let mut f = Finder::new(old);
    let (mut i, mut c) = (0, 0);
    while c < max {
        match f.find(&h[i..]) {
            Some(p) => {
                out.extend_from_slice(&h[i..i + p]);
                out.extend_from_slice(new);
                i += p + old.len();
                c += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&h[i..]);
    out
}

/// `split(sep, maxsplit)` with a non-empty separator: ranges of `h`.
pub(crate) fn split_sep(h: &[u8], sep: &[u8], maxsplit: i64) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut f = Finder::new(sep);
    let mut i = 0;
    while left > 0 {
        match f.find(&h[i..]) {
            Some(p) => {
                out.push((i, i + p));
                i += p + sep.len();
                left -= 1;
            }
            None => break,
        }
    }
    out.push((i, h.len()));
    out
}

pub(crate) fn rsplit_sep(h: &[u8], sep: &[u8], maxsplit: i64) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut f = RFinder::new(sep);
    let mut j = h.len();
    while left > 0 {
        match f.rfind(&h[..j]) {
            Some(p) => {
                out.push((p + sep.len(), j));
                j = p;
                left -= 1;
            }
            None => break,
        }
    }
    out.push((0, j));
    out.reverse();
    out
}

fn is_bspace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn split_ws(h: &[u8], maxsplit: i64) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut i = 0;
    let n = h.len();
    loop {
        while i < n && is_bspace(h[i]) {
            i += 1;
        }
        if i == n {
            break;
        }
        if left == 0 {
            out.push((i, n));
            break;
        }
        let j = i;
        while i < n && !is_bspace(h[i]) {
            i += 1;
        }
        out.push((j, i));
        left -= 1;
    }
    out
}

fn rsplit_ws(h: &[u8], maxsplit: i64) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut j = h.len();
    loop {
        while j > 0 && is_bspace(h[j - 1]) {
            j -= 1;
        }
        if j == 0 {
            break;
        }
        if left == 0 {
            out.push((0, j));
            break;
        }
        let e = j;
        while j > 0 && !is_bspace(h[j - 1]) {
            j -= 1;
        }
        out.push((j, e));
        left -= 1;
    }
    out.reverse();
    out
}

// ---- receivers and arguments ----

/// The bytes of a bytes/bytearray (or subclass instance) receiver.
pub(crate) fn bytes_ref(vm: &Vm, v: Value) -> Option<&[u8]> {
    let Value::Obj(r) = v else { return None };
    match vm.heap.get(vm.dict_table_ref(r)) {
        Obj::Bytes(b) | Obj::ByteArray(b) => Some(b.as_slice()),
        _ => None,
    }
}

fn is_bytearray(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(vm.dict_table_ref(r)), Obj::ByteArray(_)))
}

fn cls_name(vm: &Vm, a: &[Value]) -> &'static str {
    match a.first() {
        Some(&v) if is_bytearray(vm, v) => "bytearray",
        _ => "bytes",
    }
}

/// A new bytes, or a bytearray when the receiver is one.
fn new_like(vm: &mut Vm, this: Value, b: Vec<u8>) -> PyResult<Value> {
    vm.ensure(b.len())?;
    if is_bytearray(vm, this) {
        vm.alloc(Obj::ByteArray(b))
    } else {
        vm.alloc(Obj::Bytes(b))
    }
}

/// A bytes-like argument (bytes, bytearray, memoryview).
fn buffer(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.bytes_of(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error_of("a bytes-like object is required, not '", v, "'")),
    }
}

/// The needle of find/count/index: bytes-like or an int in range(256).
fn needle(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.bytes_of(v) {
        return Ok(b);
    }
    let u = vm.num_unwrap(v);
    if vm.as_int_like(u) {
        let i = vm.index_value(u)?;
        if !(0..256).contains(&i) {
            return Err(vm.value_err("byte must be in range(0, 256)"));
        }
        return Ok(alloc::vec![i as u8]);
    }
    Err(vm.type_error_of(
        "argument should be integer or bytes-like object, not '",
        v,
        "'",
    ))
}

/// The value of an int argument that must be a byte.
fn byte_arg(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = vm.index_value(v)?;
    if !(0..256).contains(&i) {
        return Err(vm.value_err("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

// ---- searching ----

fn find_impl(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, rev: bool) -> PyResult<Option<i64>> {
    let cls = cls_name(vm, a);
    check_args(vm, cls, name, a, kw, 1, 3, Style::Old)?;
    let n = needle(vm, arg(a, 1))?;
    let start = opt_index(vm, a.get(2))?;
    let end = opt_index(vm, a.get(3))?;
    let Some(h) = bytes_ref(vm, arg(a, 0)) else {
        return Ok(None);
    };
    let (st, en) = adjust(start, end, h.len() as i64);
    if en - st < n.len() as i64 {
        return Ok(None);
    }
    let hay = &h[st as usize..en as usize];
    let pos = if rev {
        RFinder::new(&n).rfind(hay)
    } else {
        Finder::new(&n).find(hay)
    };
    Ok(pos.map(|p| st + p as i64))
}

fn b_find(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, a, kw, "find", false)?.unwrap_or(-1),
    ))
}

fn b_rfind(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, a, kw, "rfind", true)?.unwrap_or(-1),
    ))
}

fn b_index(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    match find_impl(vm, a, kw, "index", false)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_err("subsection not found")),
    }
}

fn b_rindex(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    match find_impl(vm, a, kw, "rindex", true)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_err("subsection not found")),
    }
}

fn b_count(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    check_args(vm, cls, "count", a, kw, 1, 3, Style::Old)?;
    let n = needle(vm, arg(a, 1))?;
    let start = opt_index(vm, a.get(2))?;
    let end = opt_index(vm, a.get(3))?;
    let Some(h) = bytes_ref(vm, arg(a, 0)) else {
        return Ok(Value::Int(0));
    };
    let (st, en) = adjust(start, end, h.len() as i64);
    if en - st < n.len() as i64 {
        return Ok(Value::Int(0));
    }
    let c = count(&h[st as usize..en as usize], &n, usize::MAX);
    Ok(Value::Int(c as i64))
}

fn affix(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, suffix: bool) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    check_args(vm, cls, name, a, kw, 1, 3, Style::Old)?;
    let start = opt_index(vm, a.get(2))?;
    let end = opt_index(vm, a.get(3))?;
    let cands: Vec<Vec<u8>> = if let Some(b) = vm.bytes_of(arg(a, 1)) {
        alloc::vec![b]
    } else if let Some(items) = tuple_of(vm, arg(a, 1)) {
        let mut v = Vec::new();
        for it in items {
            v.push(buffer(vm, it)?);
        }
        v
    } else {
        let t = vm.type_name(arg(a, 1));
        return Err(vm.type_error(format!(
            "{} first arg must be bytes or a tuple of bytes, not {}",
            name, t
        )));
    };
    let Some(h) = bytes_ref(vm, arg(a, 0)) else {
        return Ok(Value::Bool(false));
    };
    let (st, en) = adjust(start, end, h.len() as i64);
    for n in cands {
        if en - n.len() as i64 >= st {
            let w = &h[st as usize..en as usize];
            if (suffix && w.ends_with(&n)) || (!suffix && w.starts_with(&n)) {
                return Ok(Value::Bool(true));
            }
        }
    }
    Ok(Value::Bool(false))
}

fn b_startswith(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    affix(vm, a, kw, "startswith", false)
}

fn b_endswith(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    affix(vm, a, kw, "endswith", true)
}

// ---- splitting and joining ----

fn parts_list(vm: &mut Vm, this: Value, ranges: &[(usize, usize)]) -> PyResult<Value> {
    let mut out = Vec::with_capacity(ranges.len());
    for &(x, y) in ranges {
        let piece = bytes_ref(vm, this)
            .and_then(|h| h.get(x..y))
            .unwrap_or(&[])
            .to_vec();
        out.push(new_like(vm, this, piece)?);
    }
    vm.new_list(out)
}

fn split_common(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, rev: bool) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    let args = kw_args(vm, cls, name, a, kw, &["sep", "maxsplit"])?;
    let maxsplit = if args[1].is_undef() {
        -1
    } else {
        int_arg(vm, args[1])?
    };
    let ranges = if args[0].is_undef() || args[0].is_none() {
        let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]);
        if rev {
            rsplit_ws(h, maxsplit)
        } else {
            split_ws(h, maxsplit)
        }
    } else {
        let sep = buffer(vm, args[0])?;
        if sep.is_empty() {
            return Err(vm.value_err("empty separator"));
        }
        let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]);
        if rev {
            rsplit_sep(h, &sep, maxsplit)
        } else {
            split_sep(h, &sep, maxsplit)
        }
    };
    parts_list(vm, arg(a, 0), &ranges)
}

fn b_split(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    split_common(vm, a, kw, "split", false)
}

fn b_rsplit(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    split_common(vm, a, kw, "rsplit", true)
}

fn b_splitlines(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    let args = kw_args(vm, cls, "splitlines", a, kw, &["keepends"])?;
    let keep = if args[0].is_undef() {
        false
    } else {
        vm.truthy(args[0])?
    };
    let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]);
    let mut ranges = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < h.len() {
        let c = h[i];
        if c == b'\n' || c == b'\r' {
            let mut end = i + 1;
            if c == b'\r' && h.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            ranges.push((start, if keep { end } else { i }));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < h.len() {
        ranges.push((start, h.len()));
    }
    parts_list(vm, arg(a, 0), &ranges)
}

fn b_join(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    check_args(vm, cls, "join", a, kw, 1, 1, Style::One)?;
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
    let sep = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]).to_vec();
    let mut out = Vec::new();
    for (i, &it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match vm.bytes_of(it) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                let t = vm.type_name(it);
                return Err(vm.type_error(format!(
                    "sequence item {}: expected a bytes-like object, {} found",
                    i, t
                )));
            }
        }
    }
    new_like(vm, arg(a, 0), out)
}

fn partition_impl(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, rev: bool) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    check_args(vm, cls, name, a, kw, 1, 1, Style::One)?;
    let sep = buffer(vm, arg(a, 1))?;
    if sep.is_empty() {
        return Err(vm.value_err("empty separator"));
    }
    let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]).to_vec();
    let pos = if rev {
        RFinder::new(&sep).rfind(&h)
    } else {
        Finder::new(&sep).find(&h)
    };
    let (x, y, z) = match pos {
        Some(i) => (h[..i].to_vec(), sep.clone(), h[i + sep.len()..].to_vec()),
        None if rev => (Vec::new(), Vec::new(), h),
        None => (h, Vec::new(), Vec::new()),
    };
    let x = new_like(vm, arg(a, 0), x)?;
    let y = new_like(vm, arg(a, 0), y)?;
    let z = new_like(vm, arg(a, 0), z)?;
    vm.new_tuple(alloc::vec![x, y, z])
}

fn b_partition(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    partition_impl(vm, a, kw, "partition", false)
}

fn b_rpartition(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    partition_impl(vm, a, kw, "rpartition", true)
}

// ---- transforming ----

fn b_replace(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    check_pos(vm, cls, "replace", a, kw, 2, 3)?;
    let old = buffer(vm, arg(a, 1))?;
    let new = buffer(vm, arg(a, 2))?;
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
        let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]);
        let n = self::count(h, &old, max);
        (n as u128 * new.len() as u128 + h.len() as u128).min(usize::MAX as u128) as usize
    };
    // Check the result fits before building it.
    vm.ensure(size)?;
    let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]);
    let out = if old.is_empty() {
        let mut out = Vec::with_capacity(h.len());
        let mut n = 0;
        for &b in h {
            if n < max {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(b);
        }
        if n < max {
            out.extend_from_slice(&new);
        }
        out
    } else {
        replace(h, &old, &new, max)
    };
    new_like(vm, arg(a, 0), out)
}

fn strip_impl(
    vm: &mut Vm,
    a: &[Value],
    kw: Kw,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    check_pos(vm, cls, name, a, kw, 0, 1)?;
    let set = match a.get(1) {
        None => None,
        Some(v) if v.is_none() => None,
        Some(&v) => Some(buffer(vm, v)?),
    };
    let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]);
    let pred = |b: &u8| match &set {
        None => is_bspace(*b),
        Some(s) => s.contains(b),
    };
    let mut i = 0;
    let mut j = h.len();
    if left {
        while i < j && pred(&h[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && pred(&h[j - 1]) {
            j -= 1;
        }
    }
    let out = h[i..j].to_vec();
    new_like(vm, arg(a, 0), out)
}

fn b_strip(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(vm, a, kw, "strip", true, true)
}
fn b_lstrip(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(vm, a, kw, "lstrip", true, false)
}
fn b_rstrip(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(vm, a, kw, "rstrip", false, true)
}

fn map_bytes(
    vm: &mut Vm,
    a: &[Value],
    kw: Kw,
    name: &str,
    f: fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    check_pos(vm, cls, name, a, kw, 0, 0)?;
    let out = f(bytes_ref(vm, arg(a, 0)).unwrap_or(&[]));
    new_like(vm, arg(a, 0), out)
}

fn title(h: &[u8]) -> Vec<u8> {
    let mut prev = false;
    h.iter()
        .map(|&b| {
            let r = if prev {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            prev = b.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn b_upper(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    map_bytes(vm, a, kw, "upper", |h| h.to_ascii_uppercase())
}
fn b_lower(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    map_bytes(vm, a, kw, "lower", |h| h.to_ascii_lowercase())
}
fn b_swapcase(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    map_bytes(vm, a, kw, "swapcase", |h| {
        h.iter()
            .map(|&b| {
                if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                }
            })
            .collect()
    })
}
fn b_title(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    map_bytes(vm, a, kw, "title", title)
}
fn b_capitalize(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    map_bytes(vm, a, kw, "capitalize", |h| {
        let mut v = h.to_ascii_lowercase();
        if let Some(f) = v.first_mut() {
            *f = f.to_ascii_uppercase();
        }
        v
    })
}

fn pad_impl(vm: &mut Vm, a: &[Value], kw: Kw, name: &str) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    check_pos(vm, cls, name, a, kw, 1, 2)?;
    let w = int_arg(vm, arg(a, 1))?.max(0) as usize;
    let fill = match a.get(2) {
        None => b' ',
        Some(&f) => match vm.bytes_of(f) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                let t = vm.type_name(f);
                return Err(vm.type_error(format!(
                    "{}() argument 2 must be a byte string of length 1, not {}",
                    name, t
                )));
            }
        },
    };
    vm.ensure(w)?;
    let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]);
    let len = h.len();
    let marg = w.saturating_sub(len);
    let left = match name {
        "center" => marg / 2 + (marg & w & 1),
        "rjust" => marg,
        _ => 0,
    };
    let mut out = Vec::with_capacity(len + marg);
    out.resize(left, fill);
    out.extend_from_slice(h);
    out.resize(len + marg, fill);
    new_like(vm, arg(a, 0), out)
}

fn b_center(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    pad_impl(vm, a, kw, "center")
}
fn b_ljust(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    pad_impl(vm, a, kw, "ljust")
}
fn b_rjust(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    pad_impl(vm, a, kw, "rjust")
}

fn b_zfill(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    check_args(vm, cls, "zfill", a, kw, 1, 1, Style::One)?;
    let w = int_arg(vm, arg(a, 1))?.max(0) as usize;
    vm.ensure(w)?;
    let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]);
    let fill = w.saturating_sub(h.len());
    let (sign, body) = match h.first() {
        Some(b'+' | b'-') => h.split_at(1),
        _ => (&h[..0], h),
    };
    let mut out = Vec::with_capacity(h.len() + fill);
    out.extend_from_slice(sign);
    out.resize(sign.len() + fill, b'0');
    out.extend_from_slice(body);
    new_like(vm, arg(a, 0), out)
}

// ---- predicates ----

fn all_bytes(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, f: fn(&u8) -> bool) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    check_pos(vm, cls, name, a, kw, 0, 0)?;
    let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]);
    Ok(Value::Bool(!h.is_empty() && h.iter().all(f)))
}

fn b_isdigit(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_bytes(vm, a, kw, "isdigit", u8::is_ascii_digit)
}
fn b_isalpha(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_bytes(vm, a, kw, "isalpha", u8::is_ascii_alphabetic)
}
fn b_isalnum(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_bytes(vm, a, kw, "isalnum", u8::is_ascii_alphanumeric)
}
fn b_isspace(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_bytes(vm, a, kw, "isspace", |b| is_bspace(*b))
}
fn b_isascii(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    check_pos(vm, cls, "isascii", a, kw, 0, 0)?;
    Ok(Value::Bool(
        bytes_ref(vm, arg(a, 0)).unwrap_or(&[]).is_ascii(),
    ))
}

fn case_pred(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, upper: bool) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    check_pos(vm, cls, name, a, kw, 0, 0)?;
    let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]);
    let (mut has_u, mut has_l) = (false, false);
    for b in h {
        has_u |= b.is_ascii_uppercase();
        has_l |= b.is_ascii_lowercase();
    }
    Ok(Value::Bool(if upper {
        has_u && !has_l
    } else {
        has_l && !has_u
    }))
}

fn b_isupper(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    case_pred(vm, a, kw, "isupper", true)
}
fn b_islower(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    case_pred(vm, a, kw, "islower", false)
}
fn b_istitle(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    check_pos(vm, cls, "istitle", a, kw, 0, 0)?;
    let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]);
    let (mut cased, mut prev) = (false, false);
    for b in h {
        if b.is_ascii_uppercase() {
            if prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::Bool(cased))
}

// ---- conversions ----

/// Decode UTF-8 with CPython's error messages and the `ignore`/`replace`
/// handlers.
pub(crate) fn decode_utf8(h: &[u8], errors: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = h;
    let mut base = 0usize;
    loop {
        match core::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let ok = e.valid_up_to();
                out.push_str(core::str::from_utf8(&rest[..ok]).unwrap_or(""));
                let bad = match e.error_len() {
                    Some(n) => n,
                    None => rest.len() - ok,
                };
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => {
                        for b in &rest[ok..ok + bad] {
                            out.push_str(&format!("\\x{:02x}", b));
                        }
                    }
                    "strict" => {
                        let pos = base + ok;
                        let b0 = rest[ok];
                        let reason = if e.error_len().is_none() {
                            "unexpected end of data"
                        } else if matches!(b0, 0x80..=0xc1 | 0xf5..=0xff) {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        return Err(if bad == 1 {
                            format!(
                                "'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
                                b0, pos, reason
                            )
                        } else {
                            format!(
                                "'utf-8' codec can't decode bytes in position {}-{}: {}",
                                pos,
                                pos + bad - 1,
                                reason
                            )
                        });
                    }
                    other => return Err(format!("\0unknown error handler name '{}'", other)),
                }
                base += ok + bad;
                rest = &rest[ok + bad..];
            }
        }
    }
}

/// `bytes.decode` and `str(b, encoding)`.
pub(crate) fn decode(vm: &mut Vm, h: &[u8], enc: &str, errors: &str) -> PyResult<String> {
    let r = match enc {
        "utf-8" => decode_utf8(h, errors),
        "latin-1" => Ok(h.iter().map(|&b| b as char).collect()),
        _ => {
            let mut out = String::with_capacity(h.len());
            let mut err = None;
            for (i, &b) in h.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                    continue;
                }
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{:02x}", b)),
                    "strict" => {
                        err = Some(format!(
                            "'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                            b, i
                        ));
                        break;
                    }
                    other => {
                        err = Some(format!("\0unknown error handler name '{}'", other));
                        break;
                    }
                }
            }
            match err {
                Some(e) => Err(e),
                None => Ok(out),
            }
        }
    };
    r.map_err(|m| match m.strip_prefix('\0') {
        Some(m) => vm.new_error(vm.types.lookup_error, m),
        None => vm.new_error(vm.types.unicode_error, &m),
    })
}

fn b_decode(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    let args = kw_args(vm, cls, "decode", a, kw, &["encoding", "errors"])?;
    let enc = codec(vm, args[0], "decode")?;
    let errors = errors_arg(vm, args[1], "decode")?;
    let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]).to_vec();
    let s = decode(vm, &h, enc, &errors)?;
    vm.new_str(s)
}

fn b_hex(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_name(vm, a);
    let args = kw_args(vm, cls, "hex", a, kw, &["sep", "bytes_per_sep"])?;
    let sep: Option<char> = if args[0].is_undef() || args[0].is_none() {
        None
    } else {
        let s: Option<Vec<char>> = match text(vm, args[0]) {
            Some(t) => Some(t.chars().collect()),
            None => vm
                .bytes_of(args[0])
                .map(|b| b.iter().map(|&x| x as char).collect()),
        };
        match s {
            Some(cs) if cs.len() == 1 && cs[0].is_ascii() => Some(cs[0]),
            Some(cs) if cs.len() == 1 => {
                return Err(vm.value_err("sep must be ASCII."));
            }
            Some(_) => return Err(vm.value_err("sep must be length 1.")),
            None => {
                return Err(vm.type_error_of("object of type '", args[0], "' has no len()"));
            }
        }
    };
    let per = if args[1].is_undef() {
        1
    } else {
        int_arg(vm, args[1])?
    };
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let h = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]);
    let mut out = String::with_capacity(h.len() * 3);
    let group = per.unsigned_abs().max(1) as usize;
    let n = h.len();
    for (i, &b) in h.iter().enumerate() {
        if let (Some(c), true) = (sep, i > 0 && per != 0) {
            // Positive counts group from the right, negative from the left.
            let boundary = if per > 0 {
                (n - i).is_multiple_of(group)
            } else {
                i % group == 0
            };
            if boundary {
                out.push(c);
            }
        }
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    vm.new_str(out)
}

fn fromhex_impl(vm: &mut Vm, a: &[Value], ba: bool) -> PyResult<Value> {
    // Called through the class the native gets no receiver; through an
    // instance it gets one, which is skipped.
    let arg = match a {
        [s] => *s,
        [_, s] => *s,
        _ => {
            return Err(vm.type_error(format!(
                "fromhex() takes exactly one argument ({} given)",
                a.len()
            )))
        }
    };
    let Some(s) = text(vm, arg) else {
        return Err(vm.type_error_of("fromhex() argument must be str, not ", arg, ""));
    };
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    let mut err = None;
    while i < b.len() {
        if is_bspace(b[i]) {
            i += 1;
            continue;
        }
        let hi = digit(b[i]);
        let lo = b.get(i + 1).and_then(|&c| digit(c));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push(h * 16 + l),
            (None, _) => {
                err = Some(i);
                break;
            }
            (Some(_), None) => {
                err = Some(i + 1);
                break;
            }
        }
        i += 2;
    }
    if let Some(p) = err {
        // The position is in characters.
        let pos = s.get(..p).map(|t| t.chars().count()).unwrap_or(p);
        return Err(vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {}",
            pos
        )));
    }
    if ba {
        vm.alloc(Obj::ByteArray(out))
    } else {
        vm.alloc(Obj::Bytes(out))
    }
}

fn bytes_fromhex(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    fromhex_impl(vm, a, false)
}

fn bytearray_fromhex(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    fromhex_impl(vm, a, true)
}

// ---- bytearray mutation ----

fn with_ba<R>(vm: &mut Vm, this: Value, f: impl FnOnce(&mut Vec<u8>) -> R) -> Option<R> {
    let Value::Obj(r) = this else { return None };
    let r = vm.dict_table_ref(r);
    match vm.heap.get_mut(r) {
        Obj::ByteArray(b) => Some(f(b)),
        _ => None,
    }
}

fn ba_append(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "bytearray", "append", a, kw, 1, 1, Style::One)?;
    let x = byte_arg(vm, arg(a, 1))?;
    vm.ensure(1)?;
    with_ba(vm, arg(a, 0), |b| b.push(x));
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "bytearray", "extend", a, kw, 1, 1, Style::One)?;
    let data = match vm.bytes_of(arg(a, 1)) {
        Some(b) => b,
        None => {
            if vm.get_iter(arg(a, 1)).is_err() {
                return Err(vm.type_error_of("can't extend bytearray with ", arg(a, 1), ""));
            }
            let items = vm.collect_iterable(arg(a, 1))?;
            let mut v = Vec::with_capacity(items.len());
            for it in items {
                v.push(byte_arg(vm, it)?);
            }
            v
        }
    };
    vm.ensure(data.len())?;
    with_ba(vm, arg(a, 0), |b| b.extend_from_slice(&data));
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_pos(vm, "bytearray", "pop", a, kw, 0, 1)?;
    let idx = match a.get(1) {
        Some(&v) => Some(vm.index_value(v)?),
        None => None,
    };
    let r = with_ba(vm, arg(a, 0), |b| {
        if b.is_empty() {
            return Err("pop from empty bytearray");
        }
        let n = b.len() as i64;
        let i = idx.unwrap_or(n - 1);
        let i = if i < 0 { i + n } else { i };
        if i < 0 || i >= n {
            return Err("pop index out of range");
        }
        Ok(b.remove(i as usize))
    });
    match r {
        Some(Ok(x)) => Ok(Value::Int(x as i64)),
        Some(Err(m)) => Err(vm.new_error(vm.types.index_error, m)),
        None => Ok(Value::None),
    }
}

fn ba_insert(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_pos(vm, "bytearray", "insert", a, kw, 2, 2)?;
    let i = vm.index_value(arg(a, 1))?;
    let x = byte_arg(vm, arg(a, 2))?;
    vm.ensure(1)?;
    with_ba(vm, arg(a, 0), |b| {
        let n = b.len() as i64;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
        b.insert(i as usize, x);
    });
    Ok(Value::None)
}

fn ba_remove(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "bytearray", "remove", a, kw, 1, 1, Style::One)?;
    let x = byte_arg(vm, arg(a, 1))?;
    let found = with_ba(vm, arg(a, 0), |b| match b.iter().position(|&y| y == x) {
        Some(i) => {
            b.remove(i);
            true
        }
        None => false,
    });
    if found == Some(false) {
        return Err(vm.value_err("value not found in bytearray"));
    }
    Ok(Value::None)
}

fn ba_reverse(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_pos(vm, "bytearray", "reverse", a, kw, 0, 0)?;
    with_ba(vm, arg(a, 0), |b| b.reverse());
    Ok(Value::None)
}

fn ba_clear(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_pos(vm, "bytearray", "clear", a, kw, 0, 0)?;
    with_ba(vm, arg(a, 0), |b| b.clear());
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_pos(vm, "bytearray", "copy", a, kw, 0, 0)?;
    let b = bytes_ref(vm, arg(a, 0)).unwrap_or(&[]).to_vec();
    vm.ensure(b.len())?;
    vm.alloc(Obj::ByteArray(b))
}

const SHARED: &[crate::natives::Method] = &[
    ("find", b_find),
    ("rfind", b_rfind),
    ("index", b_index),
    ("rindex", b_rindex),
    ("count", b_count),
    ("startswith", b_startswith),
    ("endswith", b_endswith),
    ("split", b_split),
    ("rsplit", b_rsplit),
    ("splitlines", b_splitlines),
    ("join", b_join),
    ("partition", b_partition),
    ("rpartition", b_rpartition),
    ("replace", b_replace),
    ("strip", b_strip),
    ("lstrip", b_lstrip),
    ("rstrip", b_rstrip),
    ("upper", b_upper),
    ("lower", b_lower),
    ("swapcase", b_swapcase),
    ("title", b_title),
    ("capitalize", b_capitalize),
    ("center", b_center),
    ("ljust", b_ljust),
    ("rjust", b_rjust),
    ("zfill", b_zfill),
    ("isdigit", b_isdigit),
    ("isalpha", b_isalpha),
    ("isalnum", b_isalnum),
    ("isspace", b_isspace),
    ("isascii", b_isascii),
    ("isupper", b_isupper),
    ("islower", b_islower),
    ("istitle", b_istitle),
    ("decode", b_decode),
    ("hex", b_hex),
];

pub fn register(vm: &mut Vm) {
    let (b, ba) = (vm.types.bytes, vm.types.bytearray);
    vm.add_methods(b, SHARED);
    vm.add_methods(ba, SHARED);
    vm.add_methods(b, &[("fromhex", bytes_fromhex)]);
    vm.add_methods(
        ba,
        &[
            ("fromhex", bytearray_fromhex),
            ("append", ba_append),
            ("extend", ba_extend),
            ("pop", ba_pop),
            ("insert", ba_insert),
            ("remove", ba_remove),
            ("reverse", ba_reverse),
            ("clear", ba_clear),
            ("copy", ba_copy),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search() {
        let h = b"abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcXYZabc";
        assert_eq!(Finder::new(b"XYZ").find(h), Some(66));
        assert_eq!(RFinder::new(b"abc").rfind(h), Some(69));
        assert_eq!(RFinder::new(b"cab").rfind(h), Some(62));
        assert_eq!(Finder::new(b"zz").find(h), None);
        assert_eq!(count(b"aaaa", b"aa", usize::MAX), 2);
        assert_eq!(split_sep(b"a,b,c", b",", 1), alloc::vec![(0, 1), (2, 5)]);
        assert_eq!(rsplit_sep(b"aaa", b"aa", -1), alloc::vec![(0, 1), (3, 3)]);
    }
}
