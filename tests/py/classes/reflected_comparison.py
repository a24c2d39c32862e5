class X:
    def __init__(self, v): self.v = v
    def __gt__(self, other):
        print('X.__gt__')
        return self.v > other
print(5 < X(10))
