# Assigning __class__: allowed between user classes with the same layout;
# CPython's TypeErrors otherwise.
class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


a = A()
a.x = 1
print(a.who(), type(a).__name__)
a.__class__ = B
print(a.who(), type(a).__name__, a.x, isinstance(a, B), isinstance(a, A))
for _ in range(3):
    a.__class__ = A if type(a) is B else B
    print(a.who(), end=" ")
print()


class L(list):
    pass


class M(list):
    def total(self):
        return sum(self)


l = L([1, 2, 3])
l.__class__ = M
print(type(l).__name__, l.total(), l)

for target, value in ((a, 5), (a, L), (l, A), (1, B), (object(), B), (a, int)):
    try:
        target.__class__ = value
        print("assigned", type(target).__name__)
    except TypeError as e:
        print("TypeError", e)
