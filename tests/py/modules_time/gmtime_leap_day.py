import time
t = time.gmtime(951782400 + 86400)
print(tuple(t[0:3]), t[7])
t = time.gmtime(1709164800)
print(tuple(t[0:3]), t[6], t[7])
t = time.gmtime(1735603200)
print(tuple(t[0:6]), t[7])
