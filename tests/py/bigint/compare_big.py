a = 10 ** 30
print(a > 10 ** 29, a == 10 ** 30, a < -a, -a < 0)
print(a == float(a), 2 ** 53 + 1 == float(2 ** 53 + 1))
print(sorted([10 ** 25, -10 ** 25, 5, 2 ** 70]))
