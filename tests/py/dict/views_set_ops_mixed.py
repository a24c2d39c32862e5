d = {'a': 1, 'b': 2}
k = d.keys()
print(sorted(k | ['z']), sorted(['z'] | k), sorted(k - {'a'}), sorted({'a', 'q'} - k))
print(sorted(k ^ {'a', 'q'}), sorted(k & 'abc'), type(k & k).__name__)
print(sorted(d.items() - {('a', 1)}), sorted(d.items() | d.items()))
print(list(reversed(k)), list(reversed(d.values())), list(reversed(d.items())))
it = iter(d.values())
print(next(it), list(it))
d['c'] = 3
print(list(k), len(k))
try:
    for x in k:
        d['n' + x] = 0
except RuntimeError as e:
    print("RuntimeError", e)
