print('été'.upper(), 'ÉCOLE'.lower(), 'ñandú'.upper())
print('Ünïcödé'.lower(), 'άλφα'.upper())
print('déjà vu'.title())
