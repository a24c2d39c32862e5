x = -7
print(abs(x), -x, +x, abs(0), -0)
print(abs(True), -True)
