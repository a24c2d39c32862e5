import time
for secs in [86400, 951782400, 1000000000, 1234567890, 2**31 - 1]:
    t = time.gmtime(secs)
    print(secs, tuple(t[0:6]), t[6], t[7])
