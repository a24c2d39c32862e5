counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def make():
    global newname
    newname = 'created'
make()
print(newname)
