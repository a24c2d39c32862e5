print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(0.1))
print(bool(''), bool('a'), bool([]), bool([0]), bool({}), bool(()))
print(bool(None), bool(range(0)), bool(range(1)))
class T:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
print(bool(T()), bool(L()))
