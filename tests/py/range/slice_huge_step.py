# Slicing a range with steps far beyond the machine integer: the items are
# exact (one is left), and nothing overflows.
r = range(3, 23, 2)
print(list(r[::10**20]), list(r[::-10**20]), list(r[1::10**19]))
print(r[::10**20][0], len(r[::-10**20]), 5 in r[1::10**19])
print(list(range(10)[::2**63]), list(range(10)[::-(2**63)]), list(range(10)[2**63::-1]))
print(list(range(-5, 5)[::2**62]), list(range(5, -5, -1)[::-(2**62)]))
