class P:
    @property
    def bad(self):
        raise AttributeError("nope")
    @property
    def good(self):
        return 1
p = P()
print(hasattr(p, 'bad'), hasattr(p, 'good'))
print(getattr(p, 'bad', 'fallback'))
