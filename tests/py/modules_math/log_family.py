import math
print(math.log(1), round(math.log(math.e), 10), round(math.log(10), 10))
print(round(math.log(8, 2), 10), round(math.log(100, 10), 10), round(math.log(1000, 10), 10))
print(math.log2(8), math.log2(1024), math.log2(0.5))
print(math.log10(1000), math.log10(0.01), round(math.log10(2), 10))
