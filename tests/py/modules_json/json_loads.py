import json

print(json.loads("[1, 2.5, 1e3, -0, -0.0, 123456789012345678901234567890, -98765432109876543210, true, false, null]"))
print(json.loads('{"a": {"b": [1, {"c": "d"}]}, "e": []}'))
print(json.loads(' \n\t{ "x" : 1 , "x" : 2 } \r\n'))
print(json.loads('"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00"') == 'a"b\\c/d\b\f\n\r\té\U0001f600')
print(json.loads('"héllo wörld"'))
print(json.loads(b'[1, "x"]'), json.loads(bytearray(b'{"k": null}')))
print(json.loads("NaN") != json.loads("NaN"), json.loads("Infinity"), json.loads("-Infinity"))
print(json.loads("1E+2"), json.loads("0.5e-1"), json.loads("12"), json.loads('""'))
print(type(json.loads("1")), type(json.loads("1.0")))

bad = [
    "", " ", "[1,]", '{"a":1,}', '{"a" 1}', "[1 2]", '"abc', '"a\\qb"', '"\\u12"',
    '"a\nb"', "1 2", "{1:2}", "[", "{", "tru", "-", "01", "1.", "1e", "[1,2",
    '{"a":', " \n [x", '{"a":1 "b":2}', "[1,\n  2,\n  ?]", '["é", x]', "}", "]",
    '"\\', "nul", "+1", ".5",
]
for s in bad:
    try:
        print(repr(json.loads(s)))
    except ValueError as e:
        print("ValueError", e)

for v in [5, None, [1]]:
    try:
        json.loads(v)
    except TypeError as e:
        print("TypeError", e)

x = "[" * 100 + "]" * 100
print(len(json.dumps(json.loads(x))))
x = '{"a":' * 100 + "1" + "}" * 100
print(len(json.dumps(json.loads(x))))
for s in ["[" * 10000, "[" * 10000 + "]" * 10000, '{"a":' * 10000]:
    try:
        json.loads(s)
    except RecursionError:
        print("RecursionError")

doc = {"name": "x", "vals": [1, 2.5, None, True], "nested": {"k": ["a", "b"]}}
print(json.loads(json.dumps(doc)) == doc)
print(json.loads(json.dumps(doc, indent=4)) == doc)


class R:
    def read(self):
        return '{"z": [3]}'


print(json.load(R()))
