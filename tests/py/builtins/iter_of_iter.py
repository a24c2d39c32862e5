it = iter([1, 2, 3])
print(iter(it) is it)
print(list(it))
print(list(it))
d = {'a': 1, 'b': 2}
print(list(iter(d)))
print(list(iter(range(3))))
