//! `binascii` (alias `ubinascii`): `hexlify`/`b2a_hex`, `unhexlify`/
//! `a2b_hex`, `b2a_base64`, `a2b_base64`, `crc32`, and the `Error`
//! exception (a ValueError subclass), with CPython's messages.

use crate::at::At;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::modules::check_args;
use crate::objects::Obj;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    let m = vm.new_module(
        "binascii",
        &[
            ("hexlify", b_hexlify),
            ("b2a_hex", b_hexlify),
            ("unhexlify", b_unhexlify),
            ("a2b_hex", b_unhexlify),
            ("b2a_base64", b_b2a_base64),
            ("a2b_base64", b_a2b_base64),
            ("crc32", b_crc32),
        ],
        &[],
    )?;
    Ok(Some(m))
}

fn error(vm: &mut Vm, msg: &str) -> Exc {
    match crate::modules::module_attr(vm, "binascii", "Error") {
        Some(Value::Obj(cls)) => match vm.str_val(msg) {
            Ok(m) => vm.new_exception(cls, &[m]),
            Err(e) => e,
        },
        _ => vm.value_error(String::from(msg)),
    }
}

/// A bytes-like argument.
fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if !vm.is_str(v) {
        if let Some(b) = vm.bytes_of(v) {
            return Ok(b);
        }
    }
    Err(vm.type_error_of("a bytes-like object is required, not '", v, "'"))
}

/// An ASCII-decoding argument: bytes-like or an ASCII str.
fn ascii_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(s) = vm.str_of(v) {
        if !s.is_ascii() {
            return Err(vm.value_err("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    if let Some(b) = vm.bytes_of(v) {
        return Ok(b);
    }
    Err(vm.type_error_of(
        "argument should be bytes, buffer or ASCII string, not '",
        v,
        "'",
    ))
}

fn bytes(vm: &mut Vm, b: Vec<u8>) -> PyResult<Value> {
    vm.ensure(b.len())?;
    vm.alloc(Obj::Bytes(b))
}

/// `hexlify(data, sep=None, bytes_per_sep=1)`.
fn b_hexlify(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let mut args: Vec<Value> = a.to_vec();
    let mut sep = Value::None;
    let mut per = Value::Int(1);
    if a.len() > 1 {
        sep = a[1];
    }
    if a.len() > 2 {
        per = a[2];
    }
    for &(k, v) in kw {
        match vm.str_of(k) {
            Some("sep") => sep = v,
            Some("bytes_per_sep") => per = v,
            _ => {
                let n = vm.str_of(k).map(String::from).unwrap_or_default();
                return Err(vm.type_error(format!(
                    "hexlify() got an unexpected keyword argument '{}'",
                    n
                )));
            }
        }
    }
    args.truncate(1);
    check_args(
        vm,
        "hexlify",
        a.get(..a.len().min(1)).unwrap_or(&[]),
        &[],
        1,
        1,
    )?;
    if a.len() > 3 {
        return Err(vm.type_error(format!(
            "hexlify() takes at most 3 arguments ({} given)",
            a.len()
        )));
    }
    let data = data_arg(vm, *a.at(0))?;
    let sep_byte = if sep.is_none() {
        None
    } else {
        let s = match vm.str_of(sep) {
            Some(s) => s.as_bytes().to_vec(),
            None => match vm.bytes_of(sep) {
                Some(b) => b,
                None => {
                    return Err(vm.type_error_of("sep must be str or bytes, not ", sep, ""));
                }
            },
        };
        if s.len() != 1 {
            return Err(vm.value_err("sep must be length 1."));
        }
        if !s.at(0).is_ascii() {
            return Err(vm.value_err("sep must be ASCII."));
        }
        Some(*s.at(0))
    };
    let per = vm.index_value(per)?;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(data.len() * 3);
    let n = data.len();
    for (i, &c) in data.iter().enumerate() {
        if let (Some(s), true) = (sep_byte, i > 0 && per != 0) {
            let g = per.unsigned_abs() as usize;
            // Positive groups count from the right, negative from the left.
            let boundary = if per > 0 {
                (n - i) % g == 0
            } else {
                i % g == 0
            };
            if boundary {
                out.push(s);
            }
        }
        out.push(HEX[(c >> 4) as usize]);
        out.push(HEX[(c & 15) as usize]);
    }
    bytes(vm, out)
}

fn b_unhexlify(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "unhexlify", a, kw, 1, 1)?;
    let s = ascii_arg(vm, *a.at(0))?;
    if s.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(s.len() / 2);
    for pair in s.chunks(2) {
        let hi = (*pair.at(0) as char).to_digit(16);
        let lo = (*pair.at(1) as char).to_digit(16);
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    bytes(vm, out)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `b2a_base64(data, *, newline=True)`.
fn b_b2a_base64(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let mut newline = true;
    for &(k, v) in kw {
        if vm.str_of(k) == Some("newline") {
            newline = vm.truthy(v)?;
        } else {
            let n = vm.str_of(k).map(String::from).unwrap_or_default();
            return Err(vm.type_error(format!(
                "b2a_base64() got an unexpected keyword argument '{}'",
                n
            )));
        }
    }
    check_args(vm, "b2a_base64", a, &[], 1, 1)?;
    let data = data_arg(vm, *a.at(0))?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for ch in data.chunks(3) {
        let b = [
            *ch.at(0),
            ch.get(1).copied().unwrap_or(0),
            ch.get(2).copied().unwrap_or(0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for k in 0..4 {
            if k <= ch.len() {
                out.push(B64[((n >> (18 - 6 * k)) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    bytes(vm, out)
}

/// `a2b_base64(data, strict_mode=False)`: CPython's non-strict decoder
/// (characters outside the alphabet are skipped; decoding stops at
/// complete padding).
fn b_a2b_base64(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let mut strict = Value::from_bool(false);
    for &(k, v) in kw {
        if vm.str_of(k) == Some("strict_mode") {
            strict = v;
        } else {
            let n = vm.str_of(k).map(String::from).unwrap_or_default();
            return Err(vm.type_error(format!(
                "a2b_base64() got an unexpected keyword argument '{}'",
                n
            )));
        }
    }
    check_args(vm, "a2b_base64", a, &[], 1, 1)?;
    let strict = vm.truthy(strict)?;
    let s = ascii_arg(vm, *a.at(0))?;
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let (mut quad, mut pads, mut left) = (0u32, 0u32, 0u32);
    let mut done = false;
    for (i, &c) in s.iter().enumerate() {
        if c == b'=' {
            if strict && quad == 0 {
                return Err(error(vm, "Excess padding not allowed"));
            }
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < s.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    done = true;
                    break;
                }
            }
            continue;
        }
        let Some(v) = B64.iter().position(|&x| x == c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        let v = v as u32;
        if strict && pads > 0 {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push(((left << 6) | v) as u8);
                left = 0;
            }
        }
    }
    if !done && quad != 0 {
        if quad == 1 {
            let msg = format!(
                "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
                out.len() / 3 * 4 + 1
            );
            return Err(error(vm, &msg));
        }
        return Err(error(vm, "Incorrect padding"));
    }
    bytes(vm, out)
}

fn b_crc32(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "crc32", a, kw, 1, 2)?;
    let data = data_arg(vm, *a.at(0))?;
    let init = match a.get(1) {
        Some(&v) => match vm.num_unwrap(v) {
            Value::Int(i) => i as u32,
            Value::Bool(b) => b.get() as u32,
            u if vm.as_int_like(u) => {
                let b = vm.to_bigint(u);
                let bytes = b
                    .to_bytes(4 * b.limbs() + 4, true, true)
                    .unwrap_or_default();
                u32::from_le_bytes([
                    bytes.first().copied().unwrap_or(0),
                    bytes.get(1).copied().unwrap_or(0),
                    bytes.get(2).copied().unwrap_or(0),
                    bytes.get(3).copied().unwrap_or(0),
                ])
            }
            _ => {
                return Err(vm.type_error_of(
                    "'",
                    v,
                    "' object cannot be interpreted as an integer",
                ));
            }
        },
        None => 0,
    };
    let mut crc = !init;
    for &b in &data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    vm.new_int((!crc) as i64)
}
