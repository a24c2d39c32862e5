print(1 < 2, 2 <= 2, 3 > 4, 4 >= 4, 5 == 5, 5 != 5)
print(-1 < 0 < 1, 1 < 3 < 2)
print(max(3, 1, 2), min(3, 1, 2))
print(0 == False, 1 == True, 2 == True)
