print('{!r}'.format('s'))
print('{!s}'.format('s'))
print('{0!r:>8}'.format('ab'))
print('{!r}'.format([1, 'a']))
class C:
    def __str__(self):
        return 'str!'
    def __repr__(self):
        return 'repr!'
print('{} {!s} {!r}'.format(C(), C(), C()))
