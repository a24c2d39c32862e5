class C:
    def __init__(self):
        self._v = 1
    def getv(self):
        return self._v
    def setv(self, v):
        self._v = v
    def delv(self):
        print('deleting')
        del self._v
    v = property(getv, setv, delv)
c = C()
c.v = 5
print(c.v)
del c.v
print(hasattr(c, '_v'))
