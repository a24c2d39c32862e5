# Builtin iterators carry CPython's per-kind type names in messages, and
# builtin types' reprs leave out the module.
import re

its = (iter([]), iter(()), iter("ab"), iter("é"), iter(range(2)), iter({}),
       iter({}.values()), iter({}.items()), iter(set()), enumerate([]),
       reversed([]), reversed((1,)), iter(b""), iter(bytearray()))
for x in its:
    try:
        x[0]
    except TypeError as e:
        print(e)
    try:
        x + 1
    except TypeError as e:
        print(e)
print(re.sub("0x[0-9a-f]+", "ADDR", repr(object())))
print(re.sub("0x[0-9a-f]+", "ADDR", repr(memoryview(b"a"))))
print(re.sub("0x[0-9a-f]+", "ADDR", repr(iter([]))))
