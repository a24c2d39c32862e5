class L(list):
    pass
class D(dict):
    pass
class S(set):
    pass
class M(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag
print(L('ab'), len(L([1, 2, 3])), L())
print(D(a=1), D([(1, 2)], b=3), len(D()))
print(sorted(S([3, 1, 3])), len(S()))
m = M((1, 2), 'x')
m.append(3)
print(m, m.tag, sorted(m, reverse=True), m.index(2), m.count(1))
d = D({'k': 1})
d.update(z=2)
print(sorted(d.items()), d.get('k'), d.pop('z'), d)
