import time
t = time.gmtime(0)
print(tuple(t[0:6]))
print(t[6], t[7])
