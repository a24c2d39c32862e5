print(isinstance(1, int), isinstance(1, (str, int)), isinstance(1, (str, float)))
print(isinstance(True, int), isinstance(1.0, int), isinstance('a', str))
print(isinstance([], (list, tuple)), isinstance((), (list, tuple)))
print(isinstance(None, type(None)))
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), (int, A)))
print(isinstance(1, (str, (float, int))))
