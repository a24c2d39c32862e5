st = 12345
def rnd():
    global st
    st = (st * 1103515245 + 12345) % 2147483648
    return st
vals = [0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1e308, 1.7976931348623157e308, 5e-324, -5e-324, 1e-310, 123456789.987654321, 0.0, -0.0, 15.0, 25.0, -35.0, 5e22, 4.5e15, 1e16, 0.05, 0.15, 0.25, 0.35, 45.0, 450.0, 55.0, 9.5]
for _ in range(40):
    vals.append((rnd() / 2147483648 - 0.5) * 2e6)
    vals.append((rnd() / 2147483648) * 10.0 ** (rnd() % 620 - 320))
    vals.append((rnd() % 2001 - 1000) / 8)
out = []
# round(x, n) is exact half-even on the binary value, for every n range.
for v in vals:
    for n in (-400, -309, -308, -307, -300, -30, -17, -16, -5, -2, -1, 0, 1, 2, 3, 5, 10, 17, 20, 100, 300, 322, 323, 324, 400):
        try:
            out.append(repr(round(v, n)))
        except OverflowError as e:
            out.append("OE " + str(e))
ints = [0, 1, 5, 15, 25, 35, -15, -25, 150, 250, -250, 12345, 10**30 + 5 * 10**10, -(10**30) - 5*10**10, 2**63, -2**63, 2**64 + 7, 10**50 // 2]
for i in ints:
    for n in (-100, -60, -31, -30, -20, -11, -10, -3, -2, -1, 0, 1, 5):
        out.append(repr(round(i, n)))
print("\n".join(out))
import sys
for s in out[:0]: print(s)
