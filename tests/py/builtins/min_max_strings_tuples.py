print(min(['b', 'a', 'c']), max(['b', 'a', 'c']))
print(min((3, 'x'), (1, 'y'), (1, 'a')))
print(max([[1, 2], [1, 3], [0, 9]]))
print(min('zebra', 'apple', 'mango'))
