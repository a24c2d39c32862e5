import math
print(math.degrees(math.pi), math.degrees(0), round(math.degrees(1), 10))
print(math.radians(180) == math.pi, math.radians(0), round(math.radians(90), 10))
