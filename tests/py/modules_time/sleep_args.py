import time
time.sleep(0)
time.sleep(0.001)
time.sleep(False)
for arg in [-1, 'a', float('nan')]:
    try:
        time.sleep(arg)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("done")
