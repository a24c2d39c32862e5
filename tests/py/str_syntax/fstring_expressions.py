d = {'k': 5}
lst = [1, 2, 3]
print(f'{d["k"]} {lst[1:]} {len(lst)}')
print(f'{"yes" if lst else "no"}')
print(f'{(lambda v: v * 2)(4)}')
print(f'{[i * i for i in lst]}')
print(f'{3 + 4:>4}|')
print(f'{lst!r:>12}|')
