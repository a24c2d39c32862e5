# Integer arithmetic in while/for loops: LCG, xor, shifts, modulo, compare.
N = 600000


def main(n):
    seed = 12345
    acc = 0
    evens = 0
    i = 0
    while i < n:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        x = seed >> 8
        acc ^= x
        acc = (acc + (x % 1000) * 3) & 0xFFFFFFFF
        if x & 1 == 0:
            evens += 1
        i += 1
    s = 0
    for j in range(n):
        s += j * j // 7 - j % 13
    return acc, evens, s


print(main(N))
