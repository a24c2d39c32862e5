print(sum(x * x for x in range(5)))
print(max((len(w), w) for w in ['aa', 'b', 'ccc']))
print(list(x for x in 'abc'))
