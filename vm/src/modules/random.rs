//! `random` (alias `urandom`): `seed`, `getrandbits`, `randrange`,
//! `randint`, `random`, `uniform`, `choice`, `shuffle`.
//!
//! The generator is xorshift64* (state in `vm.rng_state`), not CPython's
//! Mersenne Twister: a given seed always gives the same sequence, but not
//! CPython's sequence. Without `seed()` (or with `seed(None)`) the state
//! comes from `vm.board.random_seed()`. Integer ranges use rejection
//! sampling, so `randrange`/`randint`/`choice`/`shuffle` are unbiased.

use crate::at::{At, VecAt};
use crate::types::ty;
use alloc::format;
use alloc::vec::Vec;

use crate::modules::check_args;
use crate::objects::{BigInt, Obj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    let s = vm.board.random_seed();
    set_seed(vm, s);
    let m = vm.new_module(
        "random",
        &[
            ("seed", r_seed),
            ("getrandbits", r_getrandbits),
            ("randrange", r_randrange),
            ("randint", r_randint),
            ("random", r_random),
            ("uniform", r_uniform),
            ("choice", r_choice),
            ("shuffle", r_shuffle),
        ],
        &[],
    )?;
    Ok(Some(m))
}

/// Mix the seed (splitmix64) so nearby seeds give unrelated streams; the
/// state must never be zero for xorshift.
fn set_seed(vm: &mut Vm, s: u64) {
    let mut z = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    vm.rng_state = if z == 0 { 0x2545_f491_4f6c_dd1d } else { z };
}

fn next_u64(vm: &mut Vm) -> u64 {
    let mut x = vm.rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    vm.rng_state = x;
    x.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

/// Uniform in [0, n) for n > 0.
fn below(vm: &mut Vm, n: u64) -> u64 {
    let bits = 64 - (n - 1).leading_zeros();
    loop {
        let r = if bits == 0 {
            0
        } else {
            next_u64(vm) >> (64 - bits)
        };
        if r < n {
            return r;
        }
    }
}

fn r_seed(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "seed", a, kw, 0, 1)?;
    let v = a.first().copied().unwrap_or(Value::None);
    let s = match vm.num_unwrap(v) {
        Value::None => vm.board.random_seed(),
        u if vm.int_i64(u).is_some() => vm.int_i64(u).unwrap_or(0).unsigned_abs(),
        Value::Float(f) => f.get().to_bits(),
        u if vm.as_int_like(u) => {
            let b = vm.to_bigint(u).abs();
            let bytes = b.to_bytes(8 * b.limbs().max(1) + 8, true, false);
            fnv(&bytes.unwrap_or_default())
        }
        _ => {
            if let Some(s) = vm.str_of(v) {
                fnv(s.as_bytes())
            } else if let Some(b) = vm.bytes_of(v) {
                fnv(&b)
            } else {
                return Err(vm.type_error_of("The only supported seed types are: None,\nint, float, str, bytes, and bytearray. Not ", v, ""));
            }
        }
    };
    set_seed(vm, s);
    Ok(Value::None)
}

fn fnv(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in b {
        h ^= c as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// An int argument (floats refused, like CPython 3.12).
fn int_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<i64> {
    let u = vm.num_unwrap(v);
    if let Some(i) = vm.int_i64(u) {
        return Ok(i);
    }
    match u {
        Value::Float(f) => {
            if f.get() == libm::floor(f.get()) && f.get().abs() < 9.0e18 {
                Ok(f.get() as i64)
            } else {
                Err(vm.value_error(format!("non-integer {} for randrange()", what)))
            }
        }
        u if vm.as_int_like(u) => Err(vm.new_error(
            ty::OVERFLOW_ERROR,
            "Python int too large to convert to C long",
        )),
        _ => vm.index_value(v),
    }
}

fn r_getrandbits(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "getrandbits", a, kw, 1, 1)?;
    let k = match vm.num_unwrap(*a.at(0)) {
        Value::Float(_) => {
            return Err(vm.type_err("'float' object cannot be interpreted as an integer"))
        }
        _ => vm.index_value(a[0])?,
    };
    if k < 0 {
        return Err(vm.value_err("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k < 64 {
        let r = (next_u64(vm) >> (64 - k)) as i64;
        return vm.new_int(r);
    }
    if k > (1 << 24) {
        return Err(vm.memory_error());
    }
    let nbytes = (k as usize).div_ceil(8);
    vm.ensure(nbytes)?;
    let mut bytes: Vec<u8> = Vec::with_capacity(nbytes + 8);
    while bytes.len() < nbytes {
        bytes.extend_from_slice(&next_u64(vm).to_le_bytes());
    }
    bytes.truncate(nbytes);
    let extra = nbytes * 8 - k as usize;
    if let Some(last) = bytes.last_mut() {
        *last >>= extra;
    }
    let b = BigInt::from_bytes(&bytes, true, false);
    vm.int_from_big(b)
}

/// `randrange(start, stop, step)` over i64 values.
fn randrange(vm: &mut Vm, start: i64, stop: Option<i64>, step: i64) -> PyResult<Value> {
    let Some(stop) = stop else {
        if start > 0 {
            let r = below(vm, start as u64) as i64;
            return vm.new_int(r);
        }
        return Err(vm.value_err("empty range for randrange()"));
    };
    let width = stop as i128 - start as i128;
    if step == 1 {
        if width > 0 {
            let r = (start as i128 + below(vm, width as u64) as i128) as i64;
            return vm.new_int(r);
        }
        return Err(vm.value_error(format!(
            "empty range for randrange() ({}, {}, {})",
            start, stop, width
        )));
    }
    if step == 0 {
        return Err(vm.value_err("zero step for randrange()"));
    }
    let step = step as i128;
    let n = if step > 0 {
        (width + step - 1).div_euclid(step)
    } else {
        (width + step + 1).div_euclid(step)
    };
    if n <= 0 {
        return Err(vm.value_err("empty range for randrange()"));
    }
    let r = below(vm, n as u64) as i128;
    vm.new_int((start as i128 + step * r) as i64)
}

fn r_randrange(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "randrange", a, kw, 1, 3)?;
    let start = int_arg(vm, *a.at(0), "arg 1")?;
    let stop = match a.get(1) {
        Some(&v) if !v.is_none() => Some(int_arg(vm, v, "arg 2")?),
        _ => None,
    };
    let step = match a.get(2) {
        Some(&v) => int_arg(vm, v, "step")?,
        None => 1,
    };
    if stop.is_none() && step != 1 {
        return Err(vm.type_err("Missing a non-None stop argument"));
    }
    randrange(vm, start, stop, step)
}

fn r_randint(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "randint", a, kw, 2, 2)?;
    let lo = int_arg(vm, *a.at(0), "arg 1")?;
    let hi = int_arg(vm, *a.at(1), "arg 2")?;
    if hi == i64::MAX {
        return Err(vm.new_error(
            ty::OVERFLOW_ERROR,
            "Python int too large to convert to C long",
        ));
    }
    randrange(vm, lo, Some(hi + 1), 1)
}

fn unit(vm: &mut Vm) -> f64 {
    (next_u64(vm) >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

fn r_random(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "random", a, kw, 0, 0)?;
    Ok(Value::float(unit(vm)))
}

fn r_uniform(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "uniform", a, kw, 2, 2)?;
    // CPython computes `a + (b - a) * random()`: report its TypeError.
    let (Some(lo), Some(hi)) = (vm.as_f64(*a.at(0)), vm.as_f64(*a.at(1))) else {
        let tb = vm.type_name(a[1]);
        let ta = vm.type_name(a[0]);
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for -: '{}' and '{}'",
            tb, ta
        )));
    };
    let u = unit(vm);
    Ok(Value::float(lo + (hi - lo) * u))
}

fn r_choice(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "choice", a, kw, 1, 1)?;
    let is_seq = match *a.at(0) {
        Value::Obj(r) => matches!(
            vm.heap.get(vm.dict_table_ref(r)),
            Obj::List(_)
                | Obj::Tuple(_)
                | Obj::Str(_)
                | Obj::Bytes(_)
                | Obj::ByteArray(_)
                | Obj::Range { .. }
        ),
        _ => false,
    };
    if !is_seq {
        return Err(vm.type_error_of("object of type '", a[0], "' has no len()"));
    }
    let items = vm.collect_iterable(a[0])?;
    if items.is_empty() {
        return Err(vm.new_error(ty::INDEX_ERROR, "Cannot choose from an empty sequence"));
    }
    let i = below(vm, items.len() as u64) as usize;
    Ok(*items.at(i))
}

fn r_shuffle(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "shuffle", a, kw, 1, 1)?;
    let r = match *a.at(0) {
        Value::Obj(r) if matches!(vm.heap.get(vm.dict_table_ref(r)), Obj::List(_)) => {
            vm.dict_table_ref(r)
        }
        _ => {
            return Err(vm.type_error_of("'", a[0], "' object does not support item assignment"));
        }
    };
    let n = match vm.heap.get(r) {
        Obj::List(v) => v.len(),
        _ => 0,
    };
    for i in (1..n).rev() {
        let j = below(vm, i as u64 + 1) as usize;
        if let Obj::List(v) = vm.heap.get_mut(r) {
            if i < v.len() && j < v.len() {
                v.swap_at(i, j);
            }
        }
    }
    Ok(Value::None)
}
