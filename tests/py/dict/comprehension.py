print({x: x * x for x in range(5)})
print({k: v for k, v in zip('abc', range(3)) if v != 1})
print({x % 3: x for x in range(10)})
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
