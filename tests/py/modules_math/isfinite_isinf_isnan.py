import math
for v in [1.0, 0.0, float('inf'), float('-inf'), float('nan'), 10**300, -5]:
    print(math.isfinite(v), math.isinf(v), math.isnan(v))
