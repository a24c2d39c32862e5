# Every encode/decode path: codecs x error handlers, messages.
texts = ['', 'abc', 'h\xe9llo', 'a\u20acb', '\U0001f600x', '\xff\u0100\u0101z', 'x\x7f\x80']
for enc in ['utf-8', 'ascii', 'latin-1', 'LATIN_1', 'Utf8', 'us ascii', 'iso8859-1']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'bogus']:
        for t in texts:
            try:
                print(enc, err, repr(t), t.encode(enc, err))
            except Exception as e:
                print(enc, err, repr(t), type(e).__name__, e)
datas = [b'', b'abc', b'\xff', b'a\x80b', b'\xc3\xa9', b'\xc3', b'a\xe2\x82', b'\xe2\x82\xacx\xed\xb0\x80y',
         b'\xf0\x9f\x98\x80', b'\xf0\x9f', b'\xc0\xaf', b'\x80\x81', b'\xf5\xff', b'ok\xe9t\xe9']
for enc in ['utf-8', 'ascii', 'latin-1']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'bogus']:
        for d in datas:
            try:
                print(enc, err, d, repr(d.decode(enc, err)))
            except Exception as e:
                print(enc, err, d, type(e).__name__, e)
for enc in ['nope', 'x' * 40, '']:
    try:
        print('abc'.encode(enc))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(b'abc'.decode(enc))
    except Exception as e:
        print(type(e).__name__, e)
try:
    'a'.encode(1)
except Exception as e:
    print(type(e).__name__, e)
try:
    b'a'.decode('utf-8', 1)
except Exception as e:
    print(type(e).__name__, e)
print(str(b'h\xc3\xa9', 'utf-8'), str(b'h\xe9', 'latin-1'), str(b'h\xe9', 'ascii', 'replace'))
print(bytearray(b'\xe9t\xe9').decode('latin1'), 'é'.encode(errors='strict'), b'\xc3\xa9'.decode(errors='ignore'))
print('\u20ac'.encode('latin-1', 'backslashreplace'), '\U0001f600'.encode('ascii', 'backslashreplace'))
print('\xe9'.encode('l1'))
print(b'\xc3\xa9'.decode('u8'), b'\xe9'.decode('cp819'))
# xmlcharrefreplace exists but only encodes; an unknown handler is a LookupError
# whether or not the text needed it (CPython checks the name lazily).
for f in (lambda: b'\xff'.decode('utf-8', 'xmlcharrefreplace'),
          lambda: b'\xff'.decode('ascii', 'xmlcharrefreplace'),
          lambda: 'ā'.encode('latin-1', 'bogus')):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(b'ok'.decode('ascii', 'xmlcharrefreplace'), 'é'.encode('l1', 'bogus'))
