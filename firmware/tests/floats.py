# Floats are f32 on the boards, as on MicroPython's rp2 and esp32 ports:
# every result is rounded to single precision, and repr prints the
# shortest digits that read back as the same f32. (floats.f32.exp was
# computed by emulating f32 in CPython, not by running Ferrite.)
print(0.1 + 0.2, 1 / 3, 2 ** 0.5, 1e30 * 1e10, -0.0)
print(7.0 // 2, 7.5 % 2, -7.5 // 2, divmod(7.25, -2))
print(float("1e-7"), 123456789.0, 16777217.0, 1e-45, 1.4e-45)
print(format(3.14159, ".3f"), format(12345.678, "e"), format(0.00001234, "g"))
print(f"{1/7:.10f}", repr(1e16), repr(1e-5), str(2.5e-5), 1e22, 3.4028235e38)
print(int(1e18), float(2 ** 60), float("inf"), float("-inf"))
print(0.1 * 3 == 0.3, hash(1.0) == hash(1), 3.0 == 3, 16777216.0 + 1 == 16777216.0)
import math
print(math.pi, math.e, math.sqrt(2), 2.0 ** 0.5 * 2.0 ** 0.5)
print(1.5 * 1e38, -1e-30 * 1e-30, 3e38 + 3e38 - 3e38)
