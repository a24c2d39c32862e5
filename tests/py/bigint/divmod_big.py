a = 10 ** 40 + 7
b = 10 ** 20 + 3
print(a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
q, r = divmod(a, b)
print(q * b + r == a)
