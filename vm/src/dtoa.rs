//! Decimal digits of a double, exact and rounded half to even like David
//! Gay's `dtoa` (what CPython uses): `significant` (n significant digits),
//! `fixed` (n digits after the point) and `shortest` (the fewest digits that
//! read back as the same double, the nearest such string).
//!
//! Why not core's `{:e}` / `{:.*e}` / `{:.*}`: they bring Grisu, Dragon4,
//! their power-of-ten tables and core's float layout code, ~15 KB of flash
//! on thumbv6m. Here every case is one exact big-integer scaling of the
//! double (`BigInt`, already in the VM), at the cost of speed: a few
//! microseconds per `repr(float)` on the host instead of ~0.1.
//!
//! Digits come as ASCII bytes with `decpt`: value = 0.DIGITS * 10**decpt.
//! The argument must be finite and positive.

use crate::builtins::repr::{cat, int_str};
use alloc::vec::Vec;
use core::cmp::Ordering;

use crate::objects::BigInt;

/// x = m * 2**e exactly.
pub(crate) fn parts(x: f64) -> (u64, i64) {
    let b = x.to_bits();
    let be = ((b >> 52) & 0x7ff) as i64;
    let frac = b & ((1 << 52) - 1);
    if be == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), be - 1075)
    }
}

fn pow10(k: u64) -> BigInt {
    BigInt::from_u64(10).pow(k)
}

/// x * 10**k as the fraction num / den.
fn scaled_fraction(x: f64, k: i64) -> (BigInt, BigInt) {
    let (m, e) = parts(x);
    let mut num = BigInt::from_u64(m);
    let mut den = BigInt::from_u64(1);
    if e >= 0 {
        num = num.shl(e as u64);
    } else {
        den = den.shl(e.unsigned_abs());
    }
    if k >= 0 {
        num = num.mul(&pow10(k as u64));
    } else {
        den = den.mul(&pow10(k.unsigned_abs()));
    }
    (num, den)
}

/// round_half_even(x * 10**k).
pub(crate) fn scaled(x: f64, k: i64) -> BigInt {
    let (num, den) = scaled_fraction(x, k);
    div_round_even(&num, &den)
}

/// round_half_even(num / den) for den > 0 (zero if den is zero); `round()`
/// of an int uses it too.
pub(crate) fn div_round_even(num: &BigInt, den: &BigInt) -> BigInt {
    let one = BigInt::from_u64(1);
    let Some((q, r)) = num.divmod_floor(den) else {
        return BigInt::zero();
    };
    let up = match r.shl(1).cmp(den) {
        Ordering::Greater => true,
        Ordering::Equal => !q.and(&one).is_zero(),
        Ordering::Less => false,
    };
    if up {
        q.add(&one)
    } else {
        q
    }
}

/// floor(log2(x) * log10(2)): floor(log10(x)) or one less.
fn exponent_estimate(x: f64) -> i64 {
    let (m, e) = parts(x);
    let log2 = 63 - i64::from(m.leading_zeros()) + e;
    (log2 * 78913).div_euclid(1 << 18)
}

/// floor(log10(x)).
fn exponent(x: f64) -> i64 {
    let mut k = exponent_estimate(x);
    let at_least = |k: i64| {
        let (num, den) = scaled_fraction(x, -k);
        num.cmp(&den) != Ordering::Less
    };
    while !at_least(k) {
        k -= 1;
    }
    while at_least(k + 1) {
        k += 1;
    }
    k
}

fn digits_of(n: &BigInt) -> Vec<u8> {
    n.to_str_radix(10).into_bytes()
}

/// Past this many significant digits every double's expansion is zeros.
const MAX_SIGNIFICANT: usize = 800;
/// Past this many decimals every double's expansion is zeros (2**-1074).
const MAX_FIXED: usize = 1075;

/// `n` (>= 1) significant digits, correctly rounded; trailing zeros kept
/// up to `MAX_SIGNIFICANT`.
pub fn significant(x: f64, n: usize) -> (Vec<u8>, i64) {
    let n = n.clamp(1, MAX_SIGNIFICANT) as i64;
    let e = exponent(x);
    let q = scaled(x, n - 1 - e);
    let mut d = digits_of(&q);
    if d.len() as i64 > n {
        // Rounded up to 10**n.
        d.truncate(n as usize);
        return (d, e + 2);
    }
    (d, e + 1)
}

/// Rounded to `n` digits after the point, trailing zeros removed; no
/// digits (and decpt = -n) when that is zero.
pub fn fixed(x: f64, n: usize) -> (Vec<u8>, i64) {
    let n = n.min(MAX_FIXED) as i64;
    let q = scaled(x, n);
    if q.is_zero() {
        return (Vec::new(), -n);
    }
    let mut d = digits_of(&q);
    let decpt = d.len() as i64 - n;
    strip_zeros(&mut d);
    (d, decpt)
}

fn strip_zeros(d: &mut Vec<u8>) {
    while d.len() > 1 && d.last() == Some(&b'0') {
        d.pop();
    }
}

/// Digits `d` with the point at `decpt`, as text the parsers read.
fn digits_text(d: &[u8], decpt: i64) -> alloc::string::String {
    let e = int_str(decpt - d.len() as i64);
    cat(&[core::str::from_utf8(d).unwrap_or("0"), "e", &e])
}

fn reads_back(d: &[u8], decpt: i64, x: f64) -> bool {
    crate::strtod::parse_f64(&digits_text(d, decpt)) == Some(x)
}

/// `t` in decimal, trailing zeros removed, as (digits, decpt) for a value
/// whose leading digit is at 10**(decpt-1).
fn u64_digits(t: u64, decpt: i64) -> (Vec<u8>, i64) {
    let mut d = int_str(t as i64).into_bytes();
    strip_zeros(&mut d);
    (d, decpt)
}

/// The shortest digits that read back as `x`; the nearest such string
/// (ties to even), as `repr` prints.
pub fn shortest(x: f64) -> (Vec<u8>, i64) {
    if x < f64::MIN_POSITIVE {
        // Subnormals have fewer bits: try every length.
        for n in 1..17 {
            let (mut d, decpt) = significant(x, n);
            strip_zeros(&mut d);
            if reads_back(&d, decpt, x) {
                return (d, decpt);
            }
        }
        let (mut d, decpt) = significant(x, 17);
        strip_zeros(&mut d);
        return (d, decpt);
    }
    // Any decimal of at most 15 significant digits survives a round trip
    // through a normal double (DBL_DIG), so if the 15-digit rounding reads
    // back, it is the shorter string padded with zeros; otherwise the
    // answer has 16 or 17 digits, and the nearest string of a length reads
    // back whenever any string of that length does. One big-integer
    // division gives the 17 leading digits and whether more follow; the
    // 15- and 16-digit roundings come from them.
    // The exponent estimate is off by at most one: fix it from q's size
    // instead of comparing with powers of ten first.
    let mut e = exponent_estimate(x);
    let (q, r, den) = loop {
        let (num, den) = scaled_fraction(x, 16 - e);
        let Some((q, r)) = num.divmod_floor(&den) else {
            return significant(x, 17);
        };
        let Some(q) = q.to_u64() else {
            e += 1;
            continue;
        };
        if q >= 100_000_000_000_000_000 {
            e += 1;
        } else if q < 10_000_000_000_000_000 {
            e -= 1;
        } else {
            break (q, r, den);
        }
    };
    let sticky = !r.is_zero();
    for n in [15u32, 16] {
        // Not `10u64.pow(17 - n)`: a divisor known to be nonzero needs no
        // division-by-zero panic site.
        let div: u64 = if n == 15 { 100 } else { 10 };
        let (t, u) = (q / div, q % div);
        let half = div / 2;
        let up = u > half || (u == half && (sticky || t % 2 == 1));
        let t = t + u64::from(up);
        let (d, decpt) = if t == 10u64.pow(n) {
            (alloc::vec![b'1'], e + 2)
        } else {
            u64_digits(t, e + 1)
        };
        if reads_back(&d, decpt, x) {
            return (d, decpt);
        }
    }
    let up = match r.shl(1).cmp(&den) {
        Ordering::Greater => true,
        Ordering::Equal => q % 2 == 1,
        Ordering::Less => false,
    };
    let t = q + u64::from(up);
    if t == 100_000_000_000_000_000 {
        (alloc::vec![b'1'], e + 2)
    } else {
        u64_digits(t, e + 1)
    }
}

/// Whether `d`, `decpt` parse back as the f32 `x`.
#[cfg(any(test, compact_value))]
fn reads_back_f32(d: &[u8], decpt: i64, x: f32) -> bool {
    crate::strtod::parse_f32(&digits_text(d, decpt)) == Some(x)
}

/// `shortest` for single precision: the fewest digits that read back as
/// `x` through `strtod::parse_f32`, the nearest such string (ties to even).
/// The digits are those of the widened double (exact).
#[cfg(any(test, compact_value))]
pub fn shortest_f32(x: f32) -> (Vec<u8>, i64) {
    let w = f64::from(x);
    let candidate = |n: usize| {
        let (mut d, decpt) = significant(w, n);
        strip_zeros(&mut d);
        (d, decpt)
    };
    if x < f32::MIN_POSITIVE {
        // Subnormals have fewer bits: try every length.
        for n in 1..9 {
            let (d, decpt) = candidate(n);
            if reads_back_f32(&d, decpt, x) {
                return (d, decpt);
            }
        }
        return candidate(9);
    }
    // Any decimal of at most 6 significant digits survives a round trip
    // through a normal f32 (FLT_DIG), so distinct ones read back as distinct
    // floats: if the 6-digit rounding reads back it is the shortest string
    // padded with zeros. Their spacing is over 8 ulps, so no other 6-digit
    // string can read back when the nearest does not. Nine digits always
    // read back (FLT_DECIMAL_DIG).
    let (d, decpt) = candidate(6);
    if reads_back_f32(&d, decpt, x) {
        return (d, decpt);
    }
    for n in [7u32, 8] {
        let (d, decpt) = candidate(n as usize);
        if reads_back_f32(&d, decpt, x) {
            return (d, decpt);
        }
        // At a power of two the gap below x is half the gap above: the
        // nearest string may fall short below while the next one up, a
        // little farther, reads back.
        if x.to_bits() & 0x7f_ffff == 0 {
            let (d, decpt) = significant(w, n as usize);
            let t = core::str::from_utf8(&d)
                .ok()
                .and_then(|t| t.parse::<u64>().ok())
                .unwrap_or(0)
                + 1;
            let (d, decpt) = if t == 10u64.pow(n) {
                (alloc::vec![b'1'], decpt + 1)
            } else {
                u64_digits(t, decpt)
            };
            if reads_back_f32(&d, decpt, x) {
                return (d, decpt);
            }
        }
    }
    candidate(9)
}

#[cfg(test)]
#[path = "dtoa_f32_table.rs"]
mod dtoa_f32_table;

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::String;

    /// core's `{:.*e}` / `{:e}` as (digits, decpt).
    fn core_sci(s: String) -> (Vec<u8>, i64) {
        let (mant, exp) = s.split_once('e').unwrap();
        let mut d: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
        if d.len() > 1 {
            strip_zeros(&mut d);
        }
        (d, exp.parse::<i64>().unwrap() + 1)
    }

    fn core_fixed(x: f64, n: usize) -> (Vec<u8>, i64) {
        let s = format!("{:.*}", n, x);
        let (ip, fp) = s.split_once('.').unwrap_or((&s, ""));
        let mut d: Vec<u8> = ip.bytes().chain(fp.bytes()).collect();
        let lz = d.iter().take_while(|&&b| b == b'0').count();
        d.drain(..lz);
        while d.last() == Some(&b'0') {
            d.pop();
        }
        if d.is_empty() {
            (d, -(n as i64))
        } else {
            (d, ip.len() as i64 - lz as i64)
        }
    }

    fn check(x: f64) {
        for n in [1usize, 2, 3, 5, 10, 15, 16, 17, 20, 40] {
            let mut got = significant(x, n);
            strip_zeros(&mut got.0);
            assert_eq!(
                got,
                core_sci(format!("{:.*e}", n - 1, x)),
                "{:e} n={}",
                x,
                n
            );
        }
        for n in [0usize, 1, 2, 5, 10, 20, 330] {
            assert_eq!(fixed(x, n), core_fixed(x, n), "{:e} fixed {}", x, n);
        }
        let (d, decpt) = shortest(x);
        // Core's shortest may pick the other of two equally near strings.
        let (cd, cdecpt) = core_sci(format!("{:e}", x));
        assert_eq!(d.len(), cd.len(), "{:e} shortest", x);
        assert!(reads_back(&d, decpt, x));
        if d != cd {
            assert_eq!(decpt, cdecpt);
        }
    }

    #[test]
    fn against_core() {
        for x in [
            1.0,
            0.1,
            0.5,
            1.5,
            2.5,
            9.5,
            99.5,
            0.125,
            1e22,
            1e23,
            123456789.0,
            5e-324,
            1e-310,
            2.2250738585072014e-308,
            f64::MAX,
            648020182569107.25,
            0.3,
            2.0f64.powi(60),
            9.999999999999999e22,
        ] {
            check(x);
        }
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let x = f64::from_bits(seed >> 1);
            if x.is_finite() && x > 0.0 {
                check(x);
            }
            let y = (seed % 100_000) as f64 / 64.0;
            if y > 0.0 {
                check(y);
            }
        }
    }

    #[test]
    fn shortest_ties_to_even() {
        // dtoa (CPython) rounds the tie half-even; core picks the upper.
        assert_eq!(
            shortest(648020182569107.25),
            (b"6480201825691072".to_vec(), 15)
        );
        assert_eq!(shortest(5e-324), (b"5".to_vec(), -323));
        assert_eq!(shortest(0.1), (b"1".to_vec(), 0));
    }

    #[test]
    fn f32_against_table() {
        use super::dtoa_f32_table::{PARSE_F32, SHORTEST_F32};
        for &(b, digits, decpt) in SHORTEST_F32 {
            let x = f32::from_bits(b);
            assert_eq!(
                shortest_f32(x),
                (digits.as_bytes().to_vec(), decpt),
                "{:e} ({:#x})",
                x,
                b
            );
        }
        for &(s, b) in PARSE_F32 {
            let got = crate::strtod::parse_f32(s).map(f32::to_bits);
            assert_eq!(got, Some(b), "{:?}", s);
        }
        assert!(crate::strtod::parse_f32("nan").is_some_and(f32::is_nan));
        assert_eq!(crate::strtod::parse_f32("1e"), None);
    }

    #[test]
    fn f32_round_trips() {
        // Random bits: the shortest string reads back, and no string one
        // digit shorter does (its nearest rounding, or the one above).
        let mut seed: u32 = 0x9e37_79b9;
        for _ in 0..3000 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let x = f32::from_bits(seed >> 1);
            if !x.is_finite() || x == 0.0 {
                continue;
            }
            let (d, decpt) = shortest_f32(x);
            assert!(reads_back_f32(&d, decpt, x), "{:e}", x);
            assert!(d.len() <= 9);
            if d.len() > 1 {
                let (mut e, p) = significant(f64::from(x), d.len() - 1);
                strip_zeros(&mut e);
                assert!(!reads_back_f32(&e, p, x), "{:e}", x);
            }
        }
    }
}
