i = 0
while i < 3:
    print('loop', i)
    i += 1
else:
    print('else ran', i)
i = 0
while i < 10:
    if i == 2:
        break
    i += 1
else:
    print('not printed')
print('after break', i)
while False:
    pass
else:
    print('else on zero iterations')
