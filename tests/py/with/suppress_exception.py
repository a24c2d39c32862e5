class Suppress:
    def __init__(self, exc): self.exc = exc
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.exc):
            print('suppressing', et.__name__, ev)
            return True
        return False
with Suppress(ValueError):
    raise ValueError('gone')
print('continued')
try:
    with Suppress(ValueError):
        raise TypeError('not suppressed')
except TypeError as e:
    print('caught', e)
