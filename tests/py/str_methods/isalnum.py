for s in ['abc123', 'abc', '123', 'a b', '', 'a_b', '!']:
    print(repr(s), s.isalnum())
