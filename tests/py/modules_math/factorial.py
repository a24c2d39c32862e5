import math
print(math.factorial(0), math.factorial(1), math.factorial(5), math.factorial(10))
print(math.factorial(25))
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError", e)
