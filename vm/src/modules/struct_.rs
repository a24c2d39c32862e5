//! `struct` (alias `ustruct`): `pack`, `unpack`, `unpack_from`,
//! `pack_into`, `calcsize` and the `error` exception.
//!
//! Format codes `x c b B ? h H i I l L q Q n N P f d s` with repeat counts
//! and byte orders `@ = < > !`. Native mode (`@`, the default) uses the
//! sizes and alignment of CPython on x86-64 (long and pointers are 8 bytes,
//! each item aligned to its size, no trailing padding), so packed data
//! matches CPython's byte for byte. Errors carry CPython's messages; they
//! are `struct.error`, a subclass of Exception (MicroPython raises
//! ValueError).

use crate::at::At;
use crate::types::ty;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::modules::check_args;
use crate::objects::{BigInt, Obj};
use crate::value::Value;
use crate::vm::{Exc, PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    let m = vm.new_module(
        "struct",
        &[
            ("pack", s_pack),
            ("unpack", s_unpack),
            ("unpack_from", s_unpack_from),
            ("pack_into", s_pack_into),
            ("calcsize", s_calcsize),
        ],
        &[],
    )?;
    Ok(Some(m))
}

fn struct_error(vm: &mut Vm, msg: &str) -> Exc {
    match crate::modules::module_attr(vm, "struct", "error") {
        Some(Value::Obj(cls)) => {
            let m = match vm.str_val(msg) {
                Ok(m) => m,
                Err(e) => return e,
            };
            vm.new_exception(cls, &[m])
        }
        _ => vm.value_error(String::from(msg)),
    }
}

/// One format item: code, repeat count (the length for `s`), byte size of
/// one element, and its offset in the packed data.
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    size: usize,
    offset: usize,
}

struct Layout {
    little: bool,
    items: Vec<Item>,
    size: usize,
    /// Number of values packed/unpacked.
    nvalues: usize,
}

/// Size of one element of `code`; None for an unknown code.
fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn parse_format(vm: &mut Vm, f: Value) -> PyResult<Layout> {
    let fmt: Vec<u8> = match f {
        Value::Obj(r) => match vm.heap.get(vm.dict_table_ref(r)) {
            Obj::Str(s) => s.s.as_bytes().to_vec(),
            Obj::Bytes(b) => b.clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    if fmt.is_empty() && vm.str_of(f).is_none() && vm.bytes_of(f).is_none() {
        return Err(vm.type_error_of(
            "Struct() argument 1 must be a str or bytes object, not ",
            f,
            "",
        ));
    }
    let mut rest = &fmt[..];
    let (native, little) = match rest.first() {
        Some(b'@') => (true, true),
        Some(b'=') | Some(b'<') => (false, true),
        Some(b'>') | Some(b'!') => (false, false),
        _ => (true, true),
    };
    if let Some(b'@' | b'=' | b'<' | b'>' | b'!') = rest.first() {
        rest = rest.tail(1);
    }
    let mut items = Vec::new();
    let mut size: usize = 0;
    let mut nvalues = 0usize;
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        while let Some(d) = rest.get(i).filter(|d| d.is_ascii_digit()) {
            let n = count.unwrap_or(0);
            let Some(n) = n
                .checked_mul(10)
                .and_then(|n| n.checked_add((d - b'0') as usize))
            else {
                return Err(struct_error(vm, "total struct size too long"));
            };
            count = Some(n);
            i += 1;
        }
        let Some(&code) = rest.get(i) else {
            return Err(struct_error(
                vm,
                "repeat count given without format specifier",
            ));
        };
        i += 1;
        let Some(esize) = code_size(code, native) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        let count = count.unwrap_or(1);
        if native && esize > 1 {
            size = size.div_ceil(esize) * esize;
        }
        let total = if code == b's' {
            count
        } else {
            esize.saturating_mul(count)
        };
        let Some(end) = size
            .checked_add(total)
            .filter(|&e| e <= isize::MAX as usize / 2)
        else {
            return Err(struct_error(vm, "total struct size too long"));
        };
        items.push(Item {
            code,
            count,
            size: esize,
            offset: size,
        });
        size = end;
        nvalues += match code {
            b'x' => 0,
            b's' => 1,
            _ => count,
        };
    }
    Ok(Layout {
        little,
        items,
        size,
        nvalues,
    })
}

fn s_calcsize(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "calcsize", a, kw, 1, 1)?;
    let l = parse_format(vm, *a.at(0))?;
    Ok(Value::from_len(l.size))
}

/// The integer to pack, as i128 (None for an int beyond 64 bits).
fn int_of(vm: &mut Vm, v: Value) -> PyResult<Option<i128>> {
    match vm.num_unwrap(v) {
        Value::Int(i) => Ok(Some(i as i128)),
        Value::Bool(b) => Ok(Some(b.get() as i128)),
        u if vm.as_int_like(u) => {
            let b = vm.to_bigint(u);
            Ok(b.to_i64()
                .map(|x| x as i128)
                .or_else(|| b.to_u64().map(|x| x as i128)))
        }
        Value::Obj(_) if !matches!(vm.num_unwrap(v), Value::Obj(r) if matches!(vm.heap.get(r), Obj::Str(_))) =>
        {
            // Objects with __index__.
            let k = vm.intern("__index__");
            if vm.lookup_special(v, k).is_some() {
                let i = vm.index_value(v)?;
                return Ok(Some(i as i128));
            }
            Err(struct_error(vm, "required argument is not an integer"))
        }
        _ => Err(struct_error(vm, "required argument is not an integer")),
    }
}

fn range_error(vm: &mut Vm, code: u8, size: usize, unsigned: bool) -> Exc {
    let msg = match (code, size) {
        (b'b', _) => String::from("byte format requires -128 <= number <= 127"),
        (b'B', _) => String::from("ubyte format requires 0 <= number <= 255"),
        (b'h', _) => String::from("short format requires -32768 <= number <= 32767"),
        (b'H', _) => String::from("ushort format requires 0 <= number <= 65535"),
        (_, 4) if unsigned => format!(
            "'{}' format requires 0 <= number <= 4294967295",
            code as char
        ),
        (_, 4) => format!(
            "'{}' format requires -2147483648 <= number <= 2147483647",
            code as char
        ),
        _ => String::from("argument out of range"),
    };
    struct_error(vm, &msg)
}

fn float_of(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.num_unwrap(v) {
        Value::Float(f) => Ok(f.get()),
        Value::Int(i) => Ok(i as f64),
        Value::Bool(b) => Ok(b.get() as i64 as f64),
        u if vm.as_int_like(u) => match vm.to_bigint(u).to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            // CPython reports the overflow this way too.
            _ => Err(struct_error(vm, "required argument is not a float")),
        },
        _ => Err(struct_error(vm, "required argument is not a float")),
    }
}

/// Pack `vals` per `l` into `out` (already `l.size` bytes, zeroed).
fn pack_values(
    vm: &mut Vm,
    l: &Layout,
    vals: &[Value],
    out: &mut [u8],
    fname: &str,
) -> PyResult<()> {
    if vals.len() != l.nvalues {
        return Err(struct_error(
            vm,
            &format!(
                "{} expected {} items for packing (got {})",
                fname,
                l.nvalues,
                vals.len()
            ),
        ));
    }
    let mut vi = 0;
    for it in &l.items {
        if it.code == b'x' {
            continue;
        }
        if it.code == b's' {
            let v = *vals.at(vi);
            vi += 1;
            let Some(b) = vm.bytes_of(v).filter(|_| !vm.is_str(v)) else {
                return Err(struct_error(vm, "argument for 's' must be a bytes object"));
            };
            let n = b.len().min(it.count);
            out.put(it.offset, &b[..n]);
            continue;
        }
        for k in 0..it.count {
            let v = *vals.at(vi);
            vi += 1;
            let off = it.offset + k * it.size;
            let dst = out.span_mut(off, off + it.size);
            match it.code {
                b'c' => match vm.bytes_of(v) {
                    Some(b)
                        if b.len() == 1
                            && !matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::ByteArray(_))) =>
                    {
                        *dst.at_mut(0) = *b.at(0)
                    }
                    _ => {
                        return Err(struct_error(
                            vm,
                            "char format requires a bytes object of length 1",
                        ))
                    }
                },
                b'?' => *dst.at_mut(0) = vm.truthy(v)? as u8,
                b'f' => {
                    let x = float_of(vm, v)?;
                    let y = x as f32;
                    if x.is_finite() && y.is_infinite() {
                        return Err(vm.new_error(
                            ty::OVERFLOW_ERROR,
                            "float too large to pack with f format",
                        ));
                    }
                    let bytes = if l.little {
                        y.to_le_bytes()
                    } else {
                        y.to_be_bytes()
                    };
                    dst.put(0, &bytes);
                }
                b'd' => {
                    let x = float_of(vm, v)?;
                    let bytes = if l.little {
                        x.to_le_bytes()
                    } else {
                        x.to_be_bytes()
                    };
                    dst.put(0, &bytes);
                }
                code => {
                    let unsigned = code.is_ascii_uppercase() || code == b'P';
                    let n = int_of(vm, v)?;
                    let bits = (it.size * 8) as u32;
                    let (lo, hi): (i128, i128) = if unsigned {
                        (0, (1i128 << bits) - 1)
                    } else {
                        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
                    };
                    let x = match n {
                        Some(x) if x >= lo && x <= hi => x,
                        // CPython names the range only for in-C-long values
                        // of the small codes (and not for negative unsigned 4-byte).
                        Some(x) if it.size <= 2 || (it.size == 4 && !(unsigned && x < 0)) => {
                            return Err(range_error(vm, code, it.size, unsigned))
                        }
                        _ => return Err(struct_error(vm, "argument out of range")),
                    };
                    let le = (x as u64).to_le_bytes();
                    for (j, d) in dst.iter_mut().enumerate() {
                        let src = if l.little { j } else { it.size - 1 - j };
                        *d = *le.at(src);
                    }
                }
            }
        }
    }
    Ok(())
}

fn unpack_values(vm: &mut Vm, l: &Layout, data: &[u8]) -> PyResult<Value> {
    let mut out: Vec<Value> = Vec::with_capacity(l.nvalues);
    for it in &l.items {
        match it.code {
            b'x' => continue,
            b's' => {
                let b = data.span(it.offset, it.offset + it.count).to_vec();
                out.push(vm.alloc(Obj::Bytes(b))?);
                continue;
            }
            _ => {}
        }
        for k in 0..it.count {
            let off = it.offset + k * it.size;
            let src = data.span(off, off + it.size);
            let mut le = [0u8; 8];
            for (j, d) in le.iter_mut().take(it.size).enumerate() {
                *d = if l.little {
                    *src.at(j)
                } else {
                    *src.at(it.size - 1 - j)
                };
            }
            let raw = u64::from_le_bytes(le);
            let v = match it.code {
                b'c' => vm.alloc(Obj::Bytes(alloc::vec![*src.at(0)]))?,
                b'?' => Value::from_bool(*src.at(0) != 0),
                b'f' => Value::float(f32::from_bits(raw as u32) as f64),
                b'd' => Value::float(f64::from_bits(raw)),
                code if code.is_ascii_uppercase() || code == b'P' => {
                    if raw > i64::MAX as u64 {
                        vm.int_from_big(BigInt::from_u64(raw))?
                    } else {
                        vm.new_int(raw as i64)?
                    }
                }
                _ => {
                    // Sign-extend from the item's width.
                    let shift = 64 - it.size as u32 * 8;
                    vm.new_int(((raw << shift) as i64) >> shift)?
                }
            };
            out.push(v);
        }
    }
    vm.new_tuple(out)
}

fn s_pack(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_err("pack() takes no keyword arguments"));
    }
    let Some(&f) = a.first() else {
        return Err(vm.type_err("missing format argument"));
    };
    let l = parse_format(vm, f)?;
    vm.ensure(l.size)?;
    let mut out = alloc::vec![0u8; l.size];
    pack_values(vm, &l, a.tail(1), &mut out, "pack")?;
    vm.alloc(Obj::Bytes(out))
}

/// The bytes of a buffer argument.
fn buffer_of(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if !vm.is_str(v) {
        if let Some(b) = vm.bytes_of(v) {
            return Ok(b);
        }
    }
    Err(vm.type_error_of("a bytes-like object is required, not '", v, "'"))
}

fn s_unpack(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "unpack", a, kw, 2, 2)?;
    let l = parse_format(vm, *a.at(0))?;
    let data = buffer_of(vm, *a.at(1))?;
    if data.len() != l.size {
        return Err(struct_error(
            vm,
            &format!("unpack requires a buffer of {} bytes", l.size),
        ));
    }
    unpack_values(vm, &l, &data)
}

/// Resolve a possibly negative `offset` into a buffer of `len` bytes.
fn offset_arg(vm: &mut Vm, v: Value, len: usize) -> PyResult<usize> {
    let off = vm.index_value(v)?;
    if off < 0 {
        let back = off.unsigned_abs();
        if back > len as u64 {
            return Err(struct_error(
                vm,
                &format!("offset {} out of range for {}-byte buffer", off, len),
            ));
        }
        return Ok(len - back as usize);
    }
    Ok(off as usize)
}

/// `unpack_from(fmt, buffer, offset=0)`.
fn s_unpack_from(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let mut args: Vec<Value> = a.to_vec();
    for &(k, v) in kw {
        match vm.str_of(k) {
            Some("buffer") if args.len() == 1 => args.push(v),
            Some("offset") if args.len() == 2 => args.push(v),
            _ => {
                let n = vm.str_of(k).map(String::from).unwrap_or_default();
                return Err(vm.type_error(format!(
                    "unpack_from() got an unexpected keyword argument '{}'",
                    n
                )));
            }
        }
    }
    check_args(vm, "unpack_from", &args, &[], 2, 3)?;
    let l = parse_format(vm, *args.at(0))?;
    let data = buffer_of(vm, *args.at(1))?;
    let off = match args.get(2) {
        Some(&v) => offset_arg(vm, v, data.len())?,
        None => 0,
    };
    if off.saturating_add(l.size) > data.len() {
        let msg = if off == 0 {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset 0 (actual buffer size is {})",
                l.size, l.size, data.len()
            )
        } else {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                off.saturating_add(l.size),
                l.size,
                off,
                data.len()
            )
        };
        return Err(struct_error(vm, &msg));
    }
    unpack_values(vm, &l, data.span(off, off + l.size))
}

/// `pack_into(fmt, buffer, offset, *values)`: writes into a bytearray (or a
/// writable memoryview of one).
fn s_pack_into(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_err("pack_into() takes no keyword arguments"));
    }
    if a.len() < 3 {
        let msg = match a.len() {
            0 => "missing format argument",
            1 => "pack_into expected buffer argument",
            _ => "pack_into expected offset argument",
        };
        return Err(vm.type_error(String::from(msg)));
    }
    let l = parse_format(vm, a[0])?;
    // The target: a bytearray, possibly behind a memoryview slice.
    let (target, base, len) = match a[1] {
        Value::Obj(r) => match vm.heap.get(vm.dict_table_ref(r)) {
            Obj::ByteArray(b) => (Some(vm.dict_table_ref(r)), 0, b.len()),
            Obj::MemoryView { obj, start, len } => match *obj {
                Value::Obj(o) if matches!(vm.heap.get(vm.dict_table_ref(o)), Obj::ByteArray(_)) => {
                    (Some(vm.dict_table_ref(o)), *start, *len)
                }
                _ => (None, 0, 0),
            },
            _ => (None, 0, 0),
        },
        _ => (None, 0, 0),
    };
    let Some(target) = target else {
        return Err(vm.type_error_of(
            "argument must be read-write bytes-like object, not ",
            a[1],
            "",
        ));
    };
    let off = offset_arg(vm, a[2], len)?;
    if off.saturating_add(l.size) > len {
        let msg = format!(
            "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
            off.saturating_add(l.size),
            l.size,
            off,
            len
        );
        return Err(struct_error(vm, &msg));
    }
    let mut out = alloc::vec![0u8; l.size];
    pack_values(vm, &l, a.tail(3), &mut out, "pack_into")?;
    if let Obj::ByteArray(b) = vm.heap.get_mut(target) {
        if let Some(dst) = b.get_mut(base + off..base + off + l.size) {
            dst.put(0, &out);
        }
    }
    Ok(Value::None)
}
