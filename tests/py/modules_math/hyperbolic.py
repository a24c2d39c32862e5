import math
print(math.sinh(0), math.cosh(0), math.tanh(0))
print(round(math.sinh(1), 10), round(math.cosh(1), 10), round(math.tanh(1), 10))
print(round(math.asinh(1), 10), round(math.acosh(2), 10), round(math.atanh(0.5), 10))
