//! `errno` (alias `uerrno`): Linux's error numbers and the `errorcode`
//! dict mapping each number to its name, as on CPython for Linux.

use crate::value::{Small, Value};
use crate::vm::{PyResult, Vm};

const CODES: &[(&str, i64)] = &[
    ("EPERM", 1),
    ("ENOENT", 2),
    ("ESRCH", 3),
    ("EINTR", 4),
    ("EIO", 5),
    ("ENXIO", 6),
    ("E2BIG", 7),
    ("ENOEXEC", 8),
    ("EBADF", 9),
    ("ECHILD", 10),
    ("EAGAIN", 11),
    ("ENOMEM", 12),
    ("EACCES", 13),
    ("EFAULT", 14),
    ("EBUSY", 16),
    ("EEXIST", 17),
    ("EXDEV", 18),
    ("ENODEV", 19),
    ("ENOTDIR", 20),
    ("EISDIR", 21),
    ("EINVAL", 22),
    ("ENFILE", 23),
    ("EMFILE", 24),
    ("ENOTTY", 25),
    ("EFBIG", 27),
    ("ENOSPC", 28),
    ("ESPIPE", 29),
    ("EROFS", 30),
    ("EMLINK", 31),
    ("EPIPE", 32),
    ("EDOM", 33),
    ("ERANGE", 34),
    ("EDEADLK", 35),
    ("ENAMETOOLONG", 36),
    ("ENOSYS", 38),
    ("ENOTEMPTY", 39),
    ("EWOULDBLOCK", 11),
    ("EOPNOTSUPP", 95),
    ("EAFNOSUPPORT", 97),
    ("EADDRINUSE", 98),
    ("ECONNABORTED", 103),
    ("ECONNRESET", 104),
    ("ENOBUFS", 105),
    ("EISCONN", 106),
    ("ENOTCONN", 107),
    ("ETIMEDOUT", 110),
    ("ECONNREFUSED", 111),
    ("EHOSTUNREACH", 113),
    ("EALREADY", 114),
    ("EINPROGRESS", 115),
];

/// The name of errno `n` ("ENOENT"), if it has one.
pub fn name_of(n: i64) -> Option<&'static str> {
    CODES.iter().find(|&&(_, c)| c == n).map(|&(name, _)| name)
}

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    let m = vm.new_module("errno", &[], &[])?;
    vm.temp_roots.push(m);
    let r = fill(vm, m);
    vm.temp_roots.pop();
    r?;
    Ok(Some(m))
}

fn fill(vm: &mut Vm, m: Value) -> PyResult<()> {
    let d = vm.new_dict()?;
    vm.temp_roots.push(d);
    let r = (|| -> PyResult<()> {
        for &(name, n) in CODES {
            vm.module_set(m, name, Value::Int(n as Small))?;
            // EWOULDBLOCK aliases EAGAIN; CPython's errorcode names EAGAIN.
            if name != "EWOULDBLOCK" {
                let s = vm.intern(name);
                vm.dict_set(d, Value::Int(n as Small), s)?;
            }
        }
        vm.module_set(m, "errorcode", d)
    })();
    vm.temp_roots.pop();
    r
}
