s = 'abc'
try:
    s[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s['a']
except TypeError as e:
    print(type(e).__name__, e)
try:
    s + 5
except TypeError as e:
    print(type(e).__name__, e)
