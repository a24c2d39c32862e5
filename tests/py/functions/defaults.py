def f(a, b=2, c=3):
    return a, b, c
print(f(1), f(1, 5), f(1, c=9), f(a=0, b=0, c=0))
X = 10
def g(v=X):
    return v
X = 20
print(g())
