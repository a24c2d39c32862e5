class M:
    def __init__(self, v): self.v = v
    def __matmul__(self, o): return M(self.v * o.v)
    def __repr__(self): return 'M(%d)' % self.v
print(M(3) @ M(4))
try:
    1 @ 2
except TypeError as e:
    print(type(e).__name__, e)
