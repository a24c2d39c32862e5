import micropython

micropython.alloc_emergency_exception_buf(100)
try:
    raise ValueError("still works")
except ValueError as e:
    print("ValueError", e)
