class A:
    def __eq__(self, o):
        return NotImplemented
print(A() == A(), A() != A())
class B:
    pass
try:
    B() < B()
except TypeError as e:
    print(type(e).__name__, e)
b = B()
print(b == b, b == B())
