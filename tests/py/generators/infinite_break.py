def naturals():
    n = 0
    while True:
        yield n
        n += 1
for n in naturals():
    if n * n > 50:
        break
print(n)
def take(k, it):
    out = []
    for x in it:
        if len(out) == k:
            break
        out.append(x)
    return out
print(take(5, (x * 3 for x in naturals())))
