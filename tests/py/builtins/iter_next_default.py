it = iter([1, 2])
print(next(it))
print(next(it))
print(next(it, 'done'))
print(next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")
it2 = iter("ab")
print(next(it2), next(it2), next(it2, '-'))
