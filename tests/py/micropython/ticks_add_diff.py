import time

print(time.ticks_diff(time.ticks_add(100, 50), 100))
print(time.ticks_diff(100, 150))
print(time.ticks_diff(100, 100))
print(time.ticks_add(100, -40))
print(time.ticks_diff(time.ticks_add(1000, -300), 1000))
