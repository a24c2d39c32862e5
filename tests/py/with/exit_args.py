class Inspect:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print(et.__name__ if et else et, repr(ev))
        return True
with Inspect():
    pass
with Inspect():
    raise KeyError('k')
with Inspect():
    1 / 0
