print(1 in [1] in [[1]])
print(1 < 2 in [True])
print('a' in 'abc' == True)
