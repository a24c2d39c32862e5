try:
    print('try')
    raise KeyError('k')
finally:
    print('finally before exit')
