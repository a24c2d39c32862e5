d = {}
i = 0
try:
    while True:
        d[i] = str(i)
        i += 1
except MemoryError:
    print("MemoryError")
d = None
print({k: k * k for k in range(5)})
