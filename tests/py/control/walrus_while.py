items = [3, 1, 4, 1, 5]
i = 0
while (v := items[i]) != 4:
    print('v', v)
    i += 1
print('stopped at', v)
stack = [1, 2, 3]
while stack and (top := stack.pop()):
    print('pop', top)
