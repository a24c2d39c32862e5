def find(lst, target):
    for i, v in enumerate(lst):
        if v == target:
            return i
    else:
        return -1
print(find([4, 5, 6], 5), find([4, 5, 6], 9))
def first_even(n):
    i = 0
    while True:
        if i * i > n and i % 2 == 0:
            return i
        i += 1
print(first_even(20))
