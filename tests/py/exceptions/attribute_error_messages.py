class A:
    pass
a = A()
try:
    a.y
except AttributeError as e:
    print(e)
try:
    A.z
except AttributeError as e:
    print(e)
try:
    [].push(1)
except AttributeError as e:
    print(e)
try:
    x = 5
    x.foo = 1
except AttributeError as e:
    print(type(e).__name__, e)
