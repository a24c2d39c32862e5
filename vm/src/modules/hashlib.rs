//! `hashlib` (alias `uhashlib`): `sha256`, `sha1` and `md5` hash objects
//! with `update`, `digest`, `hexdigest` and `copy`. The digests are pure
//! Rust (no_std, no dependencies).
//!
//! Incremental, with a fixed-size state: a hash object (Python class,
//! `vm/lib/hashlib.py`) holds one bytearray of `STATE_LEN` bytes (chaining
//! words, the partial block, the message length), so memory does not grow
//! with the input. `update` compresses every complete 64-byte block at
//! once and keeps the remainder; `digest` pads and finishes a copy of the
//! state, so it can be called again and `update` may continue after it,
//! as in CPython. Keeping the state in a bytearray leaves the object a
//! plain Python instance with nothing native to trace, and `copy` is a
//! bytearray copy.

use crate::at::At;
use alloc::vec::Vec;

use crate::modules::check_args;
use crate::objects::Obj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    if !crate::frozen::contains(vm, "hashlib") {
        return Ok(None);
    }
    let m = vm.new_module(
        "hashlib",
        &[
            ("_new", h_new),
            ("_update", h_update),
            ("_digest", h_digest),
        ],
        &[],
    )?;
    Ok(Some(m))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Algo {
    Sha256,
    Sha1,
    Md5,
}

/// Chaining words (8 x u32, little-endian; MD5 and SHA-1 use the first 4
/// and 5), the pending partial block, the message length in bytes (u64),
/// the partial block's fill.
const STATE_LEN: usize = 32 + 64 + 8 + 1;
const BUF: usize = 32;
const LEN: usize = BUF + 64;
const FILL: usize = LEN + 8;

struct State {
    h: [u32; 8],
    buf: [u8; 64],
    len: u64,
    fill: usize,
}

impl Algo {
    fn of(vm: &Vm, v: Value) -> Algo {
        match vm.str_of(v) {
            Some("sha256") => Algo::Sha256,
            Some("sha1") => Algo::Sha1,
            _ => Algo::Md5,
        }
    }

    fn init(self) -> [u32; 8] {
        match self {
            Algo::Sha256 => [
                0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
                0x5be0cd19,
            ],
            Algo::Sha1 => [
                0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0, 0, 0, 0,
            ],
            Algo::Md5 => [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0, 0, 0, 0],
        }
    }

    fn compress(self, h: &mut [u32; 8], block: &[u8]) {
        match self {
            Algo::Sha256 => sha256_block(h, block),
            Algo::Sha1 => sha1_block(h, block),
            Algo::Md5 => md5_block(h, block),
        }
    }
}

impl State {
    fn new(algo: Algo) -> State {
        State {
            h: algo.init(),
            buf: [0; 64],
            len: 0,
            fill: 0,
        }
    }

    fn load(b: &[u8]) -> Option<State> {
        if b.len() != STATE_LEN {
            return None;
        }
        let mut h = [0u32; 8];
        for (x, c) in h.iter_mut().zip(b.get(..BUF)?.chunks_exact(4)) {
            *x = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        }
        let mut buf = [0u8; 64];
        buf.copy_from_slice(b.get(BUF..LEN)?);
        let mut l = [0u8; 8];
        l.copy_from_slice(b.get(LEN..FILL)?);
        let fill = usize::from(*b.get(FILL)?);
        if fill >= 64 {
            return None;
        }
        Some(State {
            h,
            buf,
            len: u64::from_le_bytes(l),
            fill,
        })
    }

    fn store(&self, out: &mut [u8]) {
        if out.len() != STATE_LEN {
            return;
        }
        for (c, x) in out.span_mut(0, BUF).chunks_exact_mut(4).zip(self.h) {
            c.put(0, &x.to_le_bytes());
        }
        out[BUF..LEN].copy_from_slice(&self.buf);
        out[LEN..FILL].copy_from_slice(&self.len.to_le_bytes());
        out[FILL] = self.fill as u8;
    }

    /// Absorb `data`: top up the partial block, compress whole blocks
    /// straight from `data`, keep the tail.
    fn update(&mut self, algo: Algo, mut data: &[u8]) {
        self.len = self.len.wrapping_add(data.len() as u64);
        if self.fill > 0 {
            let take = (64 - self.fill).min(data.len());
            self.buf.put(self.fill, &data[..take]);
            self.fill += take;
            data = data.tail(take);
            if self.fill < 64 {
                return;
            }
            let block = self.buf;
            algo.compress(&mut self.h, &block);
            self.fill = 0;
        }
        let mut blocks = data.chunks_exact(64);
        for block in &mut blocks {
            algo.compress(&mut self.h, block);
        }
        let rest = blocks.remainder();
        self.buf.put(0, rest);
        self.fill = rest.len();
    }

    /// Merkle-Damgard padding and the digest, on a copy of the state: the
    /// bit length goes big-endian for SHA and little-endian for MD5.
    fn finish(mut self, algo: Algo) -> Vec<u8> {
        let bits = self.len.wrapping_mul(8);
        let mut pad = [0u8; 72];
        pad[0] = 0x80;
        let n = if self.fill < 56 {
            56 - self.fill
        } else {
            120 - self.fill
        };
        let len_bytes = if algo == Algo::Md5 {
            bits.to_le_bytes()
        } else {
            bits.to_be_bytes()
        };
        pad.put(n, &len_bytes);
        let len = self.len;
        self.update(algo, pad.span(0, n + 8));
        self.len = len;
        let (words, big) = match algo {
            Algo::Sha256 => (8, true),
            Algo::Sha1 => (5, true),
            Algo::Md5 => (4, false),
        };
        let mut out = Vec::with_capacity(words * 4);
        for &x in &self.h[..words] {
            if big {
                out.extend_from_slice(&x.to_be_bytes());
            } else {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }
}

/// `_new(name)`: a fresh state bytearray.
fn h_new(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_new", a, kw, 1, 1)?;
    let mut b = alloc::vec![0u8; STATE_LEN];
    State::new(Algo::of(vm, *a.at(0))).store(&mut b);
    vm.ensure(STATE_LEN)?;
    vm.alloc(Obj::ByteArray(b))
}

fn state_of(vm: &mut Vm, v: Value) -> PyResult<State> {
    match vm.bytes_of(v).as_deref().and_then(State::load) {
        Some(s) => Ok(s),
        None => Err(vm.value_err("corrupt hash state")),
    }
}

/// `_update(name, state, data)`.
fn h_update(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "update", a, kw, 3, 3)?;
    let algo = Algo::of(vm, *a.at(0));
    let data = *a.at(2);
    if vm.is_str(data) {
        return Err(vm.type_err("Strings must be encoded before hashing"));
    }
    let Some(bytes) = vm.bytes_of(data) else {
        return Err(vm.type_err("object supporting the buffer API required"));
    };
    let mut st = state_of(vm, a[1])?;
    st.update(algo, &bytes);
    if let Value::Obj(r) = a[1] {
        let r = vm.dict_table_ref(r);
        if let Obj::ByteArray(b) = vm.heap.get_mut(r) {
            st.store(b);
        }
    }
    Ok(Value::None)
}

/// `_digest(name, state)`: the digest of everything so far; the state is
/// left as it was.
fn h_digest(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_digest", a, kw, 2, 2)?;
    let algo = Algo::of(vm, *a.at(0));
    let st = state_of(vm, *a.at(1))?;
    vm.alloc(Obj::Bytes(st.finish(algo)))
}

const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

fn sha256_block(hs: &mut [u32; 8], block: &[u8]) {
    let mut h = [hs[0], hs[1], hs[2], hs[3], hs[4], hs[5], hs[6], hs[7]];
    {
        let mut w = [0u32; 64];
        for (i, c) in block.chunks_exact(4).enumerate() {
            *w.at_mut(i) = u32::from_be_bytes([*c.at(0), *c.at(1), *c.at(2), *c.at(3)]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K256[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    hs[..h.len()].copy_from_slice(&h);
}

fn sha1_block(hs: &mut [u32; 8], block: &[u8]) {
    let mut h = [hs[0], hs[1], hs[2], hs[3], hs[4]];
    {
        let mut w = [0u32; 80];
        for (i, c) in block.chunks_exact(4).enumerate() {
            *w.at_mut(i) = u32::from_be_bytes([*c.at(0), *c.at(1), *c.at(2), *c.at(3)]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A827999),
                20..=39 => (b ^ c ^ d, 0x6ED9EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    hs[..h.len()].copy_from_slice(&h);
}

const MD5_S: [u32; 64] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
    14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15,
    21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];

const MD5_K: [u32; 64] = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];

fn md5_block(hs: &mut [u32; 8], block: &[u8]) {
    let mut h = [hs[0], hs[1], hs[2], hs[3]];
    {
        let mut m = [0u32; 16];
        for (i, c) in block.chunks_exact(4).enumerate() {
            *m.at_mut(i) = u32::from_le_bytes([*c.at(0), *c.at(1), *c.at(2), *c.at(3)]);
        }
        let [mut a, mut b, mut c, mut d] = h;
        for i in 0..64 {
            let (f, g) = match i {
                0..=15 => ((b & c) | (!b & d), i),
                16..=31 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                32..=47 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let f = f.wrapping_add(a).wrapping_add(MD5_K[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(f.rotate_left(MD5_S[i]));
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d]) {
            *x = x.wrapping_add(y);
        }
    }
    hs[..h.len()].copy_from_slice(&h);
}
