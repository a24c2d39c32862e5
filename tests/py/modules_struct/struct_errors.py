import struct


def t(f, *a):
    try:
        print(f(*a))
    except struct.error as e:
        print("struct.error", e)
    except (TypeError, OverflowError, ValueError) as e:
        print(type(e).__name__, e)


for fmt, args in [("b", (200,)), ("B", (-1,)), ("h", (70000,)), ("H", (-1,)), ("i", (2**31,)),
                  ("<i", (2**31,)), ("I", (-1,)), ("<I", (-1,)), ("<I", (2**32,)), ("l", (2**63,)),
                  ("<l", (2**31,)), ("q", (2**63,)), ("Q", (-1,)), ("<Q", (2**64,)), ("i", (1.5,)),
                  ("i", ("x",)), ("f", ("x",)), ("s", (1,)), ("s", ("ab",)), ("c", (1,)), ("c", (b"ab",)),
                  ("ii", (1,)), ("i", (1, 2)), ("z", (1,)), ("<P", (1,)), ("3", ()), ("<f", (1e300,)),
                  ("i", (2**70,)), ("<h", (-2**15 - 1,)), ("d", (2**1100,)), ("i", (3.0,)), (5, ())]:
    t(struct.pack, fmt, *args)

t(struct.pack)
t(struct.unpack, "i", b"abc")
t(struct.unpack, "<hh", b"a")
t(struct.unpack, "<i", 5)
t(struct.unpack, "<i", "abcd")
t(struct.unpack, "i")
t(struct.unpack_from, "<i", b"abcdef", 4)
t(struct.unpack_from, "<i", b"ab")
t(struct.unpack_from, "<i", b"abcdef", -10)
t(struct.pack_into, "<i", bytearray(6), 4, 1)
t(struct.pack_into, "<i", bytearray(6), -10, 1)
t(struct.pack_into, "<i", b"123456", 0, 1)
t(struct.pack_into, "<i", bytearray(6), 0)
t(struct.calcsize, 5)
t(struct.calcsize, "y")
t(struct.calcsize, "<n")
