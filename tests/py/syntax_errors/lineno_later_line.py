src = 'a = 1\nb = 2\nc = 3\nd = (4 +\n'
try:
    compile(src, 'x', 'exec')
except SyntaxError as e:
    print(type(e).__name__)
src2 = 'a = 1\nb = 2\nif b\n    pass\n'
try:
    compile(src2, 'x', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.lineno)
