print(int(2.9), int(-2.9), int(1e10))
print(float(3), float('1.5'), float('-2e3'), float('  .25 '))
try:
    int(float('inf'))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
