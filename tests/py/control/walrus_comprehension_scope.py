def f():
    vals = [(last := x) for x in range(4)]
    return vals, last
print(f())
total = 0
sums = [total := total + x for x in [1, 2, 3]]
print(sums, total)
