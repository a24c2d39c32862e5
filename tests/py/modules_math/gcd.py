import math
print(math.gcd(12, 18), math.gcd(7, 5), math.gcd(0, 9), math.gcd(-12, 18), math.gcd(0, 0))
print(math.gcd(2**64, 2**32 * 3))
print(math.gcd(12, 18, 27))
