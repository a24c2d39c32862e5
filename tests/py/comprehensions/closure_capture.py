def f():
    n = 10
    return [n + i for i in range(3)]
print(f())
def g():
    fs = [lambda: i for i in range(3)]
    return [h() for h in fs]
print(g())
