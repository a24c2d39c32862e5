for a, b in [(1, 2), (True, False), (2**70, 3), (3, 2**70), (1.5, 2), (True, 2**80)]:
    try:
        a @ b
    except TypeError as e:
        print(e)
    try:
        a @= b
    except TypeError as e:
        print(e)
class I(int): pass
try:
    I(3) @ 4
except TypeError as e:
    print(e)
print((3).__matmul__(4) if hasattr(3, '__matmul__') else 'none')
for x, y in [(7, 0), (2**70, 0), (7, -1), (-2**63, -1), (5, 2), (-5, 2)]:
    for op in ['//', '%', '/', '<<', '>>', '**']:
        try:
            print(x, op, y, eval(f"{x} {op} {y}"))
        except Exception as e:
            print(x, op, y, type(e).__name__, e)
for x, y in [(3, -1), (0, -1), (0, -2**70), (2, -2**70), (-1, -3), (5, -64), (1, 70), (1, -70), (-8, -70)]:
    for op in ['//', '%', '/', '<<', '>>', '**']:
        try:
            print(x, op, y, eval(f"{x} {op} {y}"))
        except Exception as e:
            print(x, op, y, type(e).__name__, e)
