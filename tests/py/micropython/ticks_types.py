import time

for f in (time.ticks_ms, time.ticks_us):
    t = f()
    print(isinstance(t, int), t >= 0)
