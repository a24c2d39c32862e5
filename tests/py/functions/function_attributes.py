def foo():
    pass
print(foo.__name__)
foo.custom = 42
print(foo.custom)
class K:
    def meth(self):
        pass
print(K.meth.__name__, K().meth.__name__)
print((lambda: 0).__name__)
def outer():
    def inner():
        pass
    return inner
print(outer().__name__)
