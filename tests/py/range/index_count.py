r = range(10, 0, -2)
print(r.index(4), r.count(4), r.count(5), r.count(True), 4 in r, 5 in r)
print(range(5).index(3.0), range(5).count(2.0), range(0).count(0))
try:
    r.index(5)
except ValueError as e:
    print("ValueError", e)
print(range(0, 20, 2)[::-1], range(0, 20, 2)[1:-1:3], range(10)[-3:], range(10)[::-3])
print(list(reversed(range(1, 10, 3))), list(reversed(range(0))))
