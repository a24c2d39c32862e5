def f():
    "doc here"
    return 1
def g():
    """only a docstring"""
print(f(), g())
class C:
    "class doc"
    x = 1
print(C.x)
