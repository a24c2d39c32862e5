for s in ['x', '1.5', '', ' ', '12a']:
    try:
        int(s)
    except ValueError as e:
        print("ValueError", e)
try:
    int('9', 8)
except ValueError as e:
    print("ValueError", e)
try:
    int('1', 1)
except ValueError as e:
    print("ValueError", e)
