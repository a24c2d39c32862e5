# A class statement that sets __module__ = "builtins" is still a user class:
# its __init__ runs and its repr has no module prefix, as in CPython.
class A:
    __module__ = "builtins"

    def __init__(self, x):
        print("A.__init__", x)
        self.x = x


a = A(3)
print(a.x, A.__module__, type(a).__name__)
print(repr(a).startswith("<A object at "))


class B(list):
    __module__ = "builtins"

    def __init__(self, *args):
        print("B.__init__", args)
        super().__init__(args)


b = B(1, 2)
print(b, len(b), isinstance(b, list))

# The builtin constructors still run natively.
print(str(5), int("7"), list("ab"), type(3), repr(ValueError("v")))
C = type("C", (), {"__module__": "builtins", "__init__": lambda self: print("C.__init__")})
C()
