import sys
print(issubclass(SystemExit, BaseException), issubclass(SystemExit, Exception))
try:
    try:
        sys.exit(1)
    except Exception:
        print("caught as Exception (wrong)")
except SystemExit:
    print("not caught by except Exception")
