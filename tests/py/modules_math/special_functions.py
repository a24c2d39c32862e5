import math
print(math.erf(0), round(math.erf(1), 10), round(math.erf(-0.5), 10))
print(math.erfc(0), round(math.erfc(1), 10))
print(math.gamma(5), math.gamma(1), round(math.gamma(0.5), 10), round(math.gamma(4.5), 8))
print(math.lgamma(1), math.lgamma(2), round(math.lgamma(10), 10))
