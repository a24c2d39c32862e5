import gc
gc.collect()
a = [list(range(10)) for _ in range(100)]
del a
gc.collect()
print("ok")
