print([[1, 2], [3, [4, [5]]]])
print([(1, 'a'), {'k': [None]}, 'q"uote', "ap'os"])
print([1.0, -0.5, True, None])
print(str([['x']]))
