# Dict with 100k str keys: build, look up, count words.
N = 100000


def main(n):
    d = {}
    for i in range(n):
        d["key" + str(i)] = i
    total = 0
    for r in range(3):
        for i in range(r, n, 2):
            total += d["key" + str(i)]
    keys = list(d)
    for k in keys:
        if k in d:
            total += 1
    counts = {}
    seed = 3
    for _ in range(n * 3):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        w = "w" + str(seed % 5000)
        counts[w] = counts.get(w, 0) + 1
    best = 0
    for k in counts:
        if counts[k] > best:
            best = counts[k]
    return len(d), total, len(counts), best


print(main(N))
