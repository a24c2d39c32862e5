print(type(1).__name__, type('a').__name__, type([]).__name__)
print(type(1.0).__name__, type(None).__name__, type(True).__name__)
print(type({}) is dict, type(()) is tuple, type(type) is type)
print(type(int) is type)
class A: pass
print(type(A()) is A, type(A()).__name__)
