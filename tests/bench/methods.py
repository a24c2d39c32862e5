# Method calls and attribute access on instances, inheritance, properties.
N = 400000


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scale(self, k):
        self.x *= k
        self.y *= k


class Counter:
    step = 1

    def __init__(self):
        self.n = 0

    def tick(self):
        self.n += self.step
        return self.n


class Fast(Counter):
    step = 3

    @property
    def double(self):
        return self.n * 2


def main(n):
    v = Vec(1, 2)
    w = Vec(3, 4)
    acc = 0
    for i in range(n):
        u = v.add(w)
        acc += u.dot(v) + u.x - w.y
        v.x = i & 7
    c = Counter()
    f = Fast()
    for _ in range(n):
        c.tick()
        f.tick()
        acc += f.double - c.n
    s = Vec(1, 1)
    for _ in range(n):
        s.scale(1)
    return acc, c.n, f.n, s.x


print(main(N))
