import math
print(math.comb(5, 2), math.comb(10, 0), math.comb(10, 11), math.comb(100, 50))
print(math.perm(5, 2), math.perm(5), math.perm(5, None), math.perm(3, 4))
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6, 10), math.lcm(2**40, 3**20))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(2**63 - 1), math.isqrt(10**50), math.isqrt(True))
print(math.gcd(), math.gcd(5), math.gcd(-4, 6), math.gcd(2**100, 2**80 * 3))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod(range(1, 30)), math.prod([3], start=2))
print(math.factorial(30), math.factorial(True))
for f, args in [(math.comb, (-1, 2)), (math.perm, (3, -1)), (math.isqrt, (-1,)), (math.gcd, (1.5,)), (math.factorial, (5.0,)), (math.lcm, (2, 'a'))]:
    try:
        f(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
