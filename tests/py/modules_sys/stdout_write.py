import sys
n = sys.stdout.write('hello\n')
print(n)
n = sys.stdout.write('')
print(n)
sys.stdout.write('a')
sys.stdout.write('b\n')
