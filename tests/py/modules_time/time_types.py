import time
t = time.time()
print(isinstance(t, (int, float)), t > 1000000000)
time.sleep(0)
print("slept")
