import micropython

print(micropython.heap_locked())
micropython.heap_lock()
n = micropython.heap_locked()
micropython.heap_unlock()
print(n, micropython.heap_locked(), micropython.heap_unlock())
micropython.alloc_emergency_exception_buf(256)
print(micropython.const(7) + 1, micropython.opt_level())
