import io

s = io.StringIO()
print(s.write("hello\n"), s.write("world\n"), s.write(""))
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.read(3)), repr(s.readline()), repr(s.readline()), repr(s.readline()))
print(s.seek(2), repr(s.read()))
s.seek(0)
print(s.readlines())
s.seek(0)
for line in s:
    print("line", repr(line))

# Overwrite in the middle, then write past the end.
s = io.StringIO("abcdef")
print(s.tell(), repr(s.read(2)))
s.write("XY")
print(repr(s.getvalue()), s.tell())
s.seek(8)
s.write("Z")
print(repr(s.getvalue()))
print(s.seek(0, 2), s.seek(0, 1))

s = io.StringIO("a\nb\nc")
print(s.readlines())
s.seek(0)
print(s.readline(1), repr(s.readline(5)))
print(list(io.StringIO("x\ny\n")))
print(io.StringIO("one\ntwo\nthree\n").readlines(5))

with io.StringIO("ctx") as f:
    print(f.read(), f.closed)
print(f.closed)

for op in (lambda: f.read(), lambda: f.write("x"), lambda: f.getvalue(),
           lambda: f.seek(0), lambda: f.tell(), lambda: f.readline(),
           lambda: iter(f)):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
f.close()

s = io.StringIO()
try:
    s.write(b"x")
except TypeError as e:
    print("TypeError", e)
try:
    s.seek(-1)
except ValueError as e:
    print("ValueError", e)
try:
    s.seek(1, 1)
except OSError as e:
    print("OSError", e)
s.writelines(["a", "b"])
print(s.getvalue())
big = io.StringIO()
for i in range(1000):
    big.write(str(i))
print(len(big.getvalue()), big.tell())
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
