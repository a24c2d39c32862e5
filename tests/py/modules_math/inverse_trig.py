import math
print(round(math.asin(1), 10), round(math.acos(0), 10), round(math.atan(1), 10))
print(math.asin(0), math.acos(1), math.atan(0))
print(round(math.atan2(1, 1), 10), round(math.atan2(1, -1), 10), round(math.atan2(-1, -1), 10))
print(math.atan2(0, 1), round(math.atan2(0, -1), 10), round(math.atan2(1, 0), 10))
