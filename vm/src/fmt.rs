//! Number and string formatting for Ferrite, matching CPython 3.11 exactly.
//!
//! Implements the format-spec mini-language (`format(x, spec)`, `str.format`),
//! the float conversions of old-style `%` formatting, `repr(float)` and
//! `float(str)` parsing. The layout code is a transcription of CPython's
//! `Python/formatter_unicode.c` and `Python/pystrtod.c`; correctly rounded
//! digits come from `crate::dtoa` (exact, half-to-even like David Gay's
//! `dtoa` used by CPython) and parsing from `crate::strtod`.
//!
//! Deviations: widths/precisions above [`MAX_WIDTH`] are rejected with
//! "Too many decimal digits in format string"; only ASCII digits are accepted
//! in specs and in `parse_float`; `'c'` of a surrogate code point is an error.
//! Errors are returned as message strings; all are `ValueError` except
//! [`C_RANGE_ERROR`] and [`INT_TOO_LARGE_ERROR`], which are `OverflowError`.

use crate::at::At;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::Write;

/// Largest accepted width or precision.
pub const MAX_WIDTH: usize = 10_000_000;
/// Message for widths/precisions that are too large (ValueError).
pub const TOO_MANY_DIGITS: &str = "Too many decimal digits in format string";
/// Message for `'c'` with an out-of-range code point (OverflowError).
pub const C_RANGE_ERROR: &str = "%c arg not in range(0x110000)";
/// Message for `'c'` with an int outside the 64-bit C long range (OverflowError).
pub const C_LONG_ERROR: &str = "Python int too large to convert to C long";
/// Message for float presentation types of an int that does not fit a float (OverflowError).
pub const INT_TOO_LARGE_ERROR: &str = "int too large to convert to float";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
    AfterSign,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    Minus,
    Plus,
    Space,
}

/// A parsed format spec. `zero` is the `0` flag (it also implies `fill == '0'`);
/// `width == 0` means "not given". `no_neg_zero` is the 3.11 `z` flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Option<Align>,
    pub sign: Option<Sign>,
    pub alternate: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
    pub no_neg_zero: bool,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            alternate: false,
            zero: false,
            width: 0,
            grouping: None,
            precision: None,
            ty: None,
            no_neg_zero: false,
        }
    }
}

fn is_align(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Parse a format spec. The "Invalid format specifier" error has no type name;
/// use [`parse_spec_for`] to get CPython's full message.
pub fn parse_spec(spec: &str) -> Result<FormatSpec, String> {
    parse_spec_inner(spec, None)
}

/// Like [`parse_spec`], but the "Invalid format specifier '...' for object of
/// type '...'" message names `type_name`, exactly as CPython does.
pub fn parse_spec_for(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    parse_spec_inner(spec, Some(type_name))
}

/// Reads an optional run of ASCII digits; Ok(None) when there are none.
fn get_integer(c: &[u8], pos: &mut usize) -> Result<Option<usize>, String> {
    let mut acc: usize = 0;
    let mut n = 0;
    while let Some(d) = c.get(*pos).and_then(|&ch| char::from(ch).to_digit(10)) {
        acc = acc * 10 + d as usize;
        if acc > MAX_WIDTH {
            return Err(TOO_MANY_DIGITS.to_string());
        }
        *pos += 1;
        n += 1;
    }
    Ok(if n == 0 { None } else { Some(acc) })
}

fn parse_spec_inner(spec: &str, type_name: Option<&str>) -> Result<FormatSpec, String> {
    let mut f = FormatSpec::default();
    let mut pos = 0;
    let mut fill_specified = false;
    let mut chars = spec.chars();
    let (first, second) = (chars.next(), chars.next());
    if let (Some(fill), Some(a)) = (first, second.and_then(is_align)) {
        f.fill = fill;
        f.align = Some(a);
        fill_specified = true;
        pos = fill.len_utf8() + 1;
    } else if let Some(a) = first.and_then(is_align) {
        f.align = Some(a);
        pos = 1;
    }
    // Bytes after the fill: the rest is ASCII up to the type, which is
    // the only (one) char left.
    let c = spec.as_bytes();
    match c.get(pos) {
        Some(b'+') => f.sign = Some(Sign::Plus),
        Some(b'-') => f.sign = Some(Sign::Minus),
        Some(b' ') => f.sign = Some(Sign::Space),
        _ => {}
    }
    if f.sign.is_some() {
        pos += 1;
    }
    if c.get(pos) == Some(&b'z') {
        f.no_neg_zero = true;
        pos += 1;
    }
    if c.get(pos) == Some(&b'#') {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && c.get(pos) == Some(&b'0') {
        f.zero = true;
        f.fill = '0';
        pos += 1;
    }
    f.width = get_integer(c, &mut pos)?.unwrap_or(0);
    if c.get(pos) == Some(&b',') {
        f.grouping = Some(',');
        pos += 1;
    }
    if c.get(pos) == Some(&b'_') {
        if f.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".to_string());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if c.get(pos) == Some(&b',') && f.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".to_string());
    }
    if c.get(pos) == Some(&b'.') {
        pos += 1;
        match get_integer(c, &mut pos)? {
            Some(p) => f.precision = Some(p),
            None => return Err("Format specifier missing precision".to_string()),
        }
    }
    let mut rest = crate::substr::sub(spec, pos..).chars();
    let ty = rest.next();
    if rest.next().is_some() {
        return Err(match type_name {
            Some(t) => format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec, t
            ),
            None => "Invalid format specifier".to_string(),
        });
    }
    f.ty = ty;
    Ok(f)
}

/// Quote a presentation type the way CPython's error messages do.
fn type_char(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        format!("'{}'", c)
    } else {
        format!("'\\x{:x}'", u)
    }
}

pub(crate) fn unknown_code(ty: char, type_name: &str) -> String {
    format!(
        "Unknown format code {} for object of type '{}'",
        type_char(ty),
        type_name
    )
}

/// Validate grouping against the (defaulted) type; returns the group size (0 = none).
fn check_grouping(spec: &FormatSpec, ty: char) -> Result<usize, String> {
    let g = match spec.grouping {
        None => return Ok(0),
        Some(g) => g,
    };
    match ty {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(3),
        'b' | 'o' | 'x' | 'X' if g == '_' => Ok(4),
        _ => Err(format!("Cannot specify '{}' with {}.", g, type_char(ty))),
    }
}

fn check_limits(spec: &FormatSpec) -> Result<(), String> {
    if spec.width > MAX_WIDTH || spec.precision.is_some_and(|p| p > MAX_WIDTH) {
        return Err(TOO_MANY_DIGITS.to_string());
    }
    Ok(())
}

fn push_n(out: &mut String, c: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

/// Pad `s` (of `len` chars) to `width` with `fill`, for string-like values.
fn pad(s: &str, len: usize, width: usize, fill: char, align: Align) -> String {
    let padding = width.saturating_sub(len);
    let (l, r) = match align {
        Align::Left => (0, padding),
        Align::Center => (padding / 2, padding - padding / 2),
        _ => (padding, 0),
    };
    let mut out = String::with_capacity(s.len() + padding);
    push_n(&mut out, fill, l as i64);
    out.push_str(s);
    push_n(&mut out, fill, r as i64);
    out
}

/// Format a string (type None or 's').
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, String> {
    check_limits(spec)?;
    let ty = spec.ty.unwrap_or('s');
    check_grouping(spec, ty)?;
    if ty != 's' {
        return Err(unknown_code(ty, "str"));
    }
    // The first refused option, in CPython's order: one error path.
    let bad = match spec.sign {
        Some(Sign::Space) => "Space",
        Some(_) => "Sign",
        None if spec.no_neg_zero => "Negative zero coercion (z)",
        None if spec.alternate => "Alternate form (#)",
        None if spec.align == Some(Align::AfterSign) => "'=' alignment",
        None => "",
    };
    if !bad.is_empty() {
        return Err(crate::builtins::repr::cat(&[
            bad,
            " not allowed in string format specifier",
        ]));
    }
    let (body, len) = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => (crate::substr::sub(s, ..i), p),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    };
    let fill = if spec.zero { '0' } else { spec.fill };
    Ok(pad(
        body,
        len,
        spec.width,
        fill,
        spec.align.unwrap_or(Align::Left),
    ))
}

/// Insert thousands separators (every `group` digits; 0 = none), padding with
/// zeros up to `min_width` like CPython's `_PyUnicode_InsertThousandsGrouping`.
fn group_digits(digits: &[u8], min_width: i64, group: usize, sep: char) -> String {
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    let mut end = digits.len();
    // ASCII throughout (the separator is `,` or `_`): built as bytes.
    let mut rev: Vec<u8> = Vec::new();
    let mut use_sep = false;
    let emit = |rev: &mut Vec<u8>, len: i64, remaining: i64, use_sep: bool, end: &mut usize| {
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        if use_sep {
            rev.push(sep as u8);
        }
        for _ in 0..n_chars {
            *end -= 1;
            rev.push(*digits.at(*end));
        }
        for _ in 0..n_zeros {
            rev.push(b'0');
        }
        n_chars
    };
    let mut broken = false;
    if group > 0 {
        loop {
            let len = (group as i64).min(remaining.max(min_width).max(1));
            let n_chars = emit(&mut rev, len, remaining, use_sep, &mut end);
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let len = remaining.max(min_width).max(1);
        emit(&mut rev, len, remaining, use_sep, &mut end);
    }
    rev.reverse();
    String::from_utf8(rev).unwrap_or_default()
}

/// The pieces of a number: `<sign><prefix><digits>[.]<remainder>`.
struct NumParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a [u8],
    has_decimal: bool,
    remainder: &'a str,
}

/// CPython's `calc_number_spec` + `fill_number`.
fn layout(p: &NumParts, spec: &FormatSpec, group: usize, sep: char) -> String {
    let sign = match spec.sign {
        Some(Sign::Plus) => Some(if p.negative { '-' } else { '+' }),
        Some(Sign::Space) => Some(if p.negative { '-' } else { ' ' }),
        _ => p.negative.then_some('-'),
    };
    let fill = if spec.zero { '0' } else { spec.fill };
    let align = spec.align.unwrap_or(if spec.zero {
        Align::AfterSign
    } else {
        Align::Right
    });
    let non_digit = sign.is_some() as i64
        + p.prefix.chars().count() as i64
        + p.has_decimal as i64
        + p.remainder.chars().count() as i64;
    let width = spec.width as i64;
    let min_width = if fill == '0' && align == Align::AfterSign {
        width - non_digit
    } else {
        0
    };
    let grouped = if p.digits.is_empty() {
        String::new()
    } else {
        group_digits(p.digits, min_width, group, sep)
    };
    let padding = (width - non_digit - grouped.len() as i64).max(0);
    let (l, s, r) = match align {
        Align::Left => (0, 0, padding),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
        Align::Right => (padding, 0, 0),
    };
    let mut out = String::with_capacity((width.max(0) as usize).max(grouped.len() + 8));
    push_n(&mut out, fill, l);
    if let Some(c) = sign {
        out.push(c);
    }
    out.push_str(p.prefix);
    push_n(&mut out, fill, s);
    out.push_str(&grouped);
    if p.has_decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    push_n(&mut out, fill, r);
    out
}

/// Format an int given its sign and a closure rendering |value| in radix
/// 2, 8, 10 or 16 (lowercase digits). Float types (`eEfFgG%`) are the
/// caller's: it converts the int to float for `format_float`.
pub fn format_int(
    negative: bool,
    magnitude: &dyn Fn(u32) -> String,
    spec: &FormatSpec,
) -> Result<String, String> {
    check_limits(spec)?;
    let ty = spec.ty.unwrap_or('d');
    let group = check_grouping(spec, ty)?;
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'd' | 'n' => (10, ""),
        'c' => {
            // PyLong_AsLong first (C long is 64-bit), then the code point range check.
            // The decimal digits by hand: `str::parse` brings its generic
            // sign and overflow handling.
            let m = magnitude(10)
                .bytes()
                .try_fold(0u64, |a, d| {
                    a.checked_mul(10)?
                        .checked_add(u64::from(d.wrapping_sub(b'0')))
                })
                .unwrap_or(u64::MAX);
            let limit = if negative {
                1u64 << 63
            } else {
                (1u64 << 63) - 1
            };
            let code = if m > limit {
                Err(C_LONG_ERROR)
            } else if negative || m > 0x10ffff {
                Err(C_RANGE_ERROR)
            } else {
                Ok(m as u32)
            };
            return char_inner(code, spec);
        }
        _ => return Err(unknown_code(ty, "int")),
    };
    int_refuses(spec, false)?;
    let mut digits = magnitude(base);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumParts {
        negative,
        prefix: if spec.alternate { prefix } else { "" },
        digits: digits.as_bytes(),
        has_decimal: false,
        remainder: "",
    };
    let sep = spec.grouping.unwrap_or(',');
    Ok(layout(&parts, spec, group, sep))
}

/// Format an int with presentation type 'c' (the spec's type is taken to be 'c').
pub fn format_int_char(code: u32, spec: &FormatSpec) -> Result<String, String> {
    char_inner(
        if code > 0x10ffff {
            Err(C_RANGE_ERROR)
        } else {
            Ok(code)
        },
        spec,
    )
}

/// The first option an int's spec refuses, in CPython's order (type `c`
/// refuses sign and `#` too): one error path for both.
fn int_refuses(spec: &FormatSpec, c: bool) -> Result<(), String> {
    let (bad, post) = if spec.precision.is_some() {
        ("Precision", " not allowed in integer format specifier")
    } else if spec.no_neg_zero {
        (
            "Negative zero coercion (z)",
            " not allowed in integer format specifier",
        )
    } else if c && spec.sign.is_some() {
        ("Sign", " not allowed with integer format specifier 'c'")
    } else if c && spec.alternate {
        (
            "Alternate form (#)",
            " not allowed with integer format specifier 'c'",
        )
    } else {
        return Ok(());
    };
    Err(crate::builtins::repr::cat(&[bad, post]))
}

fn char_inner(code: Result<u32, &str>, spec: &FormatSpec) -> Result<String, String> {
    check_limits(spec)?;
    check_grouping(spec, 'c')?;
    int_refuses(spec, true)?;
    let code = code.map_err(|e| e.to_string())?;
    let ch = match char::from_u32(code) {
        Some(c) => c,
        None => return Err(format!("'c' of surrogate U+{:04X} is not supported", code)),
    };
    let mut buf = [0u8; 4];
    let parts = NumParts {
        negative: false,
        prefix: "",
        digits: &[],
        has_decimal: false,
        remainder: ch.encode_utf8(&mut buf),
    };
    Ok(layout(&parts, spec, 0, ','))
}

/// Digits of a finite positive float as produced by Gay's `dtoa`:
/// value = 0.DIGITS * 10**decpt, no trailing zeros (digits may be empty
/// in mode 3 when the value rounds to zero).
enum Mode {
    Shortest,
    Significant(usize),
    Fixed(usize),
}

#[cfg(feature = "core-float-text")]
fn sci_digits(s: &str) -> (Vec<u8>, i64) {
    let (mant, exp) = match s.find('e') {
        Some(i) => (crate::substr::sub(s, ..i), crate::substr::sub(s, i + 1..)),
        None => (s, "0"),
    };
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
    (digits, exp + 1)
}

/// `core` picks the upper candidate when two shortest digit strings are equally
/// close (e.g. 648020182569107.25); dtoa rounds half-even. Prefer the correctly
/// rounded string of the same length whenever it round-trips.
#[cfg(feature = "core-float-text")]
fn shortest_half_even(
    short: String,
    round_trips: impl Fn(&str) -> bool,
    exact: impl Fn(usize) -> String,
) -> (Vec<u8>, i64) {
    let (d, e) = sci_digits(&short);
    if d.len() < 2 {
        return (d, e);
    }
    let alt = exact(d.len() - 1);
    if alt != short && round_trips(&alt) {
        let (d2, e2) = sci_digits(&alt);
        if d2.len() == d.len() {
            return (d2, e2);
        }
    }
    (d, e)
}

fn strip_trailing_zeros(d: &mut Vec<u8>) {
    while d.last() == Some(&b'0') {
        d.pop();
    }
}

fn dtoa(x: f64, mode: Mode) -> (Vec<u8>, i64) {
    if x == 0.0 {
        return (alloc::vec![b'0'], 1);
    }
    // With the compact `Value` floats are f32s (held here widened, exactly):
    // repr prints the shortest digits that read back as that f32. The
    // other modes' exact digits of the widened value are already right.
    #[cfg(compact_value)]
    let mode = match (mode, x as f32) {
        (Mode::Shortest, f) if f.is_finite() && f != 0.0 => {
            return crate::dtoa::shortest_f32(f);
        }
        // Beyond f32's range: not a stored float but an intermediate; all
        // its digits (this keeps f64's `shortest` out of board images).
        (Mode::Shortest, _) => Mode::Significant(17),
        (m, _) => m,
    };
    #[cfg(feature = "core-float-text")]
    {
        core_dtoa(x, mode)
    }
    #[cfg(not(feature = "core-float-text"))]
    match mode {
        Mode::Shortest => crate::dtoa::shortest(x),
        Mode::Significant(n) => {
            let (mut d, e) = crate::dtoa::significant(x, n.max(1));
            strip_trailing_zeros(&mut d);
            (d, e)
        }
        Mode::Fixed(n) => crate::dtoa::fixed(x, n),
    }
}

/// The digits from `core::fmt` (Grisu with a Dragon4 fallback): about twice
/// as fast as `crate::dtoa`'s exact big-integer digits, for ~18 KB more
/// code on thumbv6m. The host `ferrite` takes it (feature
/// `core-float-text`); boards and the browser keep the smaller code.
#[cfg(feature = "core-float-text")]
fn core_dtoa(x: f64, mode: Mode) -> (Vec<u8>, i64) {
    let mut s = String::new();
    match mode {
        Mode::Shortest => {
            let _ = write!(s, "{:e}", x);
            shortest_half_even(
                s,
                |t| crate::strtod::parse_f64(t) == Some(x),
                |n| format!("{:.*e}", n, x),
            )
        }
        Mode::Significant(n) => {
            let _ = write!(s, "{:.*e}", n.max(1) - 1, x);
            let (mut d, e) = sci_digits(&s);
            strip_trailing_zeros(&mut d);
            (d, e)
        }
        Mode::Fixed(n) => {
            let _ = write!(s, "{:.*}", n, x);
            let (ip, fp) = match s.find('.') {
                Some(i) => (crate::substr::sub(&s, ..i), crate::substr::sub(&s, i + 1..)),
                None => (s.as_str(), ""),
            };
            let mut d: Vec<u8> = ip.bytes().chain(fp.bytes()).collect();
            let lz = d.iter().take_while(|&&b| b == b'0').count();
            d.drain(..lz);
            strip_trailing_zeros(&mut d);
            if d.is_empty() {
                (d, -(n as i64))
            } else {
                (d, ip.len() as i64 - lz as i64)
            }
        }
    }
}

#[derive(Clone, Copy, Default)]
struct DtsFlags {
    sign: bool,
    add_dot_0: bool,
    alt: bool,
    no_neg_0: bool,
}

/// CPython's `PyOS_double_to_string` for codes e E f F g G r.
fn double_to_string(x: f64, code: char, precision: usize, fl: DtsFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if !x.is_finite() {
        let mut out = String::new();
        if x.is_nan() {
            if fl.sign {
                out.push('+');
            }
            out.push_str(if upper { "NAN" } else { "nan" });
        } else {
            if x < 0.0 {
                out.push('-');
            } else if fl.sign {
                out.push('+');
            }
            out.push_str(if upper { "INF" } else { "inf" });
        }
        return out;
    }
    let (precision, mode) = match code {
        'e' => (precision + 1, Mode::Significant(precision + 1)),
        'f' => (precision, Mode::Fixed(precision)),
        'g' => (precision.max(1), Mode::Significant(precision.max(1))),
        _ => (0, Mode::Shortest),
    };
    let (digits, decpt) = dtoa(x.abs(), mode);
    format_short(
        x.is_sign_negative(),
        &digits,
        decpt,
        code,
        precision as i64,
        fl,
        upper,
    )
}

/// CPython's `format_float_short` (layout of dtoa digits).
fn format_short(
    negative: bool,
    digits: &[u8],
    mut decpt: i64,
    code: char,
    precision: i64,
    fl: DtsFlags,
    upper: bool,
) -> String {
    let mut sign = negative;
    let digits_len = digits.len() as i64;
    if fl.no_neg_0 && sign && (digits_len == 0 || (digits_len == 1 && digits[0] == b'0')) {
        sign = false;
    }
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            if decpt <= -4
                || decpt
                    > (if fl.add_dot_0 {
                        precision - 1
                    } else {
                        precision
                    })
            {
                use_exp = true;
            }
            if fl.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && fl.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let mut p = String::with_capacity((vdigits_end - vdigits_start).max(0) as usize + 8);
    if sign {
        p.push('-');
    } else if fl.sign {
        p.push('+');
    }
    if decpt <= 0 {
        push_n(&mut p, '0', decpt - vdigits_start);
        p.push('.');
        push_n(&mut p, '0', -decpt);
    } else {
        push_n(&mut p, '0', -vdigits_start);
    }
    // The digits are ASCII: pushed as text, not char by char.
    let text = core::str::from_utf8(digits).unwrap_or("");
    if 0 < decpt && decpt <= digits_len {
        p.push_str(crate::substr::sub(text, ..decpt as usize));
        p.push('.');
        p.push_str(crate::substr::sub(text, decpt as usize..));
    } else {
        p.push_str(text);
    }
    if digits_len < decpt {
        push_n(&mut p, '0', decpt - digits_len);
        p.push('.');
        push_n(&mut p, '0', vdigits_end - decpt);
    } else {
        push_n(&mut p, '0', vdigits_end - digits_len);
    }
    if p.ends_with('.') && !fl.alt {
        p.pop();
    }
    if use_exp {
        p.push(if upper { 'E' } else { 'e' });
        let _ = write!(
            p,
            "{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.unsigned_abs()
        );
    }
    p
}

/// Format a float per the format-spec mini-language.
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, String> {
    check_limits(spec)?;
    let ty0 = spec.ty.unwrap_or('\0');
    let group = check_grouping(spec, ty0)?;
    if !matches!(ty0, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
        return Err(unknown_code(ty0, "float"));
    }
    let mut fl = DtsFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_zero,
        ..DtsFlags::default()
    };
    let mut ty = ty0;
    let mut default_precision = 6;
    if ty == '\0' {
        fl.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let add_pct = ty == '%';
    if add_pct {
        ty = 'f';
        val *= 100.0;
    }
    let precision = match spec.precision {
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
        None => default_precision,
    };
    let mut buf = double_to_string(val, ty, precision, fl);
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, buf.as_str()),
    };
    let nd = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let has_decimal = body.as_bytes().get(nd) == Some(&b'.');
    let parts = NumParts {
        negative,
        prefix: "",
        digits: body.as_bytes().span(0, nd),
        has_decimal,
        remainder: crate::substr::sub(body, nd + has_decimal as usize..),
    };
    Ok(layout(&parts, spec, group, spec.grouping.unwrap_or(',')))
}

/// The digits of a `%e`/`%E`/`%f`/`%F`/`%g`/`%G` conversion (`ty`), with a
/// `-` for negatives and no padding: `%` formatting adds sign flags and width.
pub fn float_percent_digits(x: f64, ty: char, precision: Option<usize>, alt: bool) -> String {
    let fl = DtsFlags {
        alt,
        ..DtsFlags::default()
    };
    double_to_string(x, ty, precision.unwrap_or(6), fl)
}

/// Old-style `%` formatting of a float, as a reference for the tests. The
/// spec is interpreted as the conversion's flags: `align == Some(Left)` is
/// the `-` flag, `zero` the `0` flag, `sign` `+`/space, `alternate` `#`,
/// plus width, precision and `ty` (one of `eEfFgG`; `r`/`s`/`a` give
/// `float_repr` padded like a string).
#[cfg(test)]
pub fn format_float_percent(x: f64, flags: &FormatSpec) -> Result<String, String> {
    check_limits(flags)?;
    let ty = flags.ty.unwrap_or('g');
    let ljust = flags.align == Some(Align::Left);
    let width = flags.width;
    match ty {
        'r' | 's' | 'a' => {
            let r = float_repr(x);
            let body: String = match flags.precision {
                Some(p) => r.chars().take(p).collect(),
                None => r,
            };
            let align = if ljust { Align::Left } else { Align::Right };
            return Ok(pad(&body, body.len(), width, ' ', align));
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {}
        _ => {
            return Err(format!(
                "unsupported format character '{}' (0x{:x})",
                ty, ty as u32
            ))
        }
    }
    let fl = DtsFlags {
        alt: flags.alternate,
        ..DtsFlags::default()
    };
    let s = double_to_string(x, ty, flags.precision.unwrap_or(6), fl);
    let (signchar, body) = match s.strip_prefix('-') {
        Some(b) => (Some('-'), b),
        None => match flags.sign {
            Some(Sign::Plus) => (Some('+'), s.as_str()),
            Some(Sign::Space) => (Some(' '), s.as_str()),
            _ => (None, s.as_str()),
        },
    };
    let len = body.len() + signchar.is_some() as usize;
    let padding = width.saturating_sub(len) as i64;
    let mut out = String::with_capacity(len + padding as usize);
    if ljust {
        out.extend(signchar);
        out.push_str(body);
        push_n(&mut out, ' ', padding);
    } else if flags.zero {
        out.extend(signchar);
        push_n(&mut out, '0', padding);
        out.push_str(body);
    } else {
        push_n(&mut out, ' ', padding);
        out.extend(signchar);
        out.push_str(body);
    }
    Ok(out)
}

/// `repr(float)`: shortest round-trip digits, CPython layout.
pub fn float_repr(x: f64) -> String {
    let fl = DtsFlags {
        add_dot_0: true,
        ..DtsFlags::default()
    };
    double_to_string(x, 'r', 0, fl)
}

/// `repr` of a single-precision float (shortest digits that read back as
/// that f32); with the compact `Value`, `float_repr` of any stored float.
#[cfg(any(test, compact_value))]
pub fn float_repr_f32(x: f32) -> String {
    if !x.is_finite() || x == 0.0 {
        return float_repr(f64::from(x));
    }
    let (digits, decpt) = crate::dtoa::shortest_f32(x.abs());
    let fl = DtsFlags {
        add_dot_0: true,
        ..DtsFlags::default()
    };
    format_short(x.is_sign_negative(), &digits, decpt, 'r', 0, fl, false)
}

fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Python `float(str)`: surrounding whitespace, optional sign, decimal
/// literal with single underscores between digits, or inf/infinity/nan.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim_matches(is_py_space);
    let b = t.as_bytes();
    let mut clean = String::with_capacity(t.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let prev_ok = i > 0 && b.at(i - 1).is_ascii_digit();
            let next_ok = b.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !(prev_ok && next_ok) {
                return None;
            }
        } else if c.is_ascii_alphanumeric() || c == b'.' || c == b'+' || c == b'-' {
            clean.push(c as char);
        } else {
            return None;
        }
    }
    let body = clean.strip_prefix(['+', '-']).unwrap_or(&clean);
    let special = ["inf", "infinity", "nan"]
        .iter()
        .any(|w| body.eq_ignore_ascii_case(w));
    if !special
        && !body
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    if special && t.contains('_') {
        return None;
    }
    crate::strtod::parse_float_text(&clean)
}

/// Render `v` in `radix` (2..=36) with lowercase digits.
pub fn int_to_str_radix_u64(v: u64, radix: u32) -> String {
    let radix = radix.clamp(2, 36) as u64;
    if v == 0 {
        return "0".to_string();
    }
    let mut buf = Vec::new();
    let mut v = v;
    while v > 0 {
        let d = (v % radix) as u8;
        buf.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        v /= radix;
    }
    buf.iter().rev().map(|&b| b as char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mag(v: u128) -> impl Fn(u32) -> String {
        move |r| {
            if v == 0 {
                return "0".to_string();
            }
            let mut buf = Vec::new();
            let mut v = v;
            while v > 0 {
                let d = (v % r as u128) as u8;
                buf.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
                v /= r as u128;
            }
            buf.iter().rev().map(|&b| b as char).collect()
        }
    }

    fn fmt_i(v: i128, spec: &str) -> Result<String, String> {
        let s = parse_spec_for(spec, "int")?;
        // As `Vm::format_spec` does: float types format the int as a float.
        if matches!(s.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
            return format_float(v as f64, &s);
        }
        format_int(v < 0, &mag(v.unsigned_abs()), &s)
    }

    fn fmt_f(bits: u64, spec: &str) -> Result<String, String> {
        let s = parse_spec_for(spec, "float")?;
        format_float(f64::from_bits(bits), &s)
    }

    fn fmt_s(v: &str, spec: &str) -> Result<String, String> {
        let s = parse_spec_for(spec, "str")?;
        format_str(v, &s)
    }

    fn check(got: Result<String, String>, want: &str, what: &str) {
        let got = match got {
            Ok(s) => s,
            Err(e) => format!("!{}", e),
        };
        assert_eq!(got, want, "{}", what);
    }

    // (value, spec, expected); expected "!msg" is an error. Generated with CPython 3.11.
    const INTS: &[(i128, &str, &str)] = &[
        (0, "x", "0"),
        (0, "#_x", "0x0"),
        (0, ",x", "!Cannot specify ',' with 'x'."),
        (0, ".", "!Format specifier missing precision"),
        (0, ".0%", "0%"),
        (1, "n", "1"),
        (1, "_b", "1"),
        (1, "*<7", "1******"),
        (1, ">8", "       1"),
        (1, "#010x", "0x00000001"),
        (
            1,
            "z",
            "!Negative zero coercion (z) not allowed in integer format specifier",
        ),
        (1, "#", "1"),
        (
            1,
            "\u{e9}",
            "!Unknown format code '\\xe9' for object of type 'int'",
        ),
        (-1, "#010x", "-0x0000001"),
        (-1, ",x", "!Cannot specify ',' with 'x'."),
        (5, "", "5"),
        (5, "^9", "    5    "),
        (5, "05,", "0,005"),
        (5, " 5", "    5"),
        (42, " ", " 42"),
        (
            42,
            ".2",
            "!Precision not allowed in integer format specifier",
        ),
        (42, ",.2f", "42.00"),
        (-42, ">8", "     -42"),
        (-42, "#012_b", "-0b0010_1010"),
        (-42, "04,", "-042"),
        (-42, " 5", "  -42"),
        (-42, "%", "-4200.000000%"),
        (255, "d", "255"),
        (255, ",", "255"),
        (255, "#010x", "0x000000ff"),
        (255, "<5c", "\u{ff}    "),
        (255, "#", "255"),
        (
            255,
            "\u{e9}",
            "!Unknown format code '\\xe9' for object of type 'int'",
        ),
        (-255, "n", "-255"),
        (-255, "#b", "-0b11111111"),
        (-255, " ", "-255"),
        (-255, ">8", "    -255"),
        (-255, "e", "-2.550000e+02"),
        (-255, ",n", "!Cannot specify ',' with 'n'."),
        (1234, "_", "1_234"),
        (1234, ",c", "!Cannot specify ',' with 'c'."),
        (
            1234,
            "99999999999999999999",
            "!Too many decimal digits in format string",
        ),
        (1234, "=^8", "==1234=="),
        (1234, "E", "1.234000E+03"),
        (1234567, "", "1234567"),
        (1234567, "d", "1234567"),
        (1234567, "n", "1234567"),
        (1234567, "b", "100101101011010000111"),
        (1234567, "o", "4553207"),
        (1234567, "x", "12d687"),
        (1234567, "X", "12D687"),
        (1234567, "#b", "0b100101101011010000111"),
        (1234567, "#o", "0o4553207"),
        (1234567, "#x", "0x12d687"),
        (1234567, "#X", "0X12D687"),
        (1234567, "_b", "1_0010_1101_0110_1000_0111"),
        (1234567, "#_x", "0x12_d687"),
        (1234567, ",", "1,234,567"),
        (1234567, "_", "1_234_567"),
        (1234567, "010,", "01,234,567"),
        (1234567, "010_", "01_234_567"),
        (1234567, "010", "0001234567"),
        (1234567, "=+10d", "+  1234567"),
        (1234567, "+", "+1234567"),
        (1234567, " ", " 1234567"),
        (1234567, "-", "1234567"),
        (1234567, "^9", " 1234567 "),
        (1234567, "*<7", "1234567"),
        (1234567, ">8", " 1234567"),
        (1234567, "<08", "12345670"),
        (1234567, "+08", "+1234567"),
        (1234567, "#010x", "0x0012d687"),
        (1234567, "#012_b", "0b1_0010_1101_0110_1000_0111"),
        (1234567, "c", "!%c arg not in range(0x110000)"),
        (1234567, "5c", "!%c arg not in range(0x110000)"),
        (1234567, "<5c", "!%c arg not in range(0x110000)"),
        (1234567, "05c", "!%c arg not in range(0x110000)"),
        (
            1234567,
            "+c",
            "!Sign not allowed with integer format specifier 'c'",
        ),
        (1234567, ",c", "!Cannot specify ',' with 'c'."),
        (1234567, ",x", "!Cannot specify ',' with 'x'."),
        (
            1234567,
            ".2",
            "!Precision not allowed in integer format specifier",
        ),
        (
            1234567,
            "q",
            "!Unknown format code 'q' for object of type 'int'",
        ),
        (
            1234567,
            "z",
            "!Negative zero coercion (z) not allowed in integer format specifier",
        ),
        (1234567, ",_", "!Cannot specify both ',' and '_'."),
        (1234567, ".", "!Format specifier missing precision"),
        (
            1234567,
            "99999999999999999999",
            "!Too many decimal digits in format string",
        ),
        (1234567, "04,", "1,234,567"),
        (1234567, "05,", "1,234,567"),
        (1234567, "06,", "1,234,567"),
        (1234567, "x^+#12x", "x+0x12d687xx"),
        (1234567, "0=8", "01234567"),
        (1234567, "=^8", "1234567="),
        (1234567, "#", "1234567"),
        (1234567, "+#o", "+0o4553207"),
        (1234567, " 5", " 1234567"),
        (1234567, ",.2f", "1,234,567.00"),
        (1234567, "%", "123456700.000000%"),
        (1234567, "e", "1.234567e+06"),
        (1234567, ".0%", "123456700%"),
        (1234567, "g", "1.23457e+06"),
        (1234567, "E", "1.234567E+06"),
        (
            1234567,
            "abc",
            "!Invalid format specifier 'abc' for object of type 'int'",
        ),
        (1234567, ",n", "!Cannot specify ',' with 'n'."),
        (
            1234567,
            "\u{e9}",
            "!Unknown format code '\\xe9' for object of type 'int'",
        ),
        (-1234567, "o", "-4553207"),
        (-1234567, "+08", "-1234567"),
        (
            -1234567,
            "abc",
            "!Invalid format specifier 'abc' for object of type 'int'",
        ),
        (
            18446744073709551616,
            "#b",
            "0b10000000000000000000000000000000000000000000000000000000000000000",
        ),
        (18446744073709551616, ",c", "!Cannot specify ',' with 'c'."),
        (
            -1267650600228229401496703205376,
            ",c",
            "!Cannot specify ',' with 'c'.",
        ),
        (
            -1267650600228229401496703205376,
            "+#o",
            "-0o2000000000000000000000000000000000",
        ),
        (65, "d", "65"),
        (65, "o", "101"),
        (65, "_b", "100_0001"),
        (65, "q", "!Unknown format code 'q' for object of type 'int'"),
        (65, "%", "6500.000000%"),
        (
            65,
            "abc",
            "!Invalid format specifier 'abc' for object of type 'int'",
        ),
        (
            65,
            "\u{e9}",
            "!Unknown format code '\\xe9' for object of type 'int'",
        ),
        (128512, "d", "128512"),
        (128512, "#X", "0X1F600"),
        (128512, "+08", "+0128512"),
        (128512, "05c", "0000\u{1f600}"),
        (128512, ",x", "!Cannot specify ',' with 'x'."),
        (128512, "0=8", "00128512"),
        (128512, ",.2f", "128,512.00"),
        (
            128512,
            "abc",
            "!Invalid format specifier 'abc' for object of type 'int'",
        ),
        (2147483648, "x", "80000000"),
        (2147483648, "-", "2147483648"),
        (2147483648, "05,", "2,147,483,648"),
    ];
    const FLOATS: &[(u64, &str, &str)] = &[
        (0x0000000000000000, "", "0.0"),
        (0x0000000000000000, "=+12.2f", "+       0.00"),
        (0x8000000000000000, "", "-0.0"),
        (0x8000000000000000, ".60f", "-0.000000000000000000000000000000000000000000000000000000000000"),
        (0x3ff0000000000000, "", "1.0"),
        (0x3ff0000000000000, "010,", "0,000,001.0"),
        (0x3ff0000000000000, ".17g", "1"),
        (0x3ff0000000000000, "d", "!Unknown format code 'd' for object of type 'float'"),
        (0xbff0000000000000, "+", "-1.0"),
        (0xbff0000000000000, "=+12.2f", "-       1.00"),
        (0xbff0000000000000, "z.0f", "-1"),
        (0x3fb999999999999a, "", "0.1"),
        (0x3fb999999999999a, ".0e", "1e-01"),
        (0x3fe0000000000000, "", "0.5"),
        (0x3fe0000000000000, "%", "50.000000%"),
        (0x3fe0000000000000, "#.3g", "0.500"),
        (0x3fe0000000000000, " ", " 0.5"),
        (0x3fe0000000000000, ".17g", "0.5"),
        (0x3fe0000000000000, "d", "!Unknown format code 'd' for object of type 'float'"),
        (0x3ff8000000000000, "E", "1.500000E+00"),
        (0x3ff8000000000000, "10", "       1.5"),
        (0x4004000000000000, ".0", "2e+00"),
        (0x3fd0000000000000, "=+12.2f", "+       0.25"),
        (0x3fd0000000000000, "d", "!Unknown format code 'd' for object of type 'float'"),
        (0x4005666666666666, "E", "2.675000E+00"),
        (0x4005666666666666, ",g", "2.675"),
        (0x4132d687e4189375, "", "1234567.891"),
        (0x4132d687e4189375, ",.2f", "1,234,567.89"),
        (0x4132d687e4189375, ">10.3e", " 1.235e+06"),
        (0x4132d687e4189375, "+08.2f", "+1234567.89"),
        (0x4132d687e4189375, "^9", "1234567.891"),
        (0x4132d687e4189375, "*<7", "1234567.891"),
        (0x4132d687e4189375, "%", "123456789.100000%"),
        (0x4132d687e4189375, ".0%", "123456789%"),
        (0x4132d687e4189375, "g", "1.23457e+06"),
        (0x4132d687e4189375, ".3g", "1.23e+06"),
        (0x4132d687e4189375, "#.3g", "1.23e+06"),
        (0x4132d687e4189375, "n", "1.23457e+06"),
        (0x4132d687e4189375, "08.3f", "1234567.891"),
        (0x4132d687e4189375, ".60f", "1234567.891000000061467289924621582031250000000000000000000000000000"),
        (0x4132d687e4189375, "f", "1234567.891000"),
        (0x4132d687e4189375, ".0f", "1234568"),
        (0x4132d687e4189375, ".1f", "1234567.9"),
        (0x4132d687e4189375, ".2f", "1234567.89"),
        (0x4132d687e4189375, "e", "1.234568e+06"),
        (0x4132d687e4189375, "E", "1.234568E+06"),
        (0x4132d687e4189375, "F", "1234567.891000"),
        (0x4132d687e4189375, "G", "1.23457E+06"),
        (0x4132d687e4189375, ".3", "1.23e+06"),
        (0x4132d687e4189375, "#.0f", "1234568."),
        (0x4132d687e4189375, "#.0e", "1.e+06"),
        (0x4132d687e4189375, "#g", "1.23457e+06"),
        (0x4132d687e4189375, "010", "1234567.891"),
        (0x4132d687e4189375, "010,", "1,234,567.891"),
        (0x4132d687e4189375, "015,.3f", "001,234,567.891"),
        (0x4132d687e4189375, "_.1f", "1_234_567.9"),
        (0x4132d687e4189375, "z.1f", "1234567.9"),
        (0x4132d687e4189375, "z", "1234567.891"),
        (0x4132d687e4189375, "+", "+1234567.891"),
        (0x4132d687e4189375, " ", " 1234567.891"),
        (0x4132d687e4189375, "=+12.2f", "+ 1234567.89"),
        (0x4132d687e4189375, ".17g", "1234567.8910000001"),
        (0x4132d687e4189375, ".0e", "1e+06"),
        (0x4132d687e4189375, ".1e", "1.2e+06"),
        (0x4132d687e4189375, "#", "1234567.891"),
        (0x4132d687e4189375, ".20e", "1.23456789100000006147e+06"),
        (0x4132d687e4189375, "d", "!Unknown format code 'd' for object of type 'float'"),
        (0x4132d687e4189375, "q", "!Unknown format code 'q' for object of type 'float'"),
        (0x4132d687e4189375, ",", "1,234,567.891"),
        (0x4132d687e4189375, ",g", "1.23457e+06"),
        (0x4132d687e4189375, ",e", "1.234568e+06"),
        (0x4132d687e4189375, "_%", "123_456_789.100000%"),
        (0x4132d687e4189375, ".5", "1.2346e+06"),
        (0x4132d687e4189375, "10", "1234567.891"),
        (0x4132d687e4189375, "z.0f", "1234568"),
        (0x4132d687e4189375, "-^12.4G", "-1.235E+06--"),
        (0x4132d687e4189375, "0=12,.1f", "01,234,567.9"),
        (0x4132d687e4189375, "#.5g", "1.2346e+06"),
        (0x4132d687e4189375, ".0", "1e+06"),
        (0x4132d687e4189375, ".0g", "1e+06"),
        (0x4132d687e4189375, "#.0g", "1.e+06"),
        (0xc0934a456d5cfaad, "_.1f", "-1_234.6"),
        (0xc0934a456d5cfaad, ".1e", "-1.2e+03"),
        (0xc0934a456d5cfaad, ",e", "-1.234568e+03"),
        (0xc0934a456d5cfaad, "z.0f", "-1235"),
        (0x4341c37937e08000, "", "1e+16"),
        (0x4341c37937e08000, "%", "1000000000000000000.000000%"),
        (0x4341c37937e08000, "g", "1e+16"),
        (0x4341c37937e08000, "010", "000001e+16"),
        (0x4341c37937e08000, "0=12,.1f", "10,000,000,000,000,000.0"),
        (0x3ee4f8b588e368f1, "", "1e-05"),
        (0x3ee4f8b588e368f1, ".1f", "0.0"),
        (0x3ee4f8b588e368f1, "G", "1E-05"),
        (0x3ee4f8b588e368f1, ".5", "1e-05"),
        (0x419d6f3454000000, ".0%", "12345678900%"),
        (0x3f1a36e2eb1c432d, "f", "0.000100"),
        (0x3f1a36e2eb1c432d, ".0f", "0"),
        (0x3f1a36e2eb1c432d, "F", "0.000100"),
        (0x3f1a36e2eb1c432d, "#g", "0.000100000"),
        (0x3f1a36e2eb1c432d, "+", "+0.0001"),
        (0x3f1a36e2eb1c432d, "_%", "0.010000%"),
        (0x7e37e43c8800759c, ".0f", "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"),
        (0x7e37e43c8800759c, "=+12.2f", "+1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.00"),
        (0x7e37e43c8800759c, "0=12,.1f", "1,000,000,000,000,000,052,504,760,255,204,420,248,704,468,581,108,159,154,915,854,115,511,802,457,988,908,195,786,371,375,080,447,864,043,704,443,832,883,878,176,942,523,235,360,430,575,644,792,184,786,706,982,848,387,200,926,575,803,737,830,233,794,788,090,059,368,953,234,970,799,945,081,119,038,967,640,880,074,652,742,780,142,494,579,258,788,820,056,842,838,115,669,472,196,386,865,459,400,540,160.0"),
        (0x7e37e43c8800759c, "#.5g", "1.0000e+300"),
        (0x81a56e1fc2f8f359, "#.0e", "-1.e-300"),
        (0x81a56e1fc2f8f359, ".0e", "-1e-300"),
        (0x0000000000000001, "+08.2f", "+0000.00"),
        (0x0000000000000001, ".0%", "0%"),
        (0x0000000000000001, ".3", "4.94e-324"),
        (0x0000000000000001, ".0g", "5e-324"),
        (0x7fefffffffffffff, ".0%", "inf%"),
        (0x7fefffffffffffff, "n", "1.79769e+308"),
        (0x7fefffffffffffff, ".3", "1.8e+308"),
        (0x7fefffffffffffff, "=+12.2f", "+179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.00"),
        (0x7fefffffffffffff, ".1e", "1.8e+308"),
        (0x7ff0000000000000, "#.5g", "inf"),
        (0xfff0000000000000, "#.3g", "-inf"),
        (0xfff0000000000000, "#.0f", "-inf"),
        (0xfff0000000000000, "=+12.2f", "-        inf"),
        (0x7ff8000000000000, "", "nan"),
        (0x7ff8000000000000, "*<7", "nan****"),
        (0x7ff8000000000000, "#.0e", "nan"),
        (0x7ff8000000000000, ".1e", "nan"),
        (0x7ff8000000000000, "_%", "nan%"),
        (0x7ff8000000000000, ".5", "nan"),
        (0x400921fb54442d18, "E", "3.141593E+00"),
        (0x400921fb54442d18, " ", " 3.141592653589793"),
        (0x400921fb54442d18, ",g", "3.14159"),
        (0x4480f0cf064dd592, "+08.2f", "+10000000000000000000000.00"),
        (0x4023ffffde7210bf, "g", "10"),
        (0x4023ffffde7210bf, "#.3g", "10.0"),
        (0x4023ffffde7210bf, ".0f", "10"),
        (0x4023ffffde7210bf, ".1f", "10.0"),
        (0x4023ffffde7210bf, "F", "9.999999"),
        (0x4023ffffde7210bf, "z", "9.999999"),
        (0x3ee9e0fcaf9380fc, ">10.3e", " 1.234e-05"),
        (0x3ee9e0fcaf9380fc, "%", "0.001234%"),
        (0x3ee9e0fcaf9380fc, "#.0f", "0."),
        (0x40c81c8000000000, "#g", "12345.0"),
        (0x40c81c8000000000, "015,.3f", "000,012,345.000"),
        (0x40c81c8000000000, ".0e", "1e+04"),
        (0x4059000000000000, "*<7", "100.0**"),
        (0x4059000000000000, ".2f", "100.00"),
        (0x4059000000000000, "e", "1.000000e+02"),
        (0x4340000000000000, ".2f", "9007199254740992.00"),
        (0x405edd2f1a9fbe77, ",.2f", "123.46"),
        (0x405edd2f1a9fbe77, "010,", "00,123.456"),
        (0x405edd2f1a9fbe77, "q", "!Unknown format code 'q' for object of type 'float'"),
        (0xbf50624dd2f1a9fc, ".17g", "-0.001"),
        (0xbf50624dd2f1a9fc, "#", "-0.001"),
        (0xbf50624dd2f1a9fc, "10", "    -0.001"),
    ];
    const STRS: &[(&str, &str, &str)] = &[
        ("", "", ""),
        ("", "8.1", "        "),
        ("", "d", "!Unknown format code 'd' for object of type 'str'"),
        ("", "_s", "!Cannot specify '_' with 's'."),
        ("", "x", "!Unknown format code 'x' for object of type 'str'"),
        ("abc", "5", "abc  "),
        ("abc", ">5", "  abc"),
        (
            "abc",
            "d",
            "!Unknown format code 'd' for object of type 'str'",
        ),
        (
            "abc",
            "#",
            "!Alternate form (#) not allowed in string format specifier",
        ),
        ("h\u{e9}llo", "", "h\u{e9}llo"),
        ("h\u{e9}llo", "s", "h\u{e9}llo"),
        ("h\u{e9}llo", "5", "h\u{e9}llo"),
        ("h\u{e9}llo", "<5", "h\u{e9}llo"),
        ("h\u{e9}llo", ">5", "h\u{e9}llo"),
        ("h\u{e9}llo", "^6", "h\u{e9}llo "),
        ("h\u{e9}llo", "*^7", "*h\u{e9}llo*"),
        ("h\u{e9}llo", ".2", "h\u{e9}"),
        ("h\u{e9}llo", "8.1", "h       "),
        ("h\u{e9}llo", "05", "h\u{e9}llo"),
        ("h\u{e9}llo", "<05", "h\u{e9}llo"),
        (
            "h\u{e9}llo",
            "d",
            "!Unknown format code 'd' for object of type 'str'",
        ),
        ("h\u{e9}llo", ",", "!Cannot specify ',' with 's'."),
        (
            "h\u{e9}llo",
            "+",
            "!Sign not allowed in string format specifier",
        ),
        (
            "h\u{e9}llo",
            " ",
            "!Space not allowed in string format specifier",
        ),
        (
            "h\u{e9}llo",
            "#",
            "!Alternate form (#) not allowed in string format specifier",
        ),
        (
            "h\u{e9}llo",
            "=5",
            "!'=' alignment not allowed in string format specifier",
        ),
        (
            "h\u{e9}llo",
            "z",
            "!Negative zero coercion (z) not allowed in string format specifier",
        ),
        ("h\u{e9}llo", "_s", "!Cannot specify '_' with 's'."),
        (
            "h\u{e9}llo",
            "x",
            "!Unknown format code 'x' for object of type 'str'",
        ),
        ("h\u{e9}llo", ".0", ""),
        ("a\u{4e2d}z", "<5", "a\u{4e2d}z  "),
        (
            "a\u{4e2d}z",
            "+",
            "!Sign not allowed in string format specifier",
        ),
        (
            "a\u{4e2d}z",
            "#",
            "!Alternate form (#) not allowed in string format specifier",
        ),
        (
            "a\u{4e2d}z",
            "x",
            "!Unknown format code 'x' for object of type 'str'",
        ),
    ];
    const PERCENT: &[(u64, &str, &str)] = &[
        (0x0000000000000000, "%e", "0.000000e+00"),
        (0x0000000000000000, "%G", "0"),
        (0x0000000000000000, "%-10.2f", "0.00      "),
        (0x0000000000000000, "%.15g", "0"),
        (0x8000000000000000, "%-10.2f", "-0.00     "),
        (0x8000000000000000, "%05.1f", "-00.0"),
        (0x8000000000000000, "%.15g", "-0"),
        (0x4005666666666666, "%f", "2.675000"),
        (0x4005666666666666, "%.3f", "2.675"),
        (0x4005666666666666, "%e", "2.675000e+00"),
        (0x4005666666666666, "%E", "2.675000E+00"),
        (0x4005666666666666, "%g", "2.675"),
        (0x4005666666666666, "%G", "2.675"),
        (0x4005666666666666, "%F", "2.675000"),
        (0x4005666666666666, "%.2f", "2.67"),
        (0x4005666666666666, "%10.3e", " 2.675e+00"),
        (0x4005666666666666, "%-10.2f", "2.67      "),
        (0x4005666666666666, "%+f", "+2.675000"),
        (0x4005666666666666, "% f", " 2.675000"),
        (0x4005666666666666, "%05.1f", "002.7"),
        (0x4005666666666666, "%+05.1f", "+02.7"),
        (0x4005666666666666, "%#.0f", "3."),
        (0x4005666666666666, "%#g", "2.67500"),
        (0x4005666666666666, "%.0g", "3"),
        (0x4005666666666666, "%.20g", "2.6749999999999998224"),
        (0x4005666666666666, "%r", "2.675"),
        (0x4005666666666666, "%s", "2.675"),
        (0x4005666666666666, "%.3s", "2.6"),
        (0x4005666666666666, "%8r", "   2.675"),
        (0x4005666666666666, "%-8s", "2.675   "),
        (0x4005666666666666, "%010.2f", "0000002.67"),
        (0x4005666666666666, "%-05f", "2.675000"),
        (0x4005666666666666, "%#.3e", "2.675e+00"),
        (0x4005666666666666, "%.0e", "3e+00"),
        (0x4005666666666666, "%.15g", "2.675"),
        (0x7e4ddd4baa009303, "%E", "2.500000E+300"),
        (0x7e4ddd4baa009303, "%g", "2.5e+300"),
        (0x7e4ddd4baa009303, "%F", "2500000000000000131261900638011050621761171452770397887289635288779506144972270489465928437701119660109261109582209695442356308088401076439111980461966767457120968002316439509344575584486970225148422383087426999862702797597419102200186631856950356236448146972050142107095289173680490967163648501350400.000000"),
        (0x7e4ddd4baa009303, "%s", "2.5e+300"),
        (0x7e4ddd4baa009303, "%8r", "2.5e+300"),
        (0x7e4ddd4baa009303, "%-8s", "2.5e+300"),
        (0x7e4ddd4baa009303, "%.15g", "2.5e+300"),
        (0xbff8000000000000, "%E", "-1.500000E+00"),
        (0xbff8000000000000, "%+f", "-1.500000"),
        (0xbff8000000000000, "%#g", "-1.50000"),
        (0xbff8000000000000, "%.0g", "-2"),
        (0x3fb999999999999a, "%f", "0.100000"),
        (0x3fb999999999999a, "%e", "1.000000e-01"),
        (0x3fb999999999999a, "% f", " 0.100000"),
        (0x3fb999999999999a, "%8r", "     0.1"),
        (0x3fb999999999999a, "%-05f", "0.100000"),
        (0x3ddb7cdfd9d7bdbb, "%.0g", "1e-10"),
        (0x3ddb7cdfd9d7bdbb, "%010.2f", "0000000.00"),
        (0x7ff0000000000000, "%r", "inf"),
        (0xfff0000000000000, "%05.1f", "-0inf"),
        (0xfff0000000000000, "%#.3e", "-inf"),
        (0x7ff8000000000000, "%#.0f", "nan"),
        (0x7ff8000000000000, "%.3s", "nan"),
        (0x40fe240c9fbe76c9, "%010.2f", "0123456.79"),
        (0x4341c37937e08000, "%E", "1.000000E+16"),
        (0x4341c37937e08000, "% f", " 10000000000000000.000000"),
        (0x4341c37937e08000, "%.20g", "10000000000000000"),
        (0x4341c37937e08000, "%r", "1e+16"),
    ];
    const REPRS: &[(u64, &str)] = &[
        (0x0000000000000000, "0.0"),
        (0x8000000000000000, "-0.0"),
        (0x3ff0000000000000, "1.0"),
        (0x3fb999999999999a, "0.1"),
        (0x3fd3333333333334, "0.30000000000000004"),
        (0x4341c37937e08000, "1e+16"),
        (0x430c6bf526340000, "1000000000000000.0"),
        (0x42dc12218377de40, "123456789012345.0"),
        (0x43118b54f22aeb00, "1234567890123456.0"),
        (0x4345ee2a2eb5a5c4, "1.2345678901234568e+16"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0x3ee4f8b588e368f1, "1e-05"),
        (0x3e8421f5f40d8376, "1.5e-07"),
        (0x0000000000000001, "5e-324"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0x0010000000000000, "2.2250738585072014e-308"),
        (0x7ff0000000000000, "inf"),
        (0xfff0000000000000, "-inf"),
        (0x7ff8000000000000, "nan"),
        (0x3fd5555555555555, "0.3333333333333333"),
        (0x3fe5555555555555, "0.6666666666666666"),
        (0xbff8000000000000, "-1.5"),
        (0x4059000000000000, "100.0"),
        (0x54b249ad2594c37d, "1e+100"),
        (0x2b2bff2ee48e0530, "1e-100"),
        (0x4340000000000000, "9007199254740992.0"),
        (0x3fd3333333333334, "0.30000000000000004"),
        (0x405edd2f1a9fbe77, "123.456"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0x447c7e83209e90b2, "8.41e+21"),
        (0x3f0a36e2eb1c432d, "5e-05"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0x43e0000000000000, "9.223372036854776e+18"),
        (0x3f201f31f46ed246, "0.000123"),
        (0xbe10f7bfe8731f1c, "-9.87654321e-10"),
        (0x4011666666666666, "4.35"),
        (0x3ff199999999999a, "1.1"),
        (0x3efa36e2eb1c432d, "2.5e-05"),
        (0x4480f0cf064dd592, "1e+22"),
        (0x444b1ae4d6e2ef50, "1e+21"),
        (0x3ff0000000000001, "1.0000000000000002"),
        (0x3fefffffffffffff, "0.9999999999999999"),
        (0x00000000000017b8, "3e-320"),
        (0x0000000000000001, "5e-324"),
        (0x0010000000000000, "2.2250738585072014e-308"),
        (0x44dfe185ca57c517, "6.02214076e+23"),
        (0x390b860bde023111, "6.62607015e-34"),
        (0x41b1de784a000000, "299792458.0"),
        (0x3e7ad7f29abcaf48, "1e-07"),
        (0x3f50624dd2f1a9fc, "0.001"),
        (0x3f847ae147ae147b, "0.01"),
        (0x4045000000000000, "42.0"),
        (0xc071126666666666, "-273.15"),
        (0x4005bf0a8b145769, "2.718281828459045"),
        (0x7fe1ccf385ebc8a0, "1e+308"),
        (0x7e41eb2d66005835, "1.5e+300"),
        (0x3e080d43de9cc603, "7e-10"),
        (0x40934a0000000000, "1234.5"),
        (0x40f0000000000000, "65536.0"),
        (0x0000000000000002, "1e-323"),
        (0x72a74de452e6b438, "1.989032661366619e+244"),
        (0x6503270e269e0d37, "3.8805588161425205e+178"),
        (0x0c4c7fd0a6a3a450, "1.9902491793487935e-249"),
        (0x522f0824128b2f33, "7.716417708670279e+87"),
    ];
    const REPRS32: &[(u32, &str)] = &[
        (0x3dcccccd, "0.1"),
        (0x3f800000, "1.0"),
        (0x40490fd0, "3.14159"),
        (0x5a0e1bca, "1e+16"),
        (0x3727c5ac, "1e-05"),
        (0x4b800000, "16777216.0"),
        (0x4b800000, "16777216.0"),
        (0x7f7fffff, "3.4028235e+38"),
        (0x00000001, "1e-45"),
        (0x00800000, "1.1754944e-38"),
        (0x3e99999a, "0.3"),
        (0x40200000, "2.5"),
        (0xc0e80000, "-7.25"),
        (0x501502f9, "10000000000.0"),
        (0x47f12065, "123456.79"),
        (0x3900f990, "0.000123"),
    ];

    #[test]
    fn table_ints() {
        for &(v, spec, want) in INTS {
            check(fmt_i(v, spec), want, &format!("format({}, {:?})", v, spec));
        }
    }

    #[test]
    #[cfg_attr(compact_value, ignore = "f64 expectations; boards have f32 floats")]
    fn table_floats() {
        for &(b, spec, want) in FLOATS {
            check(
                fmt_f(b, spec),
                want,
                &format!("format({}, {:?})", f64::from_bits(b), spec),
            );
        }
    }

    #[test]
    fn table_strs() {
        for &(v, spec, want) in STRS {
            check(
                fmt_s(v, spec),
                want,
                &format!("format({:?}, {:?})", v, spec),
            );
        }
    }

    /// Parse a `%`-conversion like "%-+08.3f" into the flags FormatSpec.
    fn pct_spec(s: &str) -> FormatSpec {
        let mut f = FormatSpec::default();
        let c: Vec<char> = s.chars().skip(1).collect();
        let mut i = 0;
        while i < c.len() {
            match c[i] {
                '-' => f.align = Some(Align::Left),
                '+' => f.sign = Some(Sign::Plus),
                ' ' if f.sign.is_none() => f.sign = Some(Sign::Space),
                ' ' => {}
                '#' => f.alternate = true,
                '0' => f.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut pos = i;
        let b: Vec<u8> = c.iter().map(|&ch| ch as u8).collect();
        f.width = get_integer(&b, &mut pos).unwrap().unwrap_or(0);
        if c.get(pos) == Some(&'.') {
            pos += 1;
            f.precision = Some(get_integer(&b, &mut pos).unwrap().unwrap_or(0));
        }
        f.ty = c.get(pos).copied();
        f
    }

    #[test]
    #[cfg_attr(compact_value, ignore = "f64 expectations; boards have f32 floats")]
    fn table_percent() {
        for &(b, spec, want) in PERCENT {
            let x = f64::from_bits(b);
            check(
                format_float_percent(x, &pct_spec(spec)),
                want,
                &format!("{:?} % {}", spec, x),
            );
        }
    }

    #[test]
    #[cfg_attr(compact_value, ignore = "f64 expectations; boards have f32 floats")]
    fn table_repr() {
        for &(b, want) in REPRS {
            assert_eq!(float_repr(f64::from_bits(b)), want);
        }
        for &(b, want) in REPRS32 {
            assert_eq!(float_repr_f32(f32::from_bits(b)), want);
        }
    }

    #[test]
    fn errors_and_limits() {
        assert_eq!(parse_spec("abc").unwrap_err(), "Invalid format specifier");
        assert_eq!(
            parse_spec("99999999999999999999").unwrap_err(),
            TOO_MANY_DIGITS
        );
        assert_eq!(parse_spec(".10000001").unwrap_err(), TOO_MANY_DIGITS);
        let huge = FormatSpec {
            width: usize::MAX,
            ..FormatSpec::default()
        };
        assert!(format_float(1.0, &huge).is_err());
        assert!(format_str("a", &huge).is_err());
        assert!(format_int(false, &mag(1), &huge).is_err());
        let p = FormatSpec {
            precision: Some(usize::MAX),
            ty: Some('f'),
            ..FormatSpec::default()
        };
        assert!(format_float_percent(1.0, &p).is_err());
        let c = parse_spec("c").unwrap();
        assert_eq!(format_int_char(0x110000, &c).unwrap_err(), C_RANGE_ERROR);
        assert!(format_int_char(0xD800, &c).is_err());
        assert_eq!(format_int_char(0x41, &c).unwrap(), "A");
        assert_eq!(fmt_i(-1, "c").unwrap_err(), C_RANGE_ERROR);
        assert_eq!(fmt_i(1 << 40, "c").unwrap_err(), C_RANGE_ERROR);
        // Unicode fill characters and widths count code points.
        assert_eq!(
            fmt_s("ab", "\u{e9}^6").unwrap(),
            "\u{e9}\u{e9}ab\u{e9}\u{e9}"
        );
        assert_eq!(
            fmt_f(1.5f64.to_bits(), "\u{4e2d}>6").unwrap(),
            "\u{4e2d}\u{4e2d}\u{4e2d}1.5"
        );
        // Large but allowed width.
        assert_eq!(fmt_i(7, "100000").unwrap().len(), 100000);
        assert_eq!(fmt_f(1e300f64.to_bits(), ".3f").unwrap().len(), 305);
    }

    #[test]
    fn brief_examples() {
        let big = "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160";
        let rows: &[(f64, &str, String)] = &[
            (
                0.1,
                ".60f",
                "0.100000000000000005551115123125782702118158340454101562500000".into(),
            ),
            (0.5, ".0f", "0".into()),
            (2.5, ".0f", "2".into()),
            (0.25, ".1f", "0.2".into()),
            (1e300, "f", format!("{}.000000", big)),
            (1234567.891, ",.2f", "1,234,567.89".into()),
            (-3.14259, "08.3f", "-003.143".into()),
            (1e-5, "g", "1e-05".into()),
            (123456789.0, "g", "1.23457e+08".into()),
            (0.0001, "g", "0.0001".into()),
            (1.0, "", "1.0".into()),
            (1e16, "", "1e+16".into()),
            (0.1, "10", "       0.1".into()),
        ];
        for (x, spec, want) in rows {
            assert_eq!(&fmt_f(x.to_bits(), spec).unwrap(), want, "{:?}", spec);
        }
        assert_eq!(fmt_i(1234, "010,").unwrap(), "00,001,234");
        let mut p = pct_spec("%.2f");
        assert_eq!(format_float_percent(2.675, &p).unwrap(), "2.67");
        p.precision = Some(3);
        assert_eq!(format_float_percent(2.5e300, &p).unwrap().len(), 305);
    }

    #[test]
    #[cfg_attr(compact_value, ignore = "f64 expectations; boards have f32 floats")]
    fn parse_floats() {
        let ok: &[(&str, f64)] = &[
            ("1.5", 1.5),
            ("  -2.5e3\n", -2500.0),
            ("1_000.000_1", 1000.0001),
            ("1e1_0", 1e10),
            (".5", 0.5),
            ("5.", 5.0),
            ("+inf", f64::INFINITY),
            ("-Infinity", f64::NEG_INFINITY),
            ("iNF", f64::INFINITY),
            ("0.1", 0.1),
            ("1e999", f64::INFINITY),
            ("-1e-999", -0.0),
            ("\u{3000}7\u{1c}", 7.0),
            ("2.2250738585072011e-308", 2.225073858507201e-308),
        ];
        for &(s, want) in ok {
            let got = parse_float(s);
            assert_eq!(got.map(f64::to_bits), Some(want.to_bits()), "{:?}", s);
        }
        assert!(parse_float("nan").unwrap().is_nan());
        assert!(parse_float(" -NaN ").unwrap().is_nan());
        for s in [
            "", " ", "_1", "1_", "1__0", "1_.5", "1._5", "1e_5", "0x10", "1e", "e5", ".", "+-1",
            "in_f", "nan_", "1.5f", "--1", "1 2", "infinit", "1,5", "\u{0663}",
        ] {
            assert_eq!(parse_float(s), None, "{:?}", s);
        }
    }

    #[test]
    fn radix_helper() {
        assert_eq!(int_to_str_radix_u64(0, 2), "0");
        assert_eq!(int_to_str_radix_u64(255, 16), "ff");
        assert_eq!(int_to_str_radix_u64(u64::MAX, 8), "1777777777777777777777");
        assert_eq!(int_to_str_radix_u64(10, 2), "1010");
    }
}
