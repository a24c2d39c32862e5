def shout(fn):
    def wrapper(*a, **k):
        return fn(*a, **k).upper()
    return wrapper
@shout
def greet(name):
    return 'hello ' + name
print(greet('bob'))
def twice(fn):
    return lambda x: fn(fn(x))
@twice
@twice
def inc(x):
    return x + 1
print(inc(0))
