class A: pass
class B(A): pass
class C: pass
print(issubclass(B, A), issubclass(A, B), issubclass(A, A))
print(issubclass(B, (C, A)), issubclass(C, (A, B)))
print(issubclass(bool, int), issubclass(int, object), issubclass(str, object))
try:
    issubclass(1, int)
except TypeError:
    print("TypeError")
