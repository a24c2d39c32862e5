class N:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        return N(self.v + (o.v if isinstance(o, N) else o))
    def __radd__(self, o):
        print('radd')
        return N(o + self.v)
    def __rsub__(self, o):
        return N(o - self.v)
    def __rmul__(self, o):
        return N(o * self.v)
    def __repr__(self): return 'N(%r)' % self.v
print(N(1) + 2, 2 + N(1), 10 - N(3), 3 * N(4))
print(sum([N(1), N(2)]))
