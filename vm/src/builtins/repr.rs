//! `repr()`, `str()` and formatting of values (f-strings, `format()`).

use crate::at::At;
use crate::types::ty;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::objects::Obj;
use crate::value::{wide, Value};
use crate::vm::{PyResult, Vm};

pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !is_printable(c) => push_code_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Whether CPython's `str.isprintable` accepts `c`, which `repr` then
/// shows as is: not a control (Cc), a separator other than the space (Zs,
/// Zl, Zp), a format character (Cf), private use (Co) or a noncharacter.
/// Unassigned code points (the rest of Cn) would need Unicode's tables:
/// they count as printable.
pub(crate) fn is_printable(c: char) -> bool {
    let u = c as u32;
    if u < 0x7f {
        return u >= 0x20;
    }
    if u < 0xa0 || c.is_whitespace() || u & 0xfffe == 0xfffe {
        return false;
    }
    !NOT_PRINTABLE.iter().any(|&(lo, hi)| lo <= u && u <= hi)
}

/// Cf (Unicode 14, CPython 3.11's), Co and noncharacter ranges above
/// U+00A0 (the noncharacters U+nFFFE and U+nFFFF are tested apart).
const NOT_PRINTABLE: [(u32, u32); 24] = [
    (0xad, 0xad),
    (0x600, 0x605),
    (0x61c, 0x61c),
    (0x6dd, 0x6dd),
    (0x70f, 0x70f),
    (0x890, 0x891),
    (0x8e2, 0x8e2),
    (0x180e, 0x180e),
    (0x200b, 0x200f),
    (0x202a, 0x202e),
    (0x2060, 0x2064),
    (0x2066, 0x206f),
    (0xe000, 0xf8ff),
    (0xfdd0, 0xfdef),
    (0xfeff, 0xfeff),
    (0xfff9, 0xfffb),
    (0x110bd, 0x110bd),
    (0x110cd, 0x110cd),
    (0x13430, 0x13438),
    (0x1bca0, 0x1bca3),
    (0x1d173, 0x1d17a),
    (0xe0001, 0xe0001),
    (0xe0020, 0xe007f),
    (0xf0000, 0x10ffff),
];

/// `c` as `\xNN`, `\uNNNN` or `\UNNNNNNNN`, the shortest that holds it.
pub(crate) fn push_code_escape(out: &mut String, c: char) {
    let u = c as u32;
    match u {
        0..=0xff => push_escape(out, 'x', u, 2),
        0x100..=0xffff => push_escape(out, 'u', u, 4),
        _ => push_escape(out, 'U', u, 8),
    }
}

/// `\<kind>` and `u` in `digits` lower-case hex digits (`\xNN`, `\uNNNN`,
/// `\UNNNNNNNN`, like CPython's reprs), without a `format!` per site.
pub(crate) fn push_escape(out: &mut String, kind: char, u: u32, digits: u32) {
    out.push('\\');
    out.push(kind);
    for i in (0..digits).rev() {
        out.push(char::from(
            b"0123456789abcdef"[(u >> (4 * i)) as usize & 15],
        ));
    }
}

pub fn bytes_repr(b: &[u8], prefix: &str) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(prefix);
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => push_escape(&mut out, 'x', c as u32, 2),
        }
    }
    out.push(quote);
    out
}

/// `parts` joined: text built without a `format!` (each site's
/// `fmt::Arguments` costs more flash than a slice of `&str`).
#[inline(never)]
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// The decimal text of an int: a plain digit loop, a fifth of the flash of
/// `to_string`'s `Formatter` (inlined at each call site).
#[inline(never)]
pub(crate) fn int_str(i: i64) -> String {
    let mut buf = [0u8; 21];
    let mut p = buf.len();
    let mut n = i.unsigned_abs();
    // The digits from the right (u64::MAX has 20), then the sign.
    while let Some(d) = buf.get_mut(p.wrapping_sub(1)) {
        p -= 1;
        *d = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        p -= 1;
        *buf.at_mut(p) = b'-';
    }
    String::from(core::str::from_utf8(buf.get(p..).unwrap_or(&[])).unwrap_or(""))
}

/// `<pre name post at 0x...>`, the repr of objects without a value to
/// show: one `format!` for the six kinds.
#[inline(never)]
pub(crate) fn at_addr(pre: &str, name: &str, post: &str, r: crate::heap::ObjRef) -> String {
    format!("<{}{}{} at 0x{:08x}>", pre, name, post, r.0 * 16)
}

impl Vm {
    pub fn repr(&mut self, v: Value) -> PyResult<String> {
        // The constant reprs share one `String::from`.
        let lit = match v {
            Value::None => "None",
            Value::Undef => "<undefined>",
            Value::Bool(b) if b.get() => "True",
            Value::Bool(_) => "False",
            Value::NotImplemented => "NotImplemented",
            Value::Ellipsis => "Ellipsis",
            _ => "",
        };
        if !lit.is_empty() {
            return Ok(lit.into());
        }
        Ok(match v {
            Value::Int(i) => int_str(wide(i)),
            Value::Float(f) => crate::fmt::float_repr(f.get()),
            Value::Native(i) => {
                cat(&["<built-in function ", self.natives.at(i as usize).name, ">"])
            }
            Value::Obj(r) => {
                if self.repr_stack.iter().any(|x| x.is(v)) {
                    return Ok(String::from(match self.heap.get(r) {
                        Obj::List(_) => "[...]",
                        Obj::Dict(_) => "{...}",
                        _ => "...",
                    }));
                }
                if let Obj::BigInt(b) = self.heap.get(r) {
                    // Decimal digits ~ bits * log10(2); the divide-and-
                    // conquer conversion's powers of ten and quotients take
                    // about as much again as the number, outside the heap.
                    let digits = (b.bit_length() as usize / 3) + 2;
                    let scratch = (b.bit_length() as usize / 8)
                        .saturating_mul(crate::interp::ops::BIGINT_SCRATCH);
                    if digits.saturating_add(scratch)
                        > self.heap.limit.saturating_sub(self.heap.used)
                    {
                        return Err(self.memory_error());
                    }
                }
                match self.heap.get(r) {
                    Obj::Str(s) => str_repr(&s.s),
                    Obj::Bytes(b) => bytes_repr(b, "b"),
                    Obj::ByteArray(b) => cat(&["bytearray(", &bytes_repr(b, "b"), ")"]),
                    Obj::BigInt(b) => b.to_str_radix(10),
                    Obj::List(_) | Obj::Tuple(_) | Obj::Dict(_) | Obj::Set { .. } => {
                        return self.container_repr(v, r)
                    }
                    Obj::DictView { .. } => {
                        return crate::builtins::dict_methods::view_repr(self, r)
                    }
                    Obj::Range { start, stop, step } => {
                        let (a, b, c) = (int_str(*start), int_str(*stop), int_str(*step));
                        let step = *step != 1;
                        cat(&[
                            "range(",
                            &a,
                            ", ",
                            &b,
                            if step { ", " } else { "" },
                            if step { &c } else { "" },
                            ")",
                        ])
                    }
                    Obj::Slice(s) => {
                        let [a, b, c] = **s;
                        let (a, b, c) = (self.repr(a)?, self.repr(b)?, self.repr(c)?);
                        cat(&["slice(", &a, ", ", &b, ", ", &c, ")"])
                    }
                    Obj::Func(f) => {
                        at_addr("function ", self.str_of(f.qualname).unwrap_or("?"), "", r)
                    }
                    Obj::Class(c) => {
                        let m = self.str_of(c.module).unwrap_or("");
                        let n = self.str_of(c.name).unwrap_or("?");
                        let b = m == "builtins";
                        cat(&[
                            "<class '",
                            if b { "" } else { m },
                            if b { "" } else { "." },
                            n,
                            "'>",
                        ])
                    }
                    Obj::Module { name, .. } => {
                        cat(&["<module '", self.str_of(*name).unwrap_or("?"), "'>"])
                    }
                    Obj::BoundMethod { func, .. } => {
                        if let Some(s) = self.slot_repr(v) {
                            return Ok(s);
                        }
                        let f = *func;
                        let n = match f {
                            Value::Obj(fr) => match self.heap.get(fr) {
                                Obj::Func(ff) => self.str_of(ff.qualname).unwrap_or("?"),
                                _ => "?",
                            },
                            Value::Native(i) => self.natives.at(i as usize).name,
                            _ => "?",
                        };
                        at_addr("bound method ", n, " of object", r)
                    }
                    Obj::Exception(e) => {
                        let args = e.args;
                        let name = self.type_name(v);
                        // One argument shows bare, others as the tuple
                        // (`()` when empty).
                        let one = self.tuple_len(args) == 1;
                        let a = if one { self.tuple_item(args, 0) } else { args };
                        let a = self.repr(a)?;
                        let (l, r) = if one { ("(", ")") } else { ("", "") };
                        cat(&[&name, l, &a, r])
                    }
                    Obj::Instance(i) => {
                        let base = i.base;
                        let n = self.intern_static("__repr__");
                        if let Some(f) = self.lookup_special(v, n) {
                            // Native reprs of builtin module classes (sys.stdout)
                            // apply; object's own is the default below.
                            let own_native = matches!(f, Value::Native(_))
                                && base.is_undef()
                                && !self.class_lookup(ty::OBJECT, n).is_some_and(|o| o.is(f));
                            if !matches!(f, Value::Native(_)) || own_native {
                                let s = self.call_sync(f, &[v])?;
                                return match self.str_of(s) {
                                    Some(s) => Ok(s.into()),
                                    None => Err(self.type_error_of(
                                        "__repr__ returned non-string (type ",
                                        s,
                                        ")",
                                    )),
                                };
                            }
                        }
                        if !base.is_undef() {
                            return self.repr(base);
                        }
                        let cls = self.class_of(v);
                        let qn = self.class_qualname(cls);
                        at_addr("", &qn, " object", r)
                    }
                    Obj::Generator(g) => at_addr(
                        "generator object ",
                        self.str_of(g.name).unwrap_or("?"),
                        "",
                        r,
                    ),
                    Obj::Cell(_) => "<cell>".into(),
                    Obj::MemoryView { .. } => at_addr("memory", "", "", r),
                    _ => at_addr("", &self.type_name(v), " object", r),
                }
            }
            _ => String::new(),
        })
    }

    /// Calls `v`'s user-defined (not native) special method `name` with
    /// `v` and `extra`: None when it has none. Shared by the builtins that
    /// defer to a dunder (one lookup-and-call sequence in the image).
    #[inline(never)]
    pub(crate) fn call_user_special(
        &mut self,
        v: Value,
        name: &'static str,
        extra: Option<Value>,
    ) -> PyResult<Option<Value>> {
        let n = self.intern_static(name);
        match self.lookup_special(v, n) {
            Some(f) if !matches!(f, Value::Native(_)) => {
                let args = [v, extra.unwrap_or(Value::None)];
                self.call_sync(f, &args[..1 + extra.is_some() as usize])
                    .map(Some)
            }
            _ => Ok(None),
        }
    }

    fn class_qualname(&mut self, cls: crate::heap::ObjRef) -> String {
        let (m, n) = match self.heap.get(cls) {
            Obj::Class(c) => (c.module, c.name),
            _ => return "?".into(),
        };
        let qn = self.intern_static("__qualname__");
        let q = self
            .class_lookup(cls, qn)
            .and_then(|v| self.str_of(v).map(String::from));
        let name = q.unwrap_or_else(|| self.str_of(n).unwrap_or("?").into());
        match self.str_of(m) {
            // CPython leaves the module out for builtin types: `<object object at ...>`.
            Some("builtins") => name,
            m => cat(&[m.unwrap_or("?"), ".", &name]),
        }
    }

    /// The repr of a list, tuple, dict or set: one loop for the four (a
    /// dict's items flattened to key, value, key, ...; `: ` between the
    /// two of a pair).
    fn container_repr(&mut self, v: Value, r: crate::heap::ObjRef) -> PyResult<String> {
        let (items, open, close, dict) = match self.heap.get(r) {
            Obj::List(l) => (l.clone(), "[", "]", false),
            Obj::Tuple(t) => (
                t.to_vec(),
                "(",
                if t.len() == 1 { ",)" } else { ")" },
                false,
            ),
            Obj::Dict(_) => {
                let mut flat = Vec::new();
                for (k, x) in self.dict_items(v) {
                    flat.push(k);
                    flat.push(x);
                }
                (flat, "{", "}", true)
            }
            Obj::Set { frozen, .. } => {
                let frozen = *frozen;
                let items = self.set_items(v);
                match (items.is_empty(), frozen) {
                    (true, true) => return Ok("frozenset()".into()),
                    (true, false) => return Ok("set()".into()),
                    (false, true) => (items, "frozenset({", "})", false),
                    (false, false) => (items, "{", "}", false),
                }
            }
            _ => return Ok(String::new()),
        };
        self.repr_stack.push(v);
        let res = (|| -> PyResult<String> {
            let mut out = String::from(open);
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(if dict && i % 2 == 1 { ": " } else { ", " });
                }
                let piece = self.repr(*it)?;
                self.grow_text(&mut out, &piece)?;
            }
            out.push_str(close);
            Ok(out)
        })();
        self.repr_stack.pop();
        res
    }

    /// Append to a text being built for a repr, bounded by what the heap
    /// could still hold: on a board an unbounded temporary would exhaust
    /// the allocator (an abort) before the heap limit raised MemoryError.
    pub(crate) fn grow_text(&mut self, out: &mut String, add: &str) -> PyResult<()> {
        let room = self.heap.limit.saturating_sub(self.heap.used);
        if out.len().saturating_add(add.len()).saturating_add(2) > room
            || out.try_reserve(add.len() + 2).is_err()
        {
            return Err(self.memory_error());
        }
        out.push_str(add);
        Ok(())
    }

    /// `str(v)`.
    pub fn str_sync(&mut self, v: Value) -> PyResult<String> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(s) => Ok(s.s.clone()),
                Obj::Exception(_) | Obj::Instance(_) => {
                    let base = match self.heap.get(r) {
                        Obj::Instance(i) => Some(i.base),
                        _ => None,
                    };
                    if let Some(s) = self.call_user_special(v, "__str__", None)? {
                        return match self.str_of(s) {
                            Some(s) => Ok(s.into()),
                            None => Err(self.type_error_of(
                                "__str__ returned non-string (type ",
                                s,
                                ")",
                            )),
                        };
                    }
                    match base {
                        None => self.exception_text(v),
                        Some(b) if !b.is_undef() && self.is_str(b) => self.str_sync(b),
                        Some(_) => self.repr(v),
                    }
                }
                _ => self.repr(v),
            },
            _ => self.repr(v),
        }
    }

    /// f-string field / `format(v, spec)`.
    pub(crate) fn format_value(
        &mut self,
        v: Value,
        conv: u32,
        spec: Option<Value>,
    ) -> PyResult<Value> {
        let v = match conv {
            1 => {
                let s = self.str_sync(v)?;
                self.new_str(s)?
            }
            2 | 3 => {
                let s = self.repr(v)?;
                self.new_str(s)?
            }
            _ => v,
        };
        let spec_s = match spec {
            Some(s) => String::from(self.str_of(s).unwrap_or("")),
            None => String::new(),
        };
        if spec_s.is_empty() && self.is_str(v) {
            return Ok(v);
        }
        let s = self.format_spec(v, &spec_s)?;
        self.new_str(s)
    }

    pub(crate) fn format_spec(&mut self, v: Value, spec: &str) -> PyResult<String> {
        use crate::fmt;
        let n = self.intern_static("__format__");
        if let Some(f) = self.lookup_special(v, n) {
            if !matches!(f, Value::Native(_)) {
                let sv = self.str_val(spec)?;
                let r = self.call_sync(f, &[v, sv])?;
                return Ok(self.str_of(r).unwrap_or("").into());
            }
        }
        let u = self.num_unwrap(v);
        // object.__format__: any spec at all is an error for a type
        // without its own formatting (CPython checks before parsing it).
        let number = matches!(u, Value::Float(_) | Value::Bool(_)) || self.as_int_like(u);
        if !number && !spec.is_empty() && !self.is_str(self.base_value(v)) {
            return Err(self.type_error_of(
                "unsupported format string passed to ",
                v,
                ".__format__",
            ));
        }
        let tname = self.type_name(u);
        let parsed = fmt::parse_spec_for(spec, &tname).map_err(|e| self.value_error(e))?;
        let r = match u {
            Value::Float(f) => fmt::format_float(f.get(), &parsed),
            Value::Bool(b) if parsed.ty.is_none() && spec.is_empty() => {
                Ok(String::from(if b.get() { "True" } else { "False" }))
            }
            _ if self.as_int_like(u) => {
                // Float presentation types convert (correctly rounded, as
                // `float(i)`); one path for small and big ints.
                let b = self.to_bigint(u);
                if matches!(parsed.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
                    match b.to_f64() {
                        Some(f) => fmt::format_float(f, &parsed),
                        None => Err(String::from(fmt::INT_TOO_LARGE_ERROR)),
                    }
                } else {
                    let neg = b.is_negative();
                    let mag = b.abs();
                    fmt::format_int(neg, &|radix| mag.to_str_radix(radix), &parsed)
                }
            }
            _ => {
                // A str (a non-str has an empty spec here: its str()).
                let s = self.str_sync(v)?;
                let r = fmt::format_str(&s, &parsed);
                match parsed.ty {
                    Some(t) if t != 's' => r.map_err(|_| fmt::unknown_code(t, &tname)),
                    _ => r,
                }
            }
        };
        r.map_err(|e| {
            if e == fmt::C_RANGE_ERROR || e == fmt::INT_TOO_LARGE_ERROR || e == fmt::C_LONG_ERROR {
                self.new_error(ty::OVERFLOW_ERROR, &e)
            } else {
                self.value_error(e)
            }
        })
    }
}
