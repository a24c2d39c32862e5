def deep(n):
    return deep(n + 1) + 1
try:
    deep(0)
except RecursionError as e:
    print(type(e).__name__)
print('recovered', deep.__name__)
