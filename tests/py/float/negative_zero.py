z = -0.0
print(z, z == 0.0, 0.0 == -0.0)
print(-0.0 + 0.0, 0.0 * -1)
print(str(-0.0), repr(0.0))
