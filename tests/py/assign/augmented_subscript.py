d = {'a': 1}
d['a'] += 5
d['b'] = d.get('b', 0) + 1
print(sorted(d.items()))
lst = [1, 2, 3]
lst[0] -= 10
lst[-1] **= 2
print(lst)
m = [[1, 2], [3, 4]]
m[1][0] *= 100
print(m)
