# `collections` (alias `ucollections`): `namedtuple`, `deque`,
# `OrderedDict`, `defaultdict`.
#
# Written in Python, frozen at build time (vm/src/frozen): import loads
# the bytecode, leaving a few KB of functions and class objects in the heap. These types are thin layers over tuple, list and dict, so the
# Python versions cost little at run time and keep CPython's semantics
# (repr, error messages, keyword arguments) without a native object kind.
#
# `deque` is a list with a moving head: `popleft` is amortised O(1),
# `appendleft` is O(1) after a `popleft` and O(n) otherwise.

_KEYWORDS = frozenset(('False', 'None', 'True', 'and', 'as', 'assert', 'async',
    'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda',
    'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with',
    'yield'))


def _field_getter(i):
    return property(lambda self: self[i])


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        names = list(field_names)
        for i, name in enumerate(names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                names[i] = '_' + str(i)
            seen.add(name)
        field_names = tuple(names)
    for name in (typename,) + field_names:
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             'identifiers: ' + repr(name))
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             'keyword: ' + repr(name))
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             + repr(name))
        if name in seen:
            raise ValueError('Encountered duplicate field name: ' + repr(name))
        seen.add(name)
    n = len(field_names)
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > n:
            raise TypeError('Got more default values than field names')
    else:
        defaults = ()
    field_defaults = dict(zip(field_names[n - len(defaults):], defaults))
    qual = typename + '.__new__()'

    def __new__(_cls, *args, **kw):
        if len(args) > n:
            raise TypeError(qual + ' takes ' + str(n + 1) + ' positional arguments but '
                            + str(len(args) + 1) + ' were given')
        vals = list(args)
        missing = []
        for name in field_names[len(args):]:
            if name in kw:
                vals.append(kw.pop(name))
            elif name in field_defaults:
                vals.append(field_defaults[name])
            else:
                missing.append(name)
        for k in kw:
            if k in field_names:
                raise TypeError(qual + " got multiple values for argument '" + k + "'")
            raise TypeError(qual + " got an unexpected keyword argument '" + k + "'")
        if missing:
            m = len(missing)
            names = ["'" + x + "'" for x in missing]
            if m == 1:
                text = names[0]
            elif m == 2:
                text = names[0] + ' and ' + names[1]
            else:
                text = ', '.join(names[:-1]) + ', and ' + names[-1]
            raise TypeError(qual + ' missing ' + str(m) + ' required positional argument'
                            + ('s' if m > 1 else '') + ': ' + text)
        return tuple.__new__(_cls, vals)

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != n:
            raise TypeError('Expected ' + str(n) + ' arguments, got ' + str(len(result)))
        return result

    def _replace(self, **kw):
        vals = [kw.pop(name, self[i]) for i, name in enumerate(field_names)]
        if kw:
            raise ValueError('Got unexpected field names: ' + repr(list(kw)))
        return tuple.__new__(type(self), vals)

    def __repr__(self):
        return type(self).__name__ + '(' + ', '.join(
            [name + '=' + repr(self[i]) for i, name in enumerate(field_names)]) + ')'

    def _asdict(self):
        return dict(zip(field_names, self))

    def __getnewargs__(self):
        return tuple(self)

    # The VM compares a tuple subclass by identity unless told otherwise.
    def __eq__(self, other):
        return tuple(self) == (tuple(other) if isinstance(other, tuple) else other)

    def __ne__(self, other):
        return not __eq__(self, other)

    def __hash__(self):
        return hash(tuple(self))

    def __lt__(self, other):
        return tuple(self) < (tuple(other) if isinstance(other, tuple) else other)

    def __le__(self, other):
        return tuple(self) <= (tuple(other) if isinstance(other, tuple) else other)

    def __gt__(self, other):
        return tuple(self) > (tuple(other) if isinstance(other, tuple) else other)

    def __ge__(self, other):
        return tuple(self) >= (tuple(other) if isinstance(other, tuple) else other)

    ns = {
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__match_args__': field_names,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__eq__': __eq__,
        '__ne__': __ne__,
        '__hash__': __hash__,
        '__lt__': __lt__,
        '__le__': __le__,
        '__gt__': __gt__,
        '__ge__': __ge__,
        '__module__': module if module is not None else '__main__',
    }
    for i, name in enumerate(field_names):
        ns[name] = _field_getter(i)
    return type(typename, (tuple,), ns)


class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if type(maxlen) is not int and not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._items = []
        self._head = 0
        self._maxlen = maxlen
        if iterable is not self:
            self.extend(iterable)
        else:
            self.extend(list(iterable))

    @property
    def maxlen(self):
        return self._maxlen

    def _compact(self):
        if self._head > 16 and self._head * 2 > len(self._items):
            del self._items[:self._head]
            self._head = 0

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def append(self, x):
        if self._maxlen is not None and len(self) >= self._maxlen:
            if self._maxlen == 0:
                return
            self.popleft()
        self._items.append(x)

    def appendleft(self, x):
        if self._maxlen is not None and len(self) >= self._maxlen:
            if self._maxlen == 0:
                return
            self.pop()
        if self._head > 0:
            self._head -= 1
            self._items[self._head] = x
        else:
            self._items.insert(0, x)

    def pop(self):
        if len(self._items) <= self._head:
            raise IndexError('pop from an empty deque')
        x = self._items.pop()
        if len(self._items) == self._head:
            self._items.clear()
            self._head = 0
        return x

    def popleft(self):
        h = self._head
        if len(self._items) <= h:
            raise IndexError('pop from an empty deque')
        x = self._items[h]
        self._items[h] = None
        self._head = h + 1
        if self._head == len(self._items):
            self._items.clear()
            self._head = 0
        else:
            self._compact()
        return x

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._items.clear()
        self._head = 0

    def copy(self):
        return deque(self, self._maxlen)

    def count(self, x):
        return self._items[self._head:].count(x)

    def index(self, x, *args):
        try:
            return self._items[self._head:].index(x, *args)
        except ValueError:
            raise ValueError(repr(x) + ' is not in deque') from None

    def remove(self, x):
        try:
            i = self._items.index(x, self._head)
        except ValueError:
            raise ValueError(repr(x) + ' is not in deque') from None
        del self._items[i]

    def reverse(self):
        items = self._items[self._head:]
        items.reverse()
        self._items = items
        self._head = 0

    def rotate(self, n=1):
        k = len(self)
        if k <= 1:
            return
        n %= k
        if n:
            items = self._items[self._head:]
            self._items = items[-n:] + items[:-n]
            self._head = 0

    def _index(self, i):
        k = len(self)
        if type(i) is not int and not isinstance(i, int):
            raise TypeError('sequence index must be integer, not ' + repr(type(i).__name__))
        if i < 0:
            i += k
        if i < 0 or i >= k:
            raise IndexError('deque index out of range')
        return self._head + i

    def __getitem__(self, i):
        return self._items[self._index(i)]

    def __setitem__(self, i, x):
        self._items[self._index(i)] = x

    def __delitem__(self, i):
        del self._items[self._index(i)]

    def __iter__(self):
        return iter(self._items[self._head:])

    def __reversed__(self):
        return reversed(self._items[self._head:])

    def __contains__(self, x):
        return x in self._items[self._head:]

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items[self._head:] == other._items[other._head:]

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __repr__(self):
        r = 'deque(' + repr(self._items[self._head:])
        if self._maxlen is not None:
            r += ', maxlen=' + str(self._maxlen)
        return r + ')'


class OrderedDict(dict):
    def move_to_end(self, key, last=True):
        v = dict.pop(self, key)
        if last:
            self[key] = v
        else:
            rest = list(self.items())
            dict.clear(self)
            self[key] = v
            for k, x in rest:
                self[k] = x

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        keys = list(self)
        key = keys[-1] if last else keys[0]
        return key, dict.pop(self, key)

    def __eq__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        if isinstance(other, OrderedDict) and list(self) != list(other):
            return False
        return dict(self) == dict(other)

    __hash__ = None

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def copy(self):
        return type(self)(self)

    def __repr__(self):
        if not self:
            return type(self).__name__ + '()'
        return type(self).__name__ + '(' + repr(list(self.items())) + ')'


class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kw):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self, *args, **kw)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        v = self.default_factory()
        self[key] = v
        return v

    def copy(self):
        return type(self)(self.default_factory, self)

    def __repr__(self):
        f = self.default_factory
        return ('defaultdict(' + ('None' if f is None else repr(f)) + ', '
                + repr(dict(self)) + ')')
