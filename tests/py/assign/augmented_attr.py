class C:
    pass
o = C()
o.n = 1
o.n += 10
o.n *= 2
print(o.n)
o.l = [1]
o.l += [2]
print(o.l)
