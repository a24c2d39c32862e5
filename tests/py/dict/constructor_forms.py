print(dict(a=1, b=2))
print(dict([('a', 1), ['b', 2]]))
print(dict({'a': 1}, c=3))
print(dict(zip('ab', [1, 2])))
print(dict([]), dict(()))
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
