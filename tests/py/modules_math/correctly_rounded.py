import math
# Full reprs: the last digit must match CPython's (glibc's) libm.
print(math.exp(1), math.exp(2), math.exp(-3.5), math.exp(10.25), math.exp(700))
print(math.log(10), math.log(2), math.log(0.3), math.log(1e-300), math.log(7, 3))
print(math.log2(10), math.log2(3), math.log10(2), math.log10(7), math.log10(12345))
print(math.pow(1.1, 10), math.pow(2, 0.5), math.pow(10, -2), math.pow(3.7, 2.9), math.pow(-2, 5))
print(1.1 ** 2.5, 2.0 ** 0.5, 7.3 ** -1.7, 10 ** -3)
print(math.sin(1), math.sin(10), math.sin(100), math.cos(1), math.cos(3), math.tan(1), math.tan(7))
print(math.asin(0.3), math.acos(0.3), math.atan(2), math.atan(0.1), math.atan2(1, 3), math.atan2(-2, -5))
print(math.sinh(2), math.cosh(2), math.tanh(0.3), math.sinh(0.1), math.cosh(30), math.tanh(3))
print(math.asinh(2), math.acosh(3), math.atanh(0.3), math.expm1(0.3), math.log1p(0.3))
