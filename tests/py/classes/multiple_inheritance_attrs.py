class A:
    x = 'A'
class B:
    x = 'B'
    y = 'B.y'
class C(A, B):
    pass
print(C.x, C.y)
class D(B, A):
    pass
print(D.x)
