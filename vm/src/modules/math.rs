//! `math` module: everything MicroPython's `math` has, plus the CPython
//! functions programs commonly use (`gcd`, `lcm`, `isqrt`, `hypot`, `dist`,
//! `comb`, `perm`, `prod`, `fsum`, `log1p`, `exp2`, `cbrt`, `remainder`,
//! `nextafter`, `ulp`). Behaviour and messages follow CPython 3.11:
//!
//! * Arguments may be ints (any size), bools, floats, int/float subclass
//!   instances, or objects with `__float__` (or `__index__`).
//! * A NaN result from a non-NaN argument is `ValueError('math domain
//!   error')`; an infinite result from a finite argument is
//!   `OverflowError('math range error')` for the functions that can
//!   overflow (exp, cosh, ...) and a domain error for the others (atanh(1)).
//! * `ceil`/`floor`/`trunc` return ints (bigints for huge floats); `log`
//!   of a huge int works from its binary exponent.
//!
//! The transcendental functions come from `math_dd` (correctly rounded,
//! feature `math-exact`) or the `libm` crate (a port of musl's libm,
//! where the last bit can differ from CPython on glibc); the others from
//! libm; `gamma` returns exact factorials for small integers as CPython does.

use crate::at::At;
use crate::types::ty;
use alloc::format;
use alloc::string::String;
use core::cmp::Ordering;

use crate::modules::{check_args, math_dd};
use crate::objects::BigInt;
use crate::value::{wide, Small, Value};
use crate::vm::{Exc, PyResult, Vm};

pub(super) type Kw<'a> = &'a [(Value, Value)];

const PI: f64 = core::f64::consts::PI;

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    let m = vm.new_module(
        "math",
        FUNCS,
        &[
            ("e", Value::float(core::f64::consts::E)),
            ("pi", Value::float(PI)),
            ("tau", Value::float(core::f64::consts::TAU)),
            ("inf", Value::float(f64::INFINITY)),
            ("nan", Value::float(f64::NAN)),
        ],
    )?;
    Ok(Some(m))
}

// ---- argument conversion and errors ----

pub(super) fn domain_error(vm: &mut Vm) -> Exc {
    vm.value_err("math domain error")
}

fn range_error(vm: &mut Vm) -> Exc {
    vm.new_error(ty::OVERFLOW_ERROR, "math range error")
}

/// Python's float conversion of a number argument (`PyFloat_AsDouble`):
/// floats, ints, then `__float__` (which must return a float), then
/// `__index__`. Used by math and `%` formatting.
pub(crate) fn to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match number_to_f64(vm, v)? {
        Some(f) => Ok(f),
        None => Err(vm.type_error_of("must be real number, not ", v, "")),
    }
}

/// [`to_f64`], with None for a value that is no number (`float()` reports
/// that in its own words).
pub(crate) fn number_to_f64(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    match vm.num_unwrap(v) {
        Value::Float(f) => return Ok(Some(f.get())),
        Value::Int(i) => return Ok(Some(i as f64)),
        Value::Bool(b) => return Ok(Some(b.get() as i64 as f64)),
        u if vm.as_int_like(u) => {
            let b = vm.to_bigint(u);
            return big_to_f64(vm, &b).map(Some);
        }
        _ => {}
    }
    let n = vm.intern("__float__");
    if let Some(f) = vm.lookup_special(v, n) {
        let r = vm.call_sync(f, &[v])?;
        return match vm.num_unwrap(r) {
            Value::Float(x) => Ok(Some(x.get())),
            _ => {
                let (t, rt) = (vm.type_name(v), vm.type_name(r));
                Err(vm.type_error(format!("{}.__float__ returned non-float (type {})", t, rt)))
            }
        };
    }
    if let Some(i) = index_of(vm, v)? {
        let b = vm.to_bigint(i);
        return big_to_f64(vm, &b).map(Some);
    }
    Ok(None)
}

fn big_to_f64(vm: &mut Vm, b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) => Ok(f),
        None => Err(vm.new_error(ty::OVERFLOW_ERROR, "int too large to convert to float")),
    }
}

/// The int value of `v` via `__index__` for non-int objects (None if it
/// has none). Ints come back unwrapped.
pub(crate) fn index_of(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let u = vm.num_unwrap(v);
    if vm.as_int_like(u) {
        return Ok(Some(u));
    }
    if let Value::Float(_) = u {
        return Ok(None);
    }
    let n = vm.intern("__index__");
    if let Some(f) = vm.lookup_special(v, n) {
        let r = vm.call_sync(f, &[v])?;
        let ru = vm.num_unwrap(r);
        if vm.as_int_like(ru) {
            return Ok(Some(ru));
        }
        return Err(vm.type_error_of("__index__ returned non-int (type ", r, ")"));
    }
    Ok(None)
}

/// An integer argument as a BigInt (`'float' object cannot be interpreted
/// as an integer` otherwise).
pub(super) fn int_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match index_of(vm, v)? {
        Some(i) => Ok(vm.to_bigint(i)),
        None => Err(vm.type_error_of("'", v, "' object cannot be interpreted as an integer")),
    }
}

pub(super) fn float(v: f64) -> PyResult<Value> {
    Ok(Value::float(v))
}

/// The one float argument of `name`.
pub(super) fn one_float(vm: &mut Vm, a: &[Value], kw: Kw, name: &str) -> PyResult<f64> {
    check_args(vm, name, a, kw, 1, 1)?;
    to_f64(vm, *a.at(0))
}

/// A one-argument function: its name in errors, the function, and
/// whether an infinite result from a finite argument is an overflow
/// (else a domain error).
struct Unary(&'static str, fn(f64) -> f64, bool);

/// A one-argument function with CPython's error rules. The wrappers pass
/// one pointer to a constant description: smaller than four arguments.
fn math_1(vm: &mut Vm, a: &[Value], kw: Kw, d: &Unary) -> PyResult<Value> {
    let x = one_float(vm, a, kw, d.0)?;
    let r = (d.1)(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if d.2 {
            range_error(vm)
        } else {
            domain_error(vm)
        });
    }
    float(r)
}

macro_rules! unary {
    ($($(#[$attr:meta])* $fname:ident => $name:literal, $f:expr, $overflow:expr;)*) => {
        $(
            $(#[$attr])*
            fn $fname(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
                const D: Unary = Unary($name, $f, $overflow);
                math_1(vm, a, kw, &D)
            }
        )*
    };
}

unary! {
    m_acos => "math.acos", math_dd::acos, false;
    m_acosh => "math.acosh", math_dd::acosh, false;
    m_asin => "math.asin", math_dd::asin, false;
    m_asinh => "math.asinh", math_dd::asinh, false;
    m_atan => "math.atan", math_dd::atan, false;
    m_atanh => "math.atanh", math_dd::atanh, false;
    #[cfg(feature = "math-extra")]
    m_cbrt => "math.cbrt", math_dd::cbrt, false;
    m_cos => "math.cos", math_dd::cos, false;
    m_cosh => "math.cosh", math_dd::cosh, true;
    #[cfg(feature = "math-special")]
    m_erf => "math.erf", libm::erf, false;
    #[cfg(feature = "math-special")]
    m_erfc => "math.erfc", libm::erfc, false;
    m_exp => "math.exp", math_dd::exp, true;
    #[cfg(feature = "math-extra")]
    m_exp2 => "math.exp2", math_dd::exp2, true;
    m_expm1 => "math.expm1", math_dd::expm1, true;
    m_fabs => "math.fabs", libm::fabs, false;
    #[cfg(feature = "math-extra")]
    m_log1p => "math.log1p", math_dd::log1p, false;
    m_sin => "math.sin", math_dd::sin, false;
    m_sinh => "math.sinh", math_dd::sinh, true;
    m_sqrt => "math.sqrt", math_dd::sqrt, false;
    m_tan => "math.tan", math_dd::tan, false;
    m_tanh => "math.tanh", math_dd::tanh, false;
}

/// degrees/radians only scale: no error even when the result overflows.
fn m_degrees(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    float(one_float(vm, a, kw, "math.degrees")? * (180.0 / PI))
}

fn m_radians(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    float(one_float(vm, a, kw, "math.radians")? * (PI / 180.0))
}

pub(super) fn two_floats(vm: &mut Vm, a: &[Value], kw: Kw, name: &str) -> PyResult<(f64, f64)> {
    check_args(vm, name, a, kw, 2, 2)?;
    let x = to_f64(vm, *a.at(0))?;
    let y = to_f64(vm, *a.at(1))?;
    Ok((x, y))
}

fn m_atan2(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let (y, x) = two_floats(vm, a, kw, "atan2")?;
    float(math_dd::atan2(y, x))
}

fn m_copysign(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, kw, "copysign")?;
    float(libm::copysign(x, y))
}

/// C's fmod, exact: the remainder of |x| by |y| with the sign of x, by
/// shifting and subtracting the significands (musl's method). libm's
/// generic one divides in u128: ~3 KB on thumbv6m. Also serves float `%`.
pub fn fmod(x: f64, y: f64) -> f64 {
    // (exponent, significand with bit 52 set) of a finite non-zero |v|.
    fn parts(bits: u64) -> (i32, u64) {
        let e = (bits >> 52 & 0x7ff) as i32;
        let m = bits & ((1 << 52) - 1);
        if e == 0 {
            let s = m.leading_zeros() as i32 - 11;
            (1 - s, m << s)
        } else {
            (e, m | 1 << 52)
        }
    }
    let (ux, uy) = (x.to_bits(), y.to_bits());
    if uy << 1 == 0 || y.is_nan() || !x.is_finite() {
        return f64::NAN;
    }
    if ux << 1 <= uy << 1 {
        return if ux << 1 == uy << 1 { 0.0 * x } else { x };
    }
    let (mut ex, mut mx) = parts(ux);
    let (ey, my) = parts(uy);
    loop {
        if mx >= my {
            mx -= my;
            if mx == 0 {
                return 0.0 * x;
            }
        }
        if ex == ey {
            break;
        }
        mx <<= 1;
        ex -= 1;
    }
    let s = mx.leading_zeros() as i32 - 11;
    mx <<= s;
    ex -= s;
    let bits = if ex > 0 {
        (mx - (1 << 52)) | (ex as u64) << 52
    } else {
        mx >> (1 - ex)
    };
    f64::from_bits(bits | ux & (1 << 63))
}

fn m_fmod(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, kw, "fmod")?;
    // fmod(x, +-inf) is x for finite x.
    if y.is_infinite() && x.is_finite() {
        return float(x);
    }
    let r = fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    float(r)
}

fn m_pow(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, kw, "pow")?;
    // libm's pow has C99's special cases (test `pow_special_cases`); with
    // an infinite or NaN argument no result is an error.
    if !x.is_finite() || !y.is_finite() {
        return float(math_dd::pow(x, y));
    }
    if x == 0.0 && y < 0.0 {
        return Err(domain_error(vm));
    }
    let r = math_dd::pow(x, y);
    if r.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    float(r)
}

// ---- logarithms ----

/// `func(x)` for a log function, with ints of any size (from their
/// binary exponent when they do not fit a float).
fn log_of(vm: &mut Vm, v: Value, func: fn(f64) -> f64) -> PyResult<f64> {
    let u = vm.num_unwrap(v);
    if vm.as_int_like(u) {
        let b = vm.to_bigint(u);
        if b.is_negative() || b.is_zero() {
            return Err(domain_error(vm));
        }
        if let Some(x) = b.to_f64() {
            return Ok(func(x));
        }
        // x = m * 2**e with m in [0.5, 1): keep the top 64 bits plus a
        // sticky bit so the conversion of m rounds once.
        let bits = b.bit_length();
        let shift = bits - 64;
        let top = b.shr(shift);
        let sticky = top.shl(shift).cmp(&b) != Ordering::Equal;
        let m = top.to_u64().unwrap_or(u64::MAX) | sticky as u64;
        let mant = m as f64 / 18_446_744_073_709_551_616.0; // 2**64
        return Ok(func(mant) + func(2.0) * bits as f64);
    }
    let x = to_f64(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(func(x))
}

fn m_log(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_err("math.log() takes no keyword arguments"));
    }
    if a.is_empty() || a.len() > 2 {
        return Err(vm.type_err("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(vm, a[0], math_dd::log)?;
    if a.len() == 1 {
        return float(num);
    }
    let den = log_of(vm, a[1], math_dd::log)?;
    if den == 0.0 {
        return Err(vm.new_error(ty::ZERO_DIVISION_ERROR, "float division by zero"));
    }
    float(num / den)
}

fn m_log2(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "math.log2", a, kw, 1, 1)?;
    float(log_of(vm, *a.at(0), math_dd::log2)?)
}

fn m_log10(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "math.log10", a, kw, 1, 1)?;
    float(log_of(vm, *a.at(0), math_dd::log10)?)
}

// ---- gamma (feature `math-special`, with erf and erfc) ----

/// (n-1)! as a float for 1 <= n <= 23: exact, as CPython's table.
#[cfg(feature = "math-special")]
fn exact_gamma(n: i64) -> f64 {
    let mut r = 1.0;
    for k in 2..n {
        r *= k as f64;
    }
    r
}

#[cfg(feature = "math-special")]
fn is_int(x: f64) -> bool {
    x.is_finite() && libm::floor(x) == x
}

#[cfg(feature = "math-special")]
fn m_gamma(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_float(vm, a, kw, "math.gamma")?;
    if x.is_nan() || x == f64::INFINITY {
        return float(x);
    }
    if x == f64::NEG_INFINITY || (is_int(x) && x <= 0.0) {
        return Err(domain_error(vm));
    }
    if is_int(x) && x <= 23.0 {
        return float(exact_gamma(x as i64));
    }
    let r = libm::tgamma(x);
    if r.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    float(r)
}

#[cfg(feature = "math-special")]
fn m_lgamma(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_float(vm, a, kw, "math.lgamma")?;
    if x.is_nan() {
        return float(x);
    }
    if x.is_infinite() {
        return float(f64::INFINITY);
    }
    if is_int(x) && x <= 0.0 {
        return Err(domain_error(vm));
    }
    if x == 1.0 || x == 2.0 {
        return float(0.0);
    }
    let r = libm::lgamma_r(x).0;
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    float(r)
}

// ---- float decomposition ----

fn m_frexp(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_float(vm, a, kw, "math.frexp")?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        libm::frexp(x)
    };
    vm.new_pair(Value::float(m), Value::Int(e as Small))
}

fn m_ldexp(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "ldexp", a, kw, 2, 2)?;
    let x = to_f64(vm, *a.at(0))?;
    let e = match vm.num_unwrap(*a.at(1)) {
        Value::Int(i) => wide(i),
        Value::Bool(b) => b.get() as i64,
        u if vm.as_int_like(u) => {
            if vm.to_bigint(u).is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => return Err(vm.type_err("Expected an int as second argument to ldexp.")),
    };
    if x == 0.0 || !x.is_finite() {
        return float(x);
    }
    // Beyond +-2200 every finite x overflows or underflows already.
    let r = libm::ldexp(x, e.clamp(-2200, 2200) as i32);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    float(r)
}

fn m_modf(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_float(vm, a, kw, "math.modf")?;
    // x - trunc(x) is exact; the sign keeps -0.0 parts (and inf gives 0.0).
    let int = libm::trunc(x);
    let frac = if x.is_nan() {
        x
    } else {
        libm::copysign(if x.is_infinite() { 0.0 } else { x - int }, x)
    };
    vm.new_pair(Value::float(frac), Value::float(int))
}

// ---- rounding to int ----

/// floor/ceil/trunc: ints are returned as they are, floats rounded,
/// other objects use their `__floor__`/`__ceil__`/`__trunc__`.
fn rounding(
    vm: &mut Vm,
    a: &[Value],
    kw: Kw,
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    check_args(vm, name, a, kw, 1, 1)?;
    let v = *a.at(0);
    match vm.num_unwrap(v) {
        Value::Float(x) => return vm.float_to_int(f(x.get())),
        Value::Bool(b) => return Ok(Value::Int(b.get() as Small)),
        u if vm.as_int_like(u) => return Ok(u),
        _ => {}
    }
    let special = vm.intern(dunder);
    if let Some(m) = vm.lookup_special(v, special) {
        return vm.call_sync(m, &[v]);
    }
    if dunder == "__trunc__" {
        return Err(vm.type_error_of("type ", v, " doesn't define __trunc__ method"));
    }
    let x = to_f64(vm, v)?;
    vm.float_to_int(f(x))
}

fn m_floor(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    rounding(vm, a, kw, "math.floor", "__floor__", libm::floor)
}

fn m_ceil(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    rounding(vm, a, kw, "math.ceil", "__ceil__", libm::ceil)
}

fn m_trunc(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    rounding(vm, a, kw, "math.trunc", "__trunc__", libm::trunc)
}

// ---- classification ----

fn m_isfinite(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    Ok(Value::from_bool(
        one_float(vm, a, kw, "math.isfinite")?.is_finite(),
    ))
}

fn m_isinf(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    Ok(Value::from_bool(
        one_float(vm, a, kw, "math.isinf")?.is_infinite(),
    ))
}

fn m_isnan(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    Ok(Value::from_bool(
        one_float(vm, a, kw, "math.isnan")?.is_nan(),
    ))
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn m_isclose(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let (mut rel_tol, mut abs_tol) = (1e-9, 0.0);
    for &(k, v) in kw {
        let name = String::from(vm.str_of(k).unwrap_or(""));
        match name.as_str() {
            "rel_tol" => rel_tol = to_f64(vm, v)?,
            "abs_tol" => abs_tol = to_f64(vm, v)?,
            "a" | "b" => {
                return Err(vm.type_error(format!(
                    "argument for isclose() given by name ('{}') and position",
                    name
                )))
            }
            _ => {
                return Err(vm.type_error(format!(
                    "isclose() got an unexpected keyword argument '{}'",
                    name
                )))
            }
        }
    }
    if a.len() != 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            a.len()
        )));
    }
    let x = to_f64(vm, a[0])?;
    let y = to_f64(vm, a[1])?;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_err("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::from_bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::from_bool(false));
    }
    let diff = libm::fabs(y - x);
    Ok(Value::from_bool(
        diff <= libm::fabs(rel_tol * y) || diff <= libm::fabs(rel_tol * x) || diff <= abs_tol,
    ))
}

// ---- integer functions ----

/// Multiply `lo..=hi` (small factors) as a balanced product tree, so big
/// factorials cost a few large multiplications instead of many.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::from_u64(1);
    }
    if hi - lo < 16 {
        let mut acc = BigInt::from_u64(1);
        let mut small: u64 = 1;
        for k in lo..=hi {
            match small.checked_mul(k) {
                Some(p) => small = p,
                None => {
                    acc = acc.mul(&BigInt::from_u64(small));
                    small = k;
                }
            }
        }
        return acc.mul(&BigInt::from_u64(small));
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid).mul(&range_product(mid + 1, hi))
}

pub(super) fn m_factorial(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "math.factorial", a, kw, 1, 1)?;
    let n = int_arg(vm, *a.at(0))?;
    if n.is_negative() {
        return Err(vm.value_err("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|&n| n <= i64::MAX as u64) else {
        return Err(vm.new_error(
            ty::OVERFLOW_ERROR,
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    let r = range_product(2, n);
    vm.int_from_big(r)
}

const FUNCS: &[crate::natives::Method] = &[
    ("acos", m_acos),
    ("acosh", m_acosh),
    ("asin", m_asin),
    ("asinh", m_asinh),
    ("atan", m_atan),
    ("atan2", m_atan2),
    ("atanh", m_atanh),
    #[cfg(feature = "math-extra")]
    ("cbrt", m_cbrt),
    ("ceil", m_ceil),
    #[cfg(feature = "math-extra")]
    ("comb", super::math_extra::m_comb),
    ("copysign", m_copysign),
    ("cos", m_cos),
    ("cosh", m_cosh),
    ("degrees", m_degrees),
    #[cfg(feature = "math-extra")]
    ("dist", super::math_extra::m_dist),
    #[cfg(feature = "math-special")]
    ("erf", m_erf),
    #[cfg(feature = "math-special")]
    ("erfc", m_erfc),
    ("exp", m_exp),
    #[cfg(feature = "math-extra")]
    ("exp2", m_exp2),
    ("expm1", m_expm1),
    ("fabs", m_fabs),
    ("factorial", m_factorial),
    ("floor", m_floor),
    ("fmod", m_fmod),
    ("frexp", m_frexp),
    #[cfg(feature = "math-extra")]
    ("fsum", super::math_extra::m_fsum),
    #[cfg(feature = "math-special")]
    ("gamma", m_gamma),
    #[cfg(feature = "math-extra")]
    ("gcd", super::math_extra::m_gcd),
    #[cfg(feature = "math-extra")]
    ("hypot", super::math_extra::m_hypot),
    ("isclose", m_isclose),
    ("isfinite", m_isfinite),
    ("isinf", m_isinf),
    ("isnan", m_isnan),
    #[cfg(feature = "math-extra")]
    ("isqrt", super::math_extra::m_isqrt),
    #[cfg(feature = "math-extra")]
    ("lcm", super::math_extra::m_lcm),
    ("ldexp", m_ldexp),
    #[cfg(feature = "math-special")]
    ("lgamma", m_lgamma),
    ("log", m_log),
    ("log10", m_log10),
    #[cfg(feature = "math-extra")]
    ("log1p", m_log1p),
    ("log2", m_log2),
    ("modf", m_modf),
    #[cfg(feature = "math-extra")]
    ("nextafter", super::math_extra::m_nextafter),
    #[cfg(feature = "math-extra")]
    ("perm", super::math_extra::m_perm),
    ("pow", m_pow),
    #[cfg(feature = "math-extra")]
    ("prod", super::math_extra::m_prod),
    ("radians", m_radians),
    #[cfg(feature = "math-extra")]
    ("remainder", super::math_extra::m_remainder),
    ("sin", m_sin),
    ("sinh", m_sinh),
    ("sqrt", m_sqrt),
    ("tan", m_tan),
    ("tanh", m_tanh),
    ("trunc", m_trunc),
    #[cfg(feature = "math-extra")]
    ("ulp", super::math_extra::m_ulp),
];

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn factorial_tree_matches_loop() {
        let mut f = BigInt::from_u64(1);
        for n in 1..200u64 {
            f = f.mul(&BigInt::from_u64(n));
            assert_eq!(range_product(2, n).cmp(&f), Ordering::Equal, "{}", n);
        }
    }

    #[cfg(feature = "math-special")]
    #[test]
    fn exact_small_gamma() {
        assert_eq!(exact_gamma(5), 24.0);
        assert_eq!(exact_gamma(23), 1_124_000_727_777_607_680_000.0);
    }

    /// `math.name(*args)` through the module's table, as the VM calls it:
    /// Ok(float) or Err(repr of the exception).
    /// Whether the build's math has `name` (`math-extra` adds some).
    fn built(name: &str) -> bool {
        FUNCS.iter().any(|m| m.0 == name)
    }

    fn call(vm: &mut Vm, name: &str, args: &[f64]) -> Result<f64, String> {
        let f = FUNCS
            .iter()
            .find(|m| m.0 == name)
            .expect("a math function")
            .1;
        let args: Vec<Value> = args.iter().map(|&x| Value::float(x)).collect();
        match f(vm, &args, &[]) {
            Ok(Value::Float(r)) => Ok(r.get()),
            Ok(_) => Err(String::from("not a float")),
            Err(e) => {
                let x = vm.exc_value(e);
                Err(vm.repr(x).unwrap_or_default())
            }
        }
    }

    /// The transcendental functions with and without the feature
    /// `math-exact` (`cargo test -p ferrite-vm --no-default-features --lib`
    /// runs the libm build): CPython's result (glibc) within an ulp, exact
    /// where libm is too, and CPython's errors.
    #[test]
    #[cfg_attr(compact_value, ignore = "f64 expectations; boards have f32 floats")]
    #[allow(clippy::approx_constant)] // CPython's printed results, as printed
    fn transcendental_results_and_errors() {
        let mut vm = Vm::new(
            crate::vm::Config::default(),
            alloc::boxed::Box::new(crate::hal::NullBoard),
        );
        #[rustfmt::skip]
        let near: &[(&str, &[f64], f64)] = &[
            ("exp", &[1.0], 2.718281828459045),
            ("exp", &[-700.0], 9.85967654375977e-305),
            ("log", &[10.0], 2.302585092994046),
            ("log2", &[3.0], 1.584962500721156),
            ("log10", &[7.0], 0.8450980400142568),
            ("pow", &[2.0, 0.5], 1.4142135623730951),
            ("pow", &[1.5, -1000.5], 6.6175207962444435e-177),
            ("sin", &[1.0], 0.8414709848078965),
            ("sin", &[1e22], -0.8522008497671888),
            ("cos", &[1.0], 0.5403023058681398),
            ("tan", &[1.0], 1.5574077246549023),
            ("asin", &[0.5], 0.5235987755982989),
            ("acos", &[0.5], 1.0471975511965979),
            ("atan", &[2.0], 1.1071487177940904),
            ("atan2", &[1.0, 2.0], 0.4636476090008061),
            ("sinh", &[1.0], 1.1752011936438014),
            ("cosh", &[1.0], 1.5430806348152437),
            ("tanh", &[0.5], 0.46211715726000974),
            ("asinh", &[2.0], 1.4436354751788103),
            ("acosh", &[2.0], 1.3169578969248166),
            ("atanh", &[0.5], 0.5493061443340548),
            ("exp2", &[3.3], 9.849155306759329),
            ("cbrt", &[2.0], 1.2599210498948734),
            ("expm1", &[1e-5], 1.0000050000166668e-05),
            ("log1p", &[1e-5], 9.999950000333332e-06),
        ];
        for &(name, args, want) in near {
            if !built(name) {
                continue;
            }
            let got = call(&mut vm, name, args).unwrap();
            let ulp = f64::from_bits(want.abs().to_bits() + 1) - want.abs();
            assert!(
                (got - want).abs() <= ulp,
                "{}{:?} = {:e}, not {:e}",
                name,
                args,
                got,
                want
            );
        }
        #[rustfmt::skip]
        let exact: &[(&str, &[f64], f64)] = &[
            ("exp", &[0.0], 1.0),
            ("log", &[1.0], 0.0),
            ("log2", &[8.0], 3.0),
            ("log10", &[1000.0], 3.0),
            ("pow", &[2.0, 10.0], 1024.0),
            ("pow", &[-2.0, 3.0], -8.0),
            ("sqrt", &[16.0], 4.0),
            ("exp2", &[10.0], 1024.0),
            ("atan2", &[0.0, -1.0], PI),
            ("tanh", &[f64::INFINITY], 1.0),
        ];
        for &(name, args, want) in exact {
            if !built(name) {
                continue;
            }
            assert_eq!(call(&mut vm, name, args), Ok(want), "{}{:?}", name, args);
        }
        let domain = "ValueError('math domain error')";
        let range = "OverflowError('math range error')";
        #[rustfmt::skip]
        let errors: &[(&str, &[f64], &str)] = &[
            ("sqrt", &[-1.0], domain),
            ("log", &[0.0], domain),
            ("log2", &[-1.0], domain),
            ("acos", &[2.0], domain),
            ("acosh", &[0.5], domain),
            ("atanh", &[1.0], domain),
            ("pow", &[0.0, -1.0], domain),
            ("pow", &[-8.0, 1.0 / 3.0], domain),
            ("sin", &[f64::INFINITY], domain),
            ("exp", &[1000.0], range),
            ("cosh", &[1000.0], range),
            ("pow", &[10.0, 400.0], range),
        ];
        for &(name, args, want) in errors {
            if !built(name) {
                continue;
            }
            assert_eq!(
                call(&mut vm, name, args),
                Err(String::from(want)),
                "{}{:?}",
                name,
                args
            );
        }
    }

    #[test]
    fn fmod_matches_libm() {
        let special = [
            0.0,
            -0.0,
            1.0,
            -1.5,
            3.0,
            1e-310,
            -5e-324,
            1e308,
            f64::INFINITY,
            f64::NAN,
        ];
        let mut seed = 0x1234_5678_9abc_def1u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for i in 0..300_000 {
            let (a, b) = (next(), next());
            let x = if i % 7 == 0 {
                special[(a % 10) as usize]
            } else {
                f64::from_bits(a)
            };
            // Nearby exponents too, and subnormal divisors.
            let y = match i % 3 {
                0 => f64::from_bits(b),
                1 => f64::from_bits((a & 0xfff0_0000_0000_0000) ^ (b >> 12) ^ (b & (7 << 52))),
                _ => f64::from_bits(b >> 12) * if b & 1 == 0 { 1.0 } else { -1.0 },
            };
            #[cfg(feature = "math-extra")]
            if x.is_finite() && y.is_finite() && y != 0.0 {
                let (got, want) = (
                    super::super::math_extra::remainder(x, y),
                    libm::remainder(x, y),
                );
                assert_eq!(got.to_bits(), want.to_bits(), "remainder({:e}, {:e})", x, y);
            }
            let (got, want) = (fmod(x, y), libm::fmod(x, y));
            assert!(
                got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                "fmod({:e}, {:e}) = {:e}, not {:e}",
                x,
                y,
                got,
                want
            );
        }
    }

    /// C99's pow special cases (CPython's own table) against libm's pow.
    #[test]
    fn pow_special_cases() {
        fn c99(x: f64, y: f64) -> f64 {
            if x.is_nan() {
                if y == 0.0 {
                    1.0
                } else {
                    x
                }
            } else if y.is_nan() {
                if x == 1.0 {
                    1.0
                } else {
                    y
                }
            } else if x.is_infinite() {
                let odd_y = y.is_finite() && fmod(libm::fabs(y), 2.0) == 1.0;
                if y > 0.0 {
                    if odd_y {
                        x
                    } else {
                        libm::fabs(x)
                    }
                } else if y == 0.0 {
                    1.0
                } else if odd_y {
                    libm::copysign(0.0, x)
                } else {
                    0.0
                }
            } else {
                // y is infinite, x finite.
                let ax = libm::fabs(x);
                if ax == 1.0 {
                    1.0
                } else if (y > 0.0) == (ax > 1.0) {
                    f64::INFINITY
                } else {
                    0.0
                }
            }
        }
        let vals = [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            -0.5,
            2.0,
            -2.0,
            3.0,
            -3.0,
            2.5,
            -2.5,
            1e300,
        ];
        for &x in &vals {
            for &y in &vals {
                if x.is_finite() && y.is_finite() {
                    continue;
                }
                let (got, want) = (math_dd::pow(x, y), c99(x, y));
                assert!(
                    got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                    "pow({}, {}) = {}, not {}",
                    x,
                    y,
                    got,
                    want
                );
            }
        }
    }
}
