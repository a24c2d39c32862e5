import math
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.1 + 0.2, 0.3))
print(math.isclose(1.0, 1.05, rel_tol=0.1), math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.isclose(float('inf'), float('inf')), math.isclose(float('nan'), float('nan')))
