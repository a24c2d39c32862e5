b = b'AbC1 '
print(b.upper(), b.lower())
print(b'123'.isdigit(), b'abc'.isalpha(), b'  '.isspace(), b'ABC'.isupper(), b'abc'.islower())
print(sorted(b'cab'), max(b'az'), sum(b'\x01\x02'))
print([x for x in b'hi'])
