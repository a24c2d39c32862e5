class C:
    items = []
    def add(self, x):
        self.items.append(x)
    def rebind(self, x):
        self.items = [x]
a, b = C(), C()
a.add(1); b.add(2)
print(C.items)
a.rebind(9)
print(a.items, b.items, C.items)
