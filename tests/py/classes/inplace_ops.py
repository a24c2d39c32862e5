class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __repr__(self): return 'Acc%r' % (self.items,)
a = Acc()
b = a
a += 1
a += 2
print(a, a is b)
class NoIadd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return NoIadd(self.v + o)
x = NoIadd(1)
y = x
x += 5
print(x.v, y.v, x is y)
