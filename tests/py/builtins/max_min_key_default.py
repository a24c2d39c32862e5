words = ['apple', 'fig', 'banana', 'kiwi']
print(max(words, key=len), min(words, key=len))
print(max([], default=None), min([], default='empty'))
print(max([3], default=0))
print(max(-5, 3, -9, key=abs), min(-5, 3, -9, key=abs))
print(max(['aa', 'b', 'cc'], key=len))
print(min(['aa', 'b', 'cc', 'd'], key=len))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
