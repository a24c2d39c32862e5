import os


def rmtree(p):
    try:
        names = os.listdir(p)
    except OSError:
        return
    for n in names:
        q = p + "/" + n
        if os.stat(q)[0] & 0x4000:
            rmtree(q)
        else:
            os.remove(q)
    os.rmdir(p)


D = "_tmp_files_open"
rmtree(D)
os.mkdir(D)
try:
    P = D + "/a.txt"
    with open(P, "w") as f:
        print(f.write("hello\n"), f.write("wörld\n"), f.closed)
    print(f.closed)
    with open(P) as f:
        print(repr(f.read()))
    with open(P, "rb") as f:
        print(f.read())
    with open(P) as f:
        print(repr(f.readline()), f.readlines())
    with open(P) as f:
        for line in f:
            print("line", repr(line))
    with open(P, "a") as f:
        f.write("more\n")
    with open(P) as f:
        print(f.read().splitlines())
    with open(P, "rb+") as f:
        print(f.read(3), f.tell())
        f.seek(0)
        print(f.write(b"J"), f.tell())
        f.seek(-5, 2)
        print(f.read())
        f.flush()
    with open(P, "rb") as f:
        print(f.read(5), f.seek(1), f.read(3))
    with open(P, "w+") as f:
        f.write("abc\ndef\n")
        f.seek(0)
        print(f.readlines())
    with open(P, "wb") as f:
        f.write(bytes(range(10)))
        f.write(bytearray(b"xy"))
    with open(P, "rb") as f:
        print(f.read())
    try:
        open(P, "x")
    except OSError as e:
        print("OSError", e.args[0])
    with open(D + "/new.txt", "x") as f:
        f.write("x")
    print(open(D + "/new.txt").read())
    f = open(D + "/big.txt", "w")
    for i in range(2000):
        f.write(str(i) + "\n")
    f.close()
    f = open(D + "/big.txt")
    n = 0
    for line in f:
        n += int(line)
    f.close()
    print(n)
    for name in ("missing.txt", "no/such/file"):
        try:
            open(D + "/" + name)
        except OSError as e:
            print("OSError", e.args[0])
    try:
        open(D + "/no/dir", "w")
    except OSError as e:
        print("OSError", e.args[0])
    try:
        open(D)
    except OSError as e:
        print("OSError", e.args[0])
    f = open(P)
    f.close()
    f.close()
    for op in (f.read, f.readline, lambda: f.write("x"), f.tell, lambda: f.seek(0)):
        try:
            op()
        except ValueError as e:
            print("ValueError", e)
    for mode in ("z", "rw", "rt+b", "+", "rr"):
        try:
            open(P, mode)
        except ValueError as e:
            print("ValueError", e)
    try:
        open(P, "w").write(b"x")
    except TypeError as e:
        print("TypeError", e)
    try:
        open(P, "wb").write("x")
    except TypeError as e:
        print("TypeError", e)
finally:
    rmtree(D)
print(D in os.listdir())
