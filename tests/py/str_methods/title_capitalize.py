print('hello world'.title(), "they're bill's".title())
print('hello WORLD'.capitalize(), ''.capitalize(), '1abc'.capitalize())
print('ABC def'.swapcase())
