print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(0 % 5, -1 % 10, 1 % -10)
print(-6 % 3, 6 % -3)
for a in (-5, 5):
    for b in (-3, 3):
        q, r = divmod(a, b)
        print(a, b, q, r, q * b + r == a)
