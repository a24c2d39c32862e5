def src():
    print('src called')
    return range(3)
g = (x for x in src())
print('created')
print(list(g))
