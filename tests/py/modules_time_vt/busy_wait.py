# Busy-waiting on the virtual clock ends: past the first 100 reads since
# the last sleep, every clock read costs 10 us of virtual time (see
# ferrite-board), so the trace is exact and independent of the
# instruction budget. (CPython runs it on its real clock; the
# expected output is Ferrite's virtual-time one.)
import time

t0 = time.ticks_ms()
n = 0
while time.ticks_diff(time.ticks_ms(), t0) < 50:
    n += 1
print(n, time.ticks_diff(time.ticks_ms(), t0))

# A sleep measures from its own read (whose 10 us it absorbs).
t1 = time.ticks_us()
time.sleep_ms(5)
print(time.ticks_diff(time.ticks_us(), t1))

# Straight-line code takes no virtual time, and after a sleep reads are
# free again.
t2 = time.ticks_us()
s = sum(i * i for i in range(1000))
print(s, time.ticks_diff(time.ticks_us(), t2))
