# Ints around 2**31 and 2**63, where a board's 32-bit small ints and a
# host's 64-bit ones become heap big ints: results must not depend on it.
import struct, time
B = 2 ** 31
print(B - 1 + 1, -B - 1, (B - 1) * 2, B * B, -B * -1, (B - 1) ** 2)
print(1 << 30, 1 << 31, 1 << 40, 1 << 63, -1 << 31, (1 << 40) >> 39, -1 >> 40, B >> 31)
print(B // 3, -B // 3, B % 7, -B % 7, divmod(-B, 5), (-B) // -1, abs(-B), -(-B))
print(B & 0xFFFF0000, B | 1, B ^ (B - 1), ~B, ~(B - 1))
r = range(B - 3, B + 3)
print(len(r), list(r), r[-1], B in r, B + 3 in r, r.index(B + 1), r.count(B))
print(sum(range(B - 2, B + 2)), max(range(B - 2, B + 2)), len(range(0, 2 ** 40, 2 ** 20)))
for i in range(B - 1, B + 2):
    print(i, end=' ')
print()
x = 2 ** 40
print(x == float(x), float(x) == x, x < float(2 ** 41), hash(x) == hash(float(x)), {x: 1}[2 ** 40])
print(int(float(2 ** 31)), int(-2.0 ** 31), round(2.0 ** 33), 2 ** 31 == 2147483648.0)
print(struct.unpack('<q', struct.pack('<q', -B * 4)), struct.unpack('<I', struct.pack('<I', B + 5)))
print(time.gmtime(B)[:6], time.gmtime(2 ** 32)[:3])
print([0, 1, 2][-1], 'abc'[True], [5, 6][False], (7, 8, 9)[-3])
print(int('2147483648'), int('-2147483649'), int('9223372036854775807') + 1, 0x7FFFFFFF + 1)
print(str(B), repr(-B - 1), format(B, 'x'), '%d' % (B * 2), f'{B:,}')
n = 0
for i in range(70000):
    n += i * i
print(n, n > B, n.bit_length(), (B * 4).bit_length(), (-B).bit_length())
d = {B: 'a', B - 1: 'b', 2 ** 40: 'c'}
print(d[2 ** 31], d[2147483647], sorted(d), B in d, B + 1 in d)
print(isinstance(B, int), type(B * B).__name__, B == 2147483648, B != B + 0, B * 0)
