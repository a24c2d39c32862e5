def f(a, b):
    return a + b
try:
    f(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
def g():
    pass
try:
    g(1)
except TypeError as e:
    print(e)
def h(a, b=1):
    pass
try:
    h(1, 2, 3)
except TypeError as e:
    print(e)
