try:
    bytes([256])
except ValueError as e:
    print("ValueError", e)
try:
    bytes('abc')
except TypeError as e:
    print("TypeError", e)
print(bytes(b'copy'), bytes(bytearray(b'ba')))
