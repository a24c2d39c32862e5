//! Methods of `bytes` and `bytearray` that str has not (decode, hex,
//! fromhex, the bytearray mutators); the methods shared with str are
//! `strbytes.rs`.

use crate::at::{At, VecAt};
use crate::types::ty;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::arg;
use super::str_methods::{
    check_args, check_pos, codec, codec_error, errors_arg, int_arg, kw_args, recover, text, Style,
};
use super::strbytes::is_bspace;
use crate::objects::Obj;
use crate::value::{Small, Value};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

// ---- receivers and arguments ----

/// The bytes of a bytes/bytearray (or subclass instance) receiver.
pub(crate) fn bytes_ref(vm: &Vm, v: Value) -> Option<&[u8]> {
    let Value::Obj(r) = v else { return None };
    match vm.heap.get(vm.dict_table_ref(r)) {
        Obj::Bytes(b) | Obj::ByteArray(b) => Some(b.as_slice()),
        _ => None,
    }
}

pub(crate) fn is_bytearray(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(vm.dict_table_ref(r)), Obj::ByteArray(_)))
}

pub(crate) fn cls_name(vm: &Vm, a: &[Value]) -> &'static str {
    match a.first() {
        Some(&v) if is_bytearray(vm, v) => "bytearray",
        _ => "bytes",
    }
}

/// The value of an int argument that must be a byte.
fn byte_arg(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = vm.index_value(v)?;
    if !(0..256).contains(&i) {
        return Err(vm.value_err("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

// ---- conversions ----

/// `bytes.decode` and `str(b, encoding)`.
pub(crate) fn decode(vm: &mut Vm, h: &[u8], enc: &str, errors: &str) -> PyResult<String> {
    let utf8 = enc == "utf-8";
    let mut out = Vec::with_capacity(h.len());
    let mut i = 0;
    while let Some(rest) = h.get(i..).filter(|r| !r.is_empty()) {
        // A valid run of `ok` bytes, then `bad` undecodable ones.
        let (ok, bad, reason) = if utf8 {
            match core::str::from_utf8(rest) {
                Ok(s) if i == 0 => return Ok(String::from(s)),
                Ok(_) => (rest.len(), 0, ""),
                Err(e) => {
                    let ok = e.valid_up_to();
                    match e.error_len() {
                        None => (ok, rest.len() - ok, "unexpected end of data"),
                        Some(n) if matches!(*rest.at(ok), 0x80..=0xc1 | 0xf5..=0xff) => {
                            (ok, n, "invalid start byte")
                        }
                        Some(n) => (ok, n, "invalid continuation byte"),
                    }
                }
            }
        } else if *rest.at(0) < 0x80 {
            (1, 0, "")
        } else if enc == "latin-1" {
            let mut buf = [0u8; 4];
            out.extend_from_slice(char::from(rest[0]).encode_utf8(&mut buf).as_bytes());
            i += 1;
            continue;
        } else {
            (0, 1, "ordinal not in range(128)")
        };
        out.extend_from_slice(rest.span(0, ok));
        for (k, &b) in rest.span(ok, ok + bad).iter().enumerate() {
            // `replace` gives one U+FFFD for the whole bad sequence.
            if k > 0 && errors == "replace" {
                break;
            }
            if let Err(strict) = recover(errors, &mut out, b as u32, true) {
                let at = (i + ok, i + ok + bad);
                let u = *rest.at(ok) as u32;
                return Err(codec_error(vm, strict, errors, enc, true, u, at, reason));
            }
        }
        i += ok + bad;
    }
    Ok(String::from_utf8(out).unwrap_or_default())
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
        // The first character and whether it is the only one.
        let s: Option<(Option<u32>, bool)> = match text(vm, args[0]) {
            Some(t) => {
                let mut it = t.chars();
                Some((it.next().map(u32::from), it.next().is_none()))
            }
            // bytes only: a bytearray is neither str nor bytes here.
            None if !matches!(args[0], Value::Obj(r) if matches!(vm.heap.get(r), Obj::ByteArray(_))) => {
                vm.bytes_of(args[0])
                    .map(|b| (b.first().map(|&x| u32::from(x)), b.len() <= 1))
            }
            None => None,
        };
        match s {
            Some((Some(c), true)) if c < 0x80 => Some(char::from(c as u8)),
            Some((Some(_), true)) => {
                return Err(vm.value_err("sep must be ASCII."));
            }
            Some(_) => return Err(vm.value_err("sep must be length 1.")),
            // As CPython: the length is checked before the type.
            None => match vm.seq_len(args[0]) {
                Some(1) => return Err(vm.type_err("sep must be str or bytes.")),
                Some(_) => return Err(vm.value_err("sep must be length 1.")),
                None => {
                    return Err(vm.type_error_of("object of type '", args[0], "' has no len()"))
                }
            },
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
    // Clamped before `max`: a group past usize (on 32-bit) is no boundary.
    let group = usize::try_from(per.unsigned_abs())
        .unwrap_or(usize::MAX)
        .max(1);
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
        Ok(b.remove_at(i as usize))
    });
    match r {
        Some(Ok(x)) => Ok(Value::Int(Small::from(x))),
        Some(Err(m)) => Err(vm.new_error(ty::INDEX_ERROR, m)),
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
        b.insert_at(i as usize, x);
    });
    Ok(Value::None)
}

fn ba_remove(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "bytearray", "remove", a, kw, 1, 1, Style::One)?;
    let x = byte_arg(vm, arg(a, 1))?;
    let found = with_ba(vm, arg(a, 0), |b| match b.iter().position(|&y| y == x) {
        Some(i) => {
            b.remove_at(i);
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

pub fn register(vm: &mut Vm) {
    let (b, ba) = (ty::BYTES, ty::BYTEARRAY);
    vm.add_methods(b, super::strbytes::BYTES_METHODS);
    vm.add_methods(ba, super::strbytes::BYTES_METHODS);
    vm.add_methods(
        b,
        &[
            ("decode", b_decode),
            ("hex", b_hex),
            ("fromhex", bytes_fromhex),
        ],
    );
    vm.add_methods(
        ba,
        &[
            ("decode", b_decode),
            ("hex", b_hex),
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
