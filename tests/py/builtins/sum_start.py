print(sum([1, 2, 3]), sum([]), sum([], 10))
print(sum([1, 2, 3], 100))
print(sum([0.5, 0.25]))
print(sum([[1], [2, 3]], []))
print(sum(range(101)))
print(sum((x * x for x in range(4)), start=1))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print("TypeError", e)
