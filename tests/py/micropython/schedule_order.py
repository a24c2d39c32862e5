import micropython


def cb(arg):
    print("cb", arg)


def bad(arg):
    raise ValueError(arg)


# Scheduled calls run at the next safe point: a loop's back edge here.
micropython.schedule(cb, 1)
micropython.schedule(cb, 2)
print("queued")
for i in range(2):
    print("loop", i)
micropython.schedule(bad, "from callback")
try:
    while True:
        pass
except ValueError as e:
    print("ValueError", e)
# No safe point in straight-line code: the ninth call finds the queue full.
s = micropython.schedule
try:
    s(cb, 0); s(cb, 1); s(cb, 2); s(cb, 3); s(cb, 4); s(cb, 5); s(cb, 6); s(cb, 7); s(cb, 8)
except RuntimeError as e:
    print("RuntimeError", e)
for i in range(1):
    pass
print("end")
