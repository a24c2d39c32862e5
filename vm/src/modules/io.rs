//! `io` (alias `uio`): `StringIO` and `BytesIO`, in-memory streams.
//!
//! Written in Python (`SRC`) and compiled at first import, like
//! `collections`: both are a buffer plus a position, and the Python version
//! keeps CPython's semantics and messages without a native object kind.
//! The buffer is a list of chunks joined lazily, so repeated `write`s at the
//! end cost O(1) each instead of copying the whole buffer.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    let m = vm.new_module("io", &[], &[])?;
    crate::modules::run_in_module(vm, m, SRC, "<io>")?;
    Ok(Some(m))
}

const SRC: &str = r#"
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


SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
"#;
