def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)))
for v in countdown(3):
    print(v)
print(sum(countdown(100)))
