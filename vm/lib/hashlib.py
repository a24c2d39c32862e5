class _Hash:
    def __init__(self, data=None):
        self._buf = bytearray()
        if data is not None:
            self.update(data)
    def update(self, data):
        self._buf += _check(data)
    def digest(self):
        return _digest(self.name, self._buf)
    def hexdigest(self):
        return self.digest().hex()
    def copy(self):
        c = type(self)()
        c._buf = bytearray(self._buf)
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
