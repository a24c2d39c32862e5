import micropython

micropython.heap_lock()
micropython.heap_lock()
d1 = micropython.heap_unlock()
d0 = micropython.heap_unlock()
print(d1, d0)
