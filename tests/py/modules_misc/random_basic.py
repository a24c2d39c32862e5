import random

random.seed(42)
a = [random.random() for _ in range(5)]
random.seed(42)
b = [random.random() for _ in range(5)]
print(a == b, all(0.0 <= x < 1.0 for x in a))
random.seed("abc")
s1 = random.getrandbits(30)
random.seed("abc")
print(s1 == random.getrandbits(30))
print(all(0 <= random.getrandbits(k) < 2**k for k in [1, 7, 32, 63, 64, 65, 200] for _ in range(20)))
print(random.getrandbits(0))
print(all(1 <= random.randint(1, 6) <= 6 for _ in range(200)))
print(sorted(set(random.randint(1, 3) for _ in range(300))))
print(all(random.randrange(10) in range(10) for _ in range(100)))
print(all(random.randrange(5, 50, 5) in range(5, 50, 5) for _ in range(100)))
print(all(random.randrange(10, 0, -3) in range(10, 0, -3) for _ in range(100)))
print(all(2.0 <= random.uniform(2, 3) <= 3.0 for _ in range(100)))
print(random.choice([7]), random.choice("x"), random.choice((1, 2, 3)) in (1, 2, 3))
l = list(range(20))
random.shuffle(l)
print(sorted(l) == list(range(20)), len(l))
random.seed()
random.seed(None)
random.seed(2**100)


def t(f, *a):
    try:
        print(f(*a))
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)


t(random.randrange, 0)
t(random.randrange, 5, 2)
t(random.randrange, 1, 5, 0)
t(random.randrange, 1, 5, -1)
t(random.randint, 5, 1)
t(random.choice, [])
t(random.getrandbits, -1)
t(random.shuffle, (1, 2))
t(random.uniform, "a", 1)
