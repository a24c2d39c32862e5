count = 0
def inc():
    count += 1
try:
    inc()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def later():
    if False:
        y = 1
    return y
try:
    later()
except UnboundLocalError as e:
    print(e)
