print(round(5), round(15, -1), round(25, -1), round(1234, -2), round(-15, -1))
print(type(round(5)).__name__)
