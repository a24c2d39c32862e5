data = [1, 5, 10, 20]
if (n := len(data)) > 3:
    print('long', n)
print([y for x in data if (y := x * 2) > 10])
print(y)
print((z := 7) + z)
