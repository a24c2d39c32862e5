class V:
    def __init__(self, n):
        self.n = n
    def __abs__(self):
        return V(self.n * 2 if self.n > 0 else -self.n * 2)
print(abs(V(-3)).n, abs(V(4)).n)
