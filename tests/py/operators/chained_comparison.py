x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5, 1 < 2 < 3 < 2)
def f(v):
    print('eval', v)
    return v
print(f(1) < f(2) < f(3))
print(f(3) < f(2) < f(1))
n = None
print(1 == 1 != 2, x is not n is not False)
