# List, dict and set comprehensions, nested and filtered, with unpacking.
N = 60000


def main(n):
    total = 0
    for r in range(15):
        sq = [x * x for x in range(n) if x % 3 != r % 3]
        pairs = [(i, i * 2) for i in range(n // 2)]
        d = {a: b for a, b in pairs}
        s = {x % 1000 for x in sq}
        grid = [[i * j for j in range(20)] for i in range(n // 100)]
        flat = [v for row in grid for v in row if v & 1]
        total += len(sq) + len(d) + len(s) + len(flat) + d[n // 4] + flat[-1]
    return total


print(main(N))
