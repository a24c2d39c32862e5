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


D = "_tmp_files_os"
rmtree(D)
os.mkdir(D)
try:
    os.mkdir(D + "/sub")
    with open(D + "/f1", "w") as f:
        f.write("12345")
    with open(D + "/sub/f2", "wb") as f:
        f.write(b"ab")
    print(sorted(os.listdir(D)), os.listdir(D + "/sub"))
    st = os.stat(D + "/f1")
    print(len(tuple(st)), bool(st[0] & 0x8000), bool(st[0] & 0x4000), st[6])
    st = os.stat(D + "/sub")
    print(bool(st[0] & 0x4000))
    os.rename(D + "/f1", D + "/f3")
    print(sorted(os.listdir(D)))
    os.rename(D + "/sub", D + "/sub2")
    print(sorted(os.listdir(D)), open(D + "/sub2/f2").read())
    for f, args in ((os.mkdir, (D,)), (os.rmdir, (D + "/sub2",)),
                    (os.remove, (D + "/nope",)), (os.rmdir, (D + "/nope",)),
                    (os.stat, (D + "/nope",)), (os.listdir, (D + "/nope",)),
                    (os.rename, (D + "/nope", D + "/x")),
                    (os.mkdir, (D + "/a/b",)), (os.chdir, (D + "/nope",))):
        try:
            f(*args)
        except OSError as e:
            print(f.__name__, "OSError", e.args[0])
    cwd = os.getcwd()
    os.chdir(D)
    print(os.getcwd().endswith(D), sorted(os.listdir()), sorted(os.listdir(".")))
    with open("sub2/f2") as f:
        print(f.read())
    os.chdir("sub2")
    print(sorted(os.listdir("..")))
    os.chdir("../..")
    print(os.getcwd() == cwd)
    os.remove(D + "/sub2/f2")
    os.rmdir(D + "/sub2")
    os.remove(D + "/f3")
    print(os.listdir(D))
    print(os.sep, type(os.urandom(4)), len(os.urandom(16)), os.urandom(0))
    u = os.uname()
    print(type(u.sysname), type(u.nodename), type(u.release), type(u.version), type(u.machine))
    print(u[0] == u.sysname, len(tuple(u)))
    print(len(os.statvfs(D)))
finally:
    rmtree(D)
print(D in os.listdir())
