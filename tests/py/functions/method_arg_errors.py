class A:
    def m(self, x):
        return x
a = A()
try:
    a.m()
except TypeError as e:
    print(e)
try:
    a.m(1, 2)
except TypeError as e:
    print(e)
try:
    A(1)
except TypeError as e:
    print(e)
