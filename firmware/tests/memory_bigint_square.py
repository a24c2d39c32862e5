# Squaring until the heap is full. The multiplication's temporaries (operand
# copies, Karatsuba scratch) are not charged to the heap: the arena needs
# about 2.5x the heap limit of headroom, so this runs on the RISC-V firmware
# only (see firmware/README.md).
x = 3
try:
    while True:
        x = x * x
except MemoryError:
    print("MemoryError")
x = None
print(2 ** 100)
