tests = [
    lambda: round(),
    lambda: round(1.5, 1.5),
    lambda: round('a'),
    lambda: round(float('inf')),
    lambda: round(float('nan')),
    lambda: round(float('inf'), 2),
    lambda: round(1e308, -308),
    lambda: round(1.7e308, -308),
    lambda: round(5.5, None),
    lambda: round(number=2.5),
    lambda: round(True),
    lambda: round(True, 1),
    lambda: round(-2**70 - 5, -1),
    lambda: round(-15, -1),
    lambda: round(-25, -1),
    lambda: round(123456789, -400),
    lambda: round(0.5, -1),
    lambda: round(5.0, -1),
    lambda: round(5.000001, -1),
    lambda: round(15.0, -1),
    lambda: round(-25.0, -1),
    lambda: round(50.0, -2),
    lambda: round(51.0, -2),
    lambda: round(96.0, -1),
    lambda: round(1.23456789e-10, 15),
    lambda: round(12345.6789, -3),
    lambda: round(0.1 + 0.2, 16),
    lambda: round(2.5e22, -22),
    lambda: round(1234.5678, 400),
    lambda: round(1234.5678, -400),
    lambda: round(-0.0),
    lambda: round(-0.0, 1),
    lambda: round(-0.04, 1),
    lambda: round(4.5e15 + 0.5),
    lambda: round(2.5, 0),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
class RR:
    def __round__(self, n=None):
        return ('rounded', n)
print(round(RR()), round(RR(), 3))
