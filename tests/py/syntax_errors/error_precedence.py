# A module is compiled one top-level statement at a time; the error
# reported must still be the one CPython reports after parsing the whole
# file first: syntax errors anywhere outrank scope errors, which outrank
# code generation errors, each the first in the file.
CASES = [
    # code generation error first, syntax error later
    "x = 1\nbreak\ny = 2\nz = (\n",
    "break\nx = 1 +\n",
    "return 5\nx = = 2\n",
    # scope error first, syntax error later
    "def f():\n    x = 1\n    global x\nelse:\n",
    # code generation error first, scope error later
    "continue\ndef g():\n    nonlocal q\n",
    "break\nx = 1\nglobal x\n",
    # scope errors: the walk's (global) outranks an unresolved nonlocal
    "def h():\n    nonlocal q\ny = 1\nglobal y\n",
    # a global declaration checked against earlier statements
    "a = 1\nb = 2\nprint(a)\nglobal a\n",
    "print(c)\nglobal c\n",
    "x: int\nglobal x\n",
    "def f(x):\n    global x\n",
    "def f(*args):\n    nonlocal args\n",
    "def f():\n    y: int = 1\n    global y\n",
    "def f():\n    z = 1\n    def g():\n        print(z)\n        nonlocal z\n",
    # tokenizer errors later in the file outrank a parse error
    "x = = 1\ny = 'abc\n",
    "x = = 1\ny = (1,\n",
    "x = = 1\ny = 1 $ 2\n",
    # indentation errors in a later statement
    "def f():\n    return 1\n  x = 2\n",
    "if True:\npass\n",
    # several statements on one line, and a decorator
    "a = 1; b = 2; break\n",
    "@dec\ndef f(): pass\nbreak\n",
    # fine: many statements, nested scopes across statements
    "def outer():\n    v = 1\n    def inner():\n        nonlocal v\n        v += 1\n        return v\n    return inner\nr = outer()()\n",
    "class A:\n    def m(self):\n        return __class__\nq = A().m()\n",
]
for i, src in enumerate(CASES):
    try:
        compile(src, 'mod', 'exec')
        print(i, 'ok')
    except SyntaxError as e:
        print(i, type(e).__name__, e.msg, e.lineno, e.offset)

# Code spread over many statements keeps module-level state.
ns = {}
exec("def a():\n    return b()\ndef b():\n    return 42\nx = a()\n", ns)
print(ns['x'])
exec("import math\nclass P:\n    k = 3\n    def f(self):\n        return self.k * math.pi\nv = round(P().f(), 3)\n", ns)
print(ns['v'], ns['P'].__module__)
