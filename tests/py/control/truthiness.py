vals = [0, 1, -1, 0.0, 0.5, '', 'a', [], [0], (), (0,), {}, {0: 0}, None, True, False, range(0), range(1)]
print([bool(v) for v in vals])
class Z:
    def __len__(self): return 0
class B:
    def __bool__(self): return False
print(bool(Z()), bool(B()))
if not Z():
    print('Z falsy')
