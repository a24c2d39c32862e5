g = {}
exec("a = 5\nb = a * 2", g)
print(g['a'], g['b'])
g2 = {'n': 3}
exec("def f(x):\n    return x * n\nr = f(7)", g2)
print(g2['r'])
exec("print('inside exec')")
code = "total = 0\nfor i in range(5):\n    total += i"
d = {}
exec(code, d)
print(d['total'])
