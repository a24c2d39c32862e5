import math
inf = float('inf')
print(math.sqrt(inf), math.exp(-inf), math.exp(inf), math.atan(inf) == math.pi / 2)
print(math.isnan(math.sin(float('nan'))), math.fabs(-inf))
try:
    math.sin(inf)
except ValueError as e:
    print("ValueError", e)
