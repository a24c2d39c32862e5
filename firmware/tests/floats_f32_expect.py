#!/usr/bin/env python3
# Writes floats.exp: the output floats.py must print on the f32 boards,
# computed here by emulating single precision in CPython (run:
# python3 firmware/tests/floats_f32_expect.py > firmware/tests/floats.exp).
# Expected output of firmware/tests/floats.py on f32 boards, computed by
# emulating single precision in CPython (struct rounds a double to f32).
import struct, math
def f(x):
    return struct.unpack('f', struct.pack('f', x))[0] if math.isfinite(x) and abs(x) < 3.4028235677973366e38 else (x if not math.isfinite(x) else math.copysign(math.inf, x))
def r(x):
    x = f(x)
    if not math.isfinite(x) or x == 0: return repr(x)
    for n in range(1, 10):
        s = '%.*e' % (n - 1, x)
        if f(float(s)) == x: return repr(float(s))
    return repr(x)
def tup(*a): return '(' + ', '.join(a) + ')'
q, m = divmod(f(7.25), -2.0)
print(r(f(0.1) + f(0.2)), r(1 / 3), r(2 ** 0.5), r(f(1e30) * f(1e10)), r(-0.0))
print(r(7.0 // 2), r(7.5 % 2), r(-7.5 // 2), tup(r(q), r(m)))
print(r(float("1e-7")), r(123456789.0), r(16777217.0), r(1e-45), r(f(1.4e-45)))
print(format(f(3.14159), ".3f"), format(f(12345.678), "e"), format(f(0.00001234), "g"))
print(f"{f(1/7):.10f}", r(1e16), r(1e-5), r(2.5e-5), r(1e22), r(3.4028235e38))
print(int(f(1e18)), r(float(2 ** 60)), r(float("inf")), r(float("-inf")))
print(f(f(0.1) * 3) == f(0.3), True, True, f(16777216.0 + 1) == 16777216.0)
print(r(math.pi), r(math.e), r(math.sqrt(2)), r(f(f(2.0) ** 0.5) * f(f(2.0) ** 0.5)))
print(r(f(1.5) * f(1e38)), r(-f(1e-30) * f(1e-30)), r(f(f(3e38) + f(3e38)) - f(3e38)))
