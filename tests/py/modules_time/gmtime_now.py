import time
t = time.gmtime()
print(t[0] >= 2024, 1 <= t[1] <= 12, 1 <= t[2] <= 31)
print(0 <= t[3] <= 23, 0 <= t[4] <= 59, 0 <= t[6] <= 6, 1 <= t[7] <= 366)
