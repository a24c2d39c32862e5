t = (1, 'a', 2.5)
print(t, len(t), t[0], t[-1])
print((), (1,), (1, 2))
print(tuple([1, 2]) == (1, 2))
x = 1, 2, 3
print(x, type(x).__name__)
print(t[1:], t[::-1])
