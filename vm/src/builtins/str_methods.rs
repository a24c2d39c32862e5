//! Methods of `str` that bytes has not (encode, format, isdecimal, ...),
//! the argument helpers of the str, bytes and bytearray methods, and the
//! Unicode side of case mapping and character classes. The methods the
//! three types share are `strbytes.rs`. CPython 3.11's semantics and error
//! messages.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::bytes_methods as bm;
#[cfg(feature = "unicode-case")]
use super::strbytes::Case;
use super::strbytes::Class;
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

pub(crate) fn tuple_of(vm: &Vm, v: Value) -> Option<Vec<Value>> {
    let Value::Obj(r) = v else { return None };
    match vm.heap.get(vm.dict_table_ref(r)) {
        Obj::Tuple(t) => Some(t.to_vec()),
        _ => None,
    }
}
// ---- case and character classes of non-ASCII characters ----

/// Case mapping of a str with non-ASCII characters (`strbytes::case_map`
/// maps ASCII text itself).
#[cfg(feature = "unicode-case")]
pub(crate) fn unicode_case(s: &str, op: Case) -> String {
    let mut out = String::with_capacity(s.len());
    match op {
        Case::Upper => {
            // What `str::to_uppercase` does, without its own ASCII fast
            // path (2 KB of flash).
            for c in s.chars() {
                out.extend(c.to_uppercase());
            }
        }
        Case::Lower => return s.to_lowercase(),
        Case::Fold => return s.to_lowercase().replace('ß', "ss"),
        Case::Swap => {
            for c in s.chars() {
                if c.is_uppercase() {
                    out.extend(c.to_lowercase());
                } else if c.is_lowercase() {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
            }
        }
        Case::Title => {
            let mut prev_cased = false;
            for c in s.chars() {
                if prev_cased {
                    out.extend(c.to_lowercase());
                } else {
                    push_title(&mut out, c);
                }
                let (u, l, t) = char_case(c);
                prev_cased = u || l || t;
            }
        }
        Case::Capitalize => {
            let mut it = s.chars();
            if let Some(c) = it.next() {
                push_title(&mut out, c);
            }
            out.push_str(&it.as_str().to_lowercase());
        }
    }
    out
}

#[cfg(feature = "unicode-case")]
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

/// Whether a non-ASCII character is (uppercase, lowercase, titlecase):
/// uncased without `unicode-case`, as in MicroPython.
pub(crate) fn char_case(c: char) -> (bool, bool, bool) {
    #[cfg(feature = "unicode-case")]
    {
        let (u, l) = (c.is_uppercase(), c.is_lowercase());
        // Titlecase letters (Lt), e.g. 'ǅ': neither upper nor lower but
        // with a lowercase form.
        let t = !c.is_ascii() && !u && !l && c.to_lowercase().next() != Some(c);
        (u, l, t)
    }
    #[cfg(not(feature = "unicode-case"))]
    {
        let _ = c;
        (false, false, false)
    }
}

/// `isdigit`/`isalpha`/`isalnum` of a non-ASCII character: Unicode with
/// or without `unicode-case`, since the lexer keeps the same tables for
/// identifiers (ASCII-only saved 116 bytes).
pub(crate) fn is_class(c: char, class: Class) -> bool {
    match class {
        Class::Digit => is_digit(c),
        Class::Alpha => c.is_alphabetic(),
        _ => c.is_alphanumeric(),
    }
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

/// A predicate over all characters: false for the empty string.
fn all_chars(vm: &mut Vm, a: &[Value], kw: Kw, name: &str, f: fn(char) -> bool) -> PyResult<Value> {
    check_pos(vm, "str", name, a, kw, 0, 0)?;
    let s = text(vm, arg(a, 0)).unwrap_or("");
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

fn s_isdecimal(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_chars(vm, a, kw, "isdecimal", is_decimal)
}
fn s_isnumeric(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    all_chars(vm, a, kw, "isnumeric", char::is_numeric)
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
                return Err(vm.new_error(vm.types.unicode_encode_error, &msg));
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
    vm.add_methods(t, super::strbytes::STR_METHODS);
    vm.add_methods(
        t,
        &[
            ("isdecimal", s_isdecimal),
            ("isnumeric", s_isnumeric),
            ("isidentifier", s_isidentifier),
            ("isprintable", s_isprintable),
            ("encode", s_encode),
            ("format", s_format),
            ("format_map", s_format_map),
        ],
    );
}
