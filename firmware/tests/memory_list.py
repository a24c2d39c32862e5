# Grow one list until the heap is full: MemoryError, caught; then the
# memory is given back and the program goes on.
items = []
try:
    while True:
        items.append(len(items))
except MemoryError:
    print("MemoryError after", "many" if len(items) > 1000 else "few", "items")
n = len(items)
items = None
again = [i * 2 for i in range(100)]
print(len(again), again[-1])
