s = set(range(10))
for x in list(s):
    if x % 2:
        s.discard(x)
print(sorted(s))
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print("RuntimeError", e)
