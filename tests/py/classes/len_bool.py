class Box:
    def __init__(self, items): self.items = items
    def __len__(self): return len(self.items)
print(len(Box([1, 2])), bool(Box([])), bool(Box([0])))
class Flag:
    def __init__(self, on): self.on = on
    def __bool__(self): return self.on
print(bool(Flag(True)), bool(Flag(False)), 'yes' if Flag(1 > 0) else 'no')
class Both:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(Both()))
