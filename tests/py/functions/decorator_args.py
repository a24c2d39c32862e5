def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def f(x):
    return x * 2
print(f(4))
order = []
def tag(name):
    order.append('make ' + name)
    def d(fn):
        order.append('apply ' + name)
        return fn
    return d
@tag('a')
@tag('b')
def g():
    pass
print(order)
