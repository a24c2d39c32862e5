# A bigint result too large for the heap: MemoryError before any work.
try:
    x = 7 ** 1000000
except MemoryError:
    print("MemoryError")
print(2 ** 100)
