class A:
    pass
a = A()
print(hasattr(a, 'v'))
setattr(a, 'v', 42)
print(hasattr(a, 'v'), a.v)
setattr(a, 'v', 'changed')
print(a.v)
delattr(a, 'v')
print(hasattr(a, 'v'))
try:
    delattr(a, 'v')
except AttributeError:
    print("AttributeError")
print(hasattr("s", "upper"), hasattr("s", "nope"))
