class Defaulting(dict):
    def __missing__(self, key):
        return 'missing:' + str(key)
d = Defaulting(a=1)
print(d['a'], d['zz'], len(d))
class Counter(dict):
    def add(self, k):
        self[k] = self.get(k, 0) + 1
c = Counter()
for ch in 'abracadabra':
    c.add(ch)
print(sorted(c.items()))
