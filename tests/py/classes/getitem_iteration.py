class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
print(list(Seq()))
print(20 in Seq(), 25 in Seq())
for v in Seq():
    print(v)
