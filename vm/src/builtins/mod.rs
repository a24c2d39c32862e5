//! The `builtins` module and the glue the interpreter needs from it:
//! repr/str, slicing, sequence operators, imports.

pub mod bytes_methods;
pub mod containers;
pub mod dict_methods;
pub mod funcs;
pub mod gen_methods;
pub mod iterfuncs;
pub mod list_methods;
pub mod methods;
pub mod num_methods;
pub mod repr;
pub mod set_methods;
pub mod slice;
#[cfg(feature = "slot-methods")]
pub mod slot_methods;
#[cfg(not(feature = "slot-methods"))]
#[path = "slot_methods_off.rs"]
pub mod slot_methods;
pub mod str_methods;
pub mod strbytes;
pub mod strformat;

use crate::types::ty;
use alloc::rc::Rc;
use alloc::string::String;

use crate::heap::ObjRef;
use crate::interp::Cont;
use crate::objects::Obj;
use crate::value::Value;
use crate::vm::{PyResult, Request, Vm};

/// Positional argument `i` of a native whose arity was checked already:
/// `a[i]` without the bounds check's panic path (a call and a 16-byte
/// Location per site; natives must not panic anyway). `Undef` if absent.
#[inline(always)]
pub(crate) fn arg(a: &[Value], i: usize) -> Value {
    match a.get(i) {
        Some(v) => *v,
        None => Value::Undef,
    }
}

/// `&a[i..]` without a panic path (empty if `a` is shorter).
#[inline(always)]
pub(crate) fn rest(a: &[Value], i: usize) -> &[Value] {
    a.get(i..).unwrap_or(&[])
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    // In u64, not i128: the distance between two i64 fits, and the result
    // wraps exactly as the i128 one truncated (i128 division is 1.7 KB of
    // inlined code on 32-bit targets).
    let (hi, lo) = if step > 0 && start < stop {
        (stop, start)
    } else if step < 0 && start > stop {
        (start, stop)
    } else {
        return 0;
    };
    let dist = hi.wrapping_sub(lo) as u64;
    ((dist - 1) / step.unsigned_abs() + 1) as i64
}

pub(crate) fn range_tuple(vm: &Vm, r: ObjRef) -> (i64, i64, i64) {
    match vm.heap.get(r) {
        Obj::Range { start, stop, step } => {
            let n = range_len(*start, *stop, *step);
            if n == 0 {
                (0, 0, 0)
            } else if n == 1 {
                (*start, 1, 0)
            } else {
                (*start, n, *step)
            }
        }
        _ => (0, 0, 0),
    }
}

/// Python source compiled at startup for builtins that must run Python
/// code stackless-ly (they are generators or call user functions).
const PRELUDE: &str = r#"
def _seq_iter(obj):
    i = 0
    while True:
        try:
            v = obj[i]
        except IndexError:
            return
        yield v
        i += 1

def _map(f, *its):
    its = [iter(i) for i in its]
    while True:
        args = []
        for i in its:
            try:
                args.append(next(i))
            except StopIteration:
                return
        yield f(*args)

def _filter(f, it):
    for x in it:
        if (f is None and x) or (f is not None and f(x)):
            yield x

def _zip(*its):
    its = [iter(i) for i in its]
    if not its:
        return
    while True:
        out = []
        for i in its:
            try:
                out.append(next(i))
            except StopIteration:
                return
        yield tuple(out)

def _enumerate(it, start=0):
    n = start
    for x in it:
        yield (n, x)
        n += 1

def _zip_strict(*its):
    its = [iter(i) for i in its]
    while True:
        out = []
        for n in range(len(its)):
            try:
                out.append(next(its[n]))
            except StopIteration:
                if n:
                    s = 'argument 1' if n == 1 else 'arguments 1-' + str(n)
                    raise ValueError('zip() argument ' + str(n + 1) + ' is shorter than ' + s)
                for m in range(1, len(its)):
                    try:
                        next(its[m])
                    except StopIteration:
                        continue
                    s = 'argument 1' if m == 1 else 'arguments 1-' + str(m)
                    raise ValueError('zip() argument ' + str(m + 1) + ' is longer than ' + s)
                return
        yield tuple(out)

def _reversed_seq(obj, n):
    while n > 0:
        n -= 1
        yield obj[n]
"#;

impl Vm {
    /// The prelude's function `name`, compiling the prelude the first
    /// time one is needed (its module body only defines functions, so it
    /// runs to completion synchronously). A MemoryError while compiling
    /// leaves the prelude unloaded, to be tried again on the next use.
    pub(crate) fn prelude_fn(&mut self, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        let p = self.prelude;
        if let Some(v) = self.dict_get_str(p, n) {
            return Ok(v);
        }
        let code = crate::compile::compile(self, PRELUDE, "<prelude>", crate::compile::Mode::File)?;
        self.run_code_sync(code, p, Value::Undef)?;
        match self.dict_get_str(p, n) {
            Some(v) => Ok(v),
            None => Err(self.new_error(ty::RUNTIME_ERROR, "prelude missing")),
        }
    }

    /// Attributes of builtin values that are not methods.
    pub(crate) fn value_attr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        use ValueAttr as A;
        // The name is looked up once in a table, then matched as a small
        // enum: a `match` on (object, name string) compared strings arm
        // by arm.
        let Some(a) = self
            .str_of(name)
            .and_then(|s| VALUE_ATTRS.iter().find(|(n, _)| *n == s))
            .map(|(_, a)| *a)
        else {
            return Ok(None);
        };
        let Value::Obj(r) = obj else {
            return Ok(match (obj, a) {
                (Value::Int(_) | Value::Bool(_), A::Real | A::Numerator) => {
                    Some(self.num_unwrap(obj))
                }
                (Value::Int(_) | Value::Bool(_), A::Imag) => Some(Value::Int(0)),
                (Value::Int(_) | Value::Bool(_), A::Denominator) => Some(Value::Int(1)),
                (Value::Float(_), A::Real) => Some(obj),
                (Value::Float(_), A::Imag) => Some(Value::float(0.0)),
                _ => None,
            });
        };
        if let (&Obj::Range { start, stop, step }, A::Start | A::Stop | A::Step) =
            (self.heap.get(r), a)
        {
            let v = match a {
                A::Start => start,
                A::Stop => stop,
                _ => step,
            };
            return self.new_int(v).map(Some);
        }
        Ok(match (self.heap.get(r), a) {
            (Obj::Exception(e), A::Args) => Some(e.args),
            (Obj::Exception(e), A::Cause) => Some(e.cause),
            (Obj::Exception(e), A::Context) => Some(e.context),
            (Obj::Exception(e), A::SuppressContext) => Some(Value::from_bool(e.suppress_context)),
            (Obj::Exception(_), A::Traceback) => Some(Value::None),
            (Obj::Exception(e), A::Value | A::Code | A::Errno) => Some(self.tuple_item(e.args, 0)),
            (Obj::Slice(s), A::Start) => Some(s[0]),
            (Obj::Slice(s), A::Stop) => Some(s[1]),
            (Obj::Slice(s), A::Step) => Some(s[2]),
            (Obj::Property(p), A::Fget) => Some(p.get),
            (Obj::Property(p), A::Fset) => Some(p.set),
            (Obj::Module { name, .. }, A::Name) => Some(*name),
            (Obj::Instance(i), _) if !i.base.is_undef() => {
                let b = i.base;
                return self.value_attr(b, name);
            }
            (Obj::BigInt(_), A::Real | A::Numerator) => Some(obj),
            (Obj::BigInt(_), A::Imag) => Some(Value::Int(0)),
            _ => None,
        })
    }

    pub(crate) fn write_out(&mut self, b: &[u8]) {
        self.board.stdout(b);
    }

    // ---- imports ----

    /// `ImportName`: push the module (top-level package handled by the compiler).
    pub(crate) fn import_name(
        &mut self,
        name: Value,
        level: u32,
        _from: bool,
        globals: ObjRef,
    ) -> PyResult<bool> {
        let mut full = String::from(self.str_of(name).unwrap_or(""));
        if level > 0 {
            let pkg_key = self.intern("__name__");
            let cur = self
                .dict_get_str(globals, pkg_key)
                .and_then(|v| self.str_of(v).map(String::from))
                .unwrap_or_default();
            let is_pkg_key = self.intern("__path__");
            let is_pkg = self.dict_get_str(globals, is_pkg_key).is_some();
            let drop = if is_pkg { level - 1 } else { level };
            // The package `drop` dotted parts up from the current module.
            let mut base: &str = &cur;
            for _ in 0..drop {
                base = base
                    .rfind('.')
                    .map_or("", |i| crate::substr::sub(base, ..i));
            }
            if base.is_empty() {
                return Err(self.new_error(
                    ty::IMPORT_ERROR,
                    "attempted relative import with no known parent package",
                ));
            }
            let dot = if full.is_empty() { "" } else { "." };
            full = repr::cat(&[base, dot, &full]);
        }
        let key = self.str_val(&full)?;
        let mods = self.modules;
        if let Some(m) = self.dict_get_str(mods, key) {
            self.stack.push(m);
            return Ok(false);
        }
        // Parent packages first (synchronously).
        if let Some(dot) = full.rfind('.') {
            let parent = String::from(crate::substr::sub(&full, ..dot));
            let pk = self.str_val(&parent)?;
            if self.dict_get_str(mods, pk).is_none() {
                self.import_sync(&parent)?;
            }
        }
        // A builtin module may run Python code while it is created (parts
        // written in Python), which passes safe points: root the key and
        // the new module until the module is in `sys.modules`.
        let mark = self.temp_roots.len();
        self.temp_roots.push(key);
        let made = crate::modules::builtin_module(self, &full);
        if let Ok(Some(m)) = made {
            self.temp_roots.push(m);
            let r = self.dict_set_str(mods, key, m);
            self.temp_roots.truncate(mark);
            r?;
            self.stack.push(m);
            return Ok(false);
        }
        self.temp_roots.truncate(mark);
        made?;
        // A .py file on sys.path.
        let rel = full.replace('.', "/");
        let paths = crate::modules::sys::import_path(self);
        for p in paths {
            let slash = if p.is_empty() { "" } else { "/" };
            for (tail, is_pkg) in [(".py", false), ("/__init__.py", true)] {
                let cand = repr::cat(&[&p, slash, &rel, tail]);
                if let Some(src) = self.read_source(&cand) {
                    let text = String::from_utf8_lossy(&src).into_owned();
                    drop(src);
                    // A traceback reads the file again (see `Config::keep_sources`).
                    let code = crate::compile::compile_unkept(
                        self,
                        &text,
                        &cand,
                        crate::compile::Mode::File,
                    )?;
                    let g = self.new_dict()?;
                    let Value::Obj(gr) = g else { return Ok(false) };
                    let m = self.alloc(Obj::Module {
                        name: key,
                        dict: gr,
                    })?;
                    let nk = self.intern("__name__");
                    self.dict_set_str(gr, nk, key)?;
                    let fk = self.intern("__file__");
                    let fv = self.str_val(&cand)?;
                    self.dict_set_str(gr, fk, fv)?;
                    if is_pkg {
                        let pk = self.intern("__path__");
                        let pv = self.str_val(&cand)?;
                        self.dict_set_str(gr, pk, pv)?;
                    }
                    self.dict_set_str(mods, key, m)?;
                    self.check_depth()?;
                    self.stack.push(Value::None);
                    self.request = Some(Request::RunCode {
                        code,
                        globals: gr,
                        locals: Value::Undef,
                        cont: Cont::Import(m),
                    });
                    return Ok(false);
                }
            }
        }
        let msg = alloc::format!("No module named '{}'", full);
        Err(self.new_error(ty::MODULE_NOT_FOUND_ERROR, &msg))
    }

    /// Import a module from Rust, running its body to completion.
    pub(crate) fn import_sync(&mut self, name: &str) -> PyResult<Value> {
        let n = self.str_val(name)?;
        let g = self.main_globals;
        self.import_name(n, 0, false, g)?;
        if let Some(Request::RunCode {
            code,
            globals,
            locals: _,
            cont: Cont::Import(m),
        }) = self.request.take()
        {
            self.stack.pop();
            let f = self.alloc(Obj::Code(code))?;
            let _ = f;
            // Run the module body via exec semantics.
            let code = match f {
                Value::Obj(r) => match self.heap.get(r) {
                    Obj::Code(c) => c.clone(),
                    _ => return Ok(m),
                },
                _ => return Ok(m),
            };
            self.run_code_sync(code, globals, Value::Undef)?;
            return Ok(m);
        }
        Ok(self.pop())
    }

    pub(crate) fn run_code_sync(
        &mut self,
        code: Rc<crate::bytecode::Code>,
        globals: ObjRef,
        locals: Value,
    ) -> PyResult<Value> {
        self.check_depth()?;
        let floor = self.frames.len();
        self.push_code_frame(code, globals, locals, Cont::Sync);
        self.sync_depth += 1;
        let mut fuel = u64::MAX;
        let r = match self.execute(&mut fuel, floor) {
            crate::interp::Exit::SyncReturn(v) => Ok(v),
            crate::interp::Exit::Status(_) => Err(self.take_sync_error()),
        };
        self.sync_depth -= 1;
        r
    }

    pub(crate) fn import_from(&mut self, m: Value, name: Value) -> PyResult<Value> {
        match self.get_attr_opt(m, name)? {
            Some(crate::interp::attr::Got::Value(v)) => Ok(v),
            _ => {
                // A submodule of a package.
                if let Value::Obj(r) = m {
                    if let Obj::Module { name: mn, .. } = self.heap.get(r) {
                        let full = alloc::format!(
                            "{}.{}",
                            self.str_of(*mn).unwrap_or(""),
                            self.str_of(name).unwrap_or("")
                        );
                        if let Ok(sub) = self.import_sync(&full) {
                            return Ok(sub);
                        }
                        let msg = alloc::format!(
                            "cannot import name '{}' from '{}'",
                            self.str_of(name).unwrap_or(""),
                            full.rsplit_once('.').map(|x| x.0).unwrap_or("")
                        );
                        return Err(self.new_error(ty::IMPORT_ERROR, &msg));
                    }
                }
                Err(self.attr_error(m, name))
            }
        }
    }

    pub(crate) fn import_star(&mut self, m: Value, g: ObjRef) -> PyResult<()> {
        if let Value::Obj(r) = m {
            if let Obj::Module { dict, .. } = self.heap.get(r) {
                let d = *dict;
                for (k, v) in self.dict_items(Value::Obj(d)) {
                    if self.str_of(k).map(|s| s.starts_with('_')).unwrap_or(true) {
                        continue;
                    }
                    self.dict_set_str(g, k, v)?;
                }
            }
        }
        Ok(())
    }
}

pub fn init(vm: &mut Vm) {
    let b = match vm.new_dict() {
        Ok(Value::Obj(r)) => r,
        _ => return,
    };
    vm.builtins = b;
    vm.modules = match vm.new_dict() {
        Ok(Value::Obj(r)) => r,
        _ => return,
    };
    vm.main_globals = match vm.new_dict() {
        Ok(Value::Obj(r)) => r,
        _ => return,
    };
    let g = vm.main_globals;
    let nk = vm.intern("__name__");
    let mv = vm.intern("__main__");
    let _ = vm.dict_set_str(g, nk, mv);
    funcs::register(vm);
    slot_methods::register(vm);
    #[cfg(feature = "io")]
    crate::modules::io::register(vm);
    // Builtin classes are reachable by name.
    let classes = crate::types::CLASSES
        .iter()
        .filter(|c| c.5)
        .map(|&(r, n, ..)| (n, r));
    let exceptions = crate::types::EXCEPTIONS.iter().map(|&(r, n, _)| (n, r));
    for (n, r) in [("object", ty::OBJECT)]
        .into_iter()
        .chain(classes)
        .chain(exceptions)
    {
        let k = vm.intern(n);
        let _ = vm.dict_set_str(b, k, Value::Obj(r));
    }
    for (n, v) in [
        ("Ellipsis", Value::Ellipsis),
        ("NotImplemented", Value::NotImplemented),
    ] {
        let k = vm.intern(n);
        let _ = vm.dict_set_str(b, k, v);
    }
    // CPython's builtins module has a `__name__`: a class body run by
    // `exec(src, {})` finds it there for `__module__`.
    let bn = vm.intern("builtins");
    let _ = vm.dict_set_str(b, nk, bn);
    // The prelude's namespace; its code is compiled on first use
    // (`prelude_fn`), not here: compiling it at start-up cost every VM
    // ~14 KB of heap and, in the browser, the JIT work of a first compile
    // before the learner's first print.
    vm.prelude = match vm.new_dict() {
        Ok(Value::Obj(r)) => r,
        _ => return,
    };
    let p = vm.prelude;
    let _ = vm.dict_set_str(p, nk, mv);
}

/// The names `Vm::value_attr` knows.
#[derive(Clone, Copy)]
enum ValueAttr {
    Real,
    Numerator,
    Imag,
    Denominator,
    Args,
    Cause,
    Context,
    SuppressContext,
    Traceback,
    Value,
    Code,
    Errno,
    Start,
    Stop,
    Step,
    Fget,
    Fset,
    Name,
}

const VALUE_ATTRS: &[(&str, ValueAttr)] = &[
    ("real", ValueAttr::Real),
    ("numerator", ValueAttr::Numerator),
    ("imag", ValueAttr::Imag),
    ("denominator", ValueAttr::Denominator),
    ("args", ValueAttr::Args),
    ("__cause__", ValueAttr::Cause),
    ("__context__", ValueAttr::Context),
    ("__suppress_context__", ValueAttr::SuppressContext),
    ("__traceback__", ValueAttr::Traceback),
    ("value", ValueAttr::Value),
    ("code", ValueAttr::Code),
    ("errno", ValueAttr::Errno),
    ("start", ValueAttr::Start),
    ("stop", ValueAttr::Stop),
    ("step", ValueAttr::Step),
    ("fget", ValueAttr::Fget),
    ("fset", ValueAttr::Fset),
    ("__name__", ValueAttr::Name),
];
