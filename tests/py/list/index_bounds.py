l=[1,2,3,2]
print(l.index(2,2), l.index(2,-3), l.index(2, True), l.index(2, 0, 10**30), (1,2).index(2,-10**30))
class I:
    def __index__(s): return 1
class B:
    def __index__(s): return 'x'
print(l.index(2, I()))
for a in ['x', 1.5, B()]:
    try: l.index(2, a)
    except TypeError as e: print(e)
print('héllo'[1], 'abc'[-1])
