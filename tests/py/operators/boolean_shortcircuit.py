def t(v):
    print('t', v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t(3))
print(t(4) or t(5))
print([] or {} or 'last')
print(1 and [] and 2)
print(not [], not [0])
