try:
    raise ValueError('v')
except ValueError as e:
    ex = e
print(type(ex).__name__, ex)
try:
    raise ex
except ValueError as e2:
    print(e2 is ex)
