# A bracket left open: CPython says "'(' was never closed" when its parser
# had to read to the end of the file, and plain "invalid syntax" (or its
# hint) when the error stops it first. Learners hit both.
CASES = [
    "def f(:\n  pass\n",
    "class A(:\n  pass\n",
    "f(a,, b\n",
    "x = [1, 2;\n",
    "if (x:\n  pass\n",
    "(a b",
    "f(a b\nx = 1\n",
    "foo(a, b\nif x:\n  pass\n",
    "print('a'\nprint('b')\n",
    "print(x\nfor i in y:\n  pass\n",
    "print(x for i in y, 1\n",
    "f(1, x for x in y\nz = 1\n",
    "f(x for x in y, 1)\ng(\n",
    "def f(a,\n  b:\n  pass\n",
    "x = (1 +\n",
    "x = {1:\n",
    "d = {1: 2\n3: 4}\n",
    # the '=' hint needs an operand after the '=' that is not followed by '='
    "if x => 5:\n  pass\n",
    "if x = 5 = 3:\n  pass\n",
    "if x = y := 3:\n  pass\n",
    "while x = :\n  pass\n",
    "if x = not y:\n  pass\n",
    "if x.a => 5:\n  pass\n",
    "[x = >]\n",
    "if x = -y:\n  pass\n",
    "if x.a = 5:\n  pass\n",
    "[x = 1]\n",
    # a missing comma in a dict is reported at the value before it
    "d = {1: 2 3: 4}\n",
    "d = {1: 2, 3: 4 5: 6}\n",
    "d = {'a': f(x) 'b': 2}\n",
    "d = {**a b}\n",
    "d = {1: 2, **a b}\n",
    "d = {**a, 1: 2 3: 4}\n",
]
for i, src in enumerate(CASES):
    try:
        compile(src, "mod", "exec")
        print(i, "ok")
    except SyntaxError as e:
        print(i, e.msg, e.lineno, e.offset)
