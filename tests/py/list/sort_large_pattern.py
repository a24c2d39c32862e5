n = 200
a = [(i * 7919) % 211 for i in range(n)]
b = sorted(a)
ok = all(b[i] <= b[i + 1] for i in range(len(b) - 1))
print(ok, len(b), b[:5], b[-5:])
a.sort(reverse=True)
print(a[:3], a[-3:])
