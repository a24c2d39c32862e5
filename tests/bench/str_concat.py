# `s += x` in a loop must be amortised linear (CPython appends in place).
N = 1500000


def main(n):
    s = ""
    for i in range(n):
        s += "ab"
        if i % 10 == 0:
            s += str(i % 100)
    t = ""
    for i in range(n // 4):
        t += chr(97 + i % 26)
    return len(s), s[-12:], len(t), t[-5:]


print(main(N))
