import time

ticks_max = time.ticks_add(0, -1)
print(ticks_max > 0)
print(time.ticks_add(ticks_max, 1))
print(time.ticks_diff(0, ticks_max))
print(time.ticks_diff(ticks_max, 0))
print(time.ticks_diff(time.ticks_add(ticks_max, 10), ticks_max))
print(time.ticks_diff(time.ticks_add(5, -10), 5))
