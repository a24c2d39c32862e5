class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    def __neg__(self): return Vec(-self.x, -self.y)
    def __abs__(self): return self.x * self.x + self.y * self.y
    def __repr__(self): return 'Vec(%d, %d)' % (self.x, self.y)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, b - a, a * 3, -a, abs(b))
