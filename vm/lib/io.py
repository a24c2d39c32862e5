class _IOBase:
    # What in-memory streams and files share (CPython's IOBase): the
    # context manager, line iteration, readlines/writelines, the queries.
    # Subclasses provide _check, readline, write and the _r/_w flags.
    _closed_msg = 'I/O operation on closed file.'
    _r = True
    _w = True

    def _check(self):
        if self._closed:
            raise ValueError(self._closed_msg)

    @property
    def closed(self):
        return self._closed

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
        return self._r

    def writable(self):
        self._check()
        return self._w

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def flush(self):
        self._check()

    def tell(self):
        self._check()
        return self._pos

    def readlines(self, hint=-1):
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


class _MemIO(_IOBase):
    def __init__(self, initial):
        self._buf = initial
        self._tail = []
        self._tlen = 0
        self._pos = 0
        self._closed = False

    def _flat(self):
        # Join pending appends into one buffer.
        if self._tail:
            self._buf = self._empty.join([self._buf] + self._tail)
            self._tail = []
            self._tlen = 0
        return self._buf

    def close(self):
        self._closed = True
        self._buf = self._empty
        self._tail = []
        self._tlen = 0

    def getvalue(self):
        self._check()
        return self._flat()

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
        blen = len(self._buf) + self._tlen
        if pos == blen:
            self._tail.append(s)
            self._tlen += n
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


class _File(_IOBase):
    # A file of the VFS, read and written by position: it never holds the
    # whole file. Writes go through to the file system at once (a full file
    # system raises ENOSPC and keeps what was written before; nothing waits
    # in a buffer to be lost when a program ends without close()); reads
    # come in chunks of _CHUNK bytes. Positions (tell, seek) are byte
    # offsets, in text mode too, as MicroPython's and CPython's tell() on
    # UTF-8 files.
    _CHUNK = 512

    def __init__(self, path, mode, size, r, w, append, nl):
        self.name = path
        self.mode = mode
        self._r = r
        self._w = w
        self._append = append
        self._nl_tr = nl
        self._closed = False
        self._size = size
        self._pos = 0
        self._rbuf = b''
        self._rbase = 0

    def _need(self, ok):
        self._check()
        if not ok:
            raise _ebadf()

    def _raw(self, n):
        # Up to n bytes at the position (n < 0: to the end).
        out = []
        while n != 0:
            off = self._pos - self._rbase
            buf = self._rbuf
            if 0 <= off < len(buf):
                piece = buf[off:] if n < 0 else buf[off:off + n]
                out.append(piece)
                self._pos += len(piece)
                if n > 0:
                    n -= len(piece)
                continue
            want = n if n > self._CHUNK else self._CHUNK
            if n < 0:
                want = max(self._size - self._pos, self._CHUNK)
            chunk = _fread_at(self.name, self._pos, want)
            if not chunk:
                break
            self._rbuf = chunk
            self._rbase = self._pos
        return b''.join(out)

    def _rawline(self):
        # Bytes through the next b'\n' (UTF-8 never has that byte inside a
        # character, so text lines decode on their own).
        out = []
        while True:
            off = self._pos - self._rbase
            buf = self._rbuf
            if not 0 <= off < len(buf):
                buf = _fread_at(self.name, self._pos, self._CHUNK)
                if not buf:
                    break
                self._rbuf = buf
                self._rbase = self._pos
                off = 0
            end = buf.find(b'\n', off)
            piece = buf[off:] if end < 0 else buf[off:end + 1]
            out.append(piece)
            self._pos += len(piece)
            if end >= 0:
                break
        return b''.join(out)

    def read(self, size=-1):
        self._need(self._r)
        if size is None:
            size = -1
        return self._read(size)

    def readline(self, size=-1):
        self._need(self._r)
        if size is None:
            size = -1
        start = self._pos
        line = self._line()
        if 0 <= size < len(line):
            line = line[:size]
            self._pos = start + len(self._enc(line))
        return line

    def write(self, s):
        self._need(self._w)
        b = self._conv(s)
        if self._append:
            self._pos = self._size
        if b:
            _fwrite_at(self.name, self._pos, b)
            self._rbuf = b''
            self._pos += len(b)
            if self._pos > self._size:
                self._size = self._pos
        return len(s)

    def truncate(self, size=None):
        self._need(self._w)
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('negative size value ' + str(size))
        _ftrunc(self.name, size)
        self._size = size
        self._rbuf = b''
        return size

    def close(self):
        self._closed = True
        self._rbuf = b''

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek position ' + str(pos))
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, self._size + pos)
        else:
            raise ValueError('invalid whence (' + str(whence)
                             + ', should be 0, 1 or 2)')
        return self._pos

    def __repr__(self):
        return '<io.' + type(self).__name__ + ' ' + repr(self.name) + '>'


class TextIOWrapper(_File):
    encoding = 'utf-8'

    def _conv(self, s):
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not '
                            + type(s).__name__)
        return s.encode()

    def _enc(self, s):
        return s.encode()

    def _tr(self, b):
        # Decode, with universal newlines unless open(newline='') said not.
        s = b.decode()
        if self._nl_tr and '\r' in s:
            if s.endswith('\r'):
                # '\r\n' may be split between reads: take the '\n' along.
                at = self._pos
                if self._raw(1) != b'\n':
                    self._pos = at
            s = s.replace('\r\n', '\n').replace('\r', '\n')
        return s

    def _read(self, n):
        if n < 0:
            return self._tr(self._raw(-1))
        parts = []
        got = 0
        while got < n:
            b = self._raw(n - got)
            if not b:
                break
            need = _utf8_need(b)
            if need:
                b += self._raw(need)
            s = self._tr(b)
            parts.append(s)
            got += len(s)
        return ''.join(parts)

    def _line(self):
        return self._tr(self._rawline())


class FileIO(_File):

    def _conv(self, b):
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return bytes(b)

    def _enc(self, b):
        return b

    def _read(self, n):
        return self._raw(n)

    def _line(self):
        return self._rawline()

    def getvalue(self):
        raise AttributeError("'FileIO' object has no attribute 'getvalue'")


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
        size = _fsize(file)
    elif c and kind:
        raise OSError(17, 'EEXIST')
    elif a and kind:
        size = _fsize(file)
    else:
        size = 0
        _fwrite(file, b'')
    if binary:
        return FileIO(file, mode, size, r or plus, not r or plus, a, False)
    return TextIOWrapper(file, mode, size, r or plus, not r or plus, a,
                         newline is None)


SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
