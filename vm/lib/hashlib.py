# `hashlib`: the hash classes over the incremental natives of
# vm/src/modules/hashlib.rs; `_st` is the fixed-size state (a bytearray).


class _Hash:
    def __init__(self, data=None):
        self._st = _new(self.name)
        if data is not None:
            _update(self.name, self._st, data)

    def update(self, data):
        _update(self.name, self._st, data)

    def digest(self):
        return _digest(self.name, self._st)

    def hexdigest(self):
        return _digest(self.name, self._st).hex()

    def copy(self):
        c = type(self)()
        c._st = bytearray(self._st)
        return c


class sha256(_Hash):
    name = 'sha256'
    digest_size = 32
    block_size = 64


class sha1(_Hash):
    name = 'sha1'
    digest_size = 20
    block_size = 64


class md5(_Hash):
    name = 'md5'
    digest_size = 16
    block_size = 64
