r = range(10**12)
print(len(r), r[-1], 10**12 - 1 in r, 10**12 in r)
r2 = range(-10**15, 10**15, 10**14)
print(len(r2), r2[3])
