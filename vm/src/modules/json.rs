//! `json` (alias `ujson`): `dumps`, `loads`, `dump`, `load`.
//!
//! Follows CPython 3.11's output and error messages (MicroPython's own
//! `json` is a subset): `dumps` takes `indent`, `separators`, `sort_keys`,
//! `ensure_ascii` (default True, like CPython), `allow_nan`, `skipkeys` and
//! `default`; decode errors are ValueError carrying CPython's
//! `JSONDecodeError` text ("Expecting value: line 1 column 1 (char 0)").
//!
//! Both directions use an explicit stack instead of Rust recursion, so a
//! deeply nested document cannot overflow the Rust stack on a small board;
//! nesting beyond `MAX_DEPTH` raises RecursionError as CPython does.
//! Lone surrogate escapes (`"\ud800"`) decode to U+FFFD: our str is UTF-8.

use crate::at::{At, VecAt};
use crate::types::ty;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::modules::check_args;
use crate::objects::Obj;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

/// Deepest nesting accepted, CPython's default recursion limit.
const MAX_DEPTH: usize = 1000;

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    let m = vm.new_module(
        "json",
        &[
            ("dumps", j_dumps),
            ("loads", j_loads),
            ("dump", j_dump),
            ("load", j_load),
        ],
        &[],
    )?;
    Ok(Some(m))
}

/// The text of a str or str-subclass value.
fn str_any(vm: &Vm, v: Value) -> Option<String> {
    match v {
        Value::Obj(r) => vm
            .str_of(Value::Obj(vm.dict_table_ref(r)))
            .map(String::from),
        _ => None,
    }
}

struct Opts {
    skipkeys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    sort_keys: bool,
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    default: Value,
}

fn kw_name(vm: &Vm, k: Value) -> String {
    vm.str_of(k).map(String::from).unwrap_or_default()
}

/// Parse `dumps`/`dump` keyword arguments.
fn parse_opts(vm: &mut Vm, kw: Kw) -> PyResult<Opts> {
    let mut o = Opts {
        skipkeys: false,
        ensure_ascii: true,
        allow_nan: true,
        sort_keys: false,
        indent: None,
        item_sep: String::from(", "),
        key_sep: String::from(": "),
        default: Value::None,
    };
    let mut seps = Value::None;
    for &(k, v) in kw {
        let name = kw_name(vm, k);
        match name.as_str() {
            "skipkeys" => o.skipkeys = vm.truthy(v)?,
            "ensure_ascii" => o.ensure_ascii = vm.truthy(v)?,
            "allow_nan" => o.allow_nan = vm.truthy(v)?,
            "sort_keys" => o.sort_keys = vm.truthy(v)?,
            "check_circular" | "cls" => {}
            "default" => o.default = v,
            "separators" => seps = v,
            "indent" => {
                o.indent = match v {
                    Value::None => None,
                    _ => match str_any(vm, v) {
                        Some(s) => Some(s),
                        None => {
                            let n = vm.index_value(v)?;
                            let n = n.clamp(0, 1 << 16) as usize;
                            Some(" ".repeat(n))
                        }
                    },
                }
            }
            _ => {
                return Err(vm.type_error(format!(
                    "JSONEncoder.__init__() got an unexpected keyword argument '{}'",
                    name
                )))
            }
        }
    }
    if o.indent.is_some() {
        o.item_sep = String::from(",");
    }
    if !seps.is_none() {
        let items = vm.collect_iterable(seps)?;
        let (a, b) = match items.as_slice() {
            [a, b] => (str_any(vm, *a), str_any(vm, *b)),
            _ => {
                let n = items.len();
                return Err(vm.value_error(format!(
                    "{} values to unpack (expected 2)",
                    if n < 2 { "not enough" } else { "too many" }
                )));
            }
        };
        match (a, b) {
            (Some(a), Some(b)) => {
                o.item_sep = a;
                o.key_sep = b;
            }
            _ => return Err(vm.type_err("make_encoder() argument 6 must be str, not tuple")),
        }
    }
    Ok(o)
}

fn push_json_str(out: &mut String, s: &str, ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ascii && (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn push_float(vm: &mut Vm, out: &mut String, f: f64, o: &Opts) -> PyResult<()> {
    if f.is_finite() {
        out.push_str(&crate::fmt::float_repr(f));
        return Ok(());
    }
    if !o.allow_nan {
        return Err(vm.value_err("Out of range float values are not JSON compliant"));
    }
    out.push_str(if f.is_nan() {
        "NaN"
    } else if f > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    });
    Ok(())
}

/// An open container on the encoder's stack.
enum Frame {
    Seq {
        items: Vec<Value>,
        i: usize,
    },
    Map {
        items: Vec<(Value, Value)>,
        i: usize,
    },
}

enum Kind {
    Scalar,
    Seq(Vec<Value>),
    Map(Vec<(Value, Value)>),
    Other,
}

fn classify(vm: &mut Vm, v: Value, out: &mut String, o: &Opts) -> PyResult<Kind> {
    match vm.num_unwrap(v) {
        Value::None => out.push_str("null"),
        Value::Bool(b) => out.push_str(if b.get() { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&format!("{}", i)),
        Value::Float(f) => push_float(vm, out, f.get(), o)?,
        u if vm.as_int_like(u) => {
            let s = vm.str_sync(u)?;
            out.push_str(&s);
        }
        _ => {
            let Value::Obj(r) = v else {
                return Ok(Kind::Other);
            };
            let t = vm.dict_table_ref(r);
            match vm.heap.get(t) {
                Obj::Str(s) => push_json_str(out, &s.s, o.ensure_ascii),
                Obj::List(_) | Obj::Tuple(_) => return Ok(Kind::Seq(vm.list_items(v))),
                Obj::Dict(_) => return Ok(Kind::Map(vm.dict_items(v))),
                _ => return Ok(Kind::Other),
            }
        }
    }
    Ok(Kind::Scalar)
}

fn newline(out: &mut String, o: &Opts, depth: usize) {
    if let Some(ind) = &o.indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str(ind);
        }
    }
}

/// The JSON key text of a dict key, or None to skip it (`skipkeys`).
fn key_text(vm: &mut Vm, k: Value, o: &Opts) -> PyResult<Option<String>> {
    if let Some(s) = str_any(vm, k) {
        return Ok(Some(s));
    }
    let mut s = String::new();
    match vm.num_unwrap(k) {
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) => {
            classify(vm, k, &mut s, o)?;
            Ok(Some(s))
        }
        u if vm.as_int_like(u) => Ok(Some(vm.str_sync(u)?)),
        _ if o.skipkeys => Ok(None),
        _ => Err(vm.type_error_of("keys must be str, int, float, bool or None, not ", k, "")),
    }
}

/// Sort dict items by key with Python `<` (binary insertion sort: few
/// comparisons, each of which may run Python code).
fn sort_items(vm: &mut Vm, items: Vec<(Value, Value)>) -> PyResult<Vec<(Value, Value)>> {
    let mut out: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for it in items {
        let (mut lo, mut hi) = (0, out.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if vm.less_than(it.0, out.at(mid).0)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        out.insert_at(lo, it);
    }
    Ok(out)
}

fn encode(vm: &mut Vm, root: Value, o: &Opts) -> PyResult<String> {
    let roots_len = vm.temp_roots.len();
    let r = encode_inner(vm, root, o);
    vm.temp_roots.truncate(roots_len);
    r
}

fn encode_inner(vm: &mut Vm, root: Value, o: &Opts) -> PyResult<String> {
    let mut out = String::new();
    let mut stack: Vec<Frame> = Vec::new();
    // Containers being encoded, for circular reference detection.
    let mut open: Vec<Value> = Vec::new();
    let mut pending = Some(root);
    loop {
        if let Some(v) = pending.take() {
            match classify(vm, v, &mut out, o)? {
                Kind::Scalar => {}
                Kind::Other => {
                    if o.default.is_none() {
                        let t = vm.type_name(v);
                        return Err(
                            vm.type_error(format!("Object of type {} is not JSON serializable", t))
                        );
                    }
                    if open.len() >= MAX_DEPTH {
                        return Err(depth_error(vm, "encoding a JSON object"));
                    }
                    let d = o.default;
                    let w = vm.call_sync(d, &[v])?;
                    // Keep the converted value alive while it is encoded.
                    vm.temp_roots.push(w);
                    pending = Some(w);
                    continue;
                }
                kind => {
                    if open.iter().any(|x| x.is(v)) {
                        return Err(vm.value_err("Circular reference detected"));
                    }
                    if open.len() >= MAX_DEPTH {
                        return Err(depth_error(vm, "encoding a JSON object"));
                    }
                    // The items stay rooted even if a `default` hook mutates
                    // the container while it is encoded.
                    vm.temp_roots.push(v);
                    match kind {
                        Kind::Seq(items) => {
                            if items.is_empty() {
                                out.push_str("[]");
                            } else {
                                vm.temp_roots.extend(items.iter().copied());
                                out.push('[');
                                open.push(v);
                                stack.push(Frame::Seq { items, i: 0 });
                            }
                        }
                        Kind::Map(items) => {
                            if items.is_empty() {
                                out.push_str("{}");
                            } else {
                                for (k, x) in &items {
                                    vm.temp_roots.push(*k);
                                    vm.temp_roots.push(*x);
                                }
                                let items = if o.sort_keys {
                                    sort_items(vm, items)?
                                } else {
                                    items
                                };
                                out.push('{');
                                open.push(v);
                                stack.push(Frame::Map { items, i: 0 });
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        let depth = stack.len();
        let Some(top) = stack.last_mut() else {
            break;
        };
        match top {
            Frame::Seq { items, i } => {
                if let Some(&x) = items.get(*i) {
                    if *i > 0 {
                        out.push_str(&o.item_sep);
                    }
                    *i += 1;
                    newline(&mut out, o, depth);
                    pending = Some(x);
                } else {
                    stack.pop();
                    open.pop();
                    newline(&mut out, o, depth - 1);
                    out.push(']');
                }
            }
            Frame::Map { items, i } => {
                let mut next = None;
                while let Some(&(k, x)) = items.get(*i) {
                    let first = *i == 0 || out.ends_with('{');
                    *i += 1;
                    let Some(ks) = key_text(vm, k, o)? else {
                        continue;
                    };
                    if !first {
                        out.push_str(&o.item_sep);
                    }
                    newline(&mut out, o, depth);
                    push_json_str(&mut out, &ks, o.ensure_ascii);
                    out.push_str(&o.key_sep);
                    next = Some(x);
                    break;
                }
                match next {
                    Some(x) => pending = Some(x),
                    None => {
                        let empty = out.ends_with('{');
                        stack.pop();
                        open.pop();
                        if !empty {
                            newline(&mut out, o, depth - 1);
                        }
                        out.push('}');
                    }
                }
            }
        }
    }
    Ok(out)
}

fn depth_error(vm: &mut Vm, what: &str) -> Exc {
    let msg = format!("maximum recursion depth exceeded while {}", what);
    vm.new_error(ty::RECURSION_ERROR, &msg)
}

fn j_dumps(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dumps", a, &[], 1, 1)?;
    let o = parse_opts(vm, kw)?;
    let s = encode(vm, *a.at(0), &o)?;
    vm.new_str(s)
}

/// `dump(obj, fp, **kw)`: `fp.write(dumps(obj, **kw))`.
fn j_dump(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dump", a, &[], 2, 2)?;
    let o = parse_opts(vm, kw)?;
    let s = encode(vm, *a.at(0), &o)?;
    let s = vm.new_str(s)?;
    let name = vm.intern("write");
    let (f, this) = vm.load_method(*a.at(1), name)?;
    if this.is_undef() {
        vm.call_sync(f, &[s])?;
    } else {
        vm.call_sync(f, &[this, s])?;
    }
    Ok(Value::None)
}

fn j_loads(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "loads", a, kw, 1, 1)?;
    let text = doc_text(vm, *a.at(0))?;
    decode(vm, &text)
}

/// `load(fp)`: `loads(fp.read())`.
fn j_load(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "load", a, kw, 1, 1)?;
    let name = vm.intern("read");
    let (f, this) = vm.load_method(*a.at(0), name)?;
    let s = if this.is_undef() {
        vm.call_sync(f, &[])?
    } else {
        vm.call_sync(f, &[this])?
    };
    vm.temp_roots.push(s);
    let text = doc_text(vm, s);
    vm.temp_roots.pop();
    decode(vm, &text?)
}

fn doc_text(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(s) = str_any(vm, v) {
        return Ok(s);
    }
    if let Value::Obj(r) = v {
        if let Obj::Bytes(b) | Obj::ByteArray(b) = vm.heap.get(vm.dict_table_ref(r)) {
            return match core::str::from_utf8(b) {
                Ok(s) => Ok(String::from(s.trim_start_matches('\u{feff}'))),
                Err(e) => {
                    let msg = format!(
                        "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                        b.get(e.valid_up_to()).copied().unwrap_or(0),
                        e.valid_up_to()
                    );
                    Err(vm.new_error(ty::UNICODE_DECODE_ERROR, &msg))
                }
            };
        }
    }
    Err(vm.type_error_of(
        "the JSON object must be str, bytes or bytearray, not ",
        v,
        "",
    ))
}

// ---- decoding ----

/// An open container on the decoder's stack. A dict is created when it
/// opens (fresh objects stay protected until the next safe point, and
/// this native reaches none).
enum Open {
    List(Vec<Value>),
    Dict { d: Value, key: Value },
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    /// CPython's `JSONDecodeError` text for byte offset `at`: positions are
    /// counted in characters.
    fn error(&self, vm: &mut Vm, msg: &str, at: usize) -> Exc {
        let prefix = self.text.get(..at).unwrap_or(self.text);
        let chars = prefix.chars().count();
        let line = prefix.matches('\n').count() + 1;
        let col = match prefix.rfind('\n') {
            Some(nl) => crate::substr::sub(prefix, nl + 1..).chars().count() + 1,
            None => chars + 1,
        };
        let full = format!("{}: line {} column {} (char {})", msg, line, col, chars);
        vm.value_error(full)
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let h = self.s.get(at..at + 4)?;
        let mut v = 0u32;
        for &c in h {
            v = v * 16 + (c as char).to_digit(16)?;
        }
        Some(v)
    }

    /// A string whose opening quote is at `self.pos`.
    fn string(&mut self, vm: &mut Vm) -> PyResult<String> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run = self.pos;
            while let Some(&c) = self.s.get(self.pos) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.text.get(run..self.pos).unwrap_or(""));
            match self.peek() {
                None => return Err(self.error(vm, "Unterminated string starting at", start)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let esc = self.pos;
                    let c = self.s.get(self.pos + 1).copied();
                    self.pos += 2;
                    let ch = match c {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\x08',
                        Some(b'f') => '\x0c',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let Some(u) = self.hex4(self.pos) else {
                                return Err(self.error(vm, "Invalid \\uXXXX escape", esc + 1));
                            };
                            self.pos += 4;
                            let mut cp = u;
                            if (0xd800..0xdc00).contains(&u)
                                && self.s.get(self.pos..self.pos + 2) == Some(b"\\u")
                            {
                                if let Some(lo) = self.hex4(self.pos + 2) {
                                    if (0xdc00..0xe000).contains(&lo) {
                                        cp = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                                        self.pos += 6;
                                    }
                                }
                            }
                            char::from_u32(cp).unwrap_or('\u{fffd}')
                        }
                        None => {
                            return Err(self.error(vm, "Unterminated string starting at", start))
                        }
                        _ => return Err(self.error(vm, "Invalid \\escape", esc)),
                    };
                    out.push(ch);
                }
                Some(_) => return Err(self.error(vm, "Invalid control character at", self.pos)),
            }
        }
    }

    /// A number, `true`/`false`/`null`, `NaN`/`Infinity`, or None when no
    /// value starts here.
    fn scalar(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let rest = self.s.tail(self.pos.min(self.s.len()));
        for (word, v) in [
            (&b"null"[..], Value::None),
            (b"true", Value::from_bool(true)),
            (b"false", Value::from_bool(false)),
            (b"NaN", Value::float(f64::NAN)),
            (b"Infinity", Value::float(f64::INFINITY)),
            (b"-Infinity", Value::float(f64::NEG_INFINITY)),
        ] {
            if rest.starts_with(word) {
                self.pos += word.len();
                return Ok(Some(v));
            }
        }
        let start = self.pos;
        let mut i = start;
        let digit = |i: usize| self.s.get(i).is_some_and(|c| c.is_ascii_digit());
        if self.s.get(i) == Some(&b'-') {
            i += 1;
        }
        if self.s.get(i) == Some(&b'0') {
            i += 1;
        } else if digit(i) {
            while digit(i) {
                i += 1;
            }
        } else {
            return Ok(None);
        }
        let int_end = i;
        if self.s.get(i) == Some(&b'.') && digit(i + 1) {
            i += 1;
            while digit(i) {
                i += 1;
            }
        }
        if let Some(b'e' | b'E') = self.s.get(i) {
            let mut j = i + 1;
            if let Some(b'+' | b'-') = self.s.get(j) {
                j += 1;
            }
            if digit(j) {
                while digit(j) {
                    j += 1;
                }
                i = j;
            }
        }
        self.pos = i;
        let txt = self.text.get(start..i).unwrap_or("0");
        if i == int_end {
            if let Ok(n) = txt.parse::<i64>() {
                return vm.new_int(n).map(Some);
            }
            let (neg, digits) = match txt.strip_prefix('-') {
                Some(d) => (true, d),
                None => (false, txt),
            };
            let big = vm.parse_bigint_const(digits, 10)?;
            if neg {
                return vm.unary_op(crate::compile::ast::UnOp::Neg, big).map(Some);
            }
            return Ok(Some(big));
        }
        let f = crate::fmt::parse_float(txt).unwrap_or(f64::NAN);
        Ok(Some(Value::float(f)))
    }
}

fn decode(vm: &mut Vm, text: &str) -> PyResult<Value> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        pos: 0,
    };
    let mut stack: Vec<Open> = Vec::new();
    p.ws();
    loop {
        // Parse one value (opening containers as needed).
        let mut v = match p.peek() {
            Some(b'"') => {
                let s = p.string(vm)?;
                vm.new_str(s)?
            }
            Some(b'[') => {
                if stack.len() >= MAX_DEPTH {
                    return Err(depth_error(
                        vm,
                        "decoding a JSON array from a unicode string",
                    ));
                }
                p.pos += 1;
                p.ws();
                if p.peek() == Some(b']') {
                    p.pos += 1;
                    vm.new_list(Vec::new())?
                } else {
                    stack.push(Open::List(Vec::new()));
                    continue;
                }
            }
            Some(b'{') => {
                if stack.len() >= MAX_DEPTH {
                    return Err(depth_error(
                        vm,
                        "decoding a JSON object from a unicode string",
                    ));
                }
                p.pos += 1;
                p.ws();
                let d = vm.new_dict()?;
                match p.peek() {
                    Some(b'}') => {
                        p.pos += 1;
                        d
                    }
                    Some(b'"') => {
                        let k = p.string(vm)?;
                        let key = vm.new_str(k)?;
                        p.ws();
                        if p.peek() != Some(b':') {
                            return Err(p.error(vm, "Expecting ':' delimiter", p.pos));
                        }
                        p.pos += 1;
                        p.ws();
                        stack.push(Open::Dict { d, key });
                        continue;
                    }
                    _ => {
                        return Err(p.error(
                            vm,
                            "Expecting property name enclosed in double quotes",
                            p.pos,
                        ))
                    }
                }
            }
            _ => match p.scalar(vm)? {
                Some(v) => v,
                None => return Err(p.error(vm, "Expecting value", p.pos)),
            },
        };
        // Store it, closing every container that ends after it.
        loop {
            let Some(top) = stack.last_mut() else {
                p.ws();
                if p.pos < p.s.len() {
                    return Err(p.error(vm, "Extra data", p.pos));
                }
                return Ok(v);
            };
            p.ws();
            match top {
                Open::List(items) => {
                    items.push(v);
                    match p.peek() {
                        Some(b',') => {
                            p.pos += 1;
                            p.ws();
                            break;
                        }
                        Some(b']') => {
                            p.pos += 1;
                            let Some(Open::List(items)) = stack.pop() else {
                                return Ok(Value::None);
                            };
                            v = vm.new_list(items)?;
                        }
                        _ => return Err(p.error(vm, "Expecting ',' delimiter", p.pos)),
                    }
                }
                Open::Dict { d, key } => {
                    let (d, k) = (*d, *key);
                    vm.dict_set(d, k, v)?;
                    match p.peek() {
                        Some(b',') => {
                            p.pos += 1;
                            p.ws();
                            if p.peek() != Some(b'"') {
                                return Err(p.error(
                                    vm,
                                    "Expecting property name enclosed in double quotes",
                                    p.pos,
                                ));
                            }
                            let ks = p.string(vm)?;
                            let nk = vm.new_str(ks)?;
                            p.ws();
                            if p.peek() != Some(b':') {
                                return Err(p.error(vm, "Expecting ':' delimiter", p.pos));
                            }
                            p.pos += 1;
                            p.ws();
                            if let Some(Open::Dict { key, .. }) = stack.last_mut() {
                                *key = nk;
                            }
                            break;
                        }
                        Some(b'}') => {
                            p.pos += 1;
                            stack.pop();
                            v = d;
                        }
                        _ => return Err(p.error(vm, "Expecting ',' delimiter", p.pos)),
                    }
                }
            }
        }
    }
}
