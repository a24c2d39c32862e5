log = []
def f(x):
    log.append(x)
    return x * 10
g = (f(x) for x in range(3))
print(log)
print(next(g), log)
print(list(g), log)
