nums = [5, 3, 8, 1]
print(list(map(lambda n: n + 1, nums)) == [n + 1 for n in nums])
print(list(filter(lambda n: n > 3, nums)) == [n for n in nums if n > 3])
print(sorted(n for n in nums))
