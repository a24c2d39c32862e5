ns = {}
exec('a = 5\nb = a * 2', ns)
print(ns['a'], ns['b'])
print(eval('a + b', ns))
print(eval('x * 2', {'x': 21}))
print(eval('1 + 2'))
