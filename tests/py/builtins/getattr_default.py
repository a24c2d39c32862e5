class A:
    x = 1
a = A()
print(getattr(a, 'x'))
print(getattr(a, 'y', 'default'))
print(getattr(a, 'y', None))
try:
    getattr(a, 'y')
except AttributeError:
    print("AttributeError")
print(getattr([], 'append') is not None)
print(getattr('abc', 'upper')())
