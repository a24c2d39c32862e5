# SyntaxError.text: the offending source line, as CPython gives it.
CASES = [
    'x = (1 +\n',
    'a = 1\nb = = 2\nc = 3\n',
    'if x\n',
    'def f():\nreturn 1\n',
    'x = 1 +',
    'print("a"\n',
    '\n\n\tx = 1\n',
    'x = "abc\n',
    'f(**a, *b)\n',
    'x = 1\r\ny = = 2\r\n',
    'for i in range(3):\n    print(i)\n  print("end")\n',
]
for src in CASES:
    try:
        compile(src, 'm', 'exec')
    except SyntaxError as e:
        print(type(e).__name__, repr(e.text), e.lineno, e.offset)
try:
    eval('1 +* 2')
except SyntaxError as e:
    print(repr(e.text), e.offset)
