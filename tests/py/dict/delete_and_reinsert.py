d = {i: i * i for i in range(6)}
for i in range(0, 6, 2):
    del d[i]
print(d)
d[0] = 'new'
print(d, list(d.keys())[-1])
print(1 in d, 0 in d, 2 in d)
