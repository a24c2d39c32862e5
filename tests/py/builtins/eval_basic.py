print(eval("1 + 2 * 3"))
print(eval("[x * x for x in range(4)]"))
x = 10
print(eval("x + 1"))
print(eval("y * 2", {"y": 21}))
print(eval("a + b", {"a": 1}, {"b": 2}))
print(eval("'s' * 3"))
