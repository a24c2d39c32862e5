import json

print(json.dumps(None), json.dumps(True), json.dumps(False))
print(json.dumps(1), json.dumps(-5), json.dumps(2**100), json.dumps(1.5), json.dumps(1e100))
print(json.dumps(float("nan")), json.dumps(float("inf")), json.dumps(-float("inf")))
print(json.dumps("abc"), json.dumps('a"b\\c\n\t\r\x08\x0c\x01'))
print(json.dumps("é\u2028\U0001f600"))
print(json.dumps("é\U0001f600", ensure_ascii=False))
print(json.dumps([1, [2, 3], (4, 5), []]))
print(json.dumps({"a": 1, "b": [True, None], "c": {}}))
print(json.dumps({1: 2, 2.5: 3, True: 4, None: 5, False: 6}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps([1, {"a": 2}], separators=(",", ":")))
print(json.dumps({"a": [1, 2, {"b": None}], "c": "x"}, indent=2))
print(json.dumps([1, {}], indent="\t", separators=(",", ":")))
print(json.dumps([[], {}], indent=0))
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
print(json.dumps({1, 2} and [1], default=list))
print(json.dumps({"s": {3}}, default=sorted))


class S(str):
    pass


class I(int):
    pass


class L(list):
    pass


class D(dict):
    pass


print(json.dumps([S("x"), I(7), L([1, 2]), D(a=1)]))

for bad in [{(1, 2): 3}, {1, 2}, b"x", object]:
    try:
        print(json.dumps(bad))
    except TypeError as e:
        print("TypeError", e)

try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError", e)

a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError", e)
d = {}
d["x"] = [d]
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError", e)

try:
    json.dumps({1: 2, "a": 3}, sort_keys=True)
except TypeError as e:
    print("TypeError", e)

try:
    json.dumps(1, foo=2)
except TypeError as e:
    print("TypeError", e)

# Deep nesting: 100 levels work, 10000 raise RecursionError cleanly.
x = []
for i in range(100):
    x = [x]
print(len(json.dumps(x)))
for i in range(10000):
    x = [x]
try:
    json.dumps(x)
except RecursionError:
    print("RecursionError")

# Same object twice (not circular) is fine.
b = [1]
print(json.dumps([b, b, {"k": b}]))


class F:
    def __init__(self):
        self.out = []

    def write(self, s):
        self.out.append(s)


f = F()
json.dump({"a": [1, 2]}, f)
print("".join(f.out))
