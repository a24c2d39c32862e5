a = [5, 2, 8, 1, 9, 3]
print(a.sort())
print(a)
a.sort(reverse=True)
print(a)
s = ['pear', 'Apple', 'banana', 'apple']
s.sort()
print(s)
s.sort(key=str.lower)
print(s)
f = [2.5, -1, 3, 0.0]
f.sort()
print(f)
