from micropython import const

FEATURE = const(False)
ENABLED = const(True)
if FEATURE:
    print("feature on")
else:
    print("feature off")
if ENABLED:
    def handler():
        return "handler present"
    print(handler())
