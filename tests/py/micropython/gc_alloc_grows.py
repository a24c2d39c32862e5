import gc

gc.collect()
before = gc.mem_alloc()
big = bytearray(10000)
after = gc.mem_alloc()
print(after > before)
print(after - before >= 10000)
del big
