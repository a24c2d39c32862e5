try:
    print(not_defined)
except NameError as e:
    print(type(e).__name__, e)
def f():
    return also_missing + 1
try:
    f()
except NameError as e:
    print(e)
