x = 'outer'
lst = [x for x in range(3)]
print(x, lst)
d = {x: 1 for x in 'ab'}
print(x)
try:
    [undefined_var for _ in range(1)]
except NameError as e:
    print(type(e).__name__, e)
