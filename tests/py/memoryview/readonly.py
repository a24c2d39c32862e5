m = memoryview(b'abc')
try:
    m[0] = 1
except TypeError as e:
    print("TypeError", e)
