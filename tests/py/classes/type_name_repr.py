class A:
    pass
print(type(A()).__name__, A.__name__)
print(type(A()) is A, type(A) is type)
print(A)
print(type(5), type('s'), type([]), type(None))
