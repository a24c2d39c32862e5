# Slice assignment to a bytearray checks each new byte (range and type),
# before comparing an extended slice's size; lists assign item by item.
b = bytearray(b"abcdef")
for new in ([300], ["x"], [-1], [1.5]):
    try:
        b[0:1] = new
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(b)
try:
    b[::2] = [300, 1]
except ValueError as e:
    print("ValueError", e)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
b[::2] = b"XYZ"
print(b)
b[::-2] = [65, 66, 67]
print(b)
b[1:3] = (i for i in range(97, 100))
print(b)
b[2:2] = b
print(b)
b[4:] = memoryview(b"12")
print(b)
l = list(range(8))
l[1::3] = "abc"
print(l)
l[::-3] = [None] * 3
print(l)
l[2:5] = l
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print("ValueError", e)
