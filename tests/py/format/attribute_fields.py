class P:
    def __init__(self):
        self.x = 3
        self.y = 4
        self.inner = self
p = P()
print('({0.x}, {0.y})'.format(p))
print('{p.inner.x}'.format(p=p))
print('{0.real}'.format(5))
