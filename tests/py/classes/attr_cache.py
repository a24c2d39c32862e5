# Inline caches for attribute loads/stores and method loads must notice
# every change that alters what an access means.


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def read(o):
    return o.x


def call(o):
    return o.get()


def write(o, v):
    o.x = v


a = P(1)
b = P(2)
for _ in range(3):
    print(read(a), read(b), call(a), call(b))

# A property added to the class wins over the instance dict.
P.x = property(lambda self: "prop")
print(read(a), call(b))
del P.x
print(read(a), call(b))

# A setter property intercepts stores that used to go to the dict.
for i in range(3):
    write(a, i)
print(a.x)
log = []
P.x = property(lambda self: "p", lambda self, v: log.append(v))
write(a, 99)
print(log, a.__dict__)
del P.x

# __setattr__ added later.
for i in range(3):
    write(b, i)


def sa(self, k, v):
    log.append((k, v))
    object.__setattr__(self, k, v * 10)


P.__setattr__ = sa
write(b, 5)
print(b.x, log[-1])
del P.__setattr__
write(b, 6)
print(b.x)

# Deleting and re-adding instance attributes (dict slots move).
c = P(1)
c.y = 2
for _ in range(3):
    read(c)
del c.x
try:
    read(c)
except AttributeError as e:
    print("AttributeError", e)
c.x = 7
print(read(c), c.y)

# An instance attribute shadows a method; deleting it unshadows.
for _ in range(3):
    call(c)
c.get = lambda: "instance"
print(call(c))
del c.get
print(call(c))

# Replacing the method on the class.
P.get = lambda self: "new"
print(call(a))


# Another class with the same attribute names at other slots.
class Q:
    def __init__(self):
        self.pad = 0
        self.x = "q"

    def get(self):
        return "Q.get"


q = Q()
for o in (a, q, a, q):
    print(read(o), call(o))

# Builtin receivers share the method cache sites.


def app(l, v):
    l.append(v)
    return l


print(app([], 1), app([1], 2))


class L(list):
    def append(self, v):
        list.append(self, v * 2)


print(app(L(), 3), app([], 4), app(L([1]), 5))
