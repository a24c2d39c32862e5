print(len([]), len([1, 2, 3]), len(()), len((1,)))
print(len(''), len('hello'), len(b'abc'), len(bytearray(4)))
print(len({}), len({1: 2, 3: 4}), len({1, 2, 2}))
print(len(range(10)), len(range(0, 10, 3)), len(range(5, 0)))
class L:
    def __len__(self):
        return 7
print(len(L()))
