print('ab' + 'cd', 'ab' * 3, 3 * 'x', 'x' * 0, 'x' * -1)
print('a' < 'b', 'abc' < 'abd', 'Z' < 'a', '' < 'a')
print('b' in 'abc', 'bc' in 'abc', 'd' not in 'abc', '' in 'abc')
s = 'hello'
print(s[0], s[-1], s[1:3])
