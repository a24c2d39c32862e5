//! Builtin modules, created on first import and cached in `sys.modules`.
//! Each module file has `make(vm) -> PyResult<Option<Value>>` returning the
//! module object.
//!
//! A module may also have a Python part, `vm/lib/<name>.py`, frozen into
//! the image at build time (`crate::frozen`): it runs in the namespace of
//! the native part after `make`, or alone in a fresh module when there is
//! no native part. Any `.py` file in `vm/lib/` is importable under its
//! name; nothing needs registering here unless it has a native part.

#[cfg(feature = "array")]
pub mod array;
#[cfg(feature = "asyncio")]
pub mod asyncio;
#[cfg(feature = "binascii")]
pub mod binascii;
#[cfg(feature = "errno")]
pub mod errno;
pub mod gc;
#[cfg(feature = "hashlib")]
pub mod hashlib;
#[cfg(feature = "io")]
pub mod io;
#[cfg(feature = "json")]
pub mod json;
pub mod machine;
pub mod math;
pub mod math_dd;
#[cfg(feature = "math-extra")]
pub mod math_extra;
pub mod micropython;
#[cfg(feature = "os")]
pub mod os;
#[cfg(feature = "random")]
pub mod random;
#[cfg(feature = "re")]
pub mod re;
#[cfg(feature = "struct")]
pub mod struct_;
pub mod sys;
pub mod time;

use crate::value::Value;
use crate::vm::{PyResult, Vm};

type Make = fn(&mut Vm) -> PyResult<Option<Value>>;

/// The modules with a native part, by name. A table rather than a `match`
/// on the name: the match compiled to a string comparison and a call per
/// arm, inlined into the importer.
const MAKERS: &[(&str, Make)] = &[
    ("builtins", make_builtins),
    ("sys", sys::make),
    ("gc", gc::make),
    ("micropython", micropython::make),
    ("math", math::make),
    ("time", time::make),
    ("machine", machine::make),
    #[cfg(feature = "json")]
    ("json", json::make),
    #[cfg(feature = "errno")]
    ("errno", errno::make),
    #[cfg(feature = "binascii")]
    ("binascii", binascii::make),
    #[cfg(feature = "random")]
    ("random", random::make),
    #[cfg(feature = "struct")]
    ("struct", struct_::make),
    #[cfg(feature = "asyncio")]
    ("asyncio", asyncio::make),
    #[cfg(feature = "io")]
    ("io", io::make),
    #[cfg(feature = "os")]
    ("os", os::make),
    #[cfg(feature = "hashlib")]
    ("hashlib", hashlib::make),
    #[cfg(feature = "array")]
    ("array", array::make),
    #[cfg(feature = "re")]
    ("re", re::make),
];

/// The modules MicroPython also names with a `u` prefix (`usys`, ...).
const U_ALIASED: &[&str] = &[
    "sys",
    "math",
    "time",
    "machine",
    "json",
    "collections",
    "heapq",
    "errno",
    "binascii",
    "random",
    "struct",
    "asyncio",
    "io",
    "os",
    "hashlib",
    "array",
    "re",
    "builtins",
];

/// The builtins' own namespace: `builtins.print = f` changes what every
/// module's `print` finds.
fn make_builtins(vm: &mut Vm) -> PyResult<Option<Value>> {
    let name = vm.intern("builtins");
    let dict = vm.builtins;
    Ok(Some(vm.alloc(crate::objects::Obj::Module { name, dict })?))
}

pub fn builtin_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    // MicroPython's `u`-prefixed aliases name the same module object, so
    // `usys.path is sys.path` (the importer reads that list).
    let canonical = name
        .strip_prefix('u')
        .filter(|c| U_ALIASED.contains(c))
        .unwrap_or(name);
    if canonical != name {
        let key = vm.str_val(canonical)?;
        let mods = vm.modules;
        if let Some(m) = vm.dict_get_str(mods, key) {
            return Ok(Some(m));
        }
    }
    let m = match MAKERS.iter().find(|(n, _)| *n == canonical) {
        Some((_, make)) => make(vm)?,
        None => None,
    };
    let m = match m {
        Some(m) => {
            crate::frozen::exec_into(vm, m, canonical)?;
            Some(m)
        }
        None if crate::frozen::contains(vm, canonical) => {
            let m = vm.new_module(canonical, &[], &[])?;
            crate::frozen::exec_into(vm, m, canonical)?;
            Some(m)
        }
        None => None,
    };
    if let (Some(m), true) = (m, canonical != name) {
        // `m` may be past its first safe point (Python parts): root it.
        vm.temp_roots.push(m);
        let r = vm.str_val(canonical).and_then(|key| {
            let mods = vm.modules;
            vm.dict_set_str(mods, key, m)
        });
        vm.temp_roots.pop();
        r?;
    }
    Ok(m)
}

/// Check a builtin module function's positional argument count, with
/// CPython's wording.
pub(crate) fn check_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    min: usize,
    max: usize,
) -> PyResult<()> {
    use crate::builtins::list_methods::{arg_range, arity_error, Arity};
    crate::builtins::list_methods::check_kw(vm, kw, name, &[])?;
    let n = args.len();
    if min == max && min < 2 && n != min {
        let form = if min == 0 { Arity::NoArgs } else { Arity::One };
        return Err(arity_error(vm, name, form, min, n));
    }
    arg_range(vm, name, n, min, max)
}

/// Run Python source `src` in module `m`'s namespace, compiling it now.
/// Builtin modules' Python parts are frozen instead (`vm/lib/*.py`, see
/// the top of this file): this is for code generated at run time.
pub fn run_in_module(vm: &mut Vm, m: Value, src: &str, filename: &str) -> PyResult<()> {
    let Value::Obj(r) = m else { return Ok(()) };
    let crate::objects::Obj::Module { dict, .. } = vm.heap.get(r) else {
        return Ok(());
    };
    let d = *dict;
    // The module is fresh; keep it alive across the interpreter's safe points.
    vm.temp_roots.push(m);
    let res = match crate::compile::compile(vm, src, filename, crate::compile::Mode::File) {
        Ok(code) => vm.run_code_sync(code, d, Value::Undef).map(|_| ()),
        Err(e) => Err(e),
    };
    vm.temp_roots.pop();
    res
}

/// A value from an imported builtin module's namespace (e.g. its exception
/// class), or None when the module is not in `sys.modules`.
#[cfg_attr(
    not(any(feature = "binascii", feature = "io", feature = "struct")),
    allow(dead_code)
)]
pub(crate) fn module_attr(vm: &mut Vm, module: &str, name: &str) -> Option<Value> {
    let key = vm.str_val(module).ok()?;
    let mods = vm.modules;
    let m = vm.dict_get_str(mods, key)?;
    let Value::Obj(r) = m else { return None };
    let crate::objects::Obj::Module { dict, .. } = vm.heap.get(r) else {
        return None;
    };
    let d = *dict;
    let k = vm.intern(name);
    vm.dict_get_str(d, k)
}
