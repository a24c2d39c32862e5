import gc
gc.disable()
x = [0] * 100
gc.enable()
gc.collect()
print(len(x))
