import math
for f, args in [(math.fmod, (1, 0)), (math.atanh, (1,)), (math.acosh, (0.5,)), (math.gamma, (0,)), (math.gamma, (-1,))]:
    try:
        f(*args)
    except ValueError as e:
        print("ValueError", e)
