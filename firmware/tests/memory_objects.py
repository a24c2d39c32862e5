# Many small objects (one slot each) until MemoryError, caught.
class Node:
    def __init__(self, nxt):
        self.nxt = nxt

head = None
count = 0
try:
    while True:
        head = Node(head)
        count += 1
except MemoryError:
    print("MemoryError")
head = None
print("recovered", len([Node(None) for _ in range(50)]))
