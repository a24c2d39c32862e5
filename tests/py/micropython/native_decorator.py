import micropython


@micropython.native
def double(x):
    return x * 2


@micropython.native
def total(n):
    s = 0
    for i in range(n):
        s += i
    return s


print(double(21), double("ab"))
print(total(101))
