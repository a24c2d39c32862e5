//! Arbitrary-precision signed integers with Python `int` semantics.
//!
//! Representation: sign-magnitude. `mag` holds little-endian base-2^32 limbs,
//! `neg` is the sign. Invariants, restored by every constructor (`from_parts`):
//! * `mag` has no high zero limbs (its last element, if any, is non-zero);
//! * zero is `mag == []` with `neg == false` (there is no negative zero).
//!
//! Hence the derived `PartialEq`/`Eq` are value equality.
//!
//! Costs (n, m = limb counts): add/sub/shift/bitwise/compare O(n);
//! multiplication schoolbook O(n*m) below `KARATSUBA_THRESHOLD` limbs,
//! Karatsuba O(n^1.585) above (unbalanced operands are chunked);
//! division Knuth algorithm D O(n*m); `pow` square-and-multiply;
//! radix-10 formatting: repeated division by 10^9 for small values,
//! divide-and-conquer with cached powers (10^9)^(2^k) above `DC_THRESHOLD`
//! limbs; radix-10 parsing: 9-digit chunks, divide-and-conquer with Karatsuba
//! for long strings; power-of-two radices are linear.
//!
//! No function panics on any input: fallible operations return `Option` or
//! `Result`. `shl`/`pow` allocate their (possibly enormous) result; callers
//! wanting a size cap should use `checked_shl`/`checked_pow` (`MAX_LIMBS`).

use crate::at::At;
use alloc::{string::String, vec, vec::Vec};
use core::cmp::Ordering;

const KARATSUBA_THRESHOLD: usize = 32;
const DC_THRESHOLD: usize = 64;
const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
/// Size cap in limbs (2^28 limbs = 1 GiB, ~2.6e9 decimal digits) used by
/// `checked_shl` / `checked_pow`.
pub const MAX_LIMBS: usize = 1 << 28;

/// Arbitrary-precision integer; see the module docs for the invariants.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct BigInt {
    neg: bool,
    mag: Vec<u32>,
}

/// Error of [`BigInt::truediv`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DivError {
    /// Division by zero ("division by zero").
    ZeroDivision,
    /// "integer division result too large for a float".
    Overflow,
}

// ---------------------------------------------------------------------------
// Magnitude helpers (little-endian u32 slices)
// ---------------------------------------------------------------------------

fn trim(v: &mut Vec<u32>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

fn trimmed(v: &[u32]) -> &[u32] {
    let n = v.iter().rposition(|&x| x != 0).map_or(0, |p| p + 1);
    v.get(..n).unwrap_or(&[])
}

fn bitlen(a: &[u32]) -> u64 {
    match a.last() {
        Some(&t) => (a.len() as u64 - 1) * 32 + u64::from(32 - t.leading_zeros()),
        None => 0,
    }
}

fn bit(a: &[u32], i: u64) -> bool {
    usize::try_from(i / 32)
        .ok()
        .and_then(|li| a.get(li))
        .is_some_and(|&l| (l >> (i % 32)) & 1 == 1)
}

/// Value of a magnitude of at most 64 bits (higher limbs ignored).
fn mag_u64(a: &[u32]) -> u64 {
    let lo = u64::from(a.first().copied().unwrap_or(0));
    let hi = u64::from(a.get(1).copied().unwrap_or(0));
    (hi << 32) | lo
}

fn cmp_mag(a: &[u32], b: &[u32]) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

fn add_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u64;
    for (i, &x) in a.iter().enumerate() {
        let s = u64::from(x) + u64::from(b.get(i).copied().unwrap_or(0)) + carry;
        out.push(s as u32);
        carry = s >> 32;
    }
    if carry != 0 {
        out.push(carry as u32);
    }
    out
}

/// a - b, requires a >= b.
fn sub_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for (i, &x) in a.iter().enumerate() {
        let d = i64::from(x) - i64::from(b.get(i).copied().unwrap_or(0)) - borrow;
        out.push(d as u32);
        borrow = i64::from(d < 0);
    }
    trim(&mut out);
    out
}

/// acc += x (carries past the end of `acc` are dropped; callers size `acc`).
fn add_into(acc: &mut [u32], x: &[u32]) {
    let mut carry = 0u64;
    for (i, a) in acc.iter_mut().enumerate() {
        let b = match x.get(i) {
            Some(&b) => b,
            None if carry == 0 => break,
            None => 0,
        };
        let s = u64::from(*a) + u64::from(b) + carry;
        *a = s as u32;
        carry = s >> 32;
    }
}

/// acc -= x, requires acc >= x.
fn sub_into(acc: &mut [u32], x: &[u32]) {
    let mut borrow = 0i64;
    for (i, a) in acc.iter_mut().enumerate() {
        let b = match x.get(i) {
            Some(&b) => b,
            None if borrow == 0 => break,
            None => 0,
        };
        let d = i64::from(*a) - i64::from(b) - borrow;
        *a = d as u32;
        borrow = i64::from(d < 0);
    }
}

/// out += a * b (schoolbook).
fn mul_school(out: &mut [u32], a: &[u32], b: &[u32]) {
    for (i, &bi) in b.iter().enumerate() {
        if bi == 0 {
            continue;
        }
        let Some(row) = out.get_mut(i..) else { return };
        let mut it = row.iter_mut();
        let mut carry = 0u64;
        for (&aj, o) in a.iter().zip(&mut it) {
            let t = u64::from(aj) * u64::from(bi) + u64::from(*o) + carry;
            *o = t as u32;
            carry = t >> 32;
        }
        for o in it {
            if carry == 0 {
                break;
            }
            let t = u64::from(*o) + carry;
            *o = t as u32;
            carry = t >> 32;
        }
    }
}

/// out += a * b; `out` must have room for the full product.
fn mul_into(out: &mut [u32], a: &[u32], b: &[u32]) {
    let (a, b) = (trimmed(a), trimmed(b));
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if b.is_empty() {
        return;
    }
    if b.len() < KARATSUBA_THRESHOLD {
        mul_school(out, a, b);
        return;
    }
    if a.len() >= 2 * b.len() {
        for (k, chunk) in a.chunks(b.len()).enumerate() {
            if let Some(dst) = out.get_mut(k * b.len()..) {
                mul_into(dst, chunk, b);
            }
        }
        return;
    }
    // Karatsuba: b.len() > a.len() / 2 >= m, so both high halves are non-empty.
    let m = a.len() / 2;
    let (a0, a1) = (a.span(0, m), a.tail(m));
    let (b0, b1) = (b.span(0, m), b.tail(m));
    let mut z0 = vec![0u32; 2 * m];
    mul_into(&mut z0, a0, b0);
    let mut z2 = vec![0u32; a1.len() + b1.len()];
    mul_into(&mut z2, a1, b1);
    let (sa, sb) = (add_mag(a0, a1), add_mag(b0, b1));
    let mut z1 = vec![0u32; sa.len() + sb.len()];
    mul_into(&mut z1, &sa, &sb);
    sub_into(&mut z1, &z0);
    sub_into(&mut z1, &z2);
    add_into(out, trimmed(&z0));
    if let Some(dst) = out.get_mut(m..) {
        add_into(dst, trimmed(&z1));
    }
    if let Some(dst) = out.get_mut(2 * m..) {
        add_into(dst, trimmed(&z2));
    }
}

fn mul_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut out = vec![0u32; a.len() + b.len()];
    mul_into(&mut out, a, b);
    trim(&mut out);
    out
}

/// v = v * m + add.
fn mul_small_add(v: &mut Vec<u32>, m: u32, add: u32) {
    let mut carry = u64::from(add);
    for x in v.iter_mut() {
        let t = u64::from(*x) * u64::from(m) + carry;
        *x = t as u32;
        carry = t >> 32;
    }
    if carry != 0 {
        v.push(carry as u32);
    }
}

/// v /= d in place, returns the remainder (d == 0 is treated as 1). Always
/// inlined so that a constant divisor (10^9) becomes a multiplication.
#[inline(always)]
fn div_small_inplace(v: &mut Vec<u32>, d: u32) -> u32 {
    let d = u64::from(d.max(1));
    let mut r = 0u64;
    for x in v.iter_mut().rev() {
        let cur = (r << 32) | u64::from(*x);
        *x = (cur / d) as u32;
        r = cur % d;
    }
    trim(v);
    r as u32
}

/// a << s for s < 32; result has exactly a.len() + 1 limbs.
fn shl_bits(a: &[u32], s: u32) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u32;
    for &x in a {
        if s == 0 {
            out.push(x);
        } else {
            out.push((x << s) | carry);
            carry = x >> (32 - s);
        }
    }
    out.push(carry);
    out
}

/// a >> s for s < 32, trimmed.
fn shr_bits(a: &[u32], s: u32) -> Vec<u32> {
    let mut out: Vec<u32> = if s == 0 {
        a.to_vec()
    } else {
        a.iter()
            .enumerate()
            .map(|(i, &x)| (x >> s) | a.get(i + 1).map_or(0, |&h| h << (32 - s)))
            .collect()
    };
    trim(&mut out);
    out
}

/// Knuth algorithm D. Returns (quotient, remainder), None if v is zero.
fn divrem_mag(u: &[u32], v: &[u32]) -> Option<(Vec<u32>, Vec<u32>)> {
    let (u, v) = (trimmed(u), trimmed(v));
    let &vtop = v.last()?;
    if cmp_mag(u, v) == Ordering::Less {
        return Some((Vec::new(), u.to_vec()));
    }
    if v.len() == 1 {
        let mut q = u.to_vec();
        let r = div_small_inplace(&mut q, vtop);
        return Some((q, if r == 0 { Vec::new() } else { vec![r] }));
    }
    let s = vtop.leading_zeros();
    let mut vn = shl_bits(v, s);
    vn.pop(); // top limb had room, the carry limb is zero
    let mut un = shl_bits(u, s);
    let n = v.len();
    let m = u.len() - n;
    let mut q = vec![0u32; m + 1];
    // Normalised: its top bit is set (`max` spares a division-by-zero panic).
    let vt = u64::from(*vn.get(n - 1)?).max(1);
    let vs = u64::from(*vn.get(n - 2)?);
    const B: u64 = 1 << 32;
    for j in (0..=m).rev() {
        let win = un.get_mut(j..=j + n)?;
        let num = (u64::from(*win.at(n)) << 32) | u64::from(*win.at(n - 1));
        let (mut qhat, mut rhat) = (num / vt, num % vt);
        while qhat >= B || qhat * vs > ((rhat << 32) | u64::from(*win.at(n - 2))) {
            qhat -= 1;
            rhat += vt;
            if rhat >= B {
                break;
            }
        }
        let mut k: i64 = 0;
        for (w, &d) in win.iter_mut().zip(&vn) {
            let p = qhat * u64::from(d);
            let t = i64::from(*w) - k - (p & 0xFFFF_FFFF) as i64;
            *w = t as u32;
            k = (p >> 32) as i64 - (t >> 32);
        }
        let t = i64::from(win[n]) - k;
        win[n] = t as u32;
        if t < 0 {
            qhat -= 1;
            let mut c = 0u64;
            for (w, &d) in win.iter_mut().zip(&vn) {
                let s = u64::from(*w) + u64::from(d) + c;
                *w = s as u32;
                c = s >> 32;
            }
            win[n] = win[n].wrapping_add(c as u32);
        }
        if let Some(qj) = q.get_mut(j) {
            *qj = qhat as u32;
        }
    }
    trim(&mut q);
    let r = shr_bits(un.get(..n)?, s);
    Some((q, r))
}

/// Two's complement negation in place (over the given width).
fn negate_twos(v: &mut [u32]) {
    let mut carry = 1u64;
    for x in v.iter_mut() {
        let s = u64::from(!*x) + carry;
        *x = s as u32;
        carry = s >> 32;
    }
}

/// Two's complement negation of a little-endian byte string in place.
fn negate_bytes(v: &mut [u8]) {
    let mut carry = 1u16;
    for x in v.iter_mut() {
        let s = u16::from(!*x) + carry;
        *x = s as u8;
        carry = s >> 8;
    }
}

/// Whether any of the low `n` bits of the magnitude is set.
fn low_bits_nonzero(a: &[u32], n: u64) -> bool {
    let li = usize::try_from(n / 32).unwrap_or(usize::MAX);
    a.iter().take(li).any(|&x| x != 0)
        || a.get(li)
            .is_some_and(|&x| x & ((1u32 << (n % 32)) - 1) != 0)
}

/// Digits of radix per u32 chunk, and radix^digits.
fn chunk_info(radix: u32) -> (usize, u32) {
    let (mut per, mut base) = (1usize, radix);
    while let Some(b) = base.checked_mul(radix) {
        base = b;
        per += 1;
    }
    (per, base)
}

/// Appends the digits of `x` (any radix, not power-of-two optimised) to `out`,
/// left-padded with zeros to `width` digits.
fn write_base(x: &[u32], radix: u32, width: usize, out: &mut Vec<u8>) {
    // Never 0 (callers pass 2..=36): spares a division-by-zero panic.
    let radix = radix.max(2);
    let (per, base) = chunk_info(radix);
    let mut v = trimmed(x).to_vec();
    let mut chunks = Vec::new();
    while !v.is_empty() {
        chunks.push(if radix == 10 {
            div_small_inplace(&mut v, 1_000_000_000)
        } else {
            div_small_inplace(&mut v, base)
        });
    }
    let mut digits: Vec<u8> = Vec::with_capacity(chunks.len() * per);
    for (i, &c) in chunks.iter().enumerate().rev() {
        let (top, start, mut c) = (i + 1 == chunks.len(), digits.len(), c);
        while (top && c > 0) || (!top && digits.len() - start < per) {
            digits.push(DIGITS.get((c % radix) as usize).copied().unwrap_or(b'?'));
            c /= radix;
        }
        if let Some(new) = digits.get_mut(start..) {
            new.reverse();
        }
    }
    out.extend(core::iter::repeat_n(
        b'0',
        width.saturating_sub(digits.len()),
    ));
    out.extend_from_slice(&digits);
}

/// Divide-and-conquer decimal conversion; pows[k] = 10^(9 * 2^k).
fn write_dec(x: &[u32], pows: &[Vec<u32>], width: usize, out: &mut Vec<u8>) {
    let x = trimmed(x);
    let k = pows.iter().rposition(|p| p.len() * 2 <= x.len() + 1);
    if let (true, Some(k)) = (x.len() > DC_THRESHOLD, k) {
        if let Some((q, r)) = pows.get(k).and_then(|p| divrem_mag(x, p)) {
            let lw = 9usize << k;
            write_dec(&q, pows, width.saturating_sub(lw), out);
            write_dec(&r, pows, lw, out);
            return;
        }
    }
    write_base(x, 10, width, out);
}

/// Parses validated digit values in chunks (any radix).
fn parse_chunked(d: &[u8], radix: u32) -> Vec<u32> {
    let per = chunk_info(radix).0.max(1);
    let mut v = Vec::new();
    let cut = d.len() % per;
    let (head, rest) = (d.span(0, cut), d.tail(cut));
    for c in core::iter::once(head).chain(rest.chunks(per)) {
        // radix^len <= radix^per fits in u32 by construction of `per`
        let val = c.iter().fold(0u32, |a, &x| {
            a.wrapping_mul(radix).wrapping_add(u32::from(x))
        });
        mul_small_add(&mut v, radix.pow(c.len() as u32), val);
    }
    trim(&mut v);
    v
}

/// Divide-and-conquer decimal parsing; pows[k] = 10^(9 * 2^k).
fn parse_dec(d: &[u8], pows: &[Vec<u32>]) -> Vec<u32> {
    if d.len() <= 9 * DC_THRESHOLD {
        return parse_chunked(d, 10);
    }
    let Some(k) = pows
        .iter()
        .enumerate()
        .rposition(|(k, _)| (9usize << k) < d.len())
    else {
        return parse_chunked(d, 10);
    };
    let cut = d.len() - (9usize << k);
    let (hi, lo) = (d.span(0, cut), d.tail(cut));
    let h = parse_dec(hi, pows);
    let mut r = mul_mag(&h, pows.get(k).map_or(&[][..], |p| p));
    let l = parse_dec(lo, pows);
    r.resize(r.len().max(l.len()) + 1, 0);
    add_into(&mut r, &l);
    trim(&mut r);
    r
}

/// pows[k] = 10^(9 * 2^k) while `keep(k, &pows[k])`.
fn dec_pows(keep: impl Fn(usize, &[u32]) -> bool) -> Vec<Vec<u32>> {
    let mut pows = vec![vec![1_000_000_000u32]];
    while let Some(last) = pows.last() {
        let next = mul_mag(last, last);
        if !keep(pows.len(), &next) {
            break;
        }
        pows.push(next);
    }
    pows
}

/// x * 2^e with a single rounding (x is a normal double with <= 60 bits).
fn ldexp(x: f64, e: i64) -> f64 {
    let pow2 = |k: i64| f64::from_bits(((k.clamp(-1022, 1023) + 1023) as u64) << 52);
    if e < -1022 {
        x * pow2(e + 60) * pow2(-60)
    } else if e > 1023 {
        x * pow2(1023) * pow2(e - 1023)
    } else {
        x * pow2(e)
    }
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

#[allow(clippy::should_implement_trait)]
impl BigInt {
    fn from_parts(neg: bool, mut mag: Vec<u32>) -> Self {
        trim(&mut mag);
        let neg = neg && !mag.is_empty();
        BigInt { neg, mag }
    }

    fn one() -> Self {
        Self::from_parts(false, vec![1])
    }

    pub fn zero() -> Self {
        Self::default()
    }

    pub fn from_u64(v: u64) -> Self {
        Self::from_parts(false, vec![v as u32, (v >> 32) as u32])
    }

    pub fn from_i64(v: i64) -> Self {
        let mut r = Self::from_u64(v.unsigned_abs());
        r.neg = v < 0;
        r
    }

    pub fn from_i128(v: i128) -> Self {
        let u = v.unsigned_abs();
        let mag = (0..4).map(|i| (u >> (32 * i)) as u32).collect();
        Self::from_parts(v < 0, mag)
    }

    pub fn to_u64(&self) -> Option<u64> {
        (!self.neg && self.mag.len() <= 2).then(|| mag_u64(&self.mag))
    }

    pub fn to_i64(&self) -> Option<i64> {
        if self.mag.len() > 2 {
            return None;
        }
        let v = i128::from(mag_u64(&self.mag));
        i64::try_from(if self.neg { -v } else { v }).ok()
    }

    /// Truncates toward zero; None for NaN or infinities.
    pub fn from_f64(x: f64) -> Option<Self> {
        if !x.is_finite() {
            return None;
        }
        let bits = x.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        if exp == 0 {
            return Some(Self::zero()); // zero or subnormal: |x| < 1
        }
        let m = (bits & ((1 << 52) - 1)) | (1 << 52);
        let e = exp - 1075; // x = m * 2^e
        let r = if e >= 0 {
            Self::from_u64(m).shl(e as u64)
        } else if e > -64 {
            Self::from_u64(m >> (-e))
        } else {
            Self::zero()
        };
        Some(if x < 0.0 { r.neg() } else { r })
    }

    /// Correctly rounded (half-even); None if the result would be infinite.
    pub fn to_f64(&self) -> Option<f64> {
        let l = bitlen(&self.mag);
        if l > 1024 {
            return None;
        }
        // Top 64 bits plus a sticky bit: 64 > 53 + 2, so `as f64` rounds once, correctly.
        let shift = l.saturating_sub(64);
        let top = mag_u64(&self.shr_mag(shift)) | u64::from(low_bits_nonzero(&self.mag, shift));
        let v = ldexp(top as f64, shift as i64);
        if v.is_infinite() {
            return None;
        }
        Some(if self.neg { -v } else { v })
    }

    /// Parses ASCII digits (either letter case) with an optional sign.
    pub fn parse(digits: &str, radix: u32) -> Option<Self> {
        if !(2..=36).contains(&radix) {
            return None;
        }
        let b = digits.as_bytes();
        let (neg, d) = match b.split_first() {
            Some((b'-', rest)) => (true, rest),
            Some((b'+', rest)) => (false, rest),
            _ => (false, b),
        };
        if d.is_empty() {
            return None;
        }
        let vals = d
            .iter()
            .map(|&c| char::from(c).to_digit(radix).map(|x| x as u8))
            .collect::<Option<Vec<u8>>>()?;
        let mag = if radix.is_power_of_two() {
            let k = radix.trailing_zeros();
            let mut mag = vec![0u32; (vals.len() * k as usize).div_ceil(32) + 1];
            for (i, &x) in vals.iter().rev().enumerate() {
                let off = i * k as usize;
                let (li, bi) = (off / 32, (off % 32) as u32);
                let w = u64::from(x) << bi;
                if let Some(l) = mag.get_mut(li) {
                    *l |= w as u32;
                }
                if let Some(l) = mag.get_mut(li + 1) {
                    *l |= (w >> 32) as u32;
                }
            }
            mag
        } else if radix == 10 && vals.len() > 9 * DC_THRESHOLD {
            let pows = dec_pows(|k, _| (9usize << k) < vals.len());
            parse_dec(&vals, &pows)
        } else {
            parse_chunked(&vals, radix)
        };
        Some(Self::from_parts(neg, mag))
    }

    /// Lowercase digits, leading '-' if negative, no prefix. An invalid
    /// radix (outside 2..=36) is treated as 10.
    pub fn to_str_radix(&self, radix: u32) -> String {
        let radix = if (2..=36).contains(&radix) { radix } else { 10 };
        let mut out: Vec<u8> = Vec::new();
        if self.neg {
            out.push(b'-');
        }
        if self.mag.is_empty() {
            out.push(b'0');
        } else if radix.is_power_of_two() {
            let k = u64::from(radix.trailing_zeros()).max(1);
            let nd = bitlen(&self.mag).div_ceil(k);
            for i in (0..nd).rev() {
                let off = i * k;
                let li = (off / 32) as usize;
                let lo = u64::from(self.mag.get(li).copied().unwrap_or(0));
                let hi = u64::from(self.mag.get(li + 1).copied().unwrap_or(0));
                let d = (((hi << 32) | lo) >> (off % 32)) & ((1 << k) - 1);
                out.push(DIGITS.get(d as usize).copied().unwrap_or(b'?'));
            }
        } else if radix == 10 && self.mag.len() > DC_THRESHOLD {
            let n = self.mag.len();
            let pows = dec_pows(|_, p| p.len() * 2 <= n + 1);
            write_dec(&self.mag, &pows, 0, &mut out);
        } else {
            write_base(&self.mag, radix, 0, &mut out);
        }
        out.into_iter().map(char::from).collect()
    }

    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }

    pub fn is_negative(&self) -> bool {
        self.neg
    }

    pub fn neg(&self) -> Self {
        Self::from_parts(!self.neg, self.mag.clone())
    }

    pub fn abs(&self) -> Self {
        Self::from_parts(false, self.mag.clone())
    }

    fn add_signed(an: bool, a: &[u32], bn: bool, b: &[u32]) -> Self {
        if an == bn {
            return Self::from_parts(an, add_mag(a, b));
        }
        match cmp_mag(a, b) {
            Ordering::Equal => Self::zero(),
            Ordering::Greater => Self::from_parts(an, sub_mag(a, b)),
            Ordering::Less => Self::from_parts(bn, sub_mag(b, a)),
        }
    }

    pub fn add(&self, o: &Self) -> Self {
        Self::add_signed(self.neg, &self.mag, o.neg, &o.mag)
    }

    pub fn sub(&self, o: &Self) -> Self {
        Self::add_signed(self.neg, &self.mag, !o.neg, &o.mag)
    }

    pub fn mul(&self, o: &Self) -> Self {
        Self::from_parts(self.neg != o.neg, mul_mag(&self.mag, &o.mag))
    }

    /// Python `divmod`: floored quotient, remainder with the divisor's sign.
    pub fn divmod_floor(&self, o: &Self) -> Option<(Self, Self)> {
        let (q, r) = divrem_mag(&self.mag, &o.mag)?;
        if self.neg != o.neg && !r.is_empty() {
            let q = add_mag(&q, &[1]);
            let r = sub_mag(&o.mag, &r);
            Some((Self::from_parts(true, q), Self::from_parts(o.neg, r)))
        } else {
            Some((
                Self::from_parts(self.neg != o.neg, q),
                Self::from_parts(self.neg, r),
            ))
        }
    }

    /// Python's `int / int`, correctly rounded (same algorithm as CPython).
    pub fn truediv(&self, o: &Self) -> Result<f64, DivError> {
        const MANT: i64 = 53;
        const MIN_EXP: i64 = -1021;
        const MAX_EXP: i64 = 1024;
        if o.is_zero() {
            return Err(DivError::ZeroDivision);
        }
        let sign = |x: f64| if self.neg != o.neg { -x } else { x };
        let (a, b) = (&self.mag, &o.mag);
        let (abits, bbits) = (bitlen(a) as i64, bitlen(b) as i64);
        if abits <= MANT && bbits <= MANT {
            return Ok(sign(mag_u64(a) as f64 / mag_u64(b) as f64));
        }
        let diff = abits - bbits;
        if a.is_empty() || diff < MIN_EXP - MANT - 1 {
            return Ok(sign(0.0));
        }
        if diff > MAX_EXP {
            return Err(DivError::Overflow);
        }
        let shift = diff.max(MIN_EXP) - MANT - 2;
        let mut inexact = false;
        let x = if shift <= 0 {
            Self::from_parts(false, a.clone()).shl((-shift) as u64).mag
        } else {
            inexact = low_bits_nonzero(a, shift as u64);
            self.shr_mag(shift as u64)
        };
        let (q, r) = divrem_mag(&x, b).ok_or(DivError::ZeroDivision)?;
        inexact |= !r.is_empty();
        let qbits = bitlen(&q) as i64;
        let extra = (qbits.max(MIN_EXP - shift) - MANT).clamp(1, 62);
        let mask = 1u64 << (extra - 1);
        let mut low = mag_u64(&q) | u64::from(inexact);
        if low & mask != 0 && low & (3 * mask - 1) != 0 {
            low += mask;
        }
        let qv = low & !(2 * mask - 1);
        let dx = qv as f64;
        if shift + qbits >= MAX_EXP
            && (shift + qbits > MAX_EXP || qbits >= 64 || qv == 1u64 << qbits)
        {
            return Err(DivError::Overflow);
        }
        Ok(sign(ldexp(dx, shift)))
    }

    /// Square-and-multiply. See `checked_pow` for a size-capped variant.
    pub fn pow(&self, exp: u64) -> Self {
        let mut result = Self::one();
        let mut base = self.clone();
        let mut e = exp;
        while e > 0 {
            if e & 1 == 1 {
                result = result.mul(&base);
            }
            e >>= 1;
            if e > 0 {
                base = base.mul(&base);
            }
        }
        result
    }

    /// `pow`, or None if the result would exceed `MAX_LIMBS` limbs.
    pub fn checked_pow(&self, exp: u64) -> Option<Self> {
        let bits = u128::from(bitlen(&self.mag).saturating_sub(1)) * u128::from(exp);
        (bits < 32 * MAX_LIMBS as u128).then(|| self.pow(exp))
    }

    /// Python's `pow(self, exp, m)`: None if m is zero, or if exp is negative
    /// and self has no inverse modulo m. The result has the sign of m.
    pub fn modpow(&self, exp: &Self, m: &Self) -> Option<Self> {
        let mm = m.abs();
        let mut base = self.divmod_floor(&mm)?.1;
        if exp.neg {
            base = base.modinv(&mm)?;
        }
        let mut result = Self::one().divmod_floor(&mm)?.1;
        for i in (0..bitlen(&exp.mag)).rev() {
            result = result.mul(&result).divmod_floor(&mm)?.1;
            if bit(&exp.mag, i) {
                result = result.mul(&base).divmod_floor(&mm)?.1;
            }
        }
        if m.neg && !result.is_zero() {
            result = result.sub(&mm);
        }
        Some(result)
    }

    /// Inverse of self (0 <= self < m) modulo m > 0 by extended Euclid.
    fn modinv(&self, m: &Self) -> Option<Self> {
        let (mut r0, mut r1) = (m.clone(), self.clone());
        let (mut t0, mut t1) = (Self::zero(), Self::one());
        while !r1.is_zero() {
            let (q, r) = r0.divmod_floor(&r1)?;
            r0 = core::mem::replace(&mut r1, r);
            let t2 = t0.sub(&q.mul(&t1));
            t0 = core::mem::replace(&mut t1, t2);
        }
        if r0 != Self::one() {
            return None;
        }
        Some(t0.divmod_floor(m)?.1)
    }

    pub fn cmp(&self, o: &Self) -> Ordering {
        match (self.neg, o.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => cmp_mag(&self.mag, &o.mag),
            (true, true) => cmp_mag(&o.mag, &self.mag),
        }
    }

    /// self * 2^n. See `checked_shl` for a size-capped variant.
    pub fn shl(&self, n: u64) -> Self {
        if self.is_zero() {
            return Self::zero();
        }
        let li = usize::try_from(n / 32).unwrap_or(usize::MAX / 8);
        let mut v = vec![0u32; li];
        v.extend(shl_bits(&self.mag, (n % 32) as u32));
        Self::from_parts(self.neg, v)
    }

    /// `shl`, or None if the result would exceed `MAX_LIMBS` limbs.
    pub fn checked_shl(&self, n: u64) -> Option<Self> {
        let bits = u128::from(bitlen(&self.mag)) + u128::from(n);
        (self.is_zero() || bits <= 32 * MAX_LIMBS as u128).then(|| self.shl(n))
    }

    /// |self| >> n (magnitude only, truncating).
    fn shr_mag(&self, n: u64) -> Vec<u32> {
        match usize::try_from(n / 32)
            .ok()
            .and_then(|li| self.mag.get(li..))
        {
            Some(rest) => shr_bits(rest, (n % 32) as u32),
            None => Vec::new(),
        }
    }

    /// Arithmetic shift, flooring like Python (-5 >> 1 == -3).
    pub fn shr(&self, n: u64) -> Self {
        let mut r = self.shr_mag(n);
        if self.neg && low_bits_nonzero(&self.mag, n) {
            r = add_mag(&r, &[1]);
        }
        Self::from_parts(self.neg, r)
    }

    fn twos(&self, n: usize) -> Vec<u32> {
        let mut v = self.mag.clone();
        v.resize(n, 0);
        if self.neg {
            negate_twos(&mut v);
        }
        v
    }

    fn bitop(&self, o: &Self, f: impl Fn(u32, u32) -> u32) -> Self {
        let n = self.mag.len().max(o.mag.len()) + 1;
        let (a, b) = (self.twos(n), o.twos(n));
        let mut v: Vec<u32> = a.iter().zip(&b).map(|(&x, &y)| f(x, y)).collect();
        let neg = v.last().is_some_and(|&t| t >> 31 == 1);
        if neg {
            negate_twos(&mut v);
        }
        Self::from_parts(neg, v)
    }

    pub fn and(&self, o: &Self) -> Self {
        self.bitop(o, |x, y| x & y)
    }

    pub fn or(&self, o: &Self) -> Self {
        self.bitop(o, |x, y| x | y)
    }

    pub fn xor(&self, o: &Self) -> Self {
        self.bitop(o, |x, y| x ^ y)
    }

    /// ~x == -x - 1.
    pub fn not(&self) -> Self {
        self.add(&Self::one()).neg()
    }

    /// Bit length of |self| (0 for zero).
    pub fn bit_length(&self) -> u64 {
        bitlen(&self.mag)
    }

    /// Python's `int.to_bytes`; None if it does not fit in `len` bytes, is
    /// negative with `signed == false`, or `len` exceeds `4 * MAX_LIMBS`.
    pub fn to_bytes(&self, len: usize, little: bool, signed: bool) -> Option<Vec<u8>> {
        if self.neg && !signed {
            return None;
        }
        let need = if self.is_zero() || !signed {
            bitlen(&self.mag)
        } else if !self.neg {
            bitlen(&self.mag) + 1
        } else {
            bitlen(&sub_mag(&self.mag, &[1])) + 1
        };
        if u128::from(need) > len as u128 * 8 || len > 4 * MAX_LIMBS {
            return None;
        }
        let mut out: Vec<u8> = (0..len)
            .map(|i| (self.mag.get(i / 4).copied().unwrap_or(0) >> (8 * (i % 4))) as u8)
            .collect();
        if self.neg {
            negate_bytes(&mut out);
        }
        if !little {
            out.reverse();
        }
        Some(out)
    }

    /// Python's `int.from_bytes`.
    pub fn from_bytes(b: &[u8], little: bool, signed: bool) -> Self {
        let mut le = b.to_vec();
        if !little {
            le.reverse();
        }
        let neg = signed && le.last().is_some_and(|&t| t & 0x80 != 0);
        if neg {
            negate_bytes(&mut le);
        }
        let mag = le
            .chunks(4)
            .map(|c| c.iter().rev().fold(0u32, |a, &x| (a << 8) | u32::from(x)))
            .collect();
        Self::from_parts(neg, mag)
    }

    /// CPython's `hash(int)` on 64-bit platforms.
    pub fn py_hash(&self) -> i64 {
        const P: u64 = (1 << 61) - 1;
        // Horner's rule mod the Mersenne prime P: multiplying by 2**32 is a
        // 61-bit rotation (CPython's method; no 128-bit division).
        let acc = self.mag.iter().rev().fold(0u64, |acc, &l| {
            let acc = ((acc << 32) & P) | (acc >> (61 - 32));
            let acc = acc + u64::from(l);
            if acc >= P {
                acc - P
            } else {
                acc
            }
        });
        let h = if self.neg { -(acc as i64) } else { acc as i64 };
        if h == -1 {
            -2
        } else {
            h
        }
    }

    /// Number of u32 limbs in the magnitude.
    pub fn limbs(&self) -> usize {
        self.mag.len()
    }

    /// Non-negative greatest common divisor (gcd(0, 0) == 0).
    pub fn gcd(&self, o: &Self) -> Self {
        let (mut a, mut b) = (self.mag.clone(), o.mag.clone());
        while !b.is_empty() {
            let r = divrem_mag(&a, &b).map_or_else(Vec::new, |(_, r)| r);
            a = core::mem::replace(&mut b, r);
        }
        Self::from_parts(false, a)
    }

    /// Floor square root; None for negative values.
    pub fn isqrt(&self) -> Option<Self> {
        if self.neg {
            return None;
        }
        if self.is_zero() {
            return Some(Self::zero());
        }
        let mut x = Self::one().shl(bitlen(&self.mag).div_ceil(2));
        loop {
            let y = x.add(&self.divmod_floor(&x)?.0).shr(1);
            if y.cmp(&x) != Ordering::Less {
                return Some(x);
            }
            x = y;
        }
    }
}

impl PartialOrd for BigInt {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(Ord::cmp(self, o))
    }
}

impl Ord for BigInt {
    fn cmp(&self, o: &Self) -> Ordering {
        BigInt::cmp(self, o)
    }
}

impl core::fmt::Display for BigInt {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.to_str_radix(10))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::{format, string::ToString};
    use num_bigint::{BigInt as NB, Sign};
    use num_integer::Integer;
    use num_traits::{Signed, ToPrimitive};

    fn b(s: &str) -> BigInt {
        BigInt::parse(s, 10).expect("valid literal")
    }
    fn i(v: i64) -> BigInt {
        BigInt::from_i64(v)
    }
    fn to_nb(x: &BigInt) -> NB {
        NB::from_slice(if x.neg { Sign::Minus } else { Sign::Plus }, &x.mag)
    }
    fn check_norm(x: &BigInt) {
        assert!(x.mag.last() != Some(&0), "unnormalized {x:?}");
        assert!(!(x.neg && x.mag.is_empty()), "negative zero");
    }
    /// Checks the invariants, then converts to the oracle type.
    fn nn(x: BigInt) -> NB {
        check_norm(&x);
        to_nb(&x)
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n.max(1)
        }
        fn big(&mut self, max_limbs: u64) -> BigInt {
            let n = self.below(max_limbs + 1) as usize;
            let style = self.below(4);
            const SPECIAL: [u32; 6] = [0, 1, 0xFFFF_FFFF, 0x8000_0000, 0x7FFF_FFFF, 0xFFFF_FFFE];
            let mag = (0..n)
                .map(|_| match style {
                    0 => SPECIAL[self.below(6) as usize],
                    1 => (self.next() as u32) | if self.below(2) == 0 { 0xFFFF_0000 } else { 0 },
                    _ => self.next() as u32,
                })
                .collect();
            BigInt::from_parts(self.below(2) == 0, mag)
        }
    }

    #[test]
    fn constructors_and_conversions() {
        assert!(BigInt::zero().is_zero() && !BigInt::zero().is_negative());
        assert_eq!(BigInt::from_i64(0), BigInt::zero());
        let vals = [
            0i64,
            1,
            -1,
            i64::MAX,
            i64::MIN,
            1 << 32,
            -(1 << 32),
            4294967295,
        ];
        for v in vals {
            assert_eq!(i(v).to_i64(), Some(v));
            assert_eq!(i(v).to_str_radix(10), v.to_string());
            check_norm(&i(v));
        }
        assert_eq!(i(i64::MIN).to_str_radix(16), "-8000000000000000");
        assert_eq!(i(i64::MIN).sub(&i(1)).to_i64(), None);
        assert_eq!(i(i64::MAX).add(&i(1)).to_i64(), None);
        assert_eq!(BigInt::from_u64(u64::MAX).to_u64(), Some(u64::MAX));
        assert_eq!(BigInt::from_u64(u64::MAX).to_i64(), None);
        assert_eq!(i(-1).to_u64(), None);
        assert_eq!(BigInt::from_u64(u64::MAX).add(&i(1)).to_u64(), None);
        for v in [0i128, -1, i128::MIN, i128::MAX, 1 << 64] {
            assert_eq!(BigInt::from_i128(v).to_str_radix(10), v.to_string());
        }
        assert_eq!(BigInt::from_u64(5).limbs(), 1);
        assert_eq!(BigInt::zero().limbs(), 0);
        assert_eq!(format!("{}", i(-42)), "-42");
        assert!(i(-3) < i(2) && i(-3) < i(-2) && b("100000000000000000000") > i(i64::MAX));
    }

    #[test]
    fn parse_and_format() {
        for bad in [
            "", "-", "+", "1_000", "0x10", " 1", "1 ", "--1", "+-1", "1e5", "١",
        ] {
            assert_eq!(BigInt::parse(bad, 10), None, "{bad:?}"); // "١" is a non-ASCII digit
        }
        assert_eq!(BigInt::parse("12", 2), None);
        assert_eq!(BigInt::parse("0x10", 16), None);
        assert_eq!(BigInt::parse("1", 1), None);
        assert_eq!(BigInt::parse("1", 37), None);
        assert_eq!(BigInt::parse("-0", 10), Some(BigInt::zero()));
        assert_eq!(BigInt::parse("+00012", 10), Some(i(12)));
        assert_eq!(
            BigInt::parse("-FfZ", 36).map(|x| x.to_i64()),
            Some(Some(-(15 * 1296 + 15 * 36 + 35)))
        );
        assert_eq!(
            BigInt::parse("zz", 36).map(|x| x.to_str_radix(36)),
            Some("zz".into())
        );
        assert_eq!(BigInt::zero().to_str_radix(2), "0");
        assert_eq!(i(-255).to_str_radix(16), "-ff");
        assert_eq!(i(255).to_str_radix(2), "11111111");
        assert_eq!(i(-35).to_str_radix(36), "-z");
        assert_eq!(i(10).to_str_radix(99), "10");
        let s = "123456789012345678901234567890123456789";
        assert_eq!(b(s).to_str_radix(10), s);
        assert_eq!(b(&format!("-{s}")).to_str_radix(10), format!("-{s}"));
    }

    #[test]
    fn big_decimal_round_trip() {
        // exercises the divide-and-conquer paths (both directions)
        let x = i(3).pow(20000);
        let s = x.to_str_radix(10);
        assert_eq!(s, to_nb(&x).to_string());
        assert_eq!(BigInt::parse(&s, 10), Some(x.clone()));
        let y = x.sub(&i(1)).neg(); // many 2s; and padding zeros below:
        assert_eq!(y.to_str_radix(10), to_nb(&y).to_string());
        let z = i(10).pow(5000).add(&i(7));
        let zs = z.to_str_radix(10);
        assert_eq!(zs.len(), 5001);
        assert!(zs.starts_with("10000") && zs.ends_with("0007"));
        assert_eq!(BigInt::parse(&zs, 10), Some(z));
        let w = i(2).pow(9000);
        assert_eq!(w.to_str_radix(7), to_nb(&w).to_str_radix(7));
        assert_eq!(BigInt::parse(&w.to_str_radix(7), 7), Some(w));
    }

    #[test]
    fn arithmetic_edges() {
        assert_eq!(i(5).sub(&i(5)), BigInt::zero());
        check_norm(&i(-5).add(&i(5)));
        check_norm(&i(0).neg());
        check_norm(&i(-7).mul(&i(0)));
        assert_eq!(i(-3).abs(), i(3));
        assert_eq!(i(i64::MIN).neg().to_str_radix(10), "9223372036854775808");
        assert_eq!(i(i64::MIN).mul(&i(-1)).to_u64(), Some(1 << 63));
        assert_eq!(i(-2).pow(0), i(1));
        assert_eq!(i(0).pow(0), i(1));
        assert_eq!(i(-2).pow(63), i(i64::MIN));
        assert_eq!(i(7).pow(1).to_i64(), Some(7));
        assert_eq!(i(2).checked_pow(u64::MAX), None);
        assert_eq!(i(1).checked_pow(u64::MAX), Some(i(1)));
        assert_eq!(i(-1).checked_pow(u64::MAX), Some(i(-1)));
        assert_eq!(i(3).checked_shl(u64::MAX), None);
        assert_eq!(i(0).checked_shl(u64::MAX), Some(i(0)));
    }

    #[test]
    fn divmod_signs() {
        // (a, d, a // d, a % d) as computed by Python
        let cases = [
            7, 2, 3, 1, -7, 2, -4, 1, 7, -2, -4, -1, -7, -2, 3, -1, 6, -3, -2, 0, 0, -5, 0, 0,
        ];
        for c in cases.chunks_exact(4) {
            let (qq, rr) = i(c[0]).divmod_floor(&i(c[1])).expect("nonzero");
            assert_eq!(
                (qq.to_i64(), rr.to_i64()),
                (Some(c[2]), Some(c[3])),
                "{c:?}"
            );
            check_norm(&qq);
            check_norm(&rr);
        }
        assert_eq!(i(1).divmod_floor(&i(0)), None);
        assert_eq!(i(0).divmod_floor(&i(0)), None);
        let (q, r) = i(i64::MIN).divmod_floor(&i(-1)).expect("ok");
        assert_eq!(
            (q.to_str_radix(10).as_str(), r),
            ("9223372036854775808", i(0))
        );
        // 32-bit analogues of Hacker's Delight's add-back ("qhat too big") cases
        let pairs = [
            (
                vec![0, 0, 0x8000_0000, 0x7fff_ffff],
                vec![1, 0, 0x8000_0000],
            ),
            (
                vec![0, 0xffff_fffe, 0, 0x8000_0000],
                vec![0xffff_ffff, 0, 0x8000_0000],
            ),
        ];
        for (u, v) in pairs {
            let (u, v) = (BigInt::from_parts(false, u), BigInt::from_parts(false, v));
            let (q, r) = u.divmod_floor(&v).expect("nonzero");
            assert_eq!((nn(q), nn(r)), to_nb(&u).div_mod_floor(&to_nb(&v)));
        }
    }

    #[test]
    fn shifts() {
        assert_eq!(i(-5).shr(1), i(-3));
        assert_eq!(i(-4).shr(1), i(-2));
        assert_eq!(i(5).shr(0), i(5));
        assert_eq!(i(-5).shl(0), i(-5));
        assert_eq!(i(-1).shr(1000), i(-1));
        assert_eq!(i(-1).shr(u64::MAX), i(-1));
        assert_eq!(i(12345).shr(u64::MAX), i(0));
        assert_eq!(i(0).shl(u64::MAX), i(0));
        assert_eq!(i(0).shr(u64::MAX), i(0));
        assert_eq!(i(1).shl(100).neg().shr(200), i(-1));
        assert_eq!(i(1).shl(64).shr(32), BigInt::from_u64(1 << 32));
        assert_eq!(i(-3).shl(33).to_i64(), Some(-3 << 33));
    }

    #[test]
    fn bitwise() {
        assert_eq!(i(0).not(), i(-1));
        assert_eq!(i(-1).not(), i(0));
        assert_eq!(i(5).not(), i(-6));
        assert_eq!(i(-12345).and(&i(0xff)), i(199));
        assert_eq!(i(-3).or(&i(5)), i(-3));
        assert_eq!(i(-3).xor(&i(-7)), i(4));
        assert_eq!(i(-1).and(&i(0)), i(0));
        assert_eq!(i(i64::MIN).xor(&i(-1)), i(i64::MAX));
        let big = i(1).shl(64).neg();
        assert_eq!(big.or(&i(1)), big.add(&i(1)));
        check_norm(&i(-8).and(&i(7)));
    }

    #[test]
    fn float_conversions() {
        assert_eq!(BigInt::from_f64(f64::NAN), None);
        assert_eq!(BigInt::from_f64(f64::INFINITY), None);
        assert_eq!(BigInt::from_f64(f64::NEG_INFINITY), None);
        assert_eq!(BigInt::from_f64(-0.0), Some(i(0)));
        assert_eq!(BigInt::from_f64(-0.99), Some(i(0)));
        assert_eq!(BigInt::from_f64(5e-324), Some(i(0)));
        assert_eq!(BigInt::from_f64(-2.5), Some(i(-2)));
        assert_eq!(
            BigInt::from_f64(2251799813685249.5),
            Some(i(2251799813685249))
        );
        assert_eq!(BigInt::from_f64(i64::MIN as f64), Some(i(i64::MIN)));
        let e300 = "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160";
        assert_eq!(
            BigInt::from_f64(1e300).map(|x| x.to_str_radix(10)),
            Some(e300.into())
        );
        assert_eq!(b(e300).to_f64(), Some(1e300));
        let two53 = i(1).shl(53);
        assert_eq!(two53.add(&i(1)).to_f64(), Some(9007199254740992.0));
        assert_eq!(two53.add(&i(3)).to_f64(), Some(9007199254740996.0));
        assert_eq!(two53.add(&i(1)).neg().to_f64(), Some(-9007199254740992.0));
        let two64 = i(1).shl(64);
        assert_eq!(two64.add(&i(1 << 11)).to_f64(), Some(1.8446744073709552e19));
        assert_eq!(
            two64.add(&i((1 << 11) + 1)).to_f64(),
            Some(1.8446744073709556e19)
        );
        let top = i(1).shl(1024);
        assert_eq!(top.to_f64(), None);
        assert_eq!(top.sub(&i(1).shl(970)).to_f64(), None);
        assert_eq!(top.sub(&i(1).shl(970)).sub(&i(1)).to_f64(), Some(f64::MAX));
        assert_eq!(top.sub(&i(1).shl(971)).neg().to_f64(), Some(-f64::MAX));
        assert_eq!(i(0).to_f64(), Some(0.0));
        let mut rng = Rng(0x1234_5678_9abc_def1);
        for _ in 0..300 {
            let x = rng.big(34);
            let expect: f64 = to_nb(&x).to_string().parse().expect("float");
            let got = x.to_f64();
            if expect.is_finite() {
                assert_eq!(got, Some(expect), "{x}");
            } else {
                assert_eq!(got, None);
            }
            if let Some(f) = got {
                let back = BigInt::from_f64(f).expect("finite");
                assert_eq!(back.to_f64(), Some(f));
            }
        }
    }

    /// Exact check that r is the correctly rounded value of a/b (a, b > 0).
    fn assert_correctly_rounded(a: &NB, b: &NB, r: f64) {
        let rat = |x: f64| -> (NB, NB) {
            let bits = x.to_bits();
            let e = ((bits >> 52) & 0x7ff) as i64;
            let m = bits & ((1 << 52) - 1);
            let (m, e) = if e == 0 {
                (m, -1074)
            } else {
                (m | (1 << 52), e - 1075)
            };
            if e >= 0 {
                (NB::from(m) << e as usize, NB::from(1))
            } else {
                (NB::from(m), NB::from(1) << (-e) as usize)
            }
        };
        let (rn, rd) = rat(r);
        let even = r.to_bits() & 1 == 0;
        for (nb, below) in [(r.next_down(), true), (r.next_up(), false)] {
            if nb < 0.0 || nb.is_infinite() {
                continue;
            }
            let (nn, nd) = rat(nb);
            // midpoint = (rn*nd + nn*rd) / (2*rd*nd); compare a/b with it
            let (mn, md) = (&rn * &nd + &nn * &rd, NB::from(2) * &rd * &nd);
            let c = (a * &md).cmp(&(&mn * b));
            let ok = match (c, below) {
                (Ordering::Equal, _) => even,
                (Ordering::Greater, true) | (Ordering::Less, false) => true,
                _ => false,
            };
            assert!(ok, "{a}/{b} -> {r}");
        }
    }

    #[test]
    fn true_division() {
        let q = |a: &BigInt, b: &BigInt| a.truediv(b);
        assert_eq!(q(&i(1), &i(0)), Err(DivError::ZeroDivision));
        assert_eq!(q(&i(1), &i(3)), Ok(0.3333333333333333));
        assert_eq!(q(&i(10).pow(400), &i(10).pow(399)), Ok(10.0));
        assert_eq!(
            q(&i(1).shl(1100).add(&i(1)), &i(1).shl(1000)),
            Ok(1.2676506002282294e30)
        );
        let r = q(&i(0), &i(-5)).expect("ok");
        assert!(r == 0.0 && r.is_sign_negative());
        let r = q(&i(0), &i(1).shl(100).neg()).expect("ok");
        assert!(r == 0.0 && r.is_sign_negative());
        assert_eq!(q(&i(1), &i(1).shl(1074)), Ok(5e-324));
        assert_eq!(q(&i(1), &i(1).shl(1075)), Ok(0.0));
        assert_eq!(q(&i(3), &i(1).shl(1076)), Ok(5e-324));
        assert_eq!(q(&i(1), &i(1).shl(5000)), Ok(0.0));
        assert_eq!(q(&i(1).shl(1030), &i(3)), Err(DivError::Overflow));
        assert_eq!(q(&i(1).shl(1025), &i(2)), Err(DivError::Overflow));
        assert_eq!(q(&i(1).shl(1024), &i(2)), Ok(8.98846567431158e307));
        let top = i(1).shl(1024);
        assert_eq!(q(&top.sub(&i(1).shl(970)), &i(1)), Err(DivError::Overflow));
        let below = top.sub(&i(1).shl(970)).sub(&i(1));
        assert_eq!(q(&below, &i(-1)), Ok(-f64::MAX));
        let two64 = i(1).shl(64);
        assert_eq!(q(&two64.add(&i(5)), &two64.add(&i(7))), Ok(1.0));
        let e30 = i(10).pow(30);
        assert_eq!(q(&e30, &i(7)), Ok(1.4285714285714285e29));
        assert_eq!(
            q(&e30.neg(), &i(7).mul(&i(10).pow(25))),
            Ok(-14285.714285714286)
        );
        assert_eq!(q(&i(1).shl(100), &i(3).pow(50)), Ok(1765780.963259017));
        let mut rng = Rng(0xdead_beef_cafe_f00d);
        for n in 0..400 {
            let a = rng.big(if n % 2 == 0 { 3 } else { 40 }).abs();
            let mut d = rng.big(if n % 3 == 0 { 3 } else { 40 }).abs();
            if d.is_zero() {
                d = i(1);
            }
            match a.truediv(&d) {
                Ok(r) => assert_correctly_rounded(&to_nb(&a), &to_nb(&d), r),
                Err(e) => {
                    assert_eq!(e, DivError::Overflow);
                    assert!(a.bit_length() > d.bit_length() + 1000);
                }
            }
        }
    }

    #[test]
    fn pow_modpow_gcd_isqrt() {
        assert_eq!(i(3).pow(5), i(243));
        assert_eq!(i(-3).pow(3), i(-27));
        let m = |a: i64, e: i64, md: i64| {
            i(a).modpow(&i(e), &i(md))
                .map(|x| x.to_i64().unwrap_or(i64::MAX))
        };
        // (a, e, m, pow(a, e, m)) as computed by Python
        let cases = [
            3, 1, -5, -2, 2, -1, 7, 4, 3, -2, -7, -3, 5, 0, 1, 0, 5, 0, -1, 0, -3, 5, 7, 2,
        ];
        for c in cases.chunks_exact(4) {
            assert_eq!(m(c[0], c[1], c[2]), Some(c[3]), "{c:?}");
        }
        assert_eq!(m(4, -1, 1), Some(0));
        assert_eq!(m(2, -1, 4), None);
        assert_eq!(m(2, 5, 0), None);
        assert_eq!(i(0).gcd(&i(0)), i(0));
        assert_eq!(i(-12).gcd(&i(18)), i(6));
        assert_eq!(i(0).gcd(&i(-5)), i(5));
        assert_eq!(i(-1).isqrt(), None);
        assert_eq!(i(0).isqrt(), Some(i(0)));
        for v in [1i64, 2, 3, 4, 15, 16, 17, 99, 100, i64::MAX] {
            assert_eq!(
                i(v).isqrt().and_then(|x| x.to_i64()),
                Some((v as f64).sqrt().floor() as i64)
            );
        }
        let mut rng = Rng(77);
        for _ in 0..100 {
            let (a, e, md) = (rng.big(8), rng.big(2).abs(), rng.big(6));
            if md.is_zero() {
                continue;
            }
            let got = a.modpow(&e, &md).expect("nonzero modulus");
            // num-bigint also follows the sign of the modulus, like Python
            assert_eq!(nn(got), to_nb(&a).modpow(&to_nb(&e), &to_nb(&md)));
            let (x, y) = (rng.big(20), rng.big(20));
            assert_eq!(to_nb(&x.gcd(&y)), to_nb(&x).gcd(&to_nb(&y)));
            let s = x.abs().isqrt().expect("non-negative");
            assert_eq!(to_nb(&s), to_nb(&x).abs().sqrt());
            let p = rng.below(40) as u32;
            assert_eq!(to_nb(&x.pow(u64::from(p) % 8)), to_nb(&x).pow(p % 8));
        }
    }

    #[test]
    fn bytes() {
        assert_eq!(i(-128).to_bytes(1, false, true), Some(vec![0x80]));
        assert_eq!(i(-129).to_bytes(1, false, true), None);
        assert_eq!(i(128).to_bytes(1, false, true), None);
        assert_eq!(i(255).to_bytes(1, true, false), Some(vec![0xff]));
        assert_eq!(i(256).to_bytes(1, true, false), None);
        assert_eq!(i(-1).to_bytes(3, false, true), Some(vec![0xff; 3]));
        assert_eq!(i(-1).to_bytes(0, false, true), None);
        assert_eq!(i(-1).to_bytes(8, false, false), None);
        assert_eq!(i(0).to_bytes(0, false, true), Some(vec![]));
        assert_eq!(i(5).to_bytes(usize::MAX, false, true), None);
        assert_eq!(i(0).to_bytes(2, false, false), Some(vec![0, 0]));
        let mut v = vec![0u8];
        v.extend([0xff; 8]);
        assert_eq!(BigInt::from_u64(u64::MAX).to_bytes(9, false, true), Some(v));
        let x = BigInt::from_u64(0x0102);
        assert_eq!(x.to_bytes(2, true, false), Some(vec![2, 1]));
        assert_eq!(BigInt::from_bytes(&[0xff, 0x00], false, true), i(-256));
        assert_eq!(BigInt::from_bytes(&[0x80], false, true), i(-128));
        assert_eq!(BigInt::from_bytes(&[0x00, 0x80], true, true), i(-32768));
        assert_eq!(BigInt::from_bytes(&[0x00, 0x80], true, false), i(32768));
        assert_eq!(BigInt::from_bytes(&[], true, true), i(0));
        let mut rng = Rng(99);
        for _ in 0..300 {
            let x = rng.big(5);
            let signed = x.is_negative() || rng.below(2) == 0;
            let little = rng.below(2) == 0;
            let len =
                (x.bit_length() as usize + usize::from(signed)).div_ceil(8) + rng.below(3) as usize;
            let bs = x.to_bytes(len, little, signed).expect("fits");
            assert_eq!(bs.len(), len);
            assert_eq!(BigInt::from_bytes(&bs, little, signed), x);
            let nbs = if little {
                to_nb(&x).to_signed_bytes_le()
            } else {
                to_nb(&x).to_signed_bytes_be()
            };
            if signed && nbs.len() == len {
                assert_eq!(bs, nbs);
            }
            if len > 0 && !x.is_zero() {
                let too_small = (x.bit_length() as usize).div_ceil(8).saturating_sub(1);
                assert_eq!(x.to_bytes(too_small, little, signed), None);
            }
        }
    }

    #[test]
    fn hashing() {
        let p61 = i(1).shl(61);
        assert_eq!(i(-1).py_hash(), -2);
        assert_eq!(i(-2).py_hash(), -2);
        assert_eq!(i(0).py_hash(), 0);
        assert_eq!(i(1).py_hash(), 1);
        assert_eq!(p61.sub(&i(1)).py_hash(), 0);
        assert_eq!(p61.py_hash(), 1);
        assert_eq!(p61.neg().py_hash(), -2);
        assert_eq!(p61.neg().add(&i(1)).py_hash(), 0);
        assert_eq!(i(10).pow(30).py_hash(), 465258685558744706);
        assert_eq!(i(10).pow(30).neg().py_hash(), -465258685558744706);
        assert_eq!(i(i64::MIN).py_hash(), -4);
        // Against CPython's hash() of wide values (all limbs reduced).
        for (x, h) in [
            (i(3).pow(200), 424410663027747676),
            (i(1).shl(200).sub(&i(1)), 131071),
            (i(1).shl(61).mul(&i(5)).sub(&i(1)), 4),
            (i(1).shl(122).sub(&p61), 0),
        ] {
            assert_eq!(x.py_hash(), h);
            assert_eq!(x.neg().py_hash(), -h);
        }
    }

    #[test]
    fn random_arithmetic_vs_num_bigint() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for n in 0..400 {
            let max = if n % 10 == 0 { 150 } else { 40 };
            let (x, y) = (rng.big(max), rng.big(max));
            let (nx, ny) = (to_nb(&x), to_nb(&y));
            assert_eq!(nn(x.add(&y)), &nx + &ny);
            assert_eq!(nn(x.sub(&y)), &nx - &ny);
            assert_eq!(nn(x.mul(&y)), &nx * &ny);
            assert_eq!(nn(x.and(&y)), &nx & &ny);
            assert_eq!(nn(x.or(&y)), &nx | &ny);
            assert_eq!(nn(x.xor(&y)), &nx ^ &ny);
            assert_eq!(nn(x.not()), !&nx);
            assert_eq!(x.cmp(&y), nx.cmp(&ny));
            assert_eq!(x.bit_length(), nx.bits());
            if !y.is_zero() {
                let (q, r) = x.divmod_floor(&y).expect("nonzero");
                assert_eq!((nn(q), nn(r)), nx.div_mod_floor(&ny));
            }
            let s = rng.below(300);
            assert_eq!(nn(x.shl(s)), &nx << s as usize);
            assert_eq!(nn(x.shr(s)), &nx >> s as usize);
            let h = (nx.abs() % NB::from((1u64 << 61) - 1))
                .to_i64()
                .unwrap_or(0);
            let h = if nx.is_negative() { -h } else { h };
            assert_eq!(x.py_hash(), if h == -1 { -2 } else { h });
        }
    }

    #[test]
    fn random_karatsuba_unbalanced() {
        let mut rng = Rng(0x0123_4567_89ab_cdef);
        for _ in 0..30 {
            let (x, y) = (rng.big(400), rng.big(120));
            assert_eq!(to_nb(&x.mul(&y)), to_nb(&x) * to_nb(&y));
            assert_eq!(to_nb(&x.mul(&x)), to_nb(&x) * to_nb(&x));
            if !y.is_zero() {
                let (q, r) = x.divmod_floor(&y).expect("nonzero");
                assert_eq!((to_nb(&q), to_nb(&r)), to_nb(&x).div_mod_floor(&to_nb(&y)));
            }
        }
    }

    #[test]
    fn random_strings_vs_num_bigint() {
        let mut rng = Rng(0xfeed_face_0bad_cafe);
        for n in 0..300 {
            let x = rng.big(if n % 20 == 0 { 200 } else { 12 });
            let radix = 2 + rng.below(35) as u32;
            let s = x.to_str_radix(radix);
            assert_eq!(s, to_nb(&x).to_str_radix(radix));
            assert_eq!(BigInt::parse(&s, radix), Some(x.clone()));
            assert_eq!(BigInt::parse(&s.to_uppercase(), radix), Some(x));
            let len = 1 + rng.below(if n % 20 == 0 { 1500 } else { 40 }) as usize;
            let digits: String = (0..len)
                .map(|_| char::from(DIGITS[rng.below(u64::from(radix)) as usize]))
                .collect();
            let parsed = BigInt::parse(&digits, radix).expect("valid");
            assert_eq!(Some(nn(parsed)), NB::parse_bytes(digits.as_bytes(), radix));
        }
    }
}
