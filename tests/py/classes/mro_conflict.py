class X: pass
class Y(X): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print(type(e).__name__)
