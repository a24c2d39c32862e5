s = {('a', 1), ('b', 2), ('a', 1)}
print(sorted(s))
w = set('the quick brown the'.split())
print(sorted(w), len(w))
print('quick' in w, 'slow' in w)
