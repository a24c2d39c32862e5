import gc
keep = {'k': [1, 2, 3]}
for i in range(1000):
    tmp = [i] * 10
gc.collect()
print(keep)
print(sum(keep['k']))
