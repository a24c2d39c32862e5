# Collecting a long iterator (list(), tuple(), set(), unpacking) is checked
# against the heap limit as it grows: MemoryError, not a crash.
for make in (list, tuple, set, lambda it: [*it]):
    try:
        x = make(range(100000))
        print("fits", len(x))
    except MemoryError:
        print("MemoryError")
print(list(range(5)))
