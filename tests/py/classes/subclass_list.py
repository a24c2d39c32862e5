class MyList(list):
    def sum(self):
        return sum(self)
m = MyList([1, 2, 3])
m.append(4)
print(m, m.sum(), len(m), isinstance(m, list))
print(m[1:], type(m).__name__)
