print('ab' * 3, 3 * 'x', 'a' * 0, 'a' * -1)
print('ell' in 'hello', 'z' in 'hello', '' in 'abc')
print('abc' < 'abd', 'abc' < 'ab', 'B' < 'a', 'abc' == 'abc')
