import time
time.sleep_ms(1)
time.sleep_us(10)
time.sleep_ms(-5)
for f, arg in [(time.sleep_ms, 1.5), (time.sleep_us, 'x')]:
    try:
        f(arg)
    except TypeError as e:
        print("TypeError")
try:
    time.ticks_add(0, 2**29)
except OverflowError as e:
    print("OverflowError", e)
print(time.ticks_add(0, 2**29 - 1), time.ticks_diff(2**29, 0), time.ticks_diff(0, 2**29))
print(isinstance(time.ticks_cpu(), int), 0 <= time.ticks_cpu() < 2**30)
