print(b'ab' + b'cd', b'ab' * 3, 2 * b'x')
print(b'abc' == b'abc', b'abc' < b'abd', b'a' < b'ab', b'b' > b'abc')
print(b'abc' == 'abc')
try:
    b'a' + 'b'
except TypeError as e:
    print("TypeError", e)
