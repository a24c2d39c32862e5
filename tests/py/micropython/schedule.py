import micropython
import time


def cb(arg):
    print("cb", arg)


print("before")
micropython.schedule(cb, 42)
time.sleep_ms(0)
print("after")
