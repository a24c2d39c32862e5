# Generator pipelines: chained generators, generator expressions, yield from.
N = 500000


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def chunks(it, k):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == k:
            yield buf
            buf = []
    if buf:
        yield buf


def flatten(chs):
    for c in chs:
        yield from c


def main(n):
    total = 0
    for x in squares(evens(count(n))):
        total += x
    total += sum(x % 7 for x in range(n))
    m = 0
    for x in flatten(chunks(count(n), 10)):
        if x > m:
            m = x
    return total, m


print(main(N))
