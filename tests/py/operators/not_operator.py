print(not None, not 0, not 0.0, not '', not [], not (), not {}, not 1, not 'a')
print(not not 5)
x = 3
print(not x > 5, (not x) > 5)
