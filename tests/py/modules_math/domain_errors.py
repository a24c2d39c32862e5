import math
for f, arg in [(math.sqrt, -1), (math.log, 0), (math.log, -1), (math.acos, 2), (math.asin, -2), (math.log10, -1), (math.log2, 0)]:
    try:
        f(arg)
    except ValueError as e:
        print("ValueError", e)
