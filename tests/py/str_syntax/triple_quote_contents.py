s = """He said "hi" and 'bye'
  indented line
"""
print(s, end='')
print(repr(s))
t = '''a''b'''
print(t)
