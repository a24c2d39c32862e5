print(2 in [1, 2, 3], 4 not in (1, 2), 'a' in {'a': 1}, 1 in {1, 2})
print('ell' in 'hello', [1] in [[1], 2], 3 in range(5), 5 in range(5))
class C:
    def __contains__(self, x):
        return x % 2 == 0
print(4 in C(), 3 in C(), 3 not in C())
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
