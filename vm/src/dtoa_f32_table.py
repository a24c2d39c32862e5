# Generates dtoa_f32_table.rs (run: python3 vm/src/dtoa_f32_table.py): expected f32
# parses and shortest reprs from exact Fraction arithmetic, independent of the VM.
import struct, random
from fractions import Fraction as F
from decimal import Decimal, getcontext
getcontext().prec = 200

def bits(f): return struct.unpack('<I', struct.pack('<f', f))[0]
def fromb(b): return struct.unpack('<f', struct.pack('<I', b))[0]
INF = 0x7f800000
def val(b):  # exact value of positive f32 bits; inf as 2^128
    if b == INF: return F(2)**128
    return F(fromb(b))

def round_f32(q):
    """exact nearest f32 bits of Fraction q >= 0, ties to even."""
    if q == 0: return 0
    try: f = struct.unpack('<f', struct.pack('<f', float(q)))[0]; b = bits(f)
    except OverflowError: b = INF
    cands = [c for c in (b-1, b, b+1) if 0 <= c <= INF]
    best = None
    for c in cands:
        d = abs(q - val(c))
        key = (d, c & 1)
        if best is None or key < best[0]: best = (key, c)
    return best[1]

def parse_exact(s):
    neg = s.startswith('-')
    t = s.lstrip('+-')
    if t.lower() in ('inf', 'infinity'): b = INF
    else:
        b = round_f32(F(Decimal(t)))
    return b | (0x80000000 if neg else 0)

def sig_digits(q, n):
    """nearest n-significant-digit decimal of q>0 (half even): (int digits, exp) value=D*10^exp"""
    e = 0
    # find e with 10^(n-1) <= q*10^-e < 10^n
    import math
    e = math.floor(math.log10(float(q))) - n + 1 if float(q) > 0 else 0
    while q / F(10)**e >= 10**n: e += 1
    while q / F(10)**e < 10**(n-1): e -= 1
    x = q / F(10)**e
    D = round(x)  # Fraction round: half even
    return D, e

def shortest(b):
    q = val(b)
    for n in range(1, 10):
        D, e = sig_digits(q, n)
        cands = []
        for DD in (D-1, D, D+1):
            if DD <= 0: continue
            v = F(DD) * F(10)**e
            if round_f32(v) == b:
                cands.append((abs(v - q), DD % 2, DD, e))
        if cands:
            cands.sort()
            _, _, DD, e = cands[0]
            s = str(DD).rstrip('0'); stripped = len(str(DD)) - len(s)
            return s, len(str(DD)) + e  # decpt: value = 0.s * 10^decpt
    raise Exception

def brief_oracle(b):
    x = fromb(b)
    for n in range(1, 10):
        s = '%.*g' % (n, x)
        if float(s) > 3.4e38: continue
        if bits(struct.unpack('<f', struct.pack('<f', float(s)))[0]) == b:
            return s
    return None

random.seed(20261125)
xs = set()
for k in range(-149, 128): xs.add(bits(2.0**k))
for k in range(-45, 39):
    xs.add(round_f32(F(10)**k) if k >= 0 else round_f32(F(1, 10**-k)))
for v in [F(1,10), F(1,3), F(2,3), F(1,7)]: xs.add(round_f32(v))
xs |= {1, 2, 3, 0x7fffff, 0x800000, 0x7f7fffff, 0x7f7ffffe, 0x3f800001, 0x3f7fffff,
       0x4b800000, 0x4b7fffff, 0x3dcccccd, 0x40490fdb, 0x5a0e1bca, 0x3727c5ac}
for _ in range(160):
    b = random.randrange(1, INF)
    xs.add(b)
for _ in range(20): xs.add(random.randrange(1, 0x800000))
xs = sorted(xs)
rows = []
for b in xs:
    s, decpt = shortest(b)
    rows.append((b, s, decpt))
    bo = brief_oracle(b)
    # the brief's oracle, for reference
    if bo is not None and F(Decimal(bo)) != F(int(s)) * F(10)**(decpt - len(s)):
        print('# differs from simple oracle:', hex(b), bo, s, decpt, file=__import__('sys').stderr)

# parse cases
strs = ["0.1", "1", "-1", "0", "-0", "3.4028235e38", "3.4028234e38", "3.4028236e38",
        "3.40282356779733661637539395458142568448e38",
        "3.40282356779733661637539395458142568447e38",
        "3.40282356779733661637539395458142568449e38",
        "1e39", "-1e39", "1e-45", "1.401298464324817e-45", "7.006492321624085e-46",
        "7.0064923216240854e-46", "7.006492321624086e-46", "7e-46", "1e-46", "2.1e-45",
        "2.1019476964872256e-45", "1.1754943508222875e-38", "1.1754942e-38", "1.17549435e-38",
        "16777217", "16777217.000000001", "16777216.999999999", "16777219", "33554434", "33554435",
        "0.333333333", "3.14159265358979", "inf", "-Infinity", "1e10", "1e-10", "123456789",
        "1.00000006", "1.0000000596046447753906250", "1.0000000596046447753906251",
        "1.0000000596046447753906249", "1.00000017881393432617187500",
       ]
for _ in range(80):
    b = random.randrange(0, INF - 1)
    lo, hi = val(b), val(b + 1)
    mid = (lo + hi) / 2
    dm = Decimal(mid.numerator) / Decimal(mid.denominator)
    exact = format(dm, 'f') if abs(mid) > F(1, 10**60) else format(dm, 'e')
    # exact decimal of mid: Decimal division exact for dyadic within precision 200
    strs.append(str(dm))
    strs.append('%.25e' % float(mid))  # close to mid, f64 parse lands on mid
    strs.append('%.17e' % float(mid))
    assert F(Decimal(str(dm))) == mid
    m, _, ex = str(dm).partition('E')
    ex = 'E' + ex if ex else ''
    strs.append(m + '1' + ex)  # just above the midpoint
    if m[-1] != '0':
        strs.append(m[:-1] + chr(ord(m[-1]) - 1) + '9' + ex)  # just below
for _ in range(60):
    strs.append('%.*e' % (random.randrange(0, 12), random.uniform(-1, 1) * 10.0**random.randrange(-47, 40)))
prow = []
seen = set()
for s in strs:
    if s in seen: continue
    seen.add(s)
    # check Decimal exactness of mid strings
    prow.append((s, parse_exact(s)))

out = []
out.append("// Generated by vm/src/dtoa_f32_table.py (exact Fraction arithmetic in Python).")
out.append("/// (f32 bits, shortest digits, decpt): value = 0.DIGITS * 10**decpt.")
out.append("pub(crate) const SHORTEST_F32: &[(u32, &str, i64)] = &[")
for b, s, d in rows: out.append(f"    (0x{b:08x}, \"{s}\", {d}),")
out.append("];")
out.append("/// (text, nearest f32 bits).")
out.append("pub(crate) const PARSE_F32: &[(&str, u32)] = &[")
for s, b in prow: out.append(f"    (\"{s}\", 0x{b:08x}),")
out.append("];")
open(__import__('os').path.join(__import__('os').path.dirname(__file__), 'dtoa_f32_table.rs'), 'w').write('\n'.join(out) + '\n')
print(len(rows), len(prow))
