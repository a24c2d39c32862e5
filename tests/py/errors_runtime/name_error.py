try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e)
def f():
    return also_undefined
try:
    f()
except NameError as e:
    print(type(e).__name__, e)
