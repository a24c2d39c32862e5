d = {(1, 2): 'a', (1, (2, 3)): 'b'}
print(d[(1, 2)], d[1, (2, 3)])
try:
    {(1, [2]): 1}
except TypeError as e:
    print("TypeError", e)
