# A user __dir__ returning any iterable: dir() sorts a fresh list of it.
class G:
    def __dir__(self):
        return (n for n in ["b", "a", "c", "a"])

class T:
    def __dir__(self):
        return ("z", "y")

class Bad:
    def __dir__(self):
        return 5

class Mixed:
    def __dir__(self):
        return [1, "a"]

print(dir(G()))
print(dir(T()), type(dir(T())).__name__)
for o in (Bad(), Mixed()):
    try:
        print(dir(o))
    except TypeError as e:
        print("TypeError", e)
