from collections import namedtuple, deque, OrderedDict, defaultdict
P = namedtuple("Point", "x y")
p = P(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), P._fields, p._asdict(), p._replace(x=5))
x, y = p
print(x, y, p == (1, 2), isinstance(p, tuple), type(p).__name__, P._make([3, 4]))
print(hash(p) == hash((1, 2)), p + (3,), p[:1])
Q = namedtuple("Q", ["a", "b", "c"], defaults=[0])
print(Q(1, 2), Q(1, 2, 3), Q._field_defaults)
for args, kw in [((1,), {}), ((1, 2, 3), {}), ((1,), {"x": 2}), ((1, 2), {"z": 3}), ((), {})]:
    try:
        P(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
try:
    Q()
except TypeError as e:
    print("TypeError", e)
for bad in ["a a", "a _b", "a def", "1a"]:
    try:
        namedtuple("X", bad)
    except ValueError as e:
        print("ValueError", e)
try:
    p._replace(z=1)
except ValueError as e:
    print("ValueError", e)
print(namedtuple("R", "a def _c a", rename=True)._fields)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError")

d = deque()
d.append(1); d.append(2); d.appendleft(0)
print(d, len(d), list(d), d[0], d[-1], 2 in d)
print(d.pop(), d.popleft(), d)
d = deque(range(5), 3)
print(d, d.maxlen)
d.appendleft(9)
print(d)
d.extend([7, 8])
print(d)
for i in range(100):
    d.append(i)
    d.popleft()
print(d, len(d))
d = deque([1, 2, 3])
d.rotate(1); print(d)
d.rotate(-2); print(d)
d.extendleft([4, 5]); print(d)
d.reverse(); print(d, d.count(1))
print(list(reversed(d)), bool(deque()), d == deque(list(d)))
for f in [deque().pop, deque().popleft]:
    try:
        f()
    except IndexError as e:
        print("IndexError", e)
try:
    deque([], -1)
except ValueError as e:
    print("ValueError", e)
dq = deque(maxlen=0); dq.append(1); print(dq)

od = OrderedDict()
od["b"] = 1; od["a"] = 2; od["c"] = 3
print(od, list(od))
od.move_to_end("b"); print(list(od))
od.move_to_end("c", last=False); print(list(od))
print(od.popitem(), od.popitem(last=False), od)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    od.move_to_end("zz")
except KeyError as e:
    print("KeyError", e)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
print(OrderedDict(), isinstance(od, dict))

dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
print(dd, dd["a"], "c" in dd, dd.get("c"))
ci = defaultdict(int, {"x": 1})
for ch in "hello":
    ci[ch] += 1
print(sorted(ci.items()))
n = defaultdict()
try:
    n["k"]
except KeyError as e:
    print("KeyError", e)
print(n, defaultdict(None, a=1))
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)
