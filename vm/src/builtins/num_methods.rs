//! Methods of `int` and `float`: `bit_length`, `bit_count`, `to_bytes`,
//! `from_bytes`, `conjugate`, `is_integer`, `as_integer_ratio`.

use crate::types::ty;
use alloc::format;
use alloc::vec::Vec;

use super::list_methods::{
    check_kw, descriptor_error, kwarg, no_args, pos_or_kw, unbound_error, Kw,
};
use crate::objects::{BigInt, Obj};
use crate::value::{wide, Small, Value};
use crate::vm::{PyResult, Vm};

/// `self` of an int method as an int value (bool and subclasses unwrapped).
fn int_self(vm: &mut Vm, a: &[Value], method: &str) -> PyResult<Value> {
    match a.first() {
        Some(&v) => {
            let u = vm.num_unwrap(v);
            if vm.as_int_like(u) {
                return Ok(match u {
                    Value::Bool(b) => Value::Int(b.get() as Small),
                    other => other,
                });
            }
            Err(descriptor_error(vm, method, "int", v))
        }
        None => Err(unbound_error(vm, "int", method)),
    }
}

fn float_self(vm: &mut Vm, a: &[Value], method: &str) -> PyResult<f64> {
    match a.first().map(|&v| (v, vm.num_unwrap(v))) {
        Some((_, Value::Float(f))) => Ok(f.get()),
        Some((v, _)) => Err(descriptor_error(vm, method, "float", v)),
        None => Err(unbound_error(vm, "float", method)),
    }
}

fn int_bit_length(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let v = int_self(vm, a, "bit_length")?;
    no_args(vm, a, "int.bit_length")?;
    Ok(Value::Int(match v {
        Value::Int(i) => (64 - wide(i).unsigned_abs().leading_zeros()) as Small,
        _ => vm.to_bigint(v).bit_length() as Small,
    }))
}

fn int_bit_count(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let v = int_self(vm, a, "bit_count")?;
    no_args(vm, a, "int.bit_count")?;
    Ok(Value::Int(match v {
        Value::Int(i) => i.unsigned_abs().count_ones() as Small,
        _ => {
            let b = vm.to_bigint(v).abs();
            let n = b.bit_length() as usize;
            let bytes = b.to_bytes(n / 8 + 1, true, false).unwrap_or_default();
            bytes.iter().map(|x| x.count_ones() as Small).sum()
        }
    }))
}

fn int_conjugate(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let v = int_self(vm, a, "conjugate")?;
    no_args(vm, a, "int.conjugate")?;
    Ok(v)
}

/// `byteorder`: true for little-endian.
fn byteorder(vm: &mut Vm, v: Option<Value>, func: &str) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    match vm.str_of(v) {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(vm.value_err("byteorder must be either 'little' or 'big'")),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "{}() argument 'byteorder' must be str, not {}",
                func, t
            )))
        }
    }
}

/// The keywords and positional count of `to_bytes`/`from_bytes` (self or
/// cls, then at most two).
fn bytes_conv_args(vm: &mut Vm, a: &[Value], kw: Kw, func: &str, names: &[&str]) -> PyResult<()> {
    check_kw(vm, kw, func, names)?;
    if a.len() > 3 {
        return Err(super::list_methods::arity_error(
            vm,
            func,
            super::list_methods::Arity::AtMostPositional,
            2,
            a.len() - 1,
        ));
    }
    Ok(())
}

/// The `byteorder` and `signed` arguments of `to_bytes`/`from_bytes`:
/// (little-endian, signed).
fn order_and_sign(vm: &mut Vm, a: &[Value], kw: Kw, func: &str) -> PyResult<(bool, bool)> {
    let bo = pos_or_kw(vm, a, kw, 2, "byteorder");
    let little = byteorder(vm, bo, func)?;
    let signed = match kwarg(vm, kw, "signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    Ok((little, signed))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let v = int_self(vm, a, "to_bytes")?;
    bytes_conv_args(vm, a, kw, "to_bytes", &["length", "byteorder", "signed"])?;
    let length = match pos_or_kw(vm, a, kw, 1, "length") {
        Some(l) => vm.index_value(l)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_err("length argument must be non-negative"));
    }
    let (little, signed) = order_and_sign(vm, a, kw, "to_bytes")?;
    let b = vm.to_bigint(v);
    if b.is_negative() && !signed {
        return Err(vm.new_error(ty::OVERFLOW_ERROR, "can't convert negative int to unsigned"));
    }
    vm.ensure(length as usize)?;
    match b.to_bytes(length as usize, little, signed) {
        Some(bytes) => vm.alloc(Obj::Bytes(bytes)),
        None => Err(vm.new_error(ty::OVERFLOW_ERROR, "int too big to convert")),
    }
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a classmethod.
fn int_from_bytes(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    bytes_conv_args(vm, a, kw, "from_bytes", &["bytes", "byteorder", "signed"])?;
    let cls = a.first().copied().unwrap_or(Value::None);
    let Some(src) = pos_or_kw(vm, a, kw, 1, "bytes") else {
        return Err(super::funcs::missing_arg(vm, "from_bytes", "bytes", "1"));
    };
    let (little, signed) = order_and_sign(vm, a, kw, "from_bytes")?;
    let data: Vec<u8> = match vm.bytes_of(src) {
        Some(b) => b,
        None => {
            if vm.str_of(src).is_some() || !matches!(src, Value::Obj(_)) {
                return Err(vm.type_error_of("cannot convert '", src, "' object to bytes"));
            }
            let items = vm.collect_iterable(src)?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let b = vm.index_value(it)?;
                if !(0..256).contains(&b) {
                    return Err(vm.value_err("bytes must be in range(0, 256)"));
                }
                out.push(b as u8);
            }
            out
        }
    };
    let n = vm.int_from_big(BigInt::from_bytes(&data, little, signed))?;
    // `bool.from_bytes` and int subclasses build their own type.
    if matches!(cls, Value::Obj(c) if c != ty::INT) {
        return vm.call_sync(cls, &[n]);
    }
    Ok(n)
}

fn float_is_integer(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = float_self(vm, a, "is_integer")?;
    no_args(vm, a, "float.is_integer")?;
    Ok(Value::from_bool(f.is_finite() && libm::trunc(f) == f))
}

fn float_conjugate(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = float_self(vm, a, "conjugate")?;
    no_args(vm, a, "float.conjugate")?;
    Ok(Value::float(f))
}

/// `float.as_integer_ratio()`: the exact fraction in lowest terms.
fn float_as_integer_ratio(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = float_self(vm, a, "as_integer_ratio")?;
    no_args(vm, a, "float.as_integer_ratio")?;
    if f.is_nan() {
        return Err(vm.value_err("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.new_error(
            ty::OVERFLOW_ERROR,
            "cannot convert Infinity to integer ratio",
        ));
    }
    // f = m * 2**e with an integer mantissa m.
    let (mut m, mut e) = crate::dtoa::parts(f);
    if m != 0 {
        let tz = m.trailing_zeros().min(if e < 0 { (-e) as u32 } else { 0 });
        m >>= tz;
        e += tz as i64;
    }
    let mut num = BigInt::from_u64(m);
    if f < 0.0 {
        num = num.neg();
    }
    let (num, den) = if e >= 0 {
        (num.shl(e as u64), BigInt::from_u64(1))
    } else {
        (num, BigInt::from_u64(1).shl((-e) as u64))
    };
    let n = vm.int_from_big(num)?;
    let d = vm.int_from_big(den)?;
    vm.new_pair(n, d)
}

pub fn register(vm: &mut Vm) {
    let t = ty::INT;
    vm.add_methods(
        t,
        &[
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("conjugate", int_conjugate),
            ("to_bytes", int_to_bytes),
        ],
    );
    let f = vm.register_native("from_bytes", int_from_bytes);
    if let Ok(cm) = vm.alloc(Obj::ClassMethod(f)) {
        vm.class_set(t, "from_bytes", cm);
    }
    let t = ty::FLOAT;
    vm.add_methods(
        t,
        &[
            ("is_integer", float_is_integer),
            ("conjugate", float_conjugate),
            ("as_integer_ratio", float_as_integer_ratio),
        ],
    );
}
