# str() of an exception whose argument's __str__/__repr__ raises: the
# error propagates, as in CPython (it was swallowed into an empty message).
class R:
    def __repr__(self):
        raise ValueError("bad repr")
    def __str__(self):
        raise TypeError("bad str")
for e in (KeyError(R()), ValueError(R()), OSError(5, R()), Exception(1, R())):
    try:
        print(str(e))
    except Exception as x:
        print(type(e).__name__, '->', type(x).__name__, x)
print(str(KeyError('k')), str(OSError(2, 'ENOENT')), str(ValueError()), repr(ValueError(R)))
try:
    raise KeyError(R())
except KeyError as e:
    print('caught', type(e.args[0]).__name__)
