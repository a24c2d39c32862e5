import math
print(math.copysign(3, -0.0), math.copysign(-3, 1), math.copysign(0.0, -1), math.copysign(2.5, -2))
print(math.copysign(1, float('-inf')))
