print(int(3.7), int(-3.7), int(0.9999), int(-0.5), int(1e20))
print(int('  42\n'))
try:
    int(float('inf'))
except OverflowError as e:
    print("OverflowError", e)
try:
    int(float('nan'))
except ValueError as e:
    print("ValueError", e)
