data = [('b', 2), ('a', 2), ('c', 1), ('d', 1), ('e', 3)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
words = ['bb', 'a', 'ccc', 'dd', 'e']
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted([-3, 1, -2, 4], key=abs))
