a = [1, 'two', 3.0, (4,), [5]]
print(1 in a, 'two' in a, 3 in a, (4,) in a, [5] in a)
print(2 not in a, 'tw' in a)
print(True in [1], None in [0, '', None])
