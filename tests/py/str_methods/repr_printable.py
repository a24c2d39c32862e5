# repr() escapes what str.isprintable rejects: separators, format and private-use
# characters and noncharacters; ascii() also escapes the rest of non-ASCII.
chars = ['\xa0', '\xad', '\u2028', '\u200b', '\u3000', '\ufeff', '\ue000', '\U000e0001', '\U0010fffd',
         '\ufffe', '\U0002fffe', '\x85', '\x7f', 'é', '中', '\U0001f600', ' ', '\u0600', '\u180e', '\u1680']
for c in chars:
    print(repr(c), c.isprintable(), ascii(c), repr('a' + c + 'b'))
print(repr('tab\tnl\nq\'"'), '\x00\x1f'.isprintable(), ''.isprintable())
print(ascii([1, 'é', {'k': '\u2028'}]), ascii(b'\xff'), ascii(3.5))
try:
    ascii()
except TypeError as e:
    print(e)
