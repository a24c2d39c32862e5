# The firmware interrupts a program that runs too long (KeyboardInterrupt).
print("looping")
n = 0
try:
    while True:
        n += 1
except KeyboardInterrupt:
    print("interrupted")
print("done")
