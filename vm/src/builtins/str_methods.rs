//! Methods of `str` that bytes has not (encode, format, isdecimal, ...),
//! the argument helpers of the str, bytes and bytearray methods, and the
//! Unicode side of case mapping and character classes. The methods the
//! three types share are `strbytes.rs`. CPython 3.11's semantics and error
//! messages.

use crate::types::ty;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::bytes_methods as bm;
#[cfg(feature = "unicode-case")]
use super::strbytes::Case;
use super::strbytes::Class;
use super::strformat::Source;
use super::{arg, rest};
use crate::objects::{Obj, PyStr};
use crate::value::Value;
use crate::vm::{Exc, PyResult, Vm};

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
    // The messages arity_error shares with the other natives.
    use super::list_methods::{arity_error, Arity};
    if max == 0 || style == Style::One {
        let form = if max == 0 { Arity::NoArgs } else { Arity::One };
        return Err(arity_error(vm, &format!("{}.{}", cls, name), form, 0, n));
    }
    let bound = if n < min { min } else { max };
    let at = if min == max {
        ""
    } else if n < min {
        "at least "
    } else {
        "at most "
    };
    if style == Style::Old {
        return Err(vm.type_error(format!(
            "{}() takes {}{} argument{} ({} given)",
            name,
            at,
            bound,
            plural(bound),
            n
        )));
    }
    let form = if min == max {
        Arity::Exactly
    } else if n < min {
        Arity::AtLeast
    } else {
        Arity::AtMost
    };
    Err(arity_error(vm, name, form, bound, n))
}

/// Arguments of a method that also accepts them by keyword (`split`,
/// `encode`, ...): one slot per name, `Undef` when not given. An array, so
/// the callers index it without bounds checks or a heap Vec. Always two
/// slots (the second `Undef` for one name): one instance, not one per count.
pub(crate) fn kw_args(
    vm: &mut Vm,
    cls: &str,
    name: &str,
    a: &[Value],
    kw: Kw,
    names: &[&str],
) -> PyResult<[Value; 2]> {
    let mut out = [Value::Undef; 2];
    kw_fill(
        vm,
        cls,
        name,
        a,
        kw,
        names,
        out.get_mut(..names.len()).unwrap_or(&mut []),
    )?;
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
        let key = vm.str_of(k).unwrap_or("");
        let msg = match names.iter().position(|n| *n == key) {
            Some(i) if i < pos.len() => format!(
                "argument for {}() given by name ('{}') and position ({})",
                name,
                key,
                i + 1
            ),
            Some(i) => {
                if let Some(o) = out.get_mut(i) {
                    *o = v;
                }
                continue;
            }
            None => format!("'{}' is an invalid keyword argument for {}()", key, name),
        };
        return Err(vm.type_error(msg));
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
    Ok(Value::from_bool(!s.is_empty() && s.chars().all(f)))
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
    Ok(Value::from_bool(ok))
}
fn s_isprintable(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_pos(vm, "str", "isprintable", a, kw, 0, 0)?;
    let s = text(vm, arg(a, 0)).unwrap_or("");
    let ok = s.chars().all(super::repr::is_printable);
    Ok(Value::from_bool(ok))
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
    // Normalised into a small buffer: every known name is short.
    let mut buf = [0u8; 12];
    let mut n = 0;
    for &c in name.as_bytes() {
        if n == buf.len() {
            n = 0;
            break;
        }
        buf[n] = if c == b'_' || c == b' ' {
            b'-'
        } else {
            c.to_ascii_lowercase()
        };
        n += 1;
    }
    let norm = &buf[..n];
    for &(alias, canon) in CODECS {
        if alias.as_bytes() == norm {
            return Ok(canon);
        }
    }
    let m = format!("unknown encoding: {}", name);
    Err(vm.new_error(ty::LOOKUP_ERROR, &m))
}

/// Normalised codec aliases and their canonical names.
const CODECS: &[(&str, &str)] = &[
    ("utf-8", "utf-8"),
    ("utf8", "utf-8"),
    ("u8", "utf-8"),
    ("utf", "utf-8"),
    ("cp65001", "utf-8"),
    ("ascii", "ascii"),
    ("us-ascii", "ascii"),
    ("646", "ascii"),
    ("latin-1", "latin-1"),
    ("latin1", "latin-1"),
    ("iso-8859-1", "latin-1"),
    ("iso8859-1", "latin-1"),
    ("8859", "latin-1"),
    ("cp819", "latin-1"),
    ("l1", "latin-1"),
    ("latin", "latin-1"),
];

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

/// Applies error handler `errors` to one unencodable character or
/// undecodable byte `u`. `Err(true)` for `strict`, `Err(false)` for an
/// unknown handler: the caller raises (see `codec_error`).
pub(crate) fn recover(errors: &str, out: &mut Vec<u8>, u: u32, decoding: bool) -> Result<(), bool> {
    match errors {
        "ignore" => {}
        "replace" => out.extend_from_slice(if decoding {
            "\u{fffd}".as_bytes()
        } else {
            b"?"
        }),
        "backslashreplace" => {
            let mut e = String::new();
            char_escape(&mut e, u);
            out.extend_from_slice(e.as_bytes());
        }
        "xmlcharrefreplace" if !decoding => {
            out.extend_from_slice(format!("&#{};", u).as_bytes());
        }
        "strict" => return Err(true),
        _ => return Err(false),
    }
    Ok(())
}

/// The error for a failed `recover`: units `start..end` (the first is `u`)
/// could not be handled.
#[allow(clippy::too_many_arguments)]
pub(crate) fn codec_error(
    vm: &mut Vm,
    strict: bool,
    errors: &str,
    enc: &str,
    decoding: bool,
    u: u32,
    (start, end): (usize, usize),
    reason: &str,
) -> Exc {
    if !strict {
        // CPython's xmlcharrefreplace handler exists but only encodes.
        if decoding && errors == "xmlcharrefreplace" {
            let m = "don't know how to handle UnicodeDecodeError in error callback";
            return vm.new_error(ty::TYPE_ERROR, m);
        }
        let m = format!("unknown error handler name '{}'", errors);
        return vm.new_error(ty::LOOKUP_ERROR, &m);
    }
    let (verb, noun) = if decoding {
        ("decode", "byte")
    } else {
        ("encode", "character")
    };
    let what = if end - start > 1 {
        format!("{}s in position {}-{}", noun, start, end - 1)
    } else if decoding {
        format!("byte 0x{:02x} in position {}", u, start)
    } else {
        let mut e = String::new();
        char_escape(&mut e, u);
        format!("character '{}' in position {}", e, start)
    };
    let m = format!("'{}' codec can't {} {}: {}", enc, verb, what, reason);
    let cls = if decoding {
        ty::UNICODE_DECODE_ERROR
    } else {
        ty::UNICODE_ENCODE_ERROR
    };
    vm.new_error(cls, &m)
}

fn char_escape(out: &mut String, u: u32) {
    let (kind, digits) = if u < 0x100 {
        ('x', 2)
    } else if u < 0x10000 {
        ('u', 4)
    } else {
        ('U', 8)
    };
    super::repr::push_escape(out, kind, u, digits);
}

fn s_encode(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let args = kw_args(vm, "str", "encode", a, kw, &["encoding", "errors"])?;
    let enc = codec(vm, args[0], "encode")?;
    let errors = errors_arg(vm, args[1], "encode")?;
    let s = text(vm, arg(a, 0)).unwrap_or("");
    let out = if enc == "utf-8" {
        s.as_bytes().to_vec()
    } else {
        let (limit, reason) = if enc == "ascii" {
            (0x80, "ordinal not in range(128)")
        } else {
            (0x100, "ordinal not in range(256)")
        };
        let mut out = Vec::with_capacity(s.len());
        let mut it = s.chars();
        let mut i = 0;
        while let Some(c) = it.next() {
            let u = c as u32;
            i += 1;
            if u < limit {
                out.push(u as u8);
            } else if let Err(strict) = recover(&errors, &mut out, u, false) {
                let n = it.take_while(|&c| c as u32 >= limit).count();
                let at = (i - 1, i + n);
                return Err(codec_error(vm, strict, &errors, enc, false, u, at, reason));
            }
        }
        out
    };
    vm.alloc(Obj::Bytes(out))
}

// ---- format ----

fn s_format(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_self(vm, "str", "format", a)?;
    super::strformat::format(vm, arg(a, 0), Source::Args(rest(a, 1), kw))
}

fn s_format_map(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "str", "format_map", a, kw, 1, 1, Style::One)?;
    super::strformat::format(vm, arg(a, 0), Source::Map(arg(a, 1)))
}
pub fn register(vm: &mut Vm) {
    let t = ty::STR;
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
