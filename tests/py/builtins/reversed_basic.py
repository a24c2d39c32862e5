print(list(reversed([1, 2, 3])))
print(list(reversed((1, 2, 3))))
print(list(reversed('abc')))
print(list(reversed(range(5))))
print(list(reversed([])))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())))
