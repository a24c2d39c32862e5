# array's list-like methods: count, index, insert, remove, reverse,
# fromlist, byteswap.
from array import array

a = array("i", [3, 1, 3, 2, 3])
print(a.count(3), a.count(7), a.count(1.0))
print(a.index(3), a.index(3, 1), a.index(3, -2), a.index(2, 0, 4))
for args in ((7,), (3, 3, 4), (1, 2)):
    try:
        a.index(*args)
    except ValueError as e:
        print("ValueError", e)
a.insert(0, 9)
a.insert(-1, 8)
a.insert(100, 7)
a.insert(-100, 6)
print(a)
a.remove(3)
print(a)
try:
    a.remove(42)
except ValueError as e:
    print("ValueError", e)
a.reverse()
print(a)
a.fromlist([10, 11])
print(a)
for bad in ((1, 2), [1, "x"]):
    try:
        a.fromlist(bad)
    except TypeError as e:
        print("TypeError", e)
print(a, len(a))
h = array("H", [0x0102, 0xA0B0])
h.byteswap()
print([hex(x) for x in h])
d = array("d", [1.5])
d.byteswap()
d.byteswap()
print(d)
b = array("b", [1, -2])
b.byteswap()
print(b)
e = array("f")
e.reverse()
e.byteswap()
print(e, e.count(0))
