calls = []
def key():
    calls.append('key')
    return 'k'
def obj():
    calls.append('obj')
    return d
d = {'k': 1}
obj()[key()] += 1
print(d, calls)
