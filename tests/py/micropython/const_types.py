from micropython import const

BUFFER_SIZE = const(1024)
BUFFER_MASK = const(BUFFER_SIZE - 1)
FLAGS = const(0x01 | 0x02)
_SCALE = const(0.5)
_PREFIX = const("data_")
_HEADER = const(b"\x00\xff")
_MODES = const(("read", "write"))
_ON = const(True)
print(BUFFER_SIZE, BUFFER_MASK, FLAGS)
print(_SCALE, _PREFIX + "x", _HEADER, _MODES, _ON)
