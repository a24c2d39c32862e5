n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 5)))
data = [3, 2, 1, 0, 9]
it = iter(data)
print(list(iter(lambda: next(it), 0)))
