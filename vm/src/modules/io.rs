//! `io` (alias `uio`): `StringIO` and `BytesIO`, in-memory streams, and
//! `open()` over the VM's file systems (`vm/src/vfs`): `TextIOWrapper`
//! (UTF-8) and `FileIO`, sharing the in-memory stream code.
//!
//! Written in Python (`vm/lib/io.py`, frozen at build time) over the
//! natives here, like `collections`: both are a buffer plus a position, and the Python version
//! keeps CPython's semantics and messages without a native object kind.
//! The buffer is a list of chunks joined lazily, so repeated `write`s at the
//! end cost O(1) each instead of copying the whole buffer.

use alloc::string::String;
use alloc::vec::Vec;

use crate::modules::check_args;
use crate::objects::Obj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    if !crate::frozen::contains(vm, "io") {
        return Ok(None);
    }
    let m = vm.new_module(
        "io",
        &[("_fread", f_read), ("_fwrite", f_write), ("_fkind", f_kind)],
        &[],
    )?;
    Ok(Some(m))
}

/// The OSError for a file system failure, as MicroPython raises it:
/// `OSError(errno, 'ENAME')`, printed `[Errno 2] ENOENT`.
pub(crate) fn vfs_error(vm: &mut Vm, e: crate::vfs::VfsError) -> Value {
    let n = e.errno();
    let name = crate::modules::errno::name_of(n).unwrap_or("EIO");
    match vm.str_val(name) {
        Ok(s) => vm.new_exception(vm.types.os_error, &[Value::Int(n), s]),
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

/// `_fread(path)`: the whole file as bytes.
fn f_read(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_fread", a, kw, 1, 1)?;
    let p = path_arg(vm, a[0])?;
    match vm.vfs.read(&p) {
        Ok(b) => vm.alloc(Obj::Bytes(b)),
        Err(e) => Err(vfs_error(vm, e)),
    }
}

/// `_fwrite(path, data)`: replace the file's content.
fn f_write(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_fwrite", a, kw, 2, 2)?;
    let p = path_arg(vm, a[0])?;
    let data = match vm.bytes_of(a[1]) {
        Some(b) => b.to_vec(),
        None => return Err(vm.type_error(String::from("expected bytes"))),
    };
    match vm.vfs.write(&p, &data) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(vfs_error(vm, e)),
    }
}

/// `_fkind(path)`: 0 missing, 1 file, 2 directory.
fn f_kind(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_fkind", a, kw, 1, 1)?;
    let p = path_arg(vm, a[0])?;
    match vm.vfs.stat(&p) {
        Ok(s) => Ok(Value::Int(if s.is_dir { 2 } else { 1 })),
        Err(crate::vfs::VfsError::NotFound) => Ok(Value::Int(0)),
        Err(e) => Err(vfs_error(vm, e)),
    }
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
        return Err(vm.new_error(vm.types.import_error, "no io.open"));
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
