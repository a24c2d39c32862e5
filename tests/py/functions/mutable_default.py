def append(x, lst=[]):
    lst.append(x)
    return lst
print(append(1))
print(append(2))
print(append(3, []))
print(append(4))
def safe(x, lst=None):
    if lst is None:
        lst = []
    lst.append(x)
    return lst
print(safe(1), safe(2))
