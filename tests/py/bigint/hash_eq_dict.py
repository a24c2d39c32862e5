d = {2 ** 70: 'big', 5: 'small'}
print(d[2 ** 70], d[1180591620717411303424])
k = 1 << 70
print(k in d, (k + 1) in d)
print(hash(2 ** 70) == hash(1 << 70))
