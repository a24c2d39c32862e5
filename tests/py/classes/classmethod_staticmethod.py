class C:
    n = 0
    @classmethod
    def make(cls, k):
        obj = cls()
        obj.k = k
        return obj
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def name(cls):
        return cls.__name__
class D(C):
    pass
print(C.make(1).k, type(D.make(2)).__name__)
print(C.add(2, 3), C().add(4, 5))
print(C.name(), D.name(), D().name())
