try:
    raise KeyboardInterrupt
except Exception:
    print('not here')
except BaseException as e:
    print('base', type(e).__name__)
try:
    raise SystemExit(0)
except SystemExit as e:
    print('SystemExit', e.args)
