b = b'hello world'
print(b.find(b'o'), b.find(b'o', 5), b.find(b'xyz'), b.rfind(b'o'))
print(b.count(b'l'), b.count(b'lo'), b.count(b'z'))
print(b.index(b'w'))
print(b'w' in b, b'xyz' in b, 111 in b, 0 in b)
try:
    b.index(b'q')
except ValueError as e:
    print("ValueError", e)
