d = {}
for i in range(1000):
    d[i] = i * 2
print(len(d), d[0], d[500], d[999])
for i in range(0, 1000, 2):
    del d[i]
print(len(d), list(d)[:5], sum(d.values()))
s = {}
for i in range(200):
    s['k' + str(i)] = i
print(len(s), s['k150'], list(s)[-3:])
