x: int = 5
y: str
print(x)
try:
    print(y)
except NameError as e:
    print(type(e).__name__, e)
def f():
    z: list = [1]
    return z
print(f())
