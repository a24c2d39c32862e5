import math
print(math.tau, math.tau == 2 * math.pi)
print(math.inf, -math.inf, math.isinf(math.inf), math.isnan(math.nan))
