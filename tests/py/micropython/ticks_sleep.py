import time

t0 = time.ticks_ms()
time.sleep_ms(5)
print(time.ticks_diff(time.ticks_ms(), t0) >= 5)
u0 = time.ticks_us()
time.sleep_us(2000)
print(time.ticks_diff(time.ticks_us(), u0) >= 2000)
