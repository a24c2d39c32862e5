# Bigint arithmetic: factorial, power, add/mul/floordiv/mod, str conversion.
N = 20000


def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def main(n):
    f = fact(n)
    p = 3 ** (n * 7)
    q = (f + p) // (p % 1000003 + 7)
    m = f % (2**127 - 1)
    a, b = 0, 1
    for _ in range(n * 3):
        a, b = b, a + b
    # Digits of f in chunks (CPython 3.11 limits str() of huge ints).
    chunk = 10**50
    digits = 0
    x = f
    while x:
        x, r = divmod(x, chunk)
        digits += r % 9
    s = str(fact(1000))
    return len(s), s[:10], digits, m, q % 1000000007, b % 998244353, pow(3, n, 10**30)


print(main(N))
