class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, C))
print(issubclass(B, A), issubclass(B, B), issubclass(A, B), issubclass(B, (C, object)))
print(isinstance(3, (str, int)), isinstance(A, type), isinstance(type, object))
try:
    isinstance(b, 5)
except TypeError as e:
    print(type(e).__name__)
