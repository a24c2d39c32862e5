# Dict with 200k int keys: insert, lookup, update, membership, delete.
N = 200000


def main(n):
    d = {}
    seed = 7
    keys = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        k = seed % (n * 8)
        keys.append(k)
        d[k] = i
    total = 0
    for k in keys:
        total += d[k]
    for i in range(n):
        if i in d:
            d[i] += 1
        else:
            d[i] = 0
    hits = 0
    for k in range(0, n * 8, 3):
        if d.get(k) is not None:
            hits += 1
    for k in keys[: n // 2]:
        if k in d:
            del d[k]
    return len(d), total, hits


print(main(N))
