# Ranges whose bounds are near the ends of the machine integer: lengths,
# membership and indexing must neither overflow nor panic.
import sys
r = range(-sys.maxsize - 1, sys.maxsize)
try:
    print(len(r))
except OverflowError as e:
    print('OverflowError:', e)
print(sys.maxsize - 1 in r, -sys.maxsize - 1 in r, sys.maxsize in r, 0 in r)
r2 = range(-sys.maxsize - 1, sys.maxsize, 3)
print(r2[5], sys.maxsize - 2 in r2, (sys.maxsize - 3) in r2, r2[-1], len(r2))
r3 = range(sys.maxsize, -sys.maxsize - 1, -5)
print(r3[0], r3[-1], r3[len(r3) // 2], -sys.maxsize + 3 in r3, len(r3))
print(len(range(-sys.maxsize, sys.maxsize, 2)), len(range(0, 10**18, 7)))
