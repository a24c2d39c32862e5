print(list(zip('ab', 'xy', strict=True)))
for args in [('ab', 'xyz'), ('abc', 'xy'), ('ab', 'xy', 'q'), ('a', 'xy', 'pq')]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError", e)
print(list(zip((x for x in 'ab'), [1, 2, 3])))
try:
    zip(1)
except TypeError as e:
    print("TypeError", e)
z = zip([1, 2], 'ab')
print(next(z), list(z), list(z))
