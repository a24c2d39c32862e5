class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print('enter', self.n)
    def __exit__(self, et, ev, tb):
        print('exit', self.n, et.__name__ if et else None)
try:
    with CM('outer'):
        with CM('inner'):
            raise RuntimeError('x')
except RuntimeError:
    print('handled')
