a = [10, 20, 30]
print(a[-1], a[-3], 'xyz'[-2])
try:
    a[-4]
except IndexError as e:
    print(type(e).__name__, e)
a[-1] = 99
print(a)
