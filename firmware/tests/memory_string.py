# Doubling a string: the request that fails is large, not the heap's last byte.
s = "ab"
try:
    while True:
        s = s + s
except MemoryError:
    print("MemoryError at", "large" if len(s) >= 4096 else "small", "size")
s = None
print("x" * 10)
