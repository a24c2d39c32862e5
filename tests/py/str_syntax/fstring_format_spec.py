x = 3.14159
n = 255
print(f'{x:.2f}|{x:8.3f}|{x:<8.1f}|{x:^9.2f}|')
print(f'{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#b} {n:08b}')
print(f'{n:5d}|{n:<5d}|{n:^5d}|{n:>5}|')
print(f'{n:+d} {-n:+d} {n: d}')
print(f'{"ab":*^10}|{"ab":>6}|{"ab":<6}|')
print(f'{1000000:,} {1000000:_}')
print(f'{42:e}')
