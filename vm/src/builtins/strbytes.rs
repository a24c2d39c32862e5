//! The methods `str`, `bytes` and `bytearray` share, written once over
//! bytes, as MicroPython does, with a flag `uni` for a str receiver.
//!
//! A str is UTF-8, so its methods run over its bytes: a match of valid
//! UTF-8 in valid UTF-8 starts and ends on character boundaries. What
//! differs with `uni` is only what must: a str's *unit* is a character
//! (one UTF-8 sequence) where a bytes' is a byte, so `start`/`end`,
//! returned positions, widths and `replace('', ...)` count characters; a
//! str's whitespace and line breaks include Unicode ones; its arguments
//! must be strs (bytes methods take any bytes-like object) and its error
//! messages name str. For an ASCII str units are bytes, and nothing is
//! converted. Each method is one function taking `uni` at run time, not a
//! generic: a second instance would cost its whole size again.
//!
//! Case mapping and the character-class predicates of non-ASCII
//! characters need Unicode tables; without the `unicode-case` feature a
//! str treats non-ASCII characters as uncased and unchanged by case
//! mapping, as MicroPython does (see `Cargo.toml`).

use crate::at::At;
use crate::types::ty;
use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::arg;
use super::bytes_methods::{bytes_ref, cls_name, is_bytearray};
use super::str_methods::{
    adjust, check_args, check_pos, int_arg, is_space, kw_args, opt_index, text, Style,
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
            let c = *h.at(i + m - 1);
            if c == last && h.span(i, i + m) == n {
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
            let c = *h.at(i);
            if c == first && h.span(i, i + m) == n {
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

/// Forward or backward search.
fn find_in(h: &[u8], n: &[u8], rev: bool) -> Option<usize> {
    if rev {
        RFinder::new(n).rfind(h)
    } else {
        Finder::new(n).find(h)
    }
}

/// Non-overlapping occurrences of a non-empty `n` in `h`, at most `max`.
pub(crate) fn count(h: &[u8], n: &[u8], max: usize) -> usize {
    let mut f = Finder::new(n);
    let (mut i, mut c) = (0, 0);
    while c < max {
        match f.find(h.get(i..).unwrap_or(&[])) {
            Some(p) => {
                c += 1;
                i += p + n.len();
            }
            None => break,
        }
    }
    c
}

/// `split(sep, maxsplit)` with a non-empty separator: ranges of `h`.
pub(crate) fn split_sep(h: &[u8], sep: &[u8], maxsplit: i64, rev: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    // The part of `h` not split yet.
    let (mut i, mut j) = (0, h.len());
    while left > 0 {
        let Some(p) = find_in(h.get(i..j).unwrap_or(&[]), sep, rev) else {
            break;
        };
        if rev {
            out.push((i + p + sep.len(), j));
            j = i + p;
        } else {
            out.push((i, i + p));
            i += p + sep.len();
        }
        left -= 1;
    }
    out.push((i, j));
    if rev {
        out.reverse();
    }
    out
}

// ---- units ----

/// The length of the unit starting with byte `b`.
fn ulen(b: u8, uni: bool) -> usize {
    match b {
        0xf0.. if uni => 4,
        0xe0.. if uni => 3,
        0xc0.. if uni => 2,
        _ => 1,
    }
}

/// The start of the unit ending at `j > 0`.
fn prev(h: &[u8], j: usize, uni: bool) -> usize {
    let mut k = j - 1;
    while uni && k > 0 && *h.at(k) & 0xc0 == 0x80 {
        k -= 1;
    }
    k
}

/// The unit at `h[i..]` (`i < h.len()`).
fn unit(h: &[u8], i: usize, uni: bool) -> &[u8] {
    let l = ulen(*h.at(i), uni);
    h.get(i..i + l).or_else(|| h.get(i..)).unwrap_or(&[])
}

/// The character a multi-byte unit encodes.
fn char_of(u: &[u8]) -> char {
    core::str::from_utf8(u)
        .ok()
        .and_then(|s| s.chars().next())
        .unwrap_or('\0')
}

/// Number of units in `b`.
fn units_in(b: &[u8], uni: bool) -> usize {
    if uni {
        b.iter().filter(|&&x| (x & 0xc0) != 0x80).count()
    } else {
        b.len()
    }
}

/// The byte offset of unit `n` counted from byte offset `from`.
fn skip_units(h: &[u8], from: usize, n: usize) -> usize {
    let mut k = 0;
    for (i, &b) in h.iter().enumerate().skip(from) {
        if b & 0xc0 != 0x80 {
            if k == n {
                return i;
            }
            k += 1;
        }
    }
    h.len()
}

/// The unit range `[st, en)` of `h` (`0 <= st <= en <= units`).
fn window(h: &[u8], units: usize, st: i64, en: i64) -> &[u8] {
    let (bs, be) = if h.len() == units {
        (st as usize, en as usize)
    } else {
        let bs = skip_units(h, 0, st as usize);
        (bs, skip_units(h, bs, (en - st) as usize))
    };
    h.get(bs..be).unwrap_or(&[])
}

/// The optional start and end arguments (`a[2]`, `a[3]`) of find, count,
/// startswith and co. as a unit range of the receiver, and its length.
fn bounds(vm: &mut Vm, a: &[Value]) -> PyResult<(i64, i64, usize)> {
    let start = opt_index(vm, a.get(2))?;
    let end = opt_index(vm, a.get(3))?;
    let len = recv(vm, arg(a, 0)).1;
    let (st, en) = adjust(start, end, len as i64);
    Ok((st, en, len))
}

/// Bytes' whitespace (`bytes.isspace`, `split()`, `strip()`).
pub(crate) fn is_bspace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Whether unit `u` is whitespace.
fn space(u: &[u8], uni: bool) -> bool {
    match *u {
        [b] if b < 0x80 => is_bspace(b) || (uni && (0x1c..0x20).contains(&b)),
        _ => uni && is_space(char_of(u)),
    }
}

fn linebreak(u: &[u8], uni: bool) -> bool {
    match *u {
        [b'\n' | b'\r'] => true,
        [0x0b | 0x0c | 0x1c | 0x1d | 0x1e] => uni,
        _ => uni && matches!(char_of(u), '\u{85}' | '\u{2028}' | '\u{2029}'),
    }
}

// ---- receivers and arguments ----

/// The receiver's bytes and its length in units.
fn recv(vm: &Vm, v: Value) -> (&[u8], usize) {
    if let Value::Obj(r) = v {
        match vm.heap.get(vm.dict_table_ref(r)) {
            Obj::Str(p) => return (p.s.as_bytes(), p.chars),
            Obj::Bytes(b) | Obj::ByteArray(b) => return (b, b.len()),
            _ => {}
        }
    }
    (&[], 0)
}

fn cls(vm: &Vm, a: &[Value], uni: bool) -> &'static str {
    if uni {
        "str"
    } else {
        cls_name(vm, a)
    }
}

/// The bytes of an argument: a str's for a str method, any bytes-like
/// object's for a bytes method.
fn data(vm: &Vm, v: Value, uni: bool) -> Option<Cow<'_, [u8]>> {
    if uni {
        return text(vm, v).map(|s| Cow::Borrowed(s.as_bytes()));
    }
    match bytes_ref(vm, v) {
        Some(b) => Some(Cow::Borrowed(b)),
        None => vm.bytes_of(v).map(Cow::Owned),
    }
}

/// A str or bytes-like argument, with the type error of each.
fn must(vm: &mut Vm, v: Value, uni: bool) -> PyResult<Vec<u8>> {
    match data(vm, v, uni) {
        Some(b) => Ok(b.into_owned()),
        None if uni => Err(vm.type_error_of("must be str, not ", v, "")),
        None => Err(vm.type_error_of("a bytes-like object is required, not '", v, "'")),
    }
}

/// A new object of the receiver's kind: a str (from valid UTF-8), a bytes,
/// or a bytearray when the receiver is one.
fn new_like(vm: &mut Vm, this: Value, uni: bool, b: Vec<u8>) -> PyResult<Value> {
    if uni {
        let s = String::from_utf8(b).unwrap_or_default();
        return vm.new_str(s);
    }
    vm.ensure(b.len())?;
    if is_bytearray(vm, this) {
        vm.alloc(Obj::ByteArray(b))
    } else {
        vm.alloc(Obj::Bytes(b))
    }
}

/// The receiver itself if it is an exact str, else a new object of its kind.
fn same_or_copy(vm: &mut Vm, this: Value, uni: bool) -> PyResult<Value> {
    if let Value::Obj(r) = this {
        if uni && matches!(vm.heap.get(r), Obj::Str(_)) {
            return Ok(this);
        }
    }
    let b = recv(vm, this).0.to_vec();
    new_like(vm, this, uni, b)
}

/// Bytes `x..y` of the receiver as a new object of its kind.
fn piece(vm: &mut Vm, this: Value, uni: bool, x: usize, y: usize) -> PyResult<Value> {
    let b = recv(vm, this).0.get(x..y).unwrap_or(&[]).to_vec();
    new_like(vm, this, uni, b)
}

/// The parts `ranges` of the receiver as a list.
fn parts_list(vm: &mut Vm, this: Value, uni: bool, ranges: &[(usize, usize)]) -> PyResult<Value> {
    let mut out = Vec::with_capacity(ranges.len());
    for &(x, y) in ranges {
        out.push(piece(vm, this, uni, x, y)?);
    }
    vm.new_list(out)
}

// ---- searching ----

/// What `search` computes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Find,
    RFind,
    Index,
    RIndex,
    Count,
}

/// find, rfind, index, rindex and count.
pub(crate) fn search(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool, op: Op) -> PyResult<Value> {
    let name = match op {
        Op::Find => "find",
        Op::RFind => "rfind",
        Op::Index => "index",
        Op::RIndex => "rindex",
        Op::Count => "count",
    };
    let cls = cls(vm, a, uni);
    check_args(vm, cls, name, a, kw, 1, 3, Style::Old)?;
    let n = if uni {
        must(vm, arg(a, 1), true)?
    } else {
        needle(vm, arg(a, 1))?
    };
    let (st, en, len) = bounds(vm, a)?;
    let h = recv(vm, arg(a, 0)).0;
    let fits = en - st >= units_in(&n, uni) as i64;
    let hay = window(h, len, st, en);
    if op == Op::Count {
        let c = match (fits, n.is_empty()) {
            (false, _) => 0,
            (true, true) => en - st + 1,
            (true, false) => count(hay, &n, usize::MAX) as i64,
        };
        return Ok(Value::from_len(c as usize));
    }
    let rev = matches!(op, Op::RFind | Op::RIndex);
    let pos = match fits {
        true => {
            find_in(hay, &n, rev).map(|i| st + units_in(hay.get(..i).unwrap_or(&[]), uni) as i64)
        }
        false => None,
    };
    match pos {
        Some(i) => Ok(Value::from_len(i as usize)),
        None if matches!(op, Op::Find | Op::RFind) => Ok(Value::Int(-1)),
        None if uni => Err(vm.value_err("substring not found")),
        None => Err(vm.value_err("subsection not found")),
    }
}

/// The needle of a bytes find/count/index: bytes-like or an int in range(256).
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

/// startswith/endswith: the prefix is one or a tuple of them.
pub(crate) fn affix(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool, suffix: bool) -> PyResult<Value> {
    let name = if suffix { "endswith" } else { "startswith" };
    let cls = cls(vm, a, uni);
    check_args(vm, cls, name, a, kw, 1, 3, Style::Old)?;
    let (st, en, len) = bounds(vm, a)?;
    let tuple = super::str_methods::tuple_of(vm, arg(a, 1));
    let one = [arg(a, 1)];
    let cands = tuple.as_deref().unwrap_or(&one);
    // Checked one by one: a match ends the search before a bad item.
    for &c in cands {
        if let Some(n) = data(vm, c, uni) {
            let h = recv(vm, arg(a, 0)).0;
            if en - units_in(&n, uni) as i64 >= st {
                let w = window(h, len, st, en);
                if (suffix && w.ends_with(&n)) || (!suffix && w.starts_with(&n)) {
                    return Ok(Value::from_bool(true));
                }
            }
            continue;
        }
        let t = vm.type_name(c);
        let what = if uni { "str" } else { "bytes" };
        return Err(match tuple {
            None => vm.type_error(format!(
                "{} first arg must be {} or a tuple of {}, not {}",
                name, what, what, t
            )),
            Some(_) if uni => vm.type_error(format!(
                "tuple for {} must only contain str, not {}",
                name, t
            )),
            Some(_) => vm.type_error_of("a bytes-like object is required, not '", c, "'"),
        });
    }
    Ok(Value::from_bool(false))
}

// ---- splitting and joining ----

/// `sep=None` splitting: runs of whitespace separate, leading and trailing
/// whitespace is dropped; once `maxsplit` is used up the rest (without its
/// whitespace on the side splitting started from) is the last item.
fn split_ws(h: &[u8], maxsplit: i64, uni: bool, rev: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let (mut i, mut j) = (0, h.len());
    // Skip units from the front (or back) of h[i..j] while they are (or
    // are not) whitespace.
    let skip = |i: &mut usize, j: &mut usize, ws: bool| {
        while *i < *j {
            if rev {
                let k = prev(h, *j, uni);
                if space(h.get(k..*j).unwrap_or(&[]), uni) != ws {
                    break;
                }
                *j = k;
            } else {
                let u = unit(h, *i, uni);
                if space(u, uni) != ws {
                    break;
                }
                *i += u.len();
            }
        }
    };
    loop {
        skip(&mut i, &mut j, true);
        if i == j {
            break;
        }
        if left == 0 {
            out.push((i, j));
            break;
        }
        let (i0, j0) = (i, j);
        skip(&mut i, &mut j, false);
        out.push(if rev { (j, j0) } else { (i0, i) });
        left -= 1;
    }
    if rev {
        out.reverse();
    }
    out
}

/// split and rsplit.
pub(crate) fn split(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool, rev: bool) -> PyResult<Value> {
    let name = if rev { "rsplit" } else { "split" };
    let cls = cls(vm, a, uni);
    let args = kw_args(vm, cls, name, a, kw, &["sep", "maxsplit"])?;
    let maxsplit = if args[1].is_undef() {
        -1
    } else {
        int_arg(vm, args[1])?
    };
    let sep = args[0];
    let ranges = if sep.is_undef() || sep.is_none() {
        split_ws(recv(vm, arg(a, 0)).0, maxsplit, uni, rev)
    } else {
        let sep = match data(vm, sep, uni) {
            Some(b) => b.into_owned(),
            None if uni => return Err(vm.type_error_of("must be str or None, not ", sep, "")),
            None => must(vm, sep, false)?,
        };
        if sep.is_empty() {
            return Err(vm.value_err("empty separator"));
        }
        split_sep(recv(vm, arg(a, 0)).0, &sep, maxsplit, rev)
    };
    parts_list(vm, arg(a, 0), uni, &ranges)
}

pub(crate) fn splitlines(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool) -> PyResult<Value> {
    let cls = cls(vm, a, uni);
    let args = kw_args(vm, cls, "splitlines", a, kw, &["keepends"])?;
    let keep = if args[0].is_undef() {
        false
    } else {
        vm.truthy(args[0])?
    };
    let h = recv(vm, arg(a, 0)).0;
    let mut ranges = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < h.len() {
        let u = unit(h, i, uni);
        let mut end = i + u.len();
        if linebreak(u, uni) {
            if u == b"\r" && h.get(end) == Some(&b'\n') {
                end += 1;
            }
            ranges.push((start, if keep { end } else { i }));
            start = end;
        }
        i = end;
    }
    if start < h.len() {
        ranges.push((start, h.len()));
    }
    parts_list(vm, arg(a, 0), uni, &ranges)
}

pub(crate) fn join(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool) -> PyResult<Value> {
    let cls = cls(vm, a, uni);
    check_args(vm, cls, "join", a, kw, 1, 1, Style::One)?;
    let items = match vm.collect_iterable(arg(a, 1)) {
        Ok(v) => v,
        Err(e) => {
            // `get_iter` raises (overwriting the pending exception) or runs
            // `__iter__`: take `e` out first, rooted, and raise it again.
            let te = ty::TYPE_ERROR;
            if !vm.exc_is(&e, te) {
                return Err(e);
            }
            let x = vm.exc_ref(e);
            vm.temp_roots.push(Value::Obj(x));
            let iterable = vm.get_iter(arg(a, 1)).is_ok();
            vm.temp_roots.pop();
            if !iterable {
                return Err(vm.type_err("can only join an iterable"));
            }
            return Err(vm.raise(x));
        }
    };
    // Items produced by a generator are referenced only from here.
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let r = join_items(vm, arg(a, 0), uni, &items);
    vm.temp_roots.truncate(mark);
    r
}

fn join_items(vm: &mut Vm, this: Value, uni: bool, items: &[Value]) -> PyResult<Value> {
    let mut total = 0usize;
    let sep_len = recv(vm, this).0.len();
    for (i, &it) in items.iter().enumerate() {
        match data(vm, it, uni) {
            Some(b) => total = total.saturating_add(b.len()).saturating_add(sep_len),
            None => {
                let t = vm.type_name(it);
                let what = if uni {
                    "str instance"
                } else {
                    "a bytes-like object"
                };
                return Err(vm.type_error(format!(
                    "sequence item {}: expected {}, {} found",
                    i, what, t
                )));
            }
        }
    }
    if let ([Value::Obj(r)], true) = (items, uni) {
        if matches!(vm.heap.get(*r), Obj::Str(_)) {
            return Ok(items[0]);
        }
    }
    vm.ensure(total)?;
    let mut out = Vec::new();
    if out.try_reserve(total).is_err() {
        return Err(vm.memory_error());
    }
    for (i, &it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(recv(vm, this).0);
        }
        if let Some(b) = data(vm, it, uni) {
            out.extend_from_slice(&b);
        }
    }
    new_like(vm, this, uni, out)
}

/// partition and rpartition.
pub(crate) fn partition(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool, rev: bool) -> PyResult<Value> {
    let name = if rev { "rpartition" } else { "partition" };
    let cls = cls(vm, a, uni);
    check_args(vm, cls, name, a, kw, 1, 1, Style::One)?;
    let sep = must(vm, arg(a, 1), uni)?;
    if sep.is_empty() {
        return Err(vm.value_err("empty separator"));
    }
    let h = recv(vm, arg(a, 0)).0;
    let n = h.len();
    let ranges = match find_in(h, &sep, rev) {
        Some(i) => [(0, i), (i, i + sep.len()), (i + sep.len(), n)],
        None if rev => [(0, 0), (0, 0), (0, n)],
        None => [(0, n), (n, n), (n, n)],
    };
    let found = ranges[1].0 != ranges[1].1;
    let mut out = Vec::with_capacity(3);
    for (k, (x, y)) in ranges.into_iter().enumerate() {
        // CPython returns the separator itself, except to a bytearray.
        if k == 1 && found && !is_bytearray(vm, arg(a, 0)) {
            out.push(arg(a, 1));
            continue;
        }
        out.push(piece(vm, arg(a, 0), uni, x, y)?);
    }
    vm.new_tuple(out)
}

// ---- transforming ----

pub(crate) fn replace(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool) -> PyResult<Value> {
    let cls = cls(vm, a, uni);
    check_pos(vm, cls, "replace", a, kw, 2, 3)?;
    let mut parts = [Vec::new(), Vec::new()];
    for (i, p) in parts.iter_mut().enumerate() {
        let v = arg(a, i + 1);
        *p = match data(vm, v, uni) {
            Some(b) => b.into_owned(),
            None if uni => {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "replace() argument {} must be str, not {}",
                    i + 1,
                    t
                )));
            }
            None => must(vm, v, false)?,
        };
    }
    let [old, new] = parts;
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
        let (h, len) = recv(vm, arg(a, 0));
        let n = if old.is_empty() {
            (len + 1).min(max)
        } else {
            self::count(h, &old, max)
        };
        n.saturating_mul(new.len()).saturating_add(h.len())
    };
    // Check the result fits before building it.
    vm.ensure(size)?;
    let h = recv(vm, arg(a, 0)).0;
    let mut out = Vec::with_capacity(size);
    let (mut i, mut c) = (0, 0);
    if old.is_empty() {
        // Insert `new` before every unit and at the end.
        while c < max {
            out.extend_from_slice(&new);
            c += 1;
            if i == h.len() {
                break;
            }
            let u = unit(h, i, uni);
            out.extend_from_slice(u);
            i += u.len();
        }
    } else {
        let mut f = Finder::new(&old);
        while c < max {
            let rest = h.get(i..).unwrap_or(&[]);
            let Some(p) = f.find(rest) else { break };
            out.extend_from_slice(rest.get(..p).unwrap_or(&[]));
            out.extend_from_slice(&new);
            i += p + old.len();
            c += 1;
        }
    }
    out.extend_from_slice(h.get(i..).unwrap_or(&[]));
    new_like(vm, arg(a, 0), uni, out)
}

/// strip, lstrip and rstrip: `which` is 1 (left), 2 (right) or 3 (both).
pub(crate) fn strip(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool, which: u8) -> PyResult<Value> {
    let name = ["", "lstrip", "rstrip", "strip"][which as usize & 3];
    let cls = cls(vm, a, uni);
    check_pos(vm, cls, name, a, kw, 0, 1)?;
    let set = match a.get(1) {
        None => None,
        Some(v) if v.is_none() => None,
        Some(&v) => match data(vm, v, uni) {
            Some(b) => Some(b.into_owned()),
            None if uni => {
                return Err(vm.type_error(format!("{} arg must be None or str", name)));
            }
            None => Some(must(vm, v, false)?),
        },
    };
    let h = recv(vm, arg(a, 0)).0;
    // Whether unit `u` is stripped.
    let pred = |u: &[u8]| match &set {
        None => space(u, uni),
        Some(s) => {
            let mut p = 0;
            while p < s.len() {
                let c = unit(s, p, uni);
                if c == u {
                    return true;
                }
                p += c.len();
            }
            false
        }
    };
    let (mut i, mut j) = (0, h.len());
    while which & 1 != 0 && i < j {
        let u = unit(h, i, uni);
        if !pred(u) {
            break;
        }
        i += u.len();
    }
    while which & 2 != 0 && j > i {
        let k = prev(h, j, uni);
        if !pred(h.get(k..j).unwrap_or(&[])) {
            break;
        }
        j = k;
    }
    if i == 0 && j == h.len() {
        return same_or_copy(vm, arg(a, 0), uni);
    }
    piece(vm, arg(a, 0), uni, i, j)
}

/// center, ljust and rjust: `left` is the share of the padding on the
/// left, in halves (0, 1 or 2).
pub(crate) fn pad(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool, left: u8) -> PyResult<Value> {
    let name = ["ljust", "center", "rjust"][left as usize % 3];
    let cls = cls(vm, a, uni);
    check_pos(vm, cls, name, a, kw, 1, 2)?;
    let w = int_arg(vm, arg(a, 1))?.max(0) as usize;
    let fill = match a.get(2) {
        None => alloc::vec![b' '],
        Some(&f) => match data(vm, f, uni) {
            Some(b) if units_in(&b, uni) == 1 => b.into_owned(),
            Some(_) if uni => {
                return Err(vm.type_err("The fill character must be exactly one character long"))
            }
            None if uni => {
                return Err(vm.type_error_of(
                    "The fill character must be a unicode character, not ",
                    f,
                    "",
                ))
            }
            _ => {
                let t = vm.type_name(f);
                return Err(vm.type_error(format!(
                    "{}() argument 2 must be a byte string of length 1, not {}",
                    name, t
                )));
            }
        },
    };
    vm.ensure(w.saturating_mul(fill.len()))?;
    let (h, len) = recv(vm, arg(a, 0));
    if w <= len {
        return same_or_copy(vm, arg(a, 0), uni);
    }
    let marg = w - len;
    let l = match left {
        // CPython's rounding: the odd extra column goes left when `w` is odd.
        1 => marg / 2 + (marg & w & 1),
        2 => marg,
        _ => 0,
    };
    let mut out = Vec::with_capacity(h.len() + marg * fill.len());
    for k in 0..marg {
        if k == l {
            out.extend_from_slice(h);
        }
        out.extend_from_slice(&fill);
    }
    if l == marg {
        out.extend_from_slice(h);
    }
    new_like(vm, arg(a, 0), uni, out)
}

pub(crate) fn zfill(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool) -> PyResult<Value> {
    let cls = cls(vm, a, uni);
    check_args(vm, cls, "zfill", a, kw, 1, 1, Style::One)?;
    let w = int_arg(vm, arg(a, 1))?.max(0) as usize;
    vm.ensure(w)?;
    let (h, len) = recv(vm, arg(a, 0));
    if w <= len {
        return same_or_copy(vm, arg(a, 0), uni);
    }
    let (sign, body) = match h.first() {
        Some(b'+' | b'-') => (h.span(0, 1), h.tail(1)),
        _ => (&[][..], h),
    };
    let mut out = Vec::with_capacity(h.len() + w - len);
    out.extend_from_slice(sign);
    out.resize(sign.len() + w - len, b'0');
    out.extend_from_slice(body);
    new_like(vm, arg(a, 0), uni, out)
}

pub(crate) fn expandtabs(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool) -> PyResult<Value> {
    let cls = cls(vm, a, uni);
    let args = kw_args(vm, cls, "expandtabs", a, kw, &["tabsize"])?;
    let tab = if args[0].is_undef() {
        8
    } else {
        int_arg(vm, args[0])?
    };
    let h = recv(vm, arg(a, 0)).0;
    let tabs = h.iter().filter(|&&b| b == b'\t').count();
    let size = tabs.saturating_mul(usize::try_from(tab.max(0)).unwrap_or(usize::MAX));
    vm.ensure(size)?;
    let h = recv(vm, arg(a, 0)).0;
    let mut out = Vec::with_capacity(h.len());
    let mut col: i64 = 0;
    let mut i = 0;
    while i < h.len() {
        let u = unit(h, i, uni);
        i += u.len();
        match u {
            b"\t" => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.resize(out.len() + n as usize, b' ');
                    col += n;
                }
                continue;
            }
            b"\n" | b"\r" => col = 0,
            _ => col += 1,
        }
        out.extend_from_slice(u);
    }
    new_like(vm, arg(a, 0), uni, out)
}

// ---- case ----

/// What `case_map` does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    Upper,
    Lower,
    Swap,
    Title,
    Capitalize,
    /// casefold (str only).
    Fold,
}

/// upper, lower, swapcase, title and capitalize. Bytes and ASCII strs
/// map ASCII letters only; a str with other characters maps them with
/// `unicode-case` and leaves them unchanged without it.
pub(crate) fn case_map(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool, op: Case) -> PyResult<Value> {
    let name = match op {
        Case::Upper => "upper",
        Case::Lower => "lower",
        Case::Swap => "swapcase",
        Case::Title => "title",
        Case::Capitalize => "capitalize",
        Case::Fold => "casefold",
    };
    let cls = cls(vm, a, uni);
    check_pos(vm, cls, name, a, kw, 0, 0)?;
    let (h, len) = recv(vm, arg(a, 0));
    #[cfg(feature = "unicode-case")]
    if uni && h.len() != len {
        let s = core::str::from_utf8(h).unwrap_or("");
        let out = super::str_methods::unicode_case(s, op);
        return vm.new_str(out);
    }
    let _ = len;
    let mut prev = false;
    let out = match op {
        // core's loops: faster than the general map, for 4 bytes of flash.
        Case::Upper => h.to_ascii_uppercase(),
        Case::Lower | Case::Fold => h.to_ascii_lowercase(),
        _ => h
            .iter()
            .enumerate()
            .map(|(i, &b)| {
                let up = match op {
                    Case::Swap => b.is_ascii_lowercase(),
                    Case::Title => !prev,
                    _ => i == 0,
                };
                prev = b.is_ascii_alphabetic();
                if up {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect(),
    };
    new_like(vm, arg(a, 0), uni, out)
}

// ---- predicates ----

/// The character classes of `all_units`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Digit,
    Alpha,
    Alnum,
    Space,
}

/// isdigit, isalpha, isalnum, isspace: all units are of the class (and
/// there is one).
pub(crate) fn all_units(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool, c: Class) -> PyResult<Value> {
    let name = match c {
        Class::Digit => "isdigit",
        Class::Alpha => "isalpha",
        Class::Alnum => "isalnum",
        Class::Space => "isspace",
    };
    let cls = cls(vm, a, uni);
    check_pos(vm, cls, name, a, kw, 0, 0)?;
    let h = recv(vm, arg(a, 0)).0;
    let mut i = 0;
    while i < h.len() {
        let u = unit(h, i, uni);
        i += u.len();
        let ok = match (c, u) {
            (Class::Space, _) => space(u, uni),
            (_, &[b]) => match c {
                Class::Digit => b.is_ascii_digit(),
                Class::Alpha => b.is_ascii_alphabetic(),
                _ => b.is_ascii_alphanumeric(),
            },
            _ => super::str_methods::is_class(char_of(u), c),
        };
        if !ok {
            return Ok(Value::from_bool(false));
        }
    }
    Ok(Value::from_bool(!h.is_empty()))
}

pub(crate) fn isascii(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool) -> PyResult<Value> {
    let cls = cls(vm, a, uni);
    check_pos(vm, cls, "isascii", a, kw, 0, 0)?;
    Ok(Value::from_bool(recv(vm, arg(a, 0)).0.is_ascii()))
}

/// Whether a unit is (upper, lower, titlecase).
fn cased(u: &[u8]) -> (bool, bool, bool) {
    match *u {
        [b] => (b.is_ascii_uppercase(), b.is_ascii_lowercase(), false),
        _ => super::str_methods::char_case(char_of(u)),
    }
}

/// isupper, islower (`want` 0 / 1) and istitle (2): at least one cased
/// unit; isupper/islower: none of the other case (titlecase letters
/// count as neither); istitle: uppercase and titlecase only after
/// uncased units, lowercase only after cased ones.
pub(crate) fn case_pred(vm: &mut Vm, a: &[Value], kw: Kw, uni: bool, want: u8) -> PyResult<Value> {
    let name = ["isupper", "islower", "istitle"][want as usize % 3];
    let cls = cls(vm, a, uni);
    check_pos(vm, cls, name, a, kw, 0, 0)?;
    let h = recv(vm, arg(a, 0)).0;
    let (mut any, mut prev) = (false, false);
    let mut i = 0;
    while i < h.len() {
        let u = unit(h, i, uni);
        i += u.len();
        let (up, low, title) = cased(u);
        let bad = match want {
            0 => low || title,
            1 => up || title,
            _ => (prev && (up || title)) || (!prev && low),
        };
        if bad {
            return Ok(Value::from_bool(false));
        }
        prev = up || low || title;
        any |= match want {
            0 => up,
            1 => low,
            _ => prev,
        };
    }
    Ok(Value::from_bool(any))
}

// ---- method tables ----

/// `fn name(vm, a, kw) { shared(vm, a, kw, uni, args...) }`: the str and the
/// bytes entry of a shared method (the error messages need the class a
/// method was called through, so each class has its own entry).
macro_rules! methods {
    ($($s:ident $b:ident = $f:ident($($x:expr),*);)*) => {
        $(
            fn $s(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
                $f(vm, a, kw, true $(, $x)*)
            }
            fn $b(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
                $f(vm, a, kw, false $(, $x)*)
            }
        )*
    };
}

methods! {
    s_find b_find = search(Op::Find);
    s_rfind b_rfind = search(Op::RFind);
    s_index b_index = search(Op::Index);
    s_rindex b_rindex = search(Op::RIndex);
    s_count b_count = search(Op::Count);
    s_startswith b_startswith = affix(false);
    s_endswith b_endswith = affix(true);
    s_split b_split = split(false);
    s_rsplit b_rsplit = split(true);
    s_splitlines b_splitlines = splitlines();
    s_join b_join = join();
    s_partition b_partition = partition(false);
    s_rpartition b_rpartition = partition(true);
    s_replace b_replace = replace();
    s_strip b_strip = strip(3);
    s_lstrip b_lstrip = strip(1);
    s_rstrip b_rstrip = strip(2);
    s_upper b_upper = case_map(Case::Upper);
    s_lower b_lower = case_map(Case::Lower);
    s_swapcase b_swapcase = case_map(Case::Swap);
    s_title b_title = case_map(Case::Title);
    s_capitalize b_capitalize = case_map(Case::Capitalize);
    s_center b_center = pad(1);
    s_ljust b_ljust = pad(0);
    s_rjust b_rjust = pad(2);
    s_zfill b_zfill = zfill();
    s_expandtabs b_expandtabs = expandtabs();
    s_isdigit b_isdigit = all_units(Class::Digit);
    s_isalpha b_isalpha = all_units(Class::Alpha);
    s_isalnum b_isalnum = all_units(Class::Alnum);
    s_isspace b_isspace = all_units(Class::Space);
    s_isascii b_isascii = isascii();
    s_isupper b_isupper = case_pred(0);
    s_islower b_islower = case_pred(1);
    s_istitle b_istitle = case_pred(2);
}

fn s_casefold(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    case_map(vm, a, kw, true, Case::Fold)
}

/// The shared methods of str (registered by `str_methods`).
pub(crate) const STR_METHODS: &[crate::natives::Method] = &[
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
    ("isalpha", s_isalpha),
    ("isalnum", s_isalnum),
    ("isspace", s_isspace),
    ("isascii", s_isascii),
    ("isupper", s_isupper),
    ("islower", s_islower),
    ("istitle", s_istitle),
];

/// The shared methods of bytes and bytearray (registered by `bytes_methods`).
pub(crate) const BYTES_METHODS: &[crate::natives::Method] = &[
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
    ("expandtabs", b_expandtabs),
    ("isdigit", b_isdigit),
    ("isalpha", b_isalpha),
    ("isalnum", b_isalnum),
    ("isspace", b_isspace),
    ("isascii", b_isascii),
    ("isupper", b_isupper),
    ("islower", b_islower),
    ("istitle", b_istitle),
];

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
        assert_eq!(
            split_sep(b"a,b,c", b",", 1, false),
            alloc::vec![(0, 1), (2, 5)]
        );
        assert_eq!(
            split_sep(b"aaa", b"aa", -1, true),
            alloc::vec![(0, 1), (3, 3)]
        );
    }

    #[test]
    fn whitespace_split() {
        let s = "  a  b  c  ".as_bytes();
        assert_eq!(
            split_ws(s, -1, true, false),
            alloc::vec![(2, 3), (5, 6), (8, 9)]
        );
        assert_eq!(split_ws(s, 1, true, false), alloc::vec![(2, 3), (5, 11)]);
        assert_eq!(split_ws(s, 1, true, true), alloc::vec![(0, 6), (8, 9)]);
        assert!(split_ws(b"   ", -1, false, false).is_empty());
        let u = "\u{3000}é\u{2003}x".as_bytes();
        assert_eq!(split_ws(u, -1, true, false), alloc::vec![(3, 5), (8, 9)]);
        assert_eq!(split_ws(u, -1, true, true), alloc::vec![(3, 5), (8, 9)]);
    }

    #[test]
    fn units() {
        let h = "aé€😀b".as_bytes();
        assert_eq!(units_in(h, true), 5);
        assert_eq!(window(h, 5, 1, 4), "é€😀".as_bytes());
        assert_eq!(prev(h, 10, true), 6);
        assert_eq!(unit(h, 3, true), "€".as_bytes());
    }
}
