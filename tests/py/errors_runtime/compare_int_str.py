try:
    1 < 'a'
except TypeError as e:
    print(type(e).__name__, e)
try:
    'a' >= 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    None > None
except TypeError as e:
    print(type(e).__name__, e)
print(1 == 'a', 1 != 'a')
