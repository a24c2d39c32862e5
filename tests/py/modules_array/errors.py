# array: CPython's errors for bad typecodes, items and operands.
from array import array


def t(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: array('x'))
t(lambda: array('ii'))
t(lambda: array(1))
t(lambda: array())
t(lambda: array('i', [1], 2))
t(lambda: array('i', 'abc'))
t(lambda: array('i', 5))
t(lambda: array('i', [1.5]))
t(lambda: array('i', ['x']))
t(lambda: array('i', [None]))
t(lambda: array('h', b'123'))
t(lambda: array('d', ['x']))
t(lambda: array('f', [None]))
t(lambda: array('d', [2 ** 2000]))
for tc, vals in [('b', [128, -129, 40000, -40000, 2 ** 64]),
                 ('B', [256, -1, 2 ** 64]),
                 ('h', [32768, -32769, 2 ** 40]),
                 ('H', [65536, -1, 2 ** 31, -2 ** 31 - 1]),
                 ('i', [2 ** 31, -2 ** 31 - 1, 2 ** 63]),
                 ('I', [2 ** 32, -1, 2 ** 64]),
                 ('l', [2 ** 63, -2 ** 63 - 1]),
                 ('L', [2 ** 64, -1]),
                 ('q', [2 ** 63, -2 ** 63 - 1]),
                 ('Q', [2 ** 64, -1])]:
    a = array(tc)
    for v in vals:
        t(lambda: a.append(v))
    print(tc, a)
a = array('i', [1, 2, 3])
t(lambda: a + [1])
t(lambda: a + array('b'))
t(lambda: a.extend(array('b', [1])))
t(lambda: a.extend(5))
t(lambda: a.extend('ab'))
t(lambda: a.frombytes(b'123'))
t(lambda: a.frombytes('ab'))
t(lambda: a[3])
t(lambda: a[-4])
t(lambda: a['x'])
t(lambda: a * 'x')


def setitem(i, v):
    a[i] = v


def iadd(v):
    global a
    a += v


t(lambda: setitem(3, 1))
t(lambda: setitem(-4, 1))
t(lambda: setitem(0, 2 ** 40))
t(lambda: setitem(0, 'x'))
t(lambda: setitem(slice(0, 1), [5]))
t(lambda: setitem(slice(0, 1), array('b', [5])))
t(lambda: setitem(slice(None, None, 2), array('i', [1])))
t(lambda: iadd([1]))
t(lambda: array('i').pop())
t(lambda: a.pop(7))
print(a)
