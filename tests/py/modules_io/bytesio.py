import io

b = io.BytesIO()
print(b.write(b"hello\n"), b.write(bytearray(b"world\n")), b.write(b""))
print(b.getvalue(), b.tell())
b.seek(0)
print(b.read(3), b.readline(), b.readline(), b.readline(), b.read())
b.seek(0)
print(b.readlines())
b.seek(0)
for line in b:
    print("line", line)

b = io.BytesIO(b"abcdef")
print(b.read(2))
b.write(b"XY")
print(b.getvalue(), b.tell())
b.seek(8)
b.write(b"Z")
print(b.getvalue())
print(b.seek(-3, 2), b.read())
b.seek(1)
print(b.seek(2, 1), b.read(1))
print(b.seek(-100, 1))
print(b.read(0), b.read(-1))

with io.BytesIO(b"ctx") as f:
    print(f.read(), f.closed)
print(f.closed)
for op in (lambda: f.read(), lambda: f.write(b"x"), lambda: f.getvalue(),
           lambda: f.seek(0), lambda: f.tell(), lambda: f.readline()):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)

b = io.BytesIO()
try:
    b.write("x")
except TypeError as e:
    print("TypeError", e)
try:
    b.seek(-1)
except ValueError as e:
    print("ValueError", e)
print(list(io.BytesIO(b"1\n2\n3")))
