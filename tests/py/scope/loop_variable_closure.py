def outer():
    result = []
    for i in range(3):
        def f(i=i):
            return i * 10
        result.append(f)
    return [f() for f in result]
print(outer())
