class Dyn:
    existing = 'real'
    def __getattr__(self, name):
        return 'dyn_' + name
d = Dyn()
print(d.existing, d.foo, d.bar)
class Strict:
    def __getattr__(self, name):
        raise AttributeError('no ' + name)
try:
    Strict().x
except AttributeError as e:
    print(e)
print(getattr(Strict(), 'y', 'default'), hasattr(Strict(), 'z'))
