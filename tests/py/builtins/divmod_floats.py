print(divmod(7.5, 2))
print(divmod(-7.5, 2))
print(divmod(7, 2.5))
print(divmod(1.0, 0.5))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
