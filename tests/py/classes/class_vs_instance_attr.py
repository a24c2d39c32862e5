class C:
    shared = []
    count = 0
    def __init__(self):
        C.count += 1
a = C(); b = C()
a.shared.append(1)
print(b.shared, C.count, a.count)
a.count = 100
print(a.count, b.count, C.count)
del a.count
print(a.count)
