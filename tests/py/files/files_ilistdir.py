# MicroPython-only: os.ilistdir yields (name, type, inode, size).
import os

D = "_tmp_files_ilistdir"

def rmtree(p):
    # Leftovers of an interrupted run.
    try:
        entries = os.listdir(p)
    except OSError:
        return
    for name in entries:
        q = p + "/" + name
        try:
            os.remove(q)
        except OSError:
            rmtree(q)
    os.rmdir(p)

rmtree(D)
os.mkdir(D)
try:
    os.mkdir(D + "/sub")
    with open(D + "/f", "w") as f:
        f.write("abc")
    for name, kind, ino, size in sorted(os.ilistdir(D)):
        print(name, hex(kind), size if kind == 0x8000 else "-")
    print(list(os.ilistdir(D + "/sub")))
finally:
    os.remove(D + "/f")
    os.rmdir(D + "/sub")
    os.rmdir(D)
