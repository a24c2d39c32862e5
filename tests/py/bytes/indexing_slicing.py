b = b'hello'
print(b[0], b[-1], type(b[0]).__name__)
print(b[1:3], b[::-1], b[::2], b[10:])
print(list(b))
print(b[:0], len(b))
try:
    b[10]
except IndexError as e:
    print("IndexError", e)
