# The builtins module is the namespace every module falls back to.
import builtins

print(builtins.len([1, 2, 3]), builtins.abs(-4))
print(builtins.int is int, builtins.ValueError is ValueError)
print(hasattr(builtins, 'print'), hasattr(builtins, 'no_such_name'))

# Replacing a builtin changes what unqualified names find everywhere,
# until it is put back.
original = builtins.print
calls = []

def quiet(*args, **kwargs):
    calls.append(args)

builtins.print = quiet
print('swallowed', 1)
builtins.print = original
print('calls:', calls)

# A module-level name shadows the builtin of the same name.
def len(x):
    return -1
print(len('abc'), builtins.len('abc'))
del len
print(len('abc'))

# New names added to builtins are visible without an import.
builtins.answer = 42
print(answer)
del builtins.answer
try:
    answer
except NameError as e:
    print('NameError:', e)
