t = (0, 1, 2, 3, 4)
print(t[1:4], t[::-2], t[:0], type(t[1:]).__name__)
b = b'abcdef'
print(b[1:3], b[::-1], b[0], b[-1:], type(b[1:]).__name__)
