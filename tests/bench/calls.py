# Function calls: recursion, positional/default/keyword arguments, closures.
N = 50


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def add3(a, b=2, c=3):
    return a + b + c


def make_adder(k):
    def adder(x):
        return x + k

    return adder


def main(n):
    total = 0
    for _ in range(n):
        total += fib(20)
    total += ack(2, 300)
    add5 = make_adder(5)
    for i in range(n * 5000):
        total += add3(i) + add3(i, 1) + add3(i, c=1) + add5(i)
    return total


print(main(N))
