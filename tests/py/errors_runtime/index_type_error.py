lst = [1, 2]
tup = (1,)
s = 'abc'
key_s, key_f, key_n = 'a', 1.0, None
try:
    lst[key_s]
except TypeError as e:
    print(type(e).__name__, e)
try:
    tup[key_f]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[key_n]
except TypeError as e:
    print(type(e).__name__, e)
