class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None)
        return False
with CM('a') as v:
    print('body', v)
try:
    with CM('b'):
        raise ValueError('x')
except ValueError:
    print('propagated')
