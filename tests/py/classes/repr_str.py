class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return 'P(%r)' % self.x
class Q(P):
    def __str__(self):
        return 'Q with ' + str(self.x)
print(P(1), repr(P('a')), str(P(2)))
print(Q(3), repr(Q(3)), [Q(4)], (P('s'),))
print(f'{Q(5)} {Q(5)!r}')
