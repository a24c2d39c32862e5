class CM:
    def __init__(self, n, suppress): self.n, self.s = n, suppress
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print('exit', self.n, et.__name__ if et else None)
        return self.s
with CM('a', False) as a, CM('b', True) as b:
    raise ValueError
print('after')
