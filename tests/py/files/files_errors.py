# MicroPython's wording: OSError(errno, 'ENAME'), printed "[Errno 2] ENOENT".
import os

D = "_tmp_files_errors"
try:
    open(D + "/missing")
except OSError as e:
    print(type(e).__name__, e, e.args, e.errno)
try:
    open(".", "w")
except OSError as e:
    print(e)
try:
    os.rmdir("_tmp_files_errors_missing")
except OSError as e:
    print(e)
os.mkdir(D)
try:
    with open(D + "/f", "w") as f:
        f.write("x")
    try:
        open(D + "/f", "x")
    except OSError as e:
        print(e)
    try:
        os.rmdir(D)
    except OSError as e:
        print(e)
    with open(D + "/f") as f:
        try:
            f.write("y")
        except OSError as e:
            print(e)
    with open(D + "/f", "a") as f:
        try:
            f.read()
        except OSError as e:
            print(e)
    print(OSError(5, "EIO"))
finally:
    os.remove(D + "/f")
    os.rmdir(D)
