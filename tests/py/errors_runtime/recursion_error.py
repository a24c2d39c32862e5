def r(n):
    return r(n + 1)
try:
    r(0)
except RecursionError as e:
    print(type(e).__name__)
print(issubclass(RecursionError, RuntimeError))
