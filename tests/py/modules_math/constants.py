import math
print(math.pi, math.e)
print(round(math.pi, 5), round(math.e, 5))
