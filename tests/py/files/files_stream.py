# Files are read and written by position through a small buffer: big
# files, multi-byte characters across chunk edges, byte offsets in text
# mode, r+ in the middle, seeking past the end, truncate, CRLF.
import os

D = "_tmp_files_stream"
try:
    os.mkdir(D)
except OSError:
    pass
P = D + "/t.txt"

# A file much bigger than the read chunk, written line by line.
with open(P, "w") as f:
    for i in range(3000):
        f.write("line %d %s\n" % (i, "é" * (i % 7)))
total = 0
count = 0
with open(P) as f:
    for line in f:
        count += 1
        total += int(line.split()[1])
print(count, total, os.stat(P)[6])

# read(n) counts characters; tell() is a byte offset.
with open(P, "w") as f:
    f.write("ab" + "é" * 600 + "z")
    print(f.tell())
with open(P) as f:
    s = f.read(300)
    print(len(s), s[:3], f.tell())
    s = f.read(305)
    print(len(s), s[-2:], f.tell())
    print(repr(f.read(5)), f.tell())
with open(P) as f:
    line = f.readline()
    print(len(line), f.tell())
    f.seek(2)
    print(f.read(2), f.tell())

# r+: overwrite in the middle, keep the rest.
with open(P, "w") as f:
    f.write("0123456789")
with open(P, "r+") as f:
    f.seek(3)
    f.write("abc")
    print(f.tell())
    f.seek(0)
    print(f.read())

# Seeking past the end and writing fills with zero bytes.
with open(P, "wb") as f:
    f.write(b"xy")
    f.seek(5)
    f.write(b"z")
with open(P, "rb") as f:
    print(f.read())
    f.seek(-2, 2)
    print(f.read(), f.tell())
    f.seek(1)
    print(f.read(3), f.read(100), f.read())

# truncate, then append across opens.
with open(P, "r+b") as f:
    print(f.truncate(3))
    f.seek(0, 2)
    print(f.tell())
for i in range(3):
    with open(P, "ab") as f:
        f.write(b"+%d" % i)
with open(P, "rb") as f:
    print(f.read())

# CRLF becomes \n in text mode, also across a chunk edge.
with open(P, "wb") as f:
    f.write(b"a" * 511 + b"\r\nnext\r\nlast")
with open(P) as f:
    lines = f.readlines()
    print(len(lines), len(lines[0]), lines[1:])
with open(P) as f:
    s = f.read()
    print(len(s), s.count("\n"), repr(s[-10:]))
with open(P, newline="") as f:
    print(repr(f.read()[-12:]))

# readline with a size, readlines with a hint.
with open(P, "w") as f:
    f.write("hello world\nsecond\nthird\n")
with open(P) as f:
    print(repr(f.readline(5)), repr(f.readline()), f.readlines(1))

os.remove(P)
os.rmdir(D)
