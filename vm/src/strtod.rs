//! Decimal text to `f64`, correctly rounded (half to even), with the grammar
//! of core's `f64::from_str`: `[+-]` then `inf`, `infinity` or `nan` (any
//! case), or digits with an optional `.` and fraction and an optional
//! exponent (`1`, `1.`, `.5`, `2.5e-3`). No underscores or spaces: callers
//! (`fmt::parse_float`, the lexer) remove or reject them first.
//!
//! Why not core's parser: its Eisel-Lemire path carries a 10 KB table of
//! powers of five and a big-decimal fallback, ~12 KB of flash on thumbv6m.
//! Here the common case (at most 15 significant digits and a power of ten
//! up to 1e22: nearly every literal and `float()` argument) is one exact
//! IEEE multiplication or division (Clinger's fast path); the rest goes
//! through the VM's big integers, whose conversion to float and true
//! division are already correctly rounded (subnormals and overflow
//! included).

use alloc::vec::Vec;

use crate::objects::BigInt;

/// `s` as a float, or None when it is not a float literal.
pub fn parse_f64(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, crate::substr::sub(s, 1..)),
        Some(b'+') => (false, crate::substr::sub(s, 1..)),
        _ => (false, s),
    };
    let v = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        parse_decimal(body.as_bytes())?
    };
    Some(if neg { -v } else { v })
}

/// Exponents are clamped far beyond any finite or nonzero result.
const EXP_CLAMP: i64 = 1 << 40;

/// The digits (no leading or trailing zeros; empty for zero) and power of
/// ten of a decimal literal without sign: value = digits * 10^exp10.
fn decimal(b: &[u8]) -> Option<(Vec<u8>, i64)> {
    let mut digits: Vec<u8> = Vec::new();
    let mut exp10: i64 = 0;
    let mut any = false;
    let mut i = 0;
    let take = |c: u8, digits: &mut Vec<u8>| {
        if !(digits.is_empty() && c == b'0') {
            digits.push(c);
        }
    };
    while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
        take(c, &mut digits);
        any = true;
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            take(c, &mut digits);
            any = true;
            exp10 -= 1;
            i += 1;
        }
    }
    if !any {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let eneg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            e = (e * 10 + i64::from(c - b'0')).min(EXP_CLAMP);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp10 += if eneg { -e } else { e };
    }
    if i != b.len() {
        return None;
    }
    while digits.last() == Some(&b'0') {
        digits.pop();
        exp10 += 1;
    }
    Some((digits, exp10))
}

fn parse_decimal(b: &[u8]) -> Option<f64> {
    let (digits, exp10) = decimal(b)?;
    if digits.is_empty() {
        return Some(0.0);
    }
    let n = digits.len() as i64;
    // 10^(n-1+exp10) <= value < 10^(n+exp10).
    if n - 1 + exp10 >= 309 {
        return Some(f64::INFINITY);
    }
    if n + exp10 <= -324 {
        // Below half the smallest subnormal (2.47e-324).
        return Some(0.0);
    }
    if n <= 15 && (-22..=22).contains(&exp10) {
        // Both operands exact (10^15 < 2^53, 10^22 < 2^53 * 2^22 with its
        // low bits zero): one correctly rounded IEEE operation.
        let m = digits
            .iter()
            .fold(0u64, |m, &c| m * 10 + u64::from(c - b'0')) as f64;
        let mut p = 1.0f64;
        for _ in 0..exp10.unsigned_abs() {
            p *= 10.0;
        }
        return Some(if exp10 >= 0 { m * p } else { m / p });
    }
    let text = core::str::from_utf8(&digits).ok()?;
    let d = BigInt::parse(text, 10)?;
    let ten = BigInt::from_u64(10);
    Some(if exp10 >= 0 {
        d.mul(&ten.pow(exp10 as u64))
            .to_f64()
            .unwrap_or(f64::INFINITY)
    } else {
        d.truediv(&ten.pow(exp10.unsigned_abs()))
            .unwrap_or(f64::INFINITY)
    })
}

/// The text of a float literal or `float()` argument as the VM stores
/// floats: `f32`'s nearest (widened, so storing it as f32 is exact) with
/// the compact `Value`, else `f64`'s.
pub fn parse_float_text(s: &str) -> Option<f64> {
    #[cfg(compact_value)]
    return parse_f32(s).map(f64::from);
    #[cfg(not(compact_value))]
    parse_f64(s)
}

/// `s` as an `f32`, correctly rounded (half to even), same grammar as
/// `parse_f64`.
///
/// Rounding the nearest double to f32 is wrong only when that double is
/// exactly halfway between two f32s (a decimal strictly between a halfway
/// point and the double would have a nearer double: the halfway point, as
/// an f32 has 24 bits and a double 53); then an exact comparison of the
/// decimal with the halfway point decides.
#[cfg(any(test, compact_value))]
pub fn parse_f32(s: &str) -> Option<f32> {
    let d = parse_f64(s)?;
    let a = d.abs();
    let f = a as f32;
    if !a.is_finite() || a == 0.0 || f64::from(f) == a {
        return Some(d as f32);
    }
    // lo < a < hi, neighbouring f32s (hi may be infinity).
    let lo = if f64::from(f) > a {
        f32::from_bits(f.to_bits() - 1)
    } else {
        f
    };
    let hi = f32::from_bits(lo.to_bits() + 1);
    // Half an ulp of lo: 2^-150 for subnormals, else 2^(exponent - 24).
    let be = i64::from(lo.to_bits() >> 23);
    let half_ulp = f64::from_bits(((be.max(1) - 151 + 1023) as u64) << 52);
    let mid = f64::from(lo) + half_ulp;
    if a != mid {
        return Some(d as f32);
    }
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (digits, exp10) = decimal(body.as_bytes())?;
    let text = core::str::from_utf8(&digits).ok()?;
    // digits * 10^exp10 against m * 2^e, both sides made integers.
    let (m, e) = crate::dtoa::parts(mid);
    let ten = BigInt::from_u64(10);
    let mut l = BigInt::parse(text, 10)?;
    let mut r = BigInt::from_u64(m);
    if exp10 >= 0 {
        l = l.mul(&ten.pow(exp10 as u64));
    } else {
        r = r.mul(&ten.pow(exp10.unsigned_abs()));
    }
    if e >= 0 {
        r = r.shl(e as u64);
    } else {
        l = l.shl(e.unsigned_abs());
    }
    let up = match l.cmp(&r) {
        core::cmp::Ordering::Greater => true,
        core::cmp::Ordering::Less => false,
        core::cmp::Ordering::Equal => lo.to_bits() & 1 == 1,
    };
    let v = if up { hi } else { lo };
    Some(if d < 0.0 { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::String;

    fn same(s: &str) {
        let want = s.parse::<f64>().ok();
        let got = parse_f64(s);
        let eq = match (want, got) {
            (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            (None, None) => true,
            _ => false,
        };
        assert!(eq, "{:?}: core {:?}, ours {:?}", s, want, got);
    }

    #[test]
    fn edge_cases() {
        for s in [
            "0",
            "-0",
            "+0.0",
            "1",
            "1.",
            ".5",
            "-.5",
            "1e5",
            "1E+5",
            "1e-5",
            "0.1",
            "3.14",
            "inf",
            "-Infinity",
            "NaN",
            "-nan",
            "infin",
            "",
            ".",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "1e5.5",
            "--1",
            "0x10",
            " 1",
            "1 ",
            "1_0",
            "00000.000001",
            "1e-400",
            "1e400",
            "1e309",
            "1e308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "179769313486231580793728971405301e276",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "9007199254740993",
            "9007199254740992.5",
            "123456789012345678901234567890",
            "0.1000000000000000055511151231257827021181583404541015625",
            "0.1000000000000000055511151231257827021181583404541015624",
            "0.1000000000000000055511151231257827021181583404541015626",
            "1e22",
            "1e23",
            "1e-22",
            "1e-23",
            "123456789012345e22",
            "8.98846567431158e307",
            "648020182569107.25",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "0e99999999999",
            "000000000000000000000000000000001e-5",
        ] {
            same(s);
        }
    }

    #[test]
    fn random_against_core() {
        let mut seed: u64 = 0x1234_5678_9abc_def1;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20000 {
            let nd = (next() % 25 + 1) as usize;
            let mut s = String::new();
            for k in 0..nd {
                s.push((b'0' + (next() % 10) as u8) as char);
                if k == 0 && next() % 3 == 0 {
                    s.push('.');
                }
            }
            let e = (next() % 700) as i64 - 350;
            s.push_str(&format!("e{}", e));
            same(&s);
            // The exact halfway point above a double, and its neighbours.
            let bits = next() >> 1;
            let x = f64::from_bits(bits);
            if x.is_finite() {
                same(&format!("{:e}", x));
                same(&format!("{:.20e}", x));
                let (m, e) = match (bits >> 52) as i64 {
                    0 => (bits & ((1 << 52) - 1), -1074i64),
                    be => ((bits & ((1 << 52) - 1)) | (1 << 52), be - 1075),
                };
                // (2m+1) * 2^(e-1) in decimal.
                let odd = BigInt::from_u64(2 * m + 1);
                let (digits, exp) = if e >= 1 {
                    (odd.shl((e - 1) as u64), 0)
                } else {
                    (odd.mul(&BigInt::from_u64(5).pow((1 - e) as u64)), e - 1)
                };
                let d = digits.to_str_radix(10);
                same(&format!("{}e{}", d, exp));
                same(&format!("{}1e{}", d, exp - 1));
                let last = d.len() - 1;
                if d.as_bytes()[last] > b'0' {
                    let lower = format!("{}{}", &d[..last], (d.as_bytes()[last] - 1) as char);
                    same(&format!("{}e{}", lower, exp));
                }
            }
        }
    }
}
