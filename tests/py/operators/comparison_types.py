print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'), [] < [0])
print((1, 2) == (1, 2), [1, 2] == (1, 2), {1: 2} == {1: 2})
print('abc' == 'abc', 'a' != 'b')
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    {} < {}
except TypeError as e:
    print(type(e).__name__, e)
try:
    None < 1
except TypeError as e:
    print(type(e).__name__, e)
