class Range2:
    def __init__(self, n): self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield i * 2
r = Range2(3)
print(list(r), list(r))
a, b, c = r
print(a, b, c)
