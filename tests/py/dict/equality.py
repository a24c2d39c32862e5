print({'a': 1, 'b': 2} == {'b': 2, 'a': 1})
print({'a': 1} == {'a': 1.0}, {'a': 1} != {'a': 2})
print({} == {}, {1: 2} == {1: 2, 3: 4})
print(list({'b': 1, 'a': 2}) == ['b', 'a'])
try:
    {1: 1} < {2: 2}
except TypeError as e:
    print("TypeError", e)
