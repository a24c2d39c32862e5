# An uncaught MemoryError ends the program with a traceback; the firmware
# goes on with the next program.
print("before")
big = []
while True:
    big.append([0] * 64)
