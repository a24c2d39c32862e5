import math
print(math.sqrt(10**20), math.floor(10**30) == 10**30, math.ceil(2**70) == 2**70)
print(round(math.log(2**100, 2), 10), math.log2(2**100))
print(math.trunc(-7), math.fabs(-2**60))
