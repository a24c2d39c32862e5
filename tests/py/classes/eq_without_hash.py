class E:
    def __eq__(self, o): return True
try:
    {E()}
except TypeError as e:
    print(type(e).__name__, e)
print(E.__hash__ is None)
class Plain:
    pass
p = Plain()
print(len({p, p}))
