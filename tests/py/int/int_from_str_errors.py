for s in ['abc', '', '1.5', '12a', ' ']:
    try:
        int(s)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int('9', 8)
except ValueError as e:
    print(e)
