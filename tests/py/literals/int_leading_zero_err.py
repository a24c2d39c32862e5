for src in ['x = 012', 'x = 0b2', 'x = 0o8', 'x = 0x']:
    try:
        exec(src)
        print('ok', src)
    except SyntaxError as e:
        print(type(e).__name__, src)
