# Sorting already-sorted and reversed data must be linear (timsort runs).
N = 200000


def main(n):
    a = [i * 0.5 for i in range(n)]
    r = [i * 0.5 for i in range(n, 0, -1)]
    check = 0.0
    for _ in range(30):
        a.sort()
        b = sorted(r)
        c = sorted(a, reverse=True)
        check += a[n // 3] + b[n // 2] + c[7]
    return check, a[-1], b[0]


print(main(N))
