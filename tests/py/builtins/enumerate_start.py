for i, c in enumerate("abc"):
    print(i, c)
for i, c in enumerate("xy", 10):
    print(i, c)
print(list(enumerate([5, 6], start=-1)))
print(list(enumerate([])))
e = enumerate(['a', 'b'])
print(next(e), next(e))
