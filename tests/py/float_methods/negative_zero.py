z = -0.0
print(z, z == 0.0, repr(z), str(z), abs(z))
print(0.0 * -1, -0.0 + 0.0, round(-0.4), round(-0.4, 1))
import math
print(math.copysign(1, z), math.copysign(1, 0.0))
