class _MemIO:
    _closed_msg = 'I/O operation on closed file.'

    def __init__(self, initial):
        self._buf = initial
        self._tail = []
        self._pos = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError(self._closed_msg)

    def _flat(self):
        # Join pending appends into one buffer.
        if self._tail:
            self._buf = self._empty.join([self._buf] + self._tail)
            self._tail = []
        return self._buf

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True
        self._buf = self._empty
        self._tail = []

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *a):
        self.close()

    def __iter__(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check()
        return True

    writable = readable
    seekable = readable

    def isatty(self):
        self._check()
        return False

    def flush(self):
        self._check()

    def getvalue(self):
        self._check()
        return self._flat()

    def tell(self):
        self._check()
        return self._pos

    def read(self, size=-1):
        self._check()
        if size is None:
            size = -1
        buf = self._flat()
        start = min(self._pos, len(buf))
        end = len(buf) if size < 0 else min(len(buf), start + size)
        self._pos = max(self._pos, end)
        return buf[start:end]

    def readline(self, size=-1):
        self._check()
        if size is None:
            size = -1
        buf = self._flat()
        start = min(self._pos, len(buf))
        end = buf.find(self._nl, start)
        end = len(buf) if end < 0 else end + 1
        if size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return buf[start:end]

    def readlines(self, hint=-1):
        self._check()
        if hint is None:
            hint = -1
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('Negative size value ' + str(size))
        buf = self._flat()
        if size < len(buf):
            self._buf = buf[:size]
        return size

    def _write(self, s):
        n = len(s)
        if n == 0:
            return 0
        pos = self._pos
        blen = len(self._buf) + sum(len(c) for c in self._tail) if self._tail else len(self._buf)
        if pos == blen:
            self._tail.append(s)
        else:
            buf = self._flat()
            if pos > blen:
                buf = buf + self._zero * (pos - blen)
            self._buf = buf[:pos] + s + buf[pos + n:]
        self._pos = pos + n
        return n


class StringIO(_MemIO):
    _empty = ''
    _nl = '\n'
    _zero = '\0'
    # CPython's C StringIO says it without the full stop.
    _closed_msg = 'I/O operation on closed file'

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not '
                            + type(initial_value).__name__)
        _MemIO.__init__(self, initial_value)

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got '
                            + repr(type(s).__name__))
        return self._write(s)

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position ' + str(pos))
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._flat())
        else:
            raise ValueError('Invalid whence (' + str(whence)
                             + ', should be 0, 1 or 2)')
        return self._pos


class BytesIO(_MemIO):
    _empty = b''
    _nl = b'\n'
    _zero = b'\0'

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        _MemIO.__init__(self, bytes(initial_bytes))

    def write(self, b):
        self._check()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return self._write(bytes(b))

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value ' + str(pos))
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._flat()) + pos)
        else:
            raise ValueError('invalid whence (' + str(whence)
                             + ', should be 0, 1 or 2)')
        return self._pos

    def getbuffer(self):
        self._check()
        return memoryview(self._flat())


def _ebadf():
    return OSError(9, 'EBADF')


class _File(_MemIO):
    # A file of the VFS: its content is read at open and held in the buffer;
    # writes are written back (the whole file) on flush, close, and once
    # enough is pending, so a full file system fails a write without
    # losing what the file held before.
    def __init__(self, path, mode, data, r, w, append):
        _MemIO.__init__(self, data)
        self.name = path
        self.mode = mode
        self._r = r
        self._w = w
        self._append = append
        self._pending = 0
        self._dirty = False

    def _need(self, ok):
        self._check()
        if not ok:
            raise _ebadf()

    def read(self, size=-1):
        self._need(self._r)
        return _MemIO.read(self, size)

    def readline(self, size=-1):
        self._need(self._r)
        return _MemIO.readline(self, size)

    def readlines(self, hint=-1):
        self._need(self._r)
        return _MemIO.readlines(self, hint)

    def readable(self):
        self._check()
        return self._r

    def writable(self):
        self._check()
        return self._w

    def write(self, s):
        self._need(self._w)
        s = self._conv(s)
        if self._append:
            self._pos = len(self._flat())
        n = self._write(s)
        self._dirty = True
        self._pending += n
        if self._pending >= 4096:
            self.flush()
        return n

    def truncate(self, size=None):
        self._need(self._w)
        n = _MemIO.truncate(self, size)
        self._dirty = True
        return n

    def flush(self):
        self._check()
        if self._dirty:
            _fwrite(self.name, self._encode(self._flat()))
            self._dirty = False
            self._pending = 0

    def close(self):
        if self._closed:
            return
        try:
            self.flush()
        finally:
            _MemIO.close(self)

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek position ' + str(pos))
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._flat()) + pos)
        else:
            raise ValueError('invalid whence (' + str(whence)
                             + ', should be 0, 1 or 2)')
        return self._pos

    def __repr__(self):
        return '<io.' + type(self).__name__ + ' ' + repr(self.name) + '>'

    def getvalue(self):
        raise AttributeError("'" + type(self).__name__
                             + "' object has no attribute 'getvalue'")


class TextIOWrapper(_File):
    _empty = ''
    _nl = '\n'
    _zero = '\0'
    encoding = 'utf-8'

    def _conv(self, s):
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not '
                            + type(s).__name__)
        return s

    def _encode(self, s):
        return s.encode()


class FileIO(_File):
    _empty = b''
    _nl = b'\n'
    _zero = b'\0'

    def _conv(self, b):
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return bytes(b)

    def _encode(self, b):
        return b


def open(file, mode='r', buffering=-1, encoding=None, errors=None,
         newline=None, closefd=True, opener=None):
    if not isinstance(file, str):
        raise TypeError('expected str, bytes or os.PathLike object, not '
                        + type(file).__name__)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not "
                        + type(mode).__name__)
    modes = set(mode)
    if modes - set('axrwb+t') or len(mode) > len(modes):
        raise ValueError('invalid mode: ' + repr(mode))
    c = 'x' in modes
    r = 'r' in modes
    w = 'w' in modes
    a = 'a' in modes
    plus = '+' in modes
    binary = 'b' in modes
    if 't' in modes and binary:
        raise ValueError("can't have text and binary mode at once")
    if c + r + w + a == 0:
        raise ValueError('Must have exactly one of create/read/write/append '
                         'mode and at most one plus')
    if c + r + w + a != 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    kind = _fkind(file)
    if kind == 2:
        raise OSError(21, 'EISDIR')
    if r:
        data = _fread(file)
    elif c and kind:
        raise OSError(17, 'EEXIST')
    elif a and kind:
        data = _fread(file)
    else:
        data = b''
        _fwrite(file, data)
    if binary:
        return FileIO(file, mode, data, r or plus, not r or plus, a)
    text = data.decode()
    if newline is None and '\r' in text:
        text = text.replace('\r\n', '\n').replace('\r', '\n')
    return TextIOWrapper(file, mode, text, r or plus, not r or plus, a)


SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
