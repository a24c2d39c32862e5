def f(a, b):
    return a + b
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f()
except TypeError as e:
    print(e)
def g(a, b, c):
    pass
try:
    g()
except TypeError as e:
    print(e)
def k(*, x, y):
    pass
try:
    k()
except TypeError as e:
    print(e)
