print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mix "q"', "mix 'q'")
s = """line1
line2"""
print(s)
print(len(s))
