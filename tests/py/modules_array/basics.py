# array.array: construction, indexing, slicing, len, iteration, in, ==, +, *.
from array import array

for tc in 'bBhHiIlLqQfd':
    a = array(tc, [1, 2, 3])
    print(tc, a, len(a), a.itemsize, a.typecode, a[0], a[-1], list(a))

a = array('i')
print(a, repr(a), str(a), len(a), bool(a))
a.append(5)
a.append(-7)
a.extend([1, 2])
a.extend(array('i', [9]))
a.extend(range(3))
a.extend(x * 10 for x in range(2))
print(a, bool(a))
print(a[0], a[-1], a[-len(a)], a[2:5], a[::2], a[::-1], a[5:1], a[100:])
a[0] = 42
a[-1] = -42
print(a)
print(42 in a, 43 in a, 9.0 in a, 'x' in a)
print(a == array('i', a), a != array('i', a), a == array('d', a.tolist()))
print(a == a.tolist(), array('b', [1, 2]) < array('b', [1, 3]), array('b') <= array('b'))
print(array('h', [1, 2]) + array('h', [3]))
b = array('h', [1])
c = b
b += array('h', [2, 3])
print(b, c is b)
print(array('b', [1, 2]) * 3, 2 * array('b', [7]), array('b', [1]) * 0, array('b', [1]) * -2)
b *= 2
print(b, c is b)
print([x for x in array('d', [0.5, 1.5])], sum(array('I', [1, 2, 3])), sorted(array('b', [3, -1, 2])))
print(array('B', b'\x01\x02'), array('h', b'\x01\x00\xff\xff'), array('i', array('b', [1, -2])))
print(array('f', [0.1, 1e10]), array('d', [0.1, 1e100, float('inf'), -0.0]))
print(array('d', [1, True]), array('b', [True, False]))
print(array('Q', [2**64 - 1]), array('q', [-2**63, 2**63 - 1]), array('L', [2**64 - 1])[0])
print(array('I', [2**32 - 1]), array('H', [65535]), array('B', [255]), array('b', [-128, 127]))
print(type(a).__name__, isinstance(a, array), isinstance(a, list))
print(a.pop(), a.pop(0), a)
del a[0]
del a[1:3]
print(a)
del a[::2]
print(a)
