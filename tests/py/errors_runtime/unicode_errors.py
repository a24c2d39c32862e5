# Decoding and encoding errors are UnicodeDecodeError / UnicodeEncodeError
# (subclasses of UnicodeError and ValueError), so each except clause works.
import json

cases = [
    lambda: b"\xff".decode(),
    lambda: b"ab\xc3".decode("utf-8"),
    lambda: b"\x80".decode("ascii"),
    lambda: "caf\u00e9".encode("ascii"),
    lambda: "\u20ac".encode("latin-1"),
    lambda: str(b"\xfe", "utf-8"),
    lambda: json.loads(b"\xff"),
]
for f in cases:
    try:
        f()
    except UnicodeDecodeError as e:
        print("decode:", e, isinstance(e, UnicodeError), isinstance(e, ValueError))
    except UnicodeEncodeError as e:
        print("encode:", e, isinstance(e, UnicodeError), isinstance(e, ValueError))
for f in cases[:2]:
    try:
        f()
    except ValueError as e:
        print(type(e).__name__)
print(UnicodeDecodeError.__mro__[1:3], UnicodeEncodeError.__bases__)
print(b"\xff".decode("utf-8", "replace"), b"\xff".decode("ascii", "ignore") == "")
