recs = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (3, 'f')]
recs.sort(key=lambda r: r[0])
print(recs)
recs.sort(key=lambda r: r[0], reverse=True)
print(recs)
words = ['ccc', 'a', 'bb', 'dd', 'e', 'fff']
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
