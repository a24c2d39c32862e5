for x in [1, 2, 3]:
    if x == 5:
        print('found')
        break
else:
    print('not found')
for x in [1, 5, 3]:
    if x == 5:
        print('found', x)
        break
else:
    print('not found')
for x in []:
    pass
else:
    print('empty else')
