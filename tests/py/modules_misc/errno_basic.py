import errno

for n in ["ENOENT", "EEXIST", "EINVAL", "EIO", "EACCES", "EBADF", "EAGAIN", "ENOMEM", "ENODEV", "EISDIR",
          "ENOTDIR", "ENOSPC", "ETIMEDOUT", "EPERM", "ECONNRESET", "EINPROGRESS"]:
    v = getattr(errno, n)
    print(n, v, errno.errorcode[v])
print(errno.EWOULDBLOCK == errno.EAGAIN, isinstance(errno.errorcode, dict))
try:
    raise OSError(errno.ENOENT, "nope")
except OSError as e:
    print(e.errno == errno.ENOENT)
