def make():
    fns = []
    for name in ('a', 'b'):
        def f():
            return name
        fns.append(f)
    return fns
print([f() for f in make()])
def make2():
    x = 1
    def get(): return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = make2()
s(42)
print(g())
