//! `math`'s functions that CPython has and MicroPython does not (feature
//! `math-extra`): `gcd`, `lcm`, `isqrt`, `comb`, `perm`, `prod`, `fsum`,
//! `hypot`, `dist`, `remainder`, `nextafter`, `ulp` (and, in `math.rs`,
//! `cbrt`, `exp2`, `log1p`). Costs ~7 KB of flash on thumbv6m; the core
//! image has MicroPython's `math`. Same rules and messages as `math.rs`.

use crate::at::At;
use crate::types::ty;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;

use super::math::{
    domain_error, float, fmod, int_arg, m_factorial, one_float, to_f64, two_floats, Kw,
};
use crate::compile::ast::BinOp;
use crate::modules::check_args;
use crate::objects::BigInt;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub(super) fn m_remainder(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, kw, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return float(f64::NAN);
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error(vm));
    }
    if y.is_infinite() {
        return float(x);
    }
    float(remainder(x, y))
}

/// IEEE remainder for finite x and finite non-zero y, as CPython computes
/// it: from fmod (exact), a tie going to the even multiple.
pub(super) fn remainder(x: f64, y: f64) -> f64 {
    let (ax, ay) = (libm::fabs(x), libm::fabs(y));
    let m = fmod(ax, ay);
    let c = ay - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        m - 2.0 * fmod(0.5 * (ax - m), ay)
    };
    libm::copysign(1.0, x) * r
}

pub(super) fn m_nextafter(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, kw, "nextafter")?;
    float(libm::nextafter(x, y))
}

pub(super) fn m_ulp(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let x = libm::fabs(one_float(vm, a, kw, "math.ulp")?);
    if !x.is_finite() {
        return float(x);
    }
    let up = libm::nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        // x is the largest float: measure the gap below it.
        return float(x - libm::nextafter(x, 0.0));
    }
    float(up - x)
}

fn gcd_big(a: &BigInt, b: &BigInt) -> BigInt {
    match (a.to_i64(), b.to_i64()) {
        (Some(x), Some(y)) => {
            let (mut x, mut y) = (x.unsigned_abs(), y.unsigned_abs());
            while y != 0 {
                (x, y) = (y, x % y);
            }
            BigInt::from_u64(x)
        }
        _ => a.gcd(b),
    }
}

pub(super) fn m_gcd(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "math.gcd", a, kw, 0, usize::MAX)?;
    let mut g = BigInt::zero();
    for &v in a {
        let x = int_arg(vm, v)?;
        g = gcd_big(&g, &x);
    }
    vm.int_from_big(g)
}

pub(super) fn m_lcm(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "math.lcm", a, kw, 0, usize::MAX)?;
    let mut l = BigInt::from_u64(1);
    for &v in a {
        let x = int_arg(vm, v)?.abs();
        if x.is_zero() || l.is_zero() {
            l = BigInt::zero();
            continue;
        }
        let g = gcd_big(&l, &x);
        let q = x.divmod_floor(&g).map(|p| p.0).unwrap_or_else(BigInt::zero);
        l = l.mul(&q);
    }
    vm.int_from_big(l)
}

pub(super) fn m_isqrt(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "math.isqrt", a, kw, 1, 1)?;
    let n = int_arg(vm, *a.at(0))?;
    if n.is_negative() {
        return Err(vm.value_err("isqrt() argument must be nonnegative"));
    }
    let r = n.isqrt().unwrap_or_else(BigInt::zero);
    vm.int_from_big(r)
}

fn comb_perm_args(vm: &mut Vm, n: Value, k: Value) -> PyResult<(BigInt, u64)> {
    let n = int_arg(vm, n)?;
    let k = int_arg(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_err("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_err("k must be a non-negative integer"));
    }
    let k = match k.to_u64() {
        Some(k) if k <= i64::MAX as u64 => k,
        _ => return Err(vm.new_error(ty::OVERFLOW_ERROR, "k must not exceed 9223372036854775807")),
    };
    Ok((n, k))
}

pub(super) fn m_comb(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "comb", a, kw, 2, 2)?;
    let (n, k) = comb_perm_args(vm, *a.at(0), *a.at(1))?;
    let kb = BigInt::from_u64(k);
    if kb.cmp(&n) == Ordering::Greater {
        return Ok(Value::Int(0));
    }
    // Use the smaller of k and n-k; each step's division is exact.
    let nk = n.sub(&kb);
    let k = match nk.to_u64() {
        Some(m) if m < k => m,
        _ => k,
    };
    let mut r = BigInt::from_u64(1);
    for i in 0..k {
        r = r.mul(&n.sub(&BigInt::from_u64(i)));
        r = r
            .divmod_floor(&BigInt::from_u64(i + 1))
            .map(|p| p.0)
            .unwrap_or_else(BigInt::zero);
    }
    vm.int_from_big(r)
}

pub(super) fn m_perm(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "perm", a, kw, 1, 2)?;
    if a.len() == 1 || a.at(1).is_none() {
        return m_factorial(vm, &a[..1], &[]);
    }
    let (n, k) = comb_perm_args(vm, a[0], a[1])?;
    if BigInt::from_u64(k).cmp(&n) == Ordering::Greater {
        return Ok(Value::Int(0));
    }
    let mut r = BigInt::from_u64(1);
    for i in 0..k {
        r = r.mul(&n.sub(&BigInt::from_u64(i)));
    }
    vm.int_from_big(r)
}

/// `prod(iterable, *, start=1)` with Python multiplication.
pub(super) fn m_prod(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let mut acc = Value::Int(1);
    for &(k, v) in kw {
        if vm.str_of(k) == Some("start") {
            acc = v;
        } else {
            let n = String::from(vm.str_of(k).unwrap_or(""));
            return Err(vm.type_error(format!("prod() got an unexpected keyword argument '{}'", n)));
        }
    }
    check_args(vm, "prod", a, &[], 1, 1)?;
    let items = vm.collect_iterable(*a.at(0))?;
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let mut r = Ok(());
    for &x in &items {
        vm.temp_roots.push(acc);
        let p = vm.binary_op(BinOp::Mul, acc, x, false);
        vm.temp_roots.pop();
        match p {
            Ok(v) => acc = v,
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.temp_roots.truncate(base);
    r.map(|_| acc)
}

/// `fsum(iterable)`: the correctly rounded sum, by keeping the exact sum
/// as non-overlapping partials (Shewchuk's algorithm).
pub(super) fn m_fsum(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "math.fsum", a, kw, 1, 1)?;
    let items = vm.collect_iterable(*a.at(0))?;
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let r = fsum(vm, &items);
    vm.temp_roots.truncate(base);
    float(r?)
}

/// The sum of `items` (rooted by the caller), converted one at a time as
/// CPython does.
fn fsum(vm: &mut Vm, items: &[Value]) -> PyResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    for &v in items {
        let mut x = to_f64(vm, v)?;
        if !x.is_finite() {
            // Infinities and NaNs bypass the partials; inf - inf is caught below.
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            partials.clear();
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = *partials.at(j);
            if libm::fabs(x) < libm::fabs(y) {
                core::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                *partials.at_mut(i) = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if !x.is_finite() {
            return Err(vm.new_error(ty::OVERFLOW_ERROR, "intermediate overflow in fsum"));
        }
        if x != 0.0 {
            partials.push(x);
        }
    }
    if special != 0.0 || special.is_nan() {
        if inf_sum.is_nan() {
            return Err(vm.value_err("-inf + inf in fsum"));
        }
        return Ok(special);
    }
    // Add the partials from the top; stop once the sum is exact, then
    // round half-even using the next partial's sign.
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = *partials.at(n);
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = *partials.at(n);
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0
            && ((lo < 0.0 && *partials.at(n - 1) < 0.0) || (lo > 0.0 && *partials.at(n - 1) > 0.0))
        {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// The Euclidean norm of `v`, scaled by the largest magnitude so squares
/// neither overflow nor underflow.
fn norm(v: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut nan = false;
    for &x in v {
        let ax = libm::fabs(x);
        if ax.is_infinite() {
            return f64::INFINITY;
        }
        nan |= ax.is_nan();
        if ax > max {
            max = ax;
        }
    }
    if nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() == 1 {
        return max;
    }
    if v.len() == 2 {
        return libm::hypot(v[0], v[1]);
    }
    let mut sum = 0.0;
    for &x in v {
        let s = x / max;
        sum += s * s;
    }
    max * libm::sqrt(sum)
}

pub(super) fn m_hypot(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "math.hypot", a, kw, 0, usize::MAX)?;
    let mut v = Vec::new();
    for &x in a {
        v.push(to_f64(vm, x)?);
    }
    float(norm(&v))
}

pub(super) fn m_dist(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dist", a, kw, 2, 2)?;
    let p = vm.collect_iterable(*a.at(0))?;
    vm.temp_roots.push(a[0]);
    let q = vm.collect_iterable(*a.at(1));
    vm.temp_roots.pop();
    let q = q?;
    if p.len() != q.len() {
        return Err(vm.value_err("both points must have the same number of dimensions"));
    }
    let mut d = Vec::new();
    for (&x, &y) in p.iter().zip(q.iter()) {
        let x = to_f64(vm, x)?;
        let y = to_f64(vm, y)?;
        d.push(x - y);
    }
    float(norm(&d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norms() {
        assert_eq!(norm(&[3.0, 4.0]), 5.0);
        assert_eq!(norm(&[]), 0.0);
        assert!(norm(&[f64::NAN, f64::INFINITY]).is_infinite());
        assert_eq!(norm(&[-2.0]), 2.0);
    }
}
