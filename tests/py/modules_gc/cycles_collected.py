import gc
class Node:
    def __init__(self):
        self.other = None
for i in range(200):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
del a, b
gc.collect()
print("done")
