//! `io` (alias `uio`): `StringIO` and `BytesIO`, in-memory streams, and
//! `open()` over the VM's file systems (`vm/src/vfs`): `TextIOWrapper`
//! (UTF-8) and `FileIO`.
//!
//! Written in Python (`vm/lib/io.py`, frozen at build time) over a few
//! private natives here, which keeps CPython's semantics and messages
//! without a native object kind. The in-memory streams are a buffer plus a
//! position; their buffer is a list of chunks joined lazily, so repeated
//! `write`s at the end cost O(1) each. Files are read and written by
//! position (`_fread_at`/`_fwrite_at`): a file object holds one 512-byte
//! read chunk, writes go straight to the file system, so files may be
//! larger than the heap and a program that ends without `close()` loses
//! nothing.

use crate::at::At;
use crate::types::ty;
use alloc::string::String;
use alloc::vec::Vec;

use crate::modules::check_args;
use crate::objects::Obj;
use crate::value::{Small, Value};
use crate::vm::{Exc, PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    if !crate::frozen::contains(vm, "io") {
        return Ok(None);
    }
    let m = vm.new_module(
        "io",
        &[
            ("_fwrite", f_write),
            ("_fkind", f_kind),
            ("_fsize", f_size),
            ("_fread_at", f_read_at),
            ("_fwrite_at", f_write_at),
            ("_ftrunc", f_trunc),
            ("_utf8_need", f_utf8_need),
        ],
        &[],
    )?;
    Ok(Some(m))
}

/// The OSError for a file system failure, as MicroPython raises it:
/// `OSError(errno, 'ENAME')`, printed `[Errno 2] ENOENT`.
pub(crate) fn vfs_error(vm: &mut Vm, e: crate::vfs::VfsError) -> Exc {
    let n = e.errno();
    let name = crate::modules::errno::name_of(n).unwrap_or("EIO");
    match vm.str_val(name) {
        Ok(s) => vm.new_exception(ty::OS_ERROR, &[Value::Int(n as Small), s]),
        Err(m) => m,
    }
}

/// A path argument: a str, with CPython's TypeError otherwise.
pub(crate) fn path_arg(vm: &mut Vm, v: Value) -> PyResult<String> {
    match vm.str_of(v) {
        Some(s) => Ok(String::from(s)),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(alloc::format!(
                "expected str, bytes or os.PathLike object, not {}",
                t
            )))
        }
    }
}

/// `_fwrite(path, data)`: replace the file's content.
fn f_write(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_fwrite", a, kw, 2, 2)?;
    let p = path_arg(vm, *a.at(0))?;
    let data = match vm.bytes_of(*a.at(1)) {
        Some(b) => b.to_vec(),
        None => return Err(vm.type_err("expected bytes")),
    };
    match vm.vfs.write(&p, &data) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(vfs_error(vm, e)),
    }
}

/// `_fkind(path)`: 0 missing, 1 file, 2 directory.
fn f_kind(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_fkind", a, kw, 1, 1)?;
    let p = path_arg(vm, *a.at(0))?;
    match vm.vfs.stat(&p) {
        Ok(s) => Ok(Value::Int(if s.is_dir { 2 } else { 1 })),
        Err(crate::vfs::VfsError::NotFound) => Ok(Value::Int(0)),
        Err(e) => Err(vfs_error(vm, e)),
    }
}

/// A non-negative int argument (offsets, sizes) of the private helpers.
fn offset_arg(vm: &mut Vm, v: Value) -> PyResult<u64> {
    let n = vm.index_value(v)?;
    u64::try_from(n).map_err(|_| vm.value_err("negative file offset"))
}

/// `_fsize(path)`: a file's size; ENOENT/EISDIR as OSError.
fn f_size(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_fsize", a, kw, 1, 1)?;
    let p = path_arg(vm, *a.at(0))?;
    match vm.vfs.stat(&p) {
        Ok(s) if s.is_dir => Err(vfs_error(vm, crate::vfs::VfsError::IsDir)),
        Ok(s) => vm.new_int(i64::try_from(s.size).unwrap_or(i64::MAX)),
        Err(e) => Err(vfs_error(vm, e)),
    }
}

/// `_fread_at(path, offset, n)`: up to n bytes from offset.
fn f_read_at(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_fread_at", a, kw, 3, 3)?;
    let p = path_arg(vm, *a.at(0))?;
    let off = offset_arg(vm, *a.at(1))?;
    let n = usize::try_from(offset_arg(vm, *a.at(2))?).unwrap_or(usize::MAX);
    // Never ask for more than the heap could hold: a huge `read(n)` of a
    // small file must not reserve n bytes outside the heap.
    let n = n.min(vm.heap.limit.saturating_sub(vm.heap.used));
    match vm.vfs.read_at(&p, off, n) {
        Ok(b) => vm.alloc(Obj::Bytes(b)),
        Err(e) => Err(vfs_error(vm, e)),
    }
}

/// `_fwrite_at(path, offset, data)`: write through to the file system; on
/// error (ENOSPC) the file is unchanged.
fn f_write_at(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_fwrite_at", a, kw, 3, 3)?;
    let p = path_arg(vm, *a.at(0))?;
    let off = offset_arg(vm, *a.at(1))?;
    let r = match vm.bytes_of(*a.at(2)) {
        Some(b) => vm.vfs.write_at(&p, off, &b),
        None => return Err(vm.type_err("expected bytes")),
    };
    r.map(|_| Value::None).map_err(|e| vfs_error(vm, e))
}

/// `_ftrunc(path, size)`.
fn f_trunc(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_ftrunc", a, kw, 2, 2)?;
    let p = path_arg(vm, *a.at(0))?;
    let size = offset_arg(vm, *a.at(1))?;
    match vm.vfs.truncate(&p, size) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(vfs_error(vm, e)),
    }
}

/// `_utf8_need(b)`: how many more bytes the UTF-8 sequence cut off at the
/// end of `b` needs (0 when `b` ends on a character boundary), so text
/// reads of n bytes can complete their last character.
fn f_utf8_need(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_utf8_need", a, kw, 1, 1)?;
    let Some(b) = vm.bytes_of(*a.at(0)) else {
        return Err(vm.type_err("expected bytes"));
    };
    Ok(Value::from_len(utf8_need(&b)))
}

fn utf8_need(b: &[u8]) -> usize {
    // Walk back over at most 3 continuation bytes to the lead byte.
    for back in 1..=b.len().min(4) {
        let c = b[b.len() - back];
        if c & 0xC0 == 0x80 {
            continue;
        }
        let len: usize = match c {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => return 0, // invalid lead: let decode() report it
        };
        return len.saturating_sub(back);
    }
    0
}

/// The `io` module, imported once and cached in `sys.modules`.
pub(crate) fn io_module(vm: &mut Vm) -> PyResult<Value> {
    let key = vm.str_val("io")?;
    let mods = vm.modules;
    if let Some(m) = vm.dict_get_str(mods, key) {
        return Ok(m);
    }
    vm.temp_roots.push(key);
    // Through `builtin_module`: it also runs the frozen Python part.
    let made = crate::modules::builtin_module(vm, "io");
    let r = match made {
        Ok(Some(m)) => {
            vm.temp_roots.push(m);
            let r = vm.dict_set_str(mods, key, m).map(|_| m);
            vm.temp_roots.pop();
            r
        }
        Ok(None) => Ok(Value::None),
        Err(e) => Err(e),
    };
    vm.temp_roots.pop();
    r
}

/// builtin `open(file, mode='r', ...)`: `io.open`, written in Python.
fn b_open(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    io_module(vm)?;
    let Some(f) = crate::modules::module_attr(vm, "io", "open") else {
        return Err(vm.new_error(ty::IMPORT_ERROR, "no io.open"));
    };
    let mut args: Vec<Value> = a.to_vec();
    if kw.is_empty() {
        return vm.call_sync(f, &args);
    }
    let mut names = Vec::new();
    for (k, v) in kw {
        names.push(*k);
        args.push(*v);
    }
    let kwnames = vm.new_tuple(names)?;
    vm.call_sync_kwnames(f, &args, kwnames)
}

pub fn register(vm: &mut Vm) {
    vm.add_builtins(&[("open", b_open)]);
}
