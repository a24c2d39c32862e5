class Managed:
    def __init__(self, gen_fn):
        self.gen = gen_fn()
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        try:
            next(self.gen)
        except StopIteration:
            pass
        return False
def resource():
    print('acquire')
    yield 'res'
    print('release')
with Managed(resource) as r:
    print('using', r)
