vals = [None, 0, 1, 2, 5, 9, 10, 11, -1, -2, -9, -10, -11, 10**20, -10**20]
steps = [None, 1, 2, 3, -1, -2, -3, 9, -9]
l = list(range(10)); s = 'abcdefghij'; e = []
out = []
for a in vals:
    for b in vals:
        for c in steps:
            out.append((l[a:b:c], s[a:b:c], e[a:b:c], slice(a, b, c).indices(10), slice(a,b,c).indices(0)))
for o in out: print(o)
