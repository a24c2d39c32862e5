r = range(2, 30, 7)
print(r.start, r.stop, r.step)
r = range(9)
print(r.start, r.stop, r.step)
