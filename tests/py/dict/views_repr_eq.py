d = {'a': 1, 'b': 2}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), len(v), len(it), bool(k), bool({}.keys()))
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(k == {'a', 'b'}, k == ['a', 'b'], v == v, it == {('a', 1), ('b', 2)}, k != {'a'})
print(k <= {'a', 'b', 'c'}, k < {'a', 'b'}, k > {'a'}, it >= {('a', 1)})
print(('a', 1) in it, ['a', 1] in it, 'a' in it, 1 in v, 3 in v, 'b' in k)
try:
    hash(k)
except TypeError as e:
    print("TypeError", e)
try:
    k | 1
except TypeError as e:
    print("TypeError", e)
nested = {1: {2: 3}}
print(nested.items(), {}.values())
