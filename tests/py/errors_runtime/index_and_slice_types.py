# Index and slice arguments of the wrong kind, and huge ones: CPython's
# exceptions and messages.
s = [1, 2, 3]
for bad in (1.5, "1", None, [0]):
    try:
        s[bad]
    except TypeError as e:
        print("TypeError", e)
    try:
        s[bad:2]
    except TypeError as e:
        print("TypeError", e)
for big in (10**20, -10**20):
    try:
        s[big]
    except IndexError as e:
        print("IndexError", e)
    try:
        s[big] = 0
    except IndexError as e:
        print("IndexError", e)
print(s[:10**20], s[-10**20:], "abc"[10**30:], s[::10**20], s[::-10**20])
print(s[True:], s[slice(None, 2)])


class I:
    def __index__(self):
        return 1


print(s[I():], s[:I()])
try:
    s[::1.0]
except TypeError as e:
    print("TypeError", e)
for t in (int, str, object):
    try:
        t[0]
    except TypeError as e:
        print("TypeError", e)
try:
    getattr(1, [])
except TypeError as e:
    print("TypeError", e)
try:
    iter(1, 2)
except TypeError as e:
    print("TypeError", e)
it = iter([1, 2, 0, 3])
print(list(iter(lambda: next(it), 0)))
class I:
    def __index__(self): return 2
class Bad:
    def __index__(self): return "x"
print(range(I()), bin(I()), hex(I()), [5,6,7][I()], "abc"[I()])
try:
    [1][Bad()]
except TypeError as e: print(e)
