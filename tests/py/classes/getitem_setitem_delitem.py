class Store:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        print('get', k)
        return self.d[k]
    def __setitem__(self, k, v):
        print('set', k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print('del', k)
        del self.d[k]
s = Store()
s['a'] = 1
s['a'] += 10
print(s['a'])
del s['a']
try:
    s['a']
except KeyError as e:
    print('KeyError', e)
