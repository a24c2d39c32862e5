class Meters(int):
    def __repr__(self):
        return '%dm' % int(self)
m = Meters(5)
print(repr(m), m + 3, type(m + 3).__name__, m * 2)
class Shout(str):
    def shout(self):
        return self.upper() + '!'
s = Shout('hi')
print(s.shout(), s + 'x', len(s), isinstance(s, str))
