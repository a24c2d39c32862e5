for e in ["[1][5]", "(1,)[5]", "'a'[5]", "b'a'[5]", "range(2)[5]", "[1][10**30]", "[1]['x']", "'a'['x']", "del [1][5]", "del [1]['x']", "del [1][10**30]",
          "bytearray(b'a')[5]", "memoryview(b'a')[5]"]:
    try:
        exec(e)
    except Exception as x:
        print(type(x).__name__, x)
l=[1]; 
for st in ["l[5]=1", "l['x']=1", "l[10**30]=1"]:
    try: exec(st)
    except Exception as x: print(type(x).__name__, x)
b=bytearray(b'ab'); b2=b; b*=2; print(b, b is b2); b+=b'x'; print(b, b is b2)
print([1,2]+[3], (1,)+(2,), b'a'+bytearray(b'b'), bytearray(b'a')+b'b', [1]*3, (1,2)*2, 'ab'*2, b'x'*3, 3*[0])
print([1,2,3,4,5][::2], [1,2,3,4,5][::-2], (1,2,3)[1:], 'héllo'[::-1], b'abc'[::-1], bytearray(b'abcd')[1:3])
try: [1]+(1,)
except TypeError as x: print(x)
