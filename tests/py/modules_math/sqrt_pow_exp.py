import math
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), type(math.sqrt(4)).__name__)
print(math.pow(2, 10), math.pow(2.0, -1), math.pow(4, 0.5))
print(math.exp(0), round(math.exp(1), 10), round(math.exp(-1), 10))
print(round(math.expm1(1e-5), 15))
