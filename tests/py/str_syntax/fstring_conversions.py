s = 'hi\n'
print(f'{s!r}')
print(f'{s!s}|')
print(f'{[1, "a"]!s} {[1, "a"]!r}')
class A:
    def __str__(self): return 'strA'
    def __repr__(self): return 'reprA'
a = A()
print(f'{a} {a!s} {a!r}')
