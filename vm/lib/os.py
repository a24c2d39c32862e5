class uname_result(tuple):
    sysname = property(lambda s: s[0])
    nodename = property(lambda s: s[1])
    release = property(lambda s: s[2])
    version = property(lambda s: s[3])
    machine = property(lambda s: s[4])

    def __repr__(self):
        return ('(sysname=%r, nodename=%r, release=%r, version=%r, machine=%r)'
                % tuple(self))


def uname():
    return uname_result(_uname())
