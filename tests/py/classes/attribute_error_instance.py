class A:
    def __init__(self):
        self.x = 1
a = A()
try:
    a.y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    a.method()
except AttributeError as e:
    print(e)
