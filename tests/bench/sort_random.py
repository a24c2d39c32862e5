# Sorting 200k random floats (list.sort and sorted with a key).
N = 200000


def main(n):
    seed = 42
    a = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        a.append(seed / 2147483648.0)
    b = sorted(a)
    a.sort(reverse=True)
    ints = [int(x * 1000000) for x in a[: n // 4]]
    c = sorted(ints, key=lambda v: -v)
    ok = all(b[i] <= b[i + 1] for i in range(n - 1))
    return ok, b[0], b[n // 2], a[0], c[0], c[-1]


print(main(N))
