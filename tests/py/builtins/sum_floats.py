print(sum([0.1] * 10))
print(sum([1, 2.5, 3]))
print(sum([True, True, False]))
