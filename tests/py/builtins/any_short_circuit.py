def gen():
    yield 0
    yield 1
    print("after 1")
    yield 2

print(any(gen()))
def gen2():
    yield 1
    yield 0
    print("not reached")
    yield 1
print(all(gen2()))
