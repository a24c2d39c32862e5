# `array.array`: the class over the natives of vm/src/modules/array.rs,
# which keep the items packed in a bytearray (the instance's base value).
# Plain methods are the natives themselves (a native in a class dict binds
# like a builtin type's method); the special methods are Python functions
# because the interpreter dispatches an instance's operators to Python-level
# methods.


class array:
    def __new__(cls, *args, **kw):
        return _new(cls, args, kw)

    def __len__(self):
        return _len(self)

    def __getitem__(self, i):
        return _get(self, i)

    def __setitem__(self, i, v):
        _set(self, i, v)

    def __delitem__(self, i):
        _del(self, i)

    def __iter__(self):
        i = 0
        while i < _len(self):
            yield _get(self, i)
            i += 1

    def __contains__(self, v):
        return _contains(self, v)

    def __eq__(self, other):
        return _cmp(self, other, 0)

    def __ne__(self, other):
        r = _cmp(self, other, 0)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        return _cmp(self, other, 1)

    def __le__(self, other):
        return _cmp(self, other, 2)

    def __gt__(self, other):
        return _cmp(self, other, 3)

    def __ge__(self, other):
        return _cmp(self, other, 4)

    def __add__(self, other):
        return _add(self, other)

    def __iadd__(self, other):
        _iadd(self, other)
        return self

    def __mul__(self, n):
        return _mul(self, n)

    __rmul__ = __mul__

    def __imul__(self, n):
        _imul(self, n)
        return self

    def __repr__(self):
        return _repr(self)

    # The list-like methods, in Python over the natives above.
    def count(self, v):
        n = 0
        for x in self:
            if x == v:
                n += 1
        return n

    def index(self, v, start=0, stop=None):
        n = _len(self)
        if stop is None:
            stop = n
        start = max(start + n, 0) if start < 0 else min(start, n)
        stop = max(stop + n, 0) if stop < 0 else min(stop, n)
        i = start
        while i < stop:
            if _get(self, i) == v:
                return i
            i += 1
        raise ValueError('array.index(x): x not in array')

    def insert(self, i, v):
        self[i:i] = array(self.typecode, [v])

    def remove(self, v):
        i = 0
        n = _len(self)
        while i < n:
            if _get(self, i) == v:
                _del(self, i)
                return
            i += 1
        raise ValueError('array.remove(x): x not in array')

    def reverse(self):
        self[:] = self[::-1]

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError('arg must be list')
        # All or nothing, as CPython: convert first.
        _iadd(self, array(self.typecode, items))

    def byteswap(self):
        n = self.itemsize
        if n == 1:
            return
        b = self.tobytes()
        out = bytearray(len(b))
        for k in range(n):
            out[k::n] = b[n - 1 - k::n]
        self[:] = array(self.typecode)
        self.frombytes(bytes(out))

    __hash__ = None
    itemsize = property(_itemsize)
    append = _append
    extend = _extend
    frombytes = _frombytes
    tobytes = _tobytes
    tolist = _tolist
    pop = _pop
