import time
# Ferrite counts from 1970 without time zones: localtime == gmtime, and
# mktime (an int, as in MicroPython) inverts them.
for secs in [0, 86399, 951782400, 1234567890, 2**31, -86400, -1]:
    t = time.gmtime(secs)
    print(secs, t, time.localtime(secs) == t, time.mktime(t) == secs)
print(time.gmtime(1.9)[5], time.gmtime(-0.5)[5])
print(time.mktime((2024, 13, 1, 0, 0, 0, 0, 0)) == time.mktime((2025, 1, 1, 0, 0, 0, 0, 0)))
print(time.mktime((2024, 3, 0, 24, 0, 0, 0, 0)) == time.mktime((2024, 3, 1, 0, 0, 0, 0, 0)))
print(type(time.mktime(time.gmtime(5))).__name__, len(time.gmtime()))
for args in [(1, 2), "abc"]:
    try:
        time.mktime(args)
    except TypeError as e:
        print("TypeError", e)
