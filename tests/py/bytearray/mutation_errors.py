# bytearray mutating methods and their errors.
x = bytearray(b'abc')
x.extend(range(3))
x.extend(b'!')
x.insert(-100, 90)
x.insert(100, 89)
print(x, x.pop(), x.pop(0), x)
x.remove(0)
x.reverse()
print(x, x.copy() == x, x.copy() is x)
for f in [lambda: x.append(256), lambda: x.append('a'), lambda: x.extend(5),
          lambda: x.extend('ab'), lambda: x.pop(10), lambda: bytearray().pop(),
          lambda: x.insert(0, 300), lambda: x.remove(200)]:
    try:
        f()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
y = bytearray(b'a,b')
print(y.upper(), y.split(b','), y.partition(b','), y.replace(b',', b''), y.strip(b'a'))
y.clear()
print(y, len(y))
