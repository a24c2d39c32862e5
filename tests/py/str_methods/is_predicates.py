for s in ['abc', 'ABC', 'aBc', '123', 'a1', ' \t\n', '', 'ab c', 'A1B']:
    print(repr(s), s.isdigit(), s.isalpha(), s.isspace(), s.isupper(), s.islower())
