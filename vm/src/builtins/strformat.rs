//! `str.format` / `str.format_map` and old-style `%` formatting of str and
//! bytes, following CPython 3.11's `unicode_format.h` and
//! `PyUnicode_Format` (including their error messages).
//!
//! Field values are formatted through `Vm::format_spec`, which handles the
//! builtin types' format specs and calls user `__format__` methods.

use crate::at::{At, VecAt};
use crate::types::ty;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::repr::{cat, int_str};
use super::str_methods::{pystr, text};
use crate::fmt;
use crate::objects::Obj;
use crate::value::{wide, Value};
use crate::vm::{Exc, PyResult, Vm};

// ---- str.format ----

/// Where replacement fields get their values: `fmt.format(*args, **kw)`
/// or `fmt.format_map(mapping)`.
pub(crate) enum Source<'a> {
    Args(&'a [Value], &'a [(Value, Value)]),
    Map(Value),
}

#[derive(PartialEq, Eq)]
enum AutoNum {
    Unknown,
    Auto,
    Manual,
}

struct Ctx<'a> {
    src: Source<'a>,
    auto: AutoNum,
    next: usize,
}

/// `fmt.format(...)` or `fmt.format_map(...)` as a new str.
pub(crate) fn format(vm: &mut Vm, fmt: Value, src: Source) -> PyResult<Value> {
    let f = String::from(text(vm, fmt).unwrap_or(""));
    let mut ctx = Ctx {
        src,
        auto: AutoNum::Unknown,
        next: 0,
    };
    let mark = vm.temp_roots.len();
    let r = vformat(vm, &f, &mut ctx, 2);
    vm.temp_roots.truncate(mark);
    let out = r?;
    vm.new_str(out)
}

fn vformat(vm: &mut Vm, f: &str, ctx: &mut Ctx, depth: u32) -> PyResult<String> {
    if depth == 0 {
        return Err(vm.value_err("Max string recursion exceeded"));
    }
    let b = f.as_bytes();
    let mut out = String::with_capacity(f.len());
    let mut i = 0;
    let mut lit = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'{' && c != b'}' {
            i += 1;
            continue;
        }
        out.push_str(crate::substr::sub(f, lit..i));
        let next = b.get(i + 1).copied();
        if c == b'}' {
            if next != Some(b'}') {
                return Err(vm.value_err("Single '}' encountered in format string"));
            }
            out.push('}');
            i += 2;
            lit = i;
            continue;
        }
        match next {
            None => {
                return Err(vm.value_err("Single '{' encountered in format string"));
            }
            Some(b'{') => {
                out.push('{');
                i += 2;
                lit = i;
                continue;
            }
            _ => {}
        }
        let (name, conv, spec, end) = parse_field(vm, f, i + 1)?;
        render_field(vm, name, conv, spec, ctx, depth, &mut out)?;
        i = end;
        lit = i;
    }
    out.push_str(crate::substr::sub(f, lit..));
    Ok(out)
}

/// CPython's parse_field: the field starting at byte `i` (after its '{'),
/// as (name, conversion, spec, index after the closing '}'). Brackets in
/// the name are opaque; braces in the spec nest.
fn parse_field<'f>(
    vm: &mut Vm,
    s: &'f str,
    mut i: usize,
) -> PyResult<(&'f str, Option<char>, &'f str, usize)> {
    let b = s.as_bytes();
    let start = i;
    let mut c = 0u8;
    while i < b.len() {
        c = b[i];
        i += 1;
        match c {
            b'{' => return Err(vm.value_err("unexpected '{' in field name")),
            b'[' => {
                while i < b.len() && b[i] != b']' {
                    i += 1;
                }
            }
            b'}' | b':' | b'!' => break,
            _ => {}
        }
    }
    if c != b'}' && c != b':' && c != b'!' {
        return Err(vm.value_err("expected '}' before end of string"));
    }
    let name = crate::substr::sub(s, start..i - 1);
    if c == b'}' {
        return Ok((name, None, "", i));
    }
    let mut conv = None;
    if c == b'!' {
        let Some(ch) = crate::substr::sub(s, i..).chars().next() else {
            return Err(vm.value_err("end of string while looking for conversion specifier"));
        };
        conv = Some(ch);
        i += ch.len_utf8();
        if i < b.len() {
            let c2 = b[i];
            i += 1;
            if c2 == b'}' {
                return Ok((name, conv, "", i));
            }
            if c2 != b':' {
                return Err(vm.value_err("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = i;
    let mut count = 1;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c == b'{' {
            count += 1;
        } else if c == b'}' {
            count -= 1;
            if count == 0 {
                return Ok((name, conv, crate::substr::sub(s, spec_start..i - 1), i));
            }
        }
    }
    Err(vm.value_err("unmatched '{' in format spec"))
}

fn parse_index(vm: &mut Vm, s: &str) -> PyResult<Option<usize>> {
    // By hand: `str::parse` brings its generic overflow and sign handling.
    let mut n = Some(0usize);
    for c in s.bytes() {
        if !c.is_ascii_digit() {
            return Ok(None);
        }
        n = n
            .and_then(|n| n.checked_mul(10))
            .and_then(|n| n.checked_add(usize::from(c - b'0')));
    }
    match n {
        _ if s.is_empty() => Ok(None),
        Some(n) => Ok(Some(n)),
        None => Err(vm.value_err("Too many decimal digits in format string")),
    }
}

fn render_field(
    vm: &mut Vm,
    name: &str,
    conv: Option<char>,
    spec: &str,
    ctx: &mut Ctx,
    depth: u32,
    out: &mut String,
) -> PyResult<()> {
    let mut v = get_field(vm, name, ctx)?;
    vm.temp_roots.push(v);
    let converted: Option<String> = match conv {
        None => None,
        Some('s') => Some(vm.str_sync(v)?),
        Some(c @ ('r' | 'a')) => {
            let r = vm.repr(v)?;
            Some(if c == 'a' { ascii_escape(&r) } else { r })
        }
        Some(c) => {
            let m = cat(&["Unknown conversion specifier ", c.encode_utf8(&mut [0; 4])]);
            return Err(vm.value_error(m));
        }
    };
    let spec_owned;
    let spec = if spec.contains('{') {
        spec_owned = vformat(vm, spec, ctx, depth - 1)?;
        spec_owned.as_str()
    } else {
        spec
    };
    if let Some(s) = converted {
        if spec.is_empty() {
            out.push_str(&s);
            return Ok(());
        }
        v = vm.new_str(s)?;
        vm.temp_roots.push(v);
    }
    if spec.is_empty() {
        if let Value::Obj(r) = v {
            if let Obj::Str(p) = vm.heap.get(r) {
                out.push_str(&p.s);
                return Ok(());
            }
        }
    }
    let s = vm.format_spec(v, spec)?;
    out.push_str(&s);
    Ok(())
}

/// Resolve `name` (`0`, `key`, `0.attr[1]`, ``) to a value.
fn get_field(vm: &mut Vm, name: &str, ctx: &mut Ctx) -> PyResult<Value> {
    let b = name.as_bytes();
    let first_end = b
        .iter()
        .position(|&c| c == b'.' || c == b'[')
        .unwrap_or(b.len());
    let first = crate::substr::sub(name, ..first_end);
    let idx = parse_index(vm, first)?;
    let mut v = if first.is_empty() || idx.is_some() {
        let i = if first.is_empty() {
            if ctx.auto == AutoNum::Manual {
                return Err(vm.value_err(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            ctx.auto = AutoNum::Auto;
            ctx.next += 1;
            ctx.next - 1
        } else {
            if ctx.auto == AutoNum::Auto {
                return Err(vm.value_err(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            ctx.auto = AutoNum::Manual;
            idx.unwrap_or(0)
        };
        match &ctx.src {
            Source::Args(args, _) if i < args.len() => args[i],
            Source::Args(..) => {
                let m = cat(&[
                    "Replacement index ",
                    &int_str(i as i64),
                    " out of range for positional args tuple",
                ]);
                return Err(vm.new_error(ty::INDEX_ERROR, &m));
            }
            Source::Map(_) => return Err(vm.value_err("Format string contains positional fields")),
        }
    } else {
        let key = vm.str_val(first)?;
        vm.temp_roots.push(key);
        match &ctx.src {
            Source::Args(_, kw) => {
                let found = kw
                    .iter()
                    .find(|(k, _)| text(vm, *k) == Some(first))
                    .map(|(_, v)| *v);
                match found {
                    Some(v) => v,
                    None => return Err(vm.new_exception(ty::KEY_ERROR, &[key])),
                }
            }
            Source::Map(m) => {
                let m = *m;
                vm.get_item(m, key)?
            }
        }
    };
    // The rest: `.attr` and `[key]` accessors.
    let mut i = first_end;
    while i < b.len() {
        vm.temp_roots.push(v);
        if b[i] == b'.' {
            let e = b
                .tail(i + 1)
                .iter()
                .position(|&c| c == b'.' || c == b'[')
                .map(|p| p + i + 1)
                .unwrap_or(b.len());
            let attr = crate::substr::sub(name, i + 1..e);
            if attr.is_empty() {
                return Err(vm.value_err("Empty attribute in format string"));
            }
            let n = vm.intern(attr);
            v = match vm.get_attr(v, n)? {
                crate::interp::attr::Got::Value(x) => x,
                crate::interp::attr::Got::Call(f, this) => vm.call_sync(f, &[this])?,
            };
            i = e;
        } else if b[i] == b'[' {
            let Some(close) = b.tail(i + 1).iter().position(|&c| c == b']') else {
                return Err(vm.value_err("Missing ']' in format string"));
            };
            let key = crate::substr::sub(name, i + 1..i + 1 + close);
            if key.is_empty() {
                return Err(vm.value_err("Empty attribute in format string"));
            }
            let k = match parse_index(vm, key)? {
                Some(n) => Value::from_len(n),
                None => vm.str_val(key)?,
            };
            vm.temp_roots.push(k);
            v = vm.get_item(v, k)?;
            i += close + 2;
            if i < b.len() && b[i] != b'.' && b[i] != b'[' {
                return Err(
                    vm.value_err("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        } else {
            return Err(vm.value_err("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(v)
}

/// `ascii()` of a repr: non-ASCII characters as `\x`, `\u`, `\U` escapes.
pub(crate) fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else {
            super::repr::push_code_escape(&mut out, c);
        }
    }
    out
}

// ---- % formatting ----

/// The flags and sizes of one `%` conversion.
#[derive(Default)]
struct Conv {
    left: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

/// The arguments being consumed.
struct PArgs {
    /// A tuple's items, or the single non-tuple argument.
    items: Vec<Value>,
    pos: usize,
    /// The mapping for `%(key)s` (any non-tuple, non-str with `__getitem__`).
    dict: Option<Value>,
}

impl PArgs {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.pos < self.items.len() {
            self.pos += 1;
            return Ok(*self.items.at(self.pos - 1));
        }
        Err(vm.type_err("not enough arguments for format string"))
    }
}

/// CPython's `PyMapping_Check` as used by `%`: anything subscriptable
/// except tuples and strs (so `'abc' % [1]` is not an error).
fn is_mapping(vm: &Vm, v: Value) -> bool {
    let Value::Obj(r) = v else { return false };
    match vm.heap.get(vm.dict_table_ref(r)) {
        Obj::Tuple(_) | Obj::Str(_) => return false,
        Obj::Dict(_)
        | Obj::List(_)
        | Obj::Bytes(_)
        | Obj::ByteArray(_)
        | Obj::Range { .. }
        | Obj::MemoryView { .. } => return true,
        _ => {}
    }
    if !matches!(vm.heap.get(r), Obj::Instance(_)) {
        return false;
    }
    let cls = vm.class_of(v);
    let Obj::Class(c) = vm.heap.get(cls) else {
        return false;
    };
    c.mro.iter().any(|&m| match vm.heap.get(m) {
        Obj::Class(mc) => mc
            .dict
            .iter()
            .any(|e| text(vm, e.key) == Some("__getitem__")),
        _ => false,
    })
}

/// `fmt % args` for str (and bytes, when `fmt` is bytes).
pub(crate) fn percent_format(vm: &mut Vm, fmt_v: Value, args: Value) -> PyResult<Value> {
    let is_bytes = pystr(vm, fmt_v).is_none();
    let f: Vec<u8> = if is_bytes {
        match vm.bytes_of(fmt_v) {
            Some(b) => b,
            None => return Ok(Value::NotImplemented),
        }
    } else {
        text(vm, fmt_v).unwrap_or("").as_bytes().to_vec()
    };
    let tuple = match args {
        Value::Obj(r) => match vm.heap.get(vm.dict_table_ref(r)) {
            Obj::Tuple(t) => Some(t.to_vec()),
            _ => None,
        },
        _ => None,
    };
    let mut pa = match tuple {
        Some(items) => PArgs {
            items,
            pos: 0,
            dict: None,
        },
        None => PArgs {
            items: alloc::vec![args],
            pos: 0,
            dict: if is_mapping(vm, args) {
                Some(args)
            } else {
                None
            },
        },
    };
    let mark = vm.temp_roots.len();
    let r = percent_inner(vm, &f, &mut pa, is_bytes);
    vm.temp_roots.truncate(mark);
    let out = r?;
    if pa.pos < pa.items.len() && pa.dict.is_none() {
        return Err(vm.type_err("not all arguments converted during string formatting"));
    }
    vm.ensure(out.len())?;
    if is_bytes {
        let ba = matches!(fmt_v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::ByteArray(_)));
        vm.alloc(if ba {
            Obj::ByteArray(out)
        } else {
            Obj::Bytes(out)
        })
    } else {
        vm.new_str(String::from_utf8(out).unwrap_or_default())
    }
}

/// Character index of byte offset `i` (for error messages).
fn char_index(f: &[u8], i: usize, is_bytes: bool) -> usize {
    if is_bytes {
        i
    } else {
        f[..i].iter().filter(|&&x| (x & 0xc0) != 0x80).count()
    }
}

fn percent_inner(vm: &mut Vm, f: &[u8], pa: &mut PArgs, is_bytes: bool) -> PyResult<Vec<u8>> {
    // The byte at `i`, 0 past the end (a NUL is never a flag or digit).
    let at = |i: usize| f.get(i).copied().unwrap_or(0);
    let mut out: Vec<u8> = Vec::with_capacity(f.len() + 16);
    let mut i = 0;
    while let Some(rest) = f.get(i..).filter(|r| !r.is_empty()) {
        let p = rest.iter().position(|&c| c == b'%').unwrap_or(rest.len());
        out.extend_from_slice(&rest[..p]);
        i += p + 1;
        if p == rest.len() {
            break;
        }
        if i >= f.len() {
            return Err(vm.value_err("incomplete format"));
        }
        if at(i) == b'%' {
            out.push(b'%');
            i += 1;
            continue;
        }
        // Mapping key: its value becomes the only argument (CPython then
        // lets `*` and the conversion take it in turn).
        if at(i) == b'(' {
            let Some(d) = pa.dict else {
                return Err(vm.type_err("format requires a mapping"));
            };
            let mut level = 1;
            let ks = i + 1;
            i += 1;
            while i < f.len() && level > 0 {
                match at(i) {
                    b'(' => level += 1,
                    b')' => level -= 1,
                    _ => {}
                }
                i += 1;
            }
            if level > 0 {
                return Err(vm.value_err("incomplete format key"));
            }
            let kb = f.get(ks..i - 1).unwrap_or(&[]).to_vec();
            let key = if is_bytes {
                vm.alloc(Obj::Bytes(kb))?
            } else {
                vm.new_str(String::from_utf8(kb).unwrap_or_default())?
            };
            vm.temp_roots.push(key);
            let v = vm.get_item(d, key)?;
            vm.temp_roots.push(v);
            pa.items = alloc::vec![v];
            pa.pos = 0;
        }
        let mut c = Conv::default();
        loop {
            match at(i) {
                b'-' => c.left = true,
                b'+' => c.sign = true,
                b' ' => c.blank = true,
                b'#' => c.alt = true,
                b'0' => c.zero = true,
                _ => break,
            }
            i += 1;
        }
        // Width.
        if at(i) == b'*' {
            let w = star_arg(vm, pa)?;
            if w < 0 {
                c.left = true;
            }
            c.width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let (n, ni) = digits(vm, f, i)?;
            c.width = n;
            i = ni;
        }
        // Precision.
        if at(i) == b'.' {
            i += 1;
            if at(i) == b'*' {
                let p = star_arg(vm, pa)?;
                c.prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                let (n, ni) = digits(vm, f, i)?;
                c.prec = Some(n.unwrap_or(0));
                i = ni;
            }
        }
        // Length modifiers are accepted and ignored.
        while matches!(at(i), b'h' | b'l' | b'L') {
            i += 1;
        }
        if i >= f.len() {
            return Err(vm.value_err("incomplete format"));
        }
        let conv_at = i;
        // The conversion character (a whole character for the error
        // message: the shortest valid prefix, as `i` is at a boundary).
        let mut ch = at(i) as char;
        if !is_bytes && at(i) >= 0x80 {
            // `f` is a str's UTF-8 and `i` a character boundary.
            ch = core::str::from_utf8(f.get(i..).unwrap_or_default())
                .ok()
                .and_then(|s| s.chars().next())
                .unwrap_or('?');
        }
        i += ch.len_utf8();
        let pos = char_index(f, conv_at, is_bytes);
        if ch == '%' {
            // '%' after flags is an ordinary (unsupported) conversion.
            return Err(unsupported(vm, ch, pos));
        }
        let v = pa.next(vm)?;
        convert(vm, &mut out, v, ch, &c, is_bytes, pos)?;
    }
    Ok(out)
}

fn unsupported(vm: &mut Vm, ch: char, at: usize) -> Exc {
    let shown = if (31..=126).contains(&(ch as u32)) {
        ch
    } else {
        '?'
    };
    vm.value_error(format!(
        "unsupported format character '{}' (0x{:x}) at index {}",
        shown, ch as u32, at
    ))
}

fn digits(vm: &mut Vm, f: &[u8], mut i: usize) -> PyResult<(Option<usize>, usize)> {
    let start = i;
    let mut n: usize = 0;
    while i < f.len() && f[i].is_ascii_digit() {
        n = match n
            .checked_mul(10)
            .and_then(|x| x.checked_add((f[i] - b'0') as usize))
        {
            Some(x) if x <= i32::MAX as usize => x,
            _ => return Err(vm.value_err("width too big")),
        };
        i += 1;
    }
    Ok((if i > start { Some(n) } else { None }, i))
}

fn star_arg(vm: &mut Vm, pa: &mut PArgs) -> PyResult<i64> {
    let v = pa.next(vm)?;
    match vm.num_unwrap(v) {
        Value::Int(i) => Ok(wide(i)),
        Value::Bool(b) => Ok(b.get() as i64),
        _ => Err(vm.type_err("* wants int")),
    }
}

/// Emit one conversion: `head` (sign and prefix), `zeros` zeros, then
/// `body`, where `len` is the character count of all three. The width is
/// filled with spaces (after, for `-`) or, when `zero_fill`, with zeros
/// after the head.
fn emit(
    out: &mut Vec<u8>,
    c: &Conv,
    head: &[u8],
    zeros: usize,
    body: &[u8],
    len: usize,
    zero_fill: bool,
) {
    let fill = c.width.unwrap_or(0).saturating_sub(len);
    let (spaces, zeros) = match (c.left, zero_fill) {
        (true, _) => (0, zeros),
        (false, true) => (0, zeros + fill),
        (false, false) => (fill, zeros),
    };
    out.resize(out.len() + spaces, b' ');
    out.extend_from_slice(head);
    out.resize(out.len() + zeros, b'0');
    out.extend_from_slice(body);
    if c.left {
        out.resize(out.len() + fill, b' ');
    }
}

/// The only character of `s`, if it has exactly one.
fn single_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    it.next().filter(|_| it.next().is_none())
}

/// The int value of a `%d`-style argument: ints directly, floats (for
/// d/i/u only) truncated, objects through `__index__`/`__int__`.
fn int_operand(vm: &mut Vm, v: Value, ch: char) -> PyResult<crate::objects::BigInt> {
    let u = vm.num_unwrap(v);
    if vm.as_int_like(u) {
        return Ok(vm.to_bigint(u));
    }
    let decimal = matches!(ch, 'd' | 'i' | 'u');
    if let Value::Float(x) = u {
        if decimal {
            // int(x)'s conversion and errors (a fresh big int is rooted
            // until the next safe point).
            let i = vm.float_to_int(x.get())?;
            return Ok(vm.to_bigint(i));
        }
    } else if let Value::Obj(_) = u {
        let names: &[&'static str] = if decimal {
            &["__index__", "__int__"]
        } else {
            &["__index__"]
        };
        for &name in names {
            if let Some(r) = vm.call_user_special(v, name, None)? {
                let r = vm.num_unwrap(r);
                if vm.as_int_like(r) {
                    return Ok(vm.to_bigint(r));
                }
            }
        }
    }
    let t = vm.type_name(v);
    let what = if decimal {
        "a real number"
    } else {
        "an integer"
    };
    let m = cat(&[
        "%",
        ch.encode_utf8(&mut [0; 4]),
        " format: ",
        what,
        " is required, not ",
        &t,
    ]);
    Err(vm.type_error(m))
}

#[allow(clippy::too_many_arguments)]
fn convert(
    vm: &mut Vm,
    out: &mut Vec<u8>,
    v: Value,
    ch: char,
    c: &Conv,
    is_bytes: bool,
    at: usize,
) -> PyResult<()> {
    // The text or digits; `len`, its character count, stays None for
    // numbers, which get a sign and prefix (`head`) and `zeros` after it.
    let mut len = None;
    let mut zeros = 0;
    let mut neg = false;
    let body: Vec<u8> = match ch {
        's' | 'r' | 'a' | 'b' => {
            let mut body: Vec<u8> = match ch {
                'r' if !is_bytes => vm.repr(v)?.into_bytes(),
                'r' | 'a' => {
                    let r = vm.repr(v)?;
                    ascii_escape(&r).into_bytes()
                }
                _ if is_bytes => bytes_operand(vm, v)?,
                's' => vm.str_sync(v)?.into_bytes(),
                _ => return Err(unsupported(vm, ch, at)),
            };
            // Precision truncates, width pads: both count characters
            // (bytes for bytes formatting).
            let prec = c.prec.unwrap_or(usize::MAX);
            let (mut end, mut n) = (0, 0);
            for (k, &b) in body.iter().enumerate() {
                if is_bytes || (b & 0xc0) != 0x80 {
                    if n == prec {
                        break;
                    }
                    n += 1;
                }
                end = k + 1;
            }
            body.truncate(end);
            len = Some(n);
            body
        }
        'c' => {
            // A one-character str (one-byte bytes) or an int code.
            let one = if is_bytes {
                vm.bytes_of(v)
                    .filter(|b| b.len() == 1)
                    .map(|b| i64::from(*b.at(0)))
            } else {
                text(vm, v)
                    .and_then(single_char)
                    .map(|c| i64::from(u32::from(c)))
            };
            let i = match one {
                Some(i) => i,
                None => match crate::modules::math::index_of(vm, v)? {
                    Some(n) => vm.index_value(n)?,
                    None if is_bytes => {
                        return Err(
                            vm.type_err("%c requires an integer in range(256) or a single byte")
                        )
                    }
                    None => return Err(vm.type_err("%c requires int or char")),
                },
            };
            len = Some(1);
            if is_bytes {
                if !(0..256).contains(&i) {
                    return Err(vm.new_error(ty::OVERFLOW_ERROR, "%c arg not in range(256)"));
                }
                alloc::vec![i as u8]
            } else {
                match u32::try_from(i).ok().and_then(char::from_u32) {
                    Some(ch) => ch.encode_utf8(&mut [0u8; 4]).as_bytes().to_vec(),
                    None => {
                        return Err(vm.new_error(ty::OVERFLOW_ERROR, fmt::C_RANGE_ERROR));
                    }
                }
            }
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = int_operand(vm, v, ch)?;
            let radix = match ch {
                'o' => 8,
                'x' | 'X' => 16,
                _ => 10,
            };
            let mut digits = n.abs().to_str_radix(radix);
            if ch == 'X' {
                digits.make_ascii_uppercase();
            }
            neg = n.is_negative();
            zeros = c.prec.unwrap_or(0).saturating_sub(digits.len());
            vm.ensure(c.prec.unwrap_or(0).max(c.width.unwrap_or(0)))?;
            digits.into_bytes()
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = crate::modules::math::to_f64(vm, v)?;
            let w = c.width.unwrap_or(0);
            vm.ensure(w)?;
            if w > fmt::MAX_WIDTH || c.prec.is_some_and(|p| p > fmt::MAX_WIDTH) {
                return Err(vm.value_err(fmt::TOO_MANY_DIGITS));
            }
            let mut s = fmt::float_percent_digits(x, ch, c.prec, c.alt).into_bytes();
            neg = s.first() == Some(&b'-');
            if neg {
                s.remove_at(0);
            }
            s
        }
        _ => return Err(unsupported(vm, ch, at)),
    };
    let mut head = [0u8; 3];
    let mut hl = 0;
    let numeric = len.is_none();
    if numeric {
        let sign = if neg {
            b'-'
        } else if c.sign {
            b'+'
        } else if c.blank {
            b' '
        } else {
            0
        };
        if sign != 0 {
            head[0] = sign;
            hl = 1;
        }
        if c.alt && matches!(ch, 'o' | 'x' | 'X') {
            head[hl] = b'0';
            head[hl + 1] = ch as u8;
            hl += 2;
        }
    }
    let len = len.unwrap_or(hl + zeros + body.len());
    emit(out, c, &head[..hl], zeros, &body, len, numeric && c.zero);
    Ok(())
}

/// The bytes of a `%s`/`%b` argument of bytes formatting.
fn bytes_operand(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.bytes_of(v) {
        return Ok(b);
    }
    if let Some(r) = vm.call_user_special(v, "__bytes__", None)? {
        if let Some(b) = vm.bytes_of(r) {
            return Ok(b);
        }
        return Err(vm.type_error_of("__bytes__ returned non-bytes (type ", r, ")"));
    }
    Err(vm.type_error_of(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '",
        v,
        "'",
    ))
}
