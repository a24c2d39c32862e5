print({x: x * x for x in range(4)})
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
print({k: 0 for k in 'aab'})
print({i % 3: i for i in range(10)})
