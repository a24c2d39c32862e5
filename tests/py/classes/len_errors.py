class Neg:
    def __len__(self): return -1
try:
    len(Neg())
except ValueError as e:
    print(type(e).__name__, e)
class NoLen:
    pass
try:
    len(NoLen())
except TypeError as e:
    print(type(e).__name__, e)
