import math
for f in (math.sin, math.cos, math.tan):
    print([round(f(x), 10) for x in (0, 0.5, 1, -1)])
print(round(math.sin(math.pi / 2), 10), round(math.cos(math.pi), 10))
print(math.sin(0.0), math.cos(0.0))
