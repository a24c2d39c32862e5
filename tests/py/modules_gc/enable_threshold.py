import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.threshold())
gc.threshold(50000)
print(gc.threshold())
data = [[i] for i in range(5000)]
print(len(data), data[4999])
gc.threshold(-1)
print(gc.threshold())
print(gc.collect(), gc.mem_alloc() + gc.mem_free() > 0)
