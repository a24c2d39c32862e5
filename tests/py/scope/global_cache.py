# LoadGlobal caches where a name sits in the globals dict; every change
# to the globals must still be seen.


def f():
    return g


def uses_len():
    return len("abc")


g = 1
print(f(), f())
g = 2
print(f())
del g
try:
    f()
except NameError as e:
    print("NameError", e)
g = 3
print(f())

for _ in range(3):
    uses_len()
len = lambda s: "shadowed"
print(uses_len())
del len
print(uses_len())

# Many new globals move entries around (the dict grows and rehashes).
for i in range(100):
    globals()["v%d" % i] = i
print(f(), v42)
for i in range(100):
    del globals()["v%d" % i]
print(f())
globals()["g"] = "via globals()"
print(f())
