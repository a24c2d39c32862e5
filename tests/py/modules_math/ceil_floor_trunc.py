import math
for v in [2.5, -2.5, 3.0, -0.5, 0.4, 1e20]:
    print(v, math.ceil(v), math.floor(v), math.trunc(v))
print(type(math.ceil(1.5)).__name__, type(math.floor(1.5)).__name__, type(math.trunc(1.5)).__name__)
print(math.floor(7), math.ceil(-7))
