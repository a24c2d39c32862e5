import micropython

err = False
micropython.heap_lock()
try:
    x = [0] * 100
except MemoryError:
    err = True
depth = micropython.heap_unlock()
print(err, depth)
x = [0] * 100
print(len(x))
