src = 'def f():\n    x = 1\n    global x\n'
try:
    compile(src, 'x', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.lineno)
