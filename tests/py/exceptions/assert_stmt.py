try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert False, 'with message'
except AssertionError as e:
    print(e)
assert True, 'never'
print('ok')
