from collections import namedtuple

P = namedtuple("P", "x y")
p = P(1, 2)
print({p: 1}[(1, 2)], {(1, 2): 3}[p], p != (1, 2), p != (2, 1), P(1, 2) == P(1, 2))
print(sorted([P(2, 1), P(1, 2)]), max(P(3, 0), P(2, 9)))


class A:
    def __hash__(self):
        return 2**62


print(hash(A()))
