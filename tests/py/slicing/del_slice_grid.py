vals = [None, 0, 1, 3, 9, 10, -1, -3, -10, -11, 10**20]
steps = [None, 1, 2, 3, -1, -2, -3, 9, -9]
out = []
for a in vals:
    for b in vals:
        for c in steps:
            l = list(range(10)); del l[a:b:c]
            ba = bytearray(b'0123456789'); del ba[a:b:c]
            out.append((l, ba))
for o in out: print(o)
