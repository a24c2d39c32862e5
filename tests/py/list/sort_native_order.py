# Lists of only ints, only floats or only strs sort by a native comparison;
# the result (and its stability) must be the same as for any other list.
seed = 7


def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed


ints = [rnd() % 100 - 50 for _ in range(300)]
print(sorted(ints)[:12], sorted(ints)[-5:])
print(sorted(ints, reverse=True)[:8])
floats = [0.0, -0.0, 1.5, -2.25, 0.0, -0.0, 1e300, -1e-300, 3.0]
print(sorted(floats))
print(sorted(floats, reverse=True))
strs = ["b", "a", "", "ab", "é", "Z", "aa", "a", "zz", "\u00e9t\u00e9", "b"]
print(sorted(strs))
print(sorted(strs, reverse=True))
runs = list(range(100)) + list(range(50, 0, -1)) + list(range(40))
print(sorted(runs) == sorted(runs, key=lambda x: x), sum(sorted(runs)[::7]))
big = [rnd() / 2**31 for _ in range(5000)]
s = sorted(big)
print(all(s[i] <= s[i + 1] for i in range(len(s) - 1)), s == sorted(big, key=float))
mixed = [3, 1.5, 2, 0.5, True]
print(sorted(mixed))
