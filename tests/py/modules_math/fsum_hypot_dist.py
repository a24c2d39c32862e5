import math
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([-0.0]), math.fsum(range(10)), math.fsum([1e16, 1.0, 1e-16]))
print(math.fsum([float('inf'), 1]), math.isnan(math.fsum([float('nan'), 1])))
for it in [[float('inf'), float('-inf')], [1e308, 1e308]]:
    try:
        math.fsum(it)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(1e200, 1e200))
print(math.hypot(float('inf'), float('nan')), math.dist([0, 0], [3, 4]), math.dist((1, 2, 3), (4, 6, 15)))
try:
    math.dist([1], [1, 2])
except ValueError as e:
    print("ValueError", e)
