class B:
    def __bool__(self):
        return 1
try:
    bool(B())
except TypeError as e:
    print(type(e).__name__, e)
