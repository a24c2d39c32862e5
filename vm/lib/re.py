# The Python half of the `re` module (see mod.rs). `_compile`, `_new`,
# `_start` and `_step` are the native engine; every match runs as a `while`
# loop over `_step`, so the interpreter's budget and Ctrl-C apply during it.

TEMPLATE = T = 1
IGNORECASE = I = 2
LOCALE = L = 4
MULTILINE = M = 8
DOTALL = S = 16
UNICODE = U = 32
VERBOSE = X = 64
DEBUG = 128
ASCII = A = 256
NOFLAG = 0

_MAXSIZE = 9223372036854775807
_FLAG_NAMES = ((1, 'TEMPLATE'), (2, 'IGNORECASE'), (4, 'LOCALE'), (8, 'MULTILINE'),
               (16, 'DOTALL'), (32, 'UNICODE'), (64, 'VERBOSE'), (128, 'DEBUG'),
               (256, 'ASCII'))


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = self.colno = None
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            nl = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(nl, 0, pos) + 1
            self.colno = pos - pattern.rfind(nl, 0, pos)
            if nl in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        Exception.__init__(self, msg)


def _typename(x):
    return type(x).__name__


def _run(prog, s, pos, endpos, mode, bpos, st):
    # One match attempt with state `st` (from `_new`), a bounded chunk of
    # engine work per call.
    r = _start(prog, s, pos, endpos, mode, bpos, st)
    while r is None:
        r = _step(prog, s, st)
    return r


class Match:
    def __init__(self, pattern, string, s, spans, pos, endpos):
        # `s` is the subject as matched (str or bytes); `string` the
        # object given (a bytearray or memoryview gives bytes groups).
        self.re = pattern
        self.string = string
        self._s = s
        self._spans = spans
        self.pos = pos
        self.endpos = endpos

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        raise IndexError('no such group')

    def _get(self, i, default=None):
        a = self._spans[2 * i]
        if a < 0:
            return default
        return self._s[a:self._spans[2 * i + 1]]

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple([self._get(self._index(g)) for g in args])

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple([self._get(i, default) for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        d = {}
        for name, i in self.re.groupindex.items():
            d[name] = self._get(i, default)
        return d

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple([(self._spans[2 * i], self._spans[2 * i + 1])
                      for i in range(self.re.groups + 1)])

    @property
    def lastindex(self):
        best = None
        e = -1
        for i in range(1, self.re.groups + 1):
            if self._spans[2 * i] >= 0 and self._spans[2 * i + 1] > e:
                best = i
                e = self._spans[2 * i + 1]
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        for name, k in self.re.groupindex.items():
            if k == i:
                return name
        return None

    def expand(self, template):
        return _expand(self.re, _template(self.re, template), self)

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%r>' % (
            self._spans[0], self._spans[1], self.group(0))


class Pattern:
    def __init__(self, pattern, flags):
        r = _compile(pattern, flags)
        if len(r) == 2:
            raise error(r[0], pattern, r[1] if r[1] >= 0 else None)
        self._prog, self.groups, names, flags = r
        self.groupindex = dict(names)
        self.pattern = pattern
        self._isstr = isinstance(pattern, str)
        if self._isstr and not flags & ASCII:
            flags |= UNICODE
        self.flags = flags

    def __repr__(self):
        p = repr(self.pattern)
        f = self.flags
        if self._isstr:
            f &= ~UNICODE
        if not f:
            return 're.compile(%s)' % p
        names = ['re.' + n for v, n in _FLAG_NAMES if f & v]
        return 're.compile(%s, %s)' % (p, '|'.join(names))

    def __eq__(self, other):
        return (isinstance(other, Pattern) and self.pattern == other.pattern
                and self.flags == other.flags)

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _window(self, string, pos, endpos):
        # The subject and pos/endpos clamped to it, as CPython does.
        s = self._subject(string)
        n = len(s)
        pos = min(max(pos, 0), n)
        return s, pos, max(min(max(endpos, 0), n), pos)

    def _subject(self, string):
        # The native engine reads str, bytes and bytearray directly.
        if self._isstr:
            if isinstance(string, str):
                return string if type(string) is str else str.__str__(string)
            if isinstance(string, (bytes, bytearray, memoryview)):
                raise TypeError('cannot use a string pattern on a bytes-like object')
        else:
            if type(string) is bytes:
                return string
            if isinstance(string, (bytes, bytearray, memoryview)):
                return bytes(string)
            if isinstance(string, str):
                raise TypeError('cannot use a bytes pattern on a string-like object')
        raise TypeError("expected string or bytes-like object, got '%s'" % _typename(string))

    def _one(self, string, pos, endpos, mode):
        s, pos, endpos = self._window(string, pos, endpos)
        prog = self._prog
        r = _run(prog, s, pos, endpos, mode, -1, _new(prog, s, 0, 0, 0, -1, None))
        if r is False:
            return None
        return Match(self, string, s, r, pos, endpos)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._one(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._one(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._one(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        s, pos, endpos = self._window(string, pos, endpos)
        return self._iter(string, s, pos, endpos)

    def _iter(self, string, s, pos, endpos):
        # CPython's rule: after an empty match the next match must not be
        # empty at the same position (mode bit 4, `must_advance`).
        prog = self._prog
        bpos = -1
        mode = 1
        st = _new(prog, s, 0, 0, 0, -1, None)
        while pos <= endpos:
            r = _run(prog, s, pos, endpos, mode, bpos, st)
            if r is False:
                return
            yield Match(self, string, s, r, pos, endpos)
            mode = 5 if r[0] == r[1] else 1
            pos = r[1]
            bpos = r[-1]

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        # The `_iter` loop without Match objects.
        s, pos, endpos = self._window(string, pos, endpos)
        prog = self._prog
        g = self.groups
        empty = s[:0]
        out = []
        bpos = -1
        mode = 1
        st = _new(prog, s, 0, 0, 0, -1, None)
        while pos <= endpos:
            r = _run(prog, s, pos, endpos, mode, bpos, st)
            if r is False:
                break
            if g == 0:
                out.append(s[r[0]:r[1]])
            elif g == 1:
                out.append(s[r[2]:r[3]] if r[2] >= 0 else empty)
            else:
                out.append(tuple([s[r[2 * i]:r[2 * i + 1]] if r[2 * i] >= 0 else empty
                                  for i in range(1, g + 1)]))
            mode = 5 if r[0] == r[1] else 1
            pos = r[1]
            bpos = r[-1]
        return out

    def split(self, string, maxsplit=0):
        s = self._subject(string)
        if maxsplit < 0:
            return [s]
        out = []
        last = 0
        n = 0
        for m in self._iter(string, s, 0, len(s)):
            if maxsplit and n >= maxsplit:
                break
            out.append(s[last:m._spans[0]])
            out.extend(m.groups())
            last = m._spans[1]
            n += 1
        out.append(s[last:])
        return out

    def subn(self, repl, string, count=0):
        s = self._subject(string)
        if callable(repl):
            tmpl = None
        else:
            if not isinstance(repl, (str, bytes, bytearray)):
                raise TypeError('decoding to str: need a bytes-like object, %s found'
                                % _typename(repl))
            if self._isstr and not isinstance(repl, str):
                raise TypeError('sequence item 0: expected str instance, %s found'
                                % _typename(repl))
            if not self._isstr and isinstance(repl, str):
                raise TypeError('sequence item 0: expected a bytes-like object, str found')
            tmpl = _template(self, repl)
        literal = tmpl is not None and len(tmpl) == 1 and not isinstance(tmpl[0], int)
        if literal:
            tmpl = tmpl[0]
        elif tmpl == []:
            literal = True
            tmpl = s[:0]
        # The `_iter` loop; Match objects only for a callable.
        prog = self._prog
        pieces = []
        last = 0
        n = 0
        pos = 0
        endpos = len(s)
        bpos = -1
        mode = 1
        st = _new(prog, s, 0, 0, 0, -1, None)
        while pos <= endpos and not (count and n >= count):
            r = _run(prog, s, pos, endpos, mode, bpos, st)
            if r is False:
                break
            pieces.append(s[last:r[0]])
            if literal:
                pieces.append(tmpl)
            elif tmpl is None:
                x = repl(Match(self, string, s, r, 0, endpos))
                if x is not None:
                    pieces.append(x)
            else:
                for p in tmpl:
                    if isinstance(p, int):
                        if r[2 * p] >= 0:
                            pieces.append(s[r[2 * p]:r[2 * p + 1]])
                    else:
                        pieces.append(p)
            last = r[1]
            n += 1
            mode = 5 if r[0] == r[1] else 1
            pos = r[1]
            bpos = r[-1]
        pieces.append(s[last:])
        return s[:0].join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        raise NotImplementedError('scanner')

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
            'v': '\v', '\\': '\\'}
_DIGITS = '0123456789'
_OCT = '01234567'


def _template(pattern, repl):
    # Split a replacement template into literal pieces and group numbers.
    isstr = isinstance(repl, str)
    src = repl if isstr else repl.decode('latin-1')
    if '\\' not in src:
        return [repl]
    parts = []
    lit = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c != '\\':
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error('bad escape (end of pattern)', repl, i)
        c = src[i + 1]
        if c == 'g':
            j = i + 2
            if j >= n or src[j] != '<':
                raise error('missing <', repl, j)
            k = src.find('>', j + 1)
            if k < 0:
                raise error('missing >, unterminated name', repl, j + 1)
            name = src[j + 1:k]
            if not name:
                raise error('missing group name', repl, j + 1)
            if name.isdigit() and name.isascii():
                g = int(name)
                if g > pattern.groups:
                    raise error('invalid group reference %d' % g, repl, j + 1)
            elif name.isidentifier() and (isstr or name.isascii()):
                g = pattern.groupindex.get(name)
                if g is None:
                    raise IndexError('unknown group name %r' % name)
            else:
                raise error('bad character in group name %r' % name, repl, j + 1)
            parts.append(''.join(lit))
            lit = []
            parts.append(g)
            i = k + 1
        elif c == '0':
            j = i + 2
            while j < n and j < i + 4 and src[j] in _OCT:
                j += 1
            lit.append(chr(int(src[i + 1:j], 8)))
            i = j
        elif c in _DIGITS:
            j = i + 2
            if j < n and src[j] in _DIGITS:
                if (c in _OCT and src[j] in _OCT and j + 1 < n and src[j + 1] in _OCT):
                    v = int(src[i + 1:j + 2], 8)
                    if v > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377'
                                    % src[i + 1:j + 2], repl, i)
                    lit.append(chr(v))
                    i = j + 2
                    continue
                j += 1
            g = int(src[i + 1:j])
            if g > pattern.groups:
                raise error('invalid group reference %d' % g, repl, i + 1)
            parts.append(''.join(lit))
            lit = []
            parts.append(g)
            i = j
        elif c in _ESCAPES:
            lit.append(_ESCAPES[c])
            i += 2
        elif c.isascii() and c.isalpha():
            raise error('bad escape \\' + c, repl, i)
        else:
            lit.append('\\' + c)
            i += 2
    parts.append(''.join(lit))
    if not isstr:
        parts = [p if isinstance(p, int) else p.encode('latin-1') for p in parts]
    return [p for p in parts if isinstance(p, int) or p]


def _expand(pattern, tmpl, m):
    empty = m._s[:0]
    out = []
    for p in tmpl:
        if isinstance(p, int):
            v = m._get(p)
            if v is not None:
                out.append(v)
        else:
            out.append(p)
    return empty.join(out)


_cache = {}


def _compile_p(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError('first argument must be string or compiled pattern')
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if isinstance(pattern, str):
        if flags & ASCII and flags & UNICODE:
            raise ValueError('ASCII and UNICODE flags are incompatible')
    elif flags & UNICODE:
        raise ValueError('cannot use UNICODE flag with a bytes pattern')
    p = Pattern(pattern, flags)
    if len(_cache) >= 64:
        _cache.clear()
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile_p(pattern, flags)


def match(pattern, string, flags=0):
    return _compile_p(pattern, flags).match(string)


def search(pattern, string, flags=0):
    return _compile_p(pattern, flags).search(string)


def fullmatch(pattern, string, flags=0):
    return _compile_p(pattern, flags).fullmatch(string)


def finditer(pattern, string, flags=0):
    return _compile_p(pattern, flags).finditer(string)


def findall(pattern, string, flags=0):
    return _compile_p(pattern, flags).findall(string)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile_p(pattern, flags).split(string, maxsplit)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile_p(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile_p(pattern, flags).subn(repl, string, count)


def purge():
    _cache.clear()


_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join(['\\' + c if c in _SPECIAL else c for c in pattern])
    s = bytes(pattern).decode('latin-1')
    return ''.join(['\\' + c if c in _SPECIAL else c for c in s]).encode('latin-1')
