# The modules written in Python are frozen bytecode: importing each gives a
# working module, errors raised inside them propagate normally, and the
# MicroPython u-aliases name the same module objects.
import array
import asyncio
import binascii
import collections
import hashlib
import heapq
import io
import os
import struct

print(heapq.__name__, collections.__name__, asyncio.__name__, io.__name__)
h = []
for x in (5, 1, 4, 2):
    heapq.heappush(h, x)
print([heapq.heappop(h) for _ in range(4)])
print(collections.deque([1, 2, 3], 5), collections.OrderedDict(a=1))
print(io.StringIO('ab').read(), io.BytesIO(b'cd').read())
print(hashlib.sha1(b'').hexdigest(), array.array('b', [1]))
print(issubclass(binascii.Error, ValueError), issubclass(struct.error, Exception))
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError', e)
try:
    collections.namedtuple('P', 'x 1y')
except ValueError as e:
    print('ValueError', e)


async def main():
    await asyncio.sleep(0)
    return 'done'


print(asyncio.run(main()))
print(os.sep)
