try:
    compile('def f():\n    await g()\n', 'x', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.lineno)
