import math
print(math.fabs(-3), math.fabs(2.5), math.fabs(-0.0))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(7.5, 2))
print(math.modf(3.25), math.modf(-3.25), math.modf(5.0), math.modf(0.0))
