//! `os` (alias `uos`): the file system functions MicroPython's `os` has,
//! over the VM's mounted file systems (`vm/src/vfs`), plus `uname`,
//! `urandom` and `sep`. Errors are MicroPython's `OSError(errno, 'ENAME')`.

use crate::at::At;
use alloc::string::String;
use alloc::vec::Vec;

use crate::modules::check_args;
use crate::modules::io::{path_arg, vfs_error};
use crate::objects::Obj;
use crate::value::{Small, Value};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

/// `stat` mode bits, as MicroPython reports them.
const S_IFDIR: i64 = 0x4000;
const S_IFREG: i64 = 0x8000;

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    if !crate::frozen::contains(vm, "os") {
        return Ok(None);
    }
    let m = vm.new_module(
        "os",
        &[
            ("listdir", os_listdir),
            ("ilistdir", os_ilistdir),
            ("mkdir", os_mkdir),
            ("rmdir", os_rmdir),
            ("remove", os_remove),
            ("unlink", os_remove),
            ("rename", os_rename),
            ("stat", os_stat),
            ("statvfs", os_statvfs),
            ("getcwd", os_getcwd),
            ("chdir", os_chdir),
            ("urandom", os_urandom),
            ("_uname", os_uname),
        ],
        &[],
    )?;
    let s = vm.str_val("/")?;
    vm.module_set(m, "sep", s)?;
    Ok(Some(m))
}

/// The optional path argument of `listdir`/`ilistdir`/`statvfs`.
fn opt_path(vm: &mut Vm, a: &[Value]) -> PyResult<String> {
    match a.first() {
        Some(&v) => path_arg(vm, v),
        None => Ok(String::from(".")),
    }
}

fn names(vm: &mut Vm, name: &str, a: &[Value], kw: Kw) -> PyResult<(String, Vec<String>)> {
    check_args(vm, name, a, kw, 0, 1)?;
    let p = opt_path(vm, a)?;
    match vm.vfs.listdir(&p) {
        Ok(n) => Ok((p, n)),
        Err(e) => Err(vfs_error(vm, e)),
    }
}

fn os_listdir(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let (_, ns) = names(vm, "listdir", a, kw)?;
    let l = vm.new_list(Vec::new())?;
    for n in ns {
        let s = vm.new_str(n)?;
        vm.list_append(l, s)?;
    }
    Ok(l)
}

/// `ilistdir`: an iterator of (name, type, inode, size) like MicroPython's.
fn os_ilistdir(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let (dir, ns) = names(vm, "ilistdir", a, kw)?;
    let l = vm.new_list(Vec::new())?;
    for n in ns {
        let mut full = dir.clone();
        full.push('/');
        full.push_str(&n);
        let st = vm.vfs.stat(&full).unwrap_or_default();
        let kind = if st.is_dir { S_IFDIR } else { S_IFREG };
        let s = vm.new_str(n)?;
        let size = vm.new_int(st.size as i64)?;
        let t = vm.new_tuple(alloc::vec![
            s,
            Value::Int(kind as Small),
            Value::Int(0),
            size
        ])?;
        vm.list_append(l, t)?;
    }
    vm.get_iter(l)
}

fn one_path(vm: &mut Vm, name: &str, a: &[Value], kw: Kw) -> PyResult<String> {
    check_args(vm, name, a, kw, 1, 1)?;
    path_arg(vm, *a.at(0))
}

fn done(vm: &mut Vm, r: crate::vfs::VfsResult<()>) -> PyResult<Value> {
    match r {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(vfs_error(vm, e)),
    }
}

fn os_mkdir(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(vm, "mkdir", a, kw)?;
    let r = vm.vfs.mkdir(&p);
    done(vm, r)
}

fn os_rmdir(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(vm, "rmdir", a, kw)?;
    let r = vm.vfs.rmdir(&p);
    done(vm, r)
}

fn os_remove(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(vm, "remove", a, kw)?;
    let r = vm.vfs.remove(&p);
    done(vm, r)
}

fn os_rename(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "rename", a, kw, 2, 2)?;
    let from = path_arg(vm, *a.at(0))?;
    let to = path_arg(vm, *a.at(1))?;
    let r = vm.vfs.rename(&from, &to);
    done(vm, r)
}

fn os_chdir(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(vm, "chdir", a, kw)?;
    let r = vm.vfs.chdir(&p);
    done(vm, r)
}

fn os_getcwd(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "getcwd", a, kw, 0, 0)?;
    let cwd = vm.vfs.cwd.clone();
    vm.new_str(cwd)
}

/// `stat`: (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime).
fn os_stat(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(vm, "stat", a, kw)?;
    let st = match vm.vfs.stat(&p) {
        Ok(s) => s,
        Err(e) => return Err(vfs_error(vm, e)),
    };
    let mode = if st.is_dir { S_IFDIR } else { S_IFREG };
    let t = st.mtime as i64;
    let f = [mode, 0, 0, 0, 0, 0, st.size as i64, t, t, t];
    let mut items = Vec::with_capacity(f.len());
    for n in f {
        items.push(vm.new_int(n)?);
    }
    vm.new_tuple(items)
}

/// `statvfs`: (bsize, frsize, blocks, bfree, bavail, files, ffree, favail,
/// flag, namemax).
fn os_statvfs(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "statvfs", a, kw, 1, 1)?;
    let p = path_arg(vm, *a.at(0))?;
    let s = match vm.vfs.statvfs(&p) {
        Ok(s) => s,
        Err(e) => return Err(vfs_error(vm, e)),
    };
    let (bs, n, free) = (s.block_size as i64, s.blocks as i64, s.free as i64);
    let f = [bs, bs, n, free, free, 0, 0, 0, 0, 255];
    let mut items = Vec::with_capacity(f.len());
    for n in f {
        items.push(vm.new_int(n)?);
    }
    vm.new_tuple(items)
}

fn os_uname(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "uname", a, kw, 0, 0)?;
    let machine = vm.board.name();
    let platform = vm.board.platform();
    let mut items = Vec::new();
    for s in [
        platform,
        platform,
        env!("CARGO_PKG_VERSION"),
        concat!("ferrite ", env!("CARGO_PKG_VERSION")),
    ] {
        items.push(vm.str_val(s)?);
    }
    items.push(vm.new_str(machine)?);
    vm.new_tuple(items)
}

/// `urandom(n)`: n bytes from a xorshift stream seeded by the board (not
/// cryptographic: boards without a hardware RNG have nothing better).
fn os_urandom(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "urandom", a, kw, 1, 1)?;
    let n = vm.index_value(*a.at(0))?;
    if n < 0 {
        return Err(vm.value_err("negative argument not allowed"));
    }
    // Each call runs at a different instruction count, so streams differ.
    let mut x = vm.board.random_seed()
        ^ vm.board.now_us().rotate_left(17)
        ^ vm.instructions_executed()
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
    if x == 0 {
        x = 1;
    }
    let mut out = Vec::new();
    for _ in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.push((x >> 24) as u8);
    }
    vm.alloc(Obj::Bytes(out))
}
