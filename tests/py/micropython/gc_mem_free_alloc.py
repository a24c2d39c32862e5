import gc

gc.collect()
f = gc.mem_free()
a = gc.mem_alloc()
print(isinstance(f, int), isinstance(a, int))
print(f > 0, a > 0)
