try:
    next(iter([]))
except StopIteration as e:
    print(type(e).__name__, repr(e), e.args)
