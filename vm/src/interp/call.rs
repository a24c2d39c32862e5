//! Calls: argument binding, Python and native callees, class instantiation,
//! bound methods, `*args`/`**kwargs`, function and class creation.
//!
//! `call_at(pos, n, kwnames, cont)` calls the callable at `stack[pos]` with
//! the `n` values above it (positional first, then the values of the keyword
//! names in the `kwnames` tuple). A Python callee gets a frame whose locals
//! start at `pos + 1`, where the arguments already are (no copy in the
//! common case). Returns true when a frame was pushed.

use crate::at::{At, VecAt};
use crate::types::ty;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Cont, Frame};
use crate::bytecode::*;
use crate::heap::ObjRef;
use crate::objects::func::{Func, Layout};
use crate::objects::{Dict, ExcObj, Gen, GenKind, GenState, Instance, Obj};
use crate::types::tag;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Vm};

const SMALL: usize = 8;

impl Vm {
    pub(crate) fn call_at(
        &mut self,
        pos: usize,
        n: usize,
        kwnames: Value,
        cont: Cont,
    ) -> PyResult<bool> {
        let f = *self.stack.at(pos);
        match f {
            Value::Native(i) => {
                let nf = self.natives.at(i as usize).f;
                let nkw = self.tuple_len(kwnames);
                let npos = n - nkw;
                let r = if nkw == 0 && npos <= SMALL {
                    let mut buf = [Value::None; SMALL];
                    buf.put(0, self.stack.span(pos + 1, pos + 1 + npos));
                    nf(self, &buf[..npos], &[])
                } else {
                    let args: Vec<Value> = self.stack.span(pos + 1, pos + 1 + npos).to_vec();
                    let mut kw: Vec<(Value, Value)> = Vec::new();
                    for i in 0..nkw {
                        let name = self.tuple_item(kwnames, i);
                        kw.push((name, *self.stack.at(pos + 1 + npos + i)));
                    }
                    nf(self, &args, &kw)
                };
                let v = r?;
                self.stack.truncate(pos);
                self.stack.push(v);
                if self.request.is_none() {
                    self.apply_native_cont(cont)?;
                } else if let Some(crate::vm::Request::Call { cont: c, .. }) = &mut self.request {
                    // The native's own continuation applies after the Python call.
                    if matches!(c, Cont::Normal) {
                        *c = cont;
                    }
                } else if let Some(crate::vm::Request::Resume { cont: c, .. }) = &mut self.request {
                    if matches!(cont, Cont::Sync) {
                        *c = Cont::Sync;
                    }
                }
                Ok(false)
            }
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Func(_) => self.call_function(pos, n, kwnames, cont),
                Obj::BoundMethod { this, func } => {
                    let (this, func) = (*this, *func);
                    *self.stack.at_mut(pos) = func;
                    self.stack.insert_at(pos + 1, this);
                    self.call_at(pos, n + 1, kwnames, cont)
                }
                Obj::Class(_) => self.call_class(r, pos, n, kwnames, cont),
                _ => {
                    let call = self.intern_static("__call__");
                    match self.lookup_special(f, call) {
                        Some(m) => {
                            *self.stack.at_mut(pos) = m;
                            self.stack.insert_at(pos + 1, f);
                            self.call_at(pos, n + 1, kwnames, cont)
                        }
                        None => Err(self.not_callable(f)),
                    }
                }
            },
            _ => Err(self.not_callable(f)),
        }
    }

    /// After a native returned without a request: apply the frame-like
    /// continuation to its result (which is on top of the stack).
    fn apply_native_cont(&mut self, cont: Cont) -> PyResult<()> {
        match cont {
            Cont::Normal => Ok(()),
            other => {
                let v = self.pop();
                match self.apply_cont(v, other)? {
                    Some(super::Exit::SyncReturn(v)) => {
                        self.stack.push(v);
                        Ok(())
                    }
                    _ => Ok(()),
                }
            }
        }
    }

    /// A call that produced its value without a frame: replace the callee
    /// and arguments with it and apply the continuation.
    fn finish_call(&mut self, pos: usize, v: Value, cont: Cont) -> PyResult<bool> {
        self.stack.truncate(pos);
        self.stack.push(v);
        self.apply_native_cont(cont)?;
        Ok(false)
    }

    fn not_callable(&mut self, f: Value) -> Exc {
        self.type_error_of("'", f, "' object is not callable")
    }

    fn call_function(
        &mut self,
        pos: usize,
        n: usize,
        kwnames: Value,
        cont: Cont,
    ) -> PyResult<bool> {
        let f = *self.stack.at(pos);
        let Value::Obj(fr) = f else { return Ok(false) };
        let (code, globals) = match self.heap.get(fr) {
            Obj::Func(func) => (func.code.clone(), func.globals),
            _ => return Ok(false),
        };
        self.check_depth()?;
        let base = pos + 1;
        let simple =
            code.flags & CODE_SIMPLE != 0 && kwnames.is_undef() && n == code.argcount as usize;
        if simple {
            for _ in n..code.nlocals as usize {
                self.stack.push(Value::Undef);
            }
        } else {
            self.bind_args(fr, &code, base, n, kwnames)?;
        }
        // Cells: wrap parameters that are captured; fill free variables.
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            for &c in code.cellvars.iter() {
                let v = *self.stack.at(base + c as usize);
                let cell = self.alloc(Obj::Cell(v))?;
                *self.stack.at_mut(base + c as usize) = cell;
            }
            if let Obj::Func(func) = self.heap.get(fr) {
                let closure = func.closure.clone();
                for (i, &slot) in code.freevars.iter().enumerate() {
                    *self.stack.at_mut(base + slot as usize) =
                        closure.get(i).copied().unwrap_or(Value::None);
                }
            }
        }
        if code.flags & (CODE_GENERATOR | CODE_COROUTINE) != 0 {
            let kind = if code.flags & CODE_COROUTINE != 0 {
                GenKind::Coroutine
            } else {
                GenKind::Generator
            };
            let saved: Vec<Value> = self.stack.tail(base).to_vec();
            let name = match self.heap.get(fr) {
                Obj::Func(func) => func.name,
                _ => Value::None,
            };
            let g = self.alloc(Obj::Generator(Box::new(Gen {
                func: f,
                code,
                globals,
                pc: 0,
                stack: saved,
                handling: Vec::new(),
                state: GenState::Created,
                kind,
                name,
            })))?;
            return self.finish_call(pos, g, cont);
        }
        let exc_base = self.handling.len();
        let locals = core::mem::replace(&mut self.pending_locals, Value::Undef);
        self.frames.push(Frame {
            code,
            pc: 0,
            base,
            globals,
            func: f,
            locals,
            cont: Cont::Normal,
            exc_base,
            gen: None,
            owned: 0,
        });
        // Set after the push: moving `cont` into the frame literal made rustc
        // copy it through a misaligned temporary (a store-forwarding stall).
        if let Some(f) = self.frames.last_mut() {
            f.cont = cont;
        }
        Ok(true)
    }

    /// General argument binding: defaults, keywords, `*args`, `**kwargs`.
    /// Leaves exactly `nlocals` slots from `base`.
    ///
    /// The locals are built in `nlocals` fresh stack slots above the
    /// arguments, then moved down over them: the arguments, the `*args`
    /// tuple and the `**kwargs` dict all stay rooted on the stack while
    /// they are allocated, and no temporary vectors are needed.
    fn bind_args(
        &mut self,
        fr: ObjRef,
        code: &Code,
        base: usize,
        n: usize,
        kwnames: Value,
    ) -> PyResult<()> {
        let top = base + n;
        let nlocals = code.nlocals as usize;
        self.stack.resize(top + nlocals, Value::Undef);
        let r = self.bind_into(fr, code, base, n, kwnames);
        if r.is_ok() {
            for j in 0..nlocals {
                *self.stack.at_mut(base + j) = *self.stack.at(top + j);
            }
            self.stack.truncate(base + nlocals);
        } else {
            self.stack.truncate(base);
        }
        r
    }

    /// `bind_args` proper: the arguments are at `base..top`, local `j`
    /// goes to `top + j`.
    fn bind_into(
        &mut self,
        fr: ObjRef,
        code: &Code,
        base: usize,
        n: usize,
        kwnames: Value,
    ) -> PyResult<()> {
        let nkw = self.tuple_len(kwnames);
        let npos = n - nkw;
        let top = base + n;
        let argcount = code.argcount as usize;
        let nparams = argcount + code.kwonlyargcount as usize;
        let posonly = code.posonlyargcount as usize;
        let has_varargs = code.flags & CODE_VARARGS != 0;
        let has_varkw = code.flags & CODE_VARKW != 0;
        let k = npos.min(argcount);
        for j in 0..k {
            *self.stack.at_mut(top + j) = *self.stack.at(base + j);
        }
        if has_varargs {
            let extra = self.stack.span(base + k, base + npos).to_vec();
            let t = self.new_tuple(extra)?;
            *self.stack.at_mut(top + nparams) = t;
        }
        let mut kwdict = Value::None;
        if has_varkw {
            kwdict = self.new_dict()?;
            *self.stack.at_mut(top + nparams + has_varargs as usize) = kwdict;
        }
        for i in 0..nkw {
            let name = self.tuple_item(kwnames, i);
            let v = *self.stack.at(base + npos + i);
            let slot = (0..nparams)
                .find(|&j| code.varnames.at(j).is(name))
                .or_else(|| {
                    let s = self.str_of(name)?;
                    (0..nparams).find(|&j| self.str_of(*code.varnames.at(j)) == Some(s))
                });
            // A positional-only name given by keyword goes to **kwargs,
            // or is an error.
            match slot.filter(|&j| j >= posonly || !has_varkw) {
                Some(j) if j < posonly => {
                    return Err(self.kw_error(
                        fr,
                        "got some positional-only arguments passed as keyword arguments:",
                        name,
                    ));
                }
                Some(j) if j >= k && self.stack.at(top + j).is_undef() => {
                    *self.stack.at_mut(top + j) = v;
                }
                Some(_) => {
                    return Err(self.kw_error(fr, "got multiple values for argument", name));
                }
                None if has_varkw => self.dict_set(kwdict, name, v)?,
                None => {
                    return Err(self.kw_error(fr, "got an unexpected keyword argument", name));
                }
            }
        }
        // As CPython: a bad keyword is reported before too many positionals.
        if npos > argcount && !has_varargs {
            return Err(self.too_many_positional(fr, code, npos, nkw));
        }
        // Defaults for missing positionals, read in place.
        let (defaults, kwdefaults): (&[Value], Value) = match self.heap.get(fr) {
            Obj::Func(f) => (&f.defaults, f.kwdefaults),
            _ => (&[], Value::None),
        };
        let first_default = argcount - defaults.len().min(argcount);
        let mut missing = false;
        for j in k..argcount {
            let slot = self.stack.at_mut(top + j);
            if slot.is_undef() {
                if j >= first_default {
                    *slot = *defaults.at(j - first_default);
                } else {
                    missing = true;
                }
            }
        }
        if missing {
            return Err(self.missing_args(fr, code, top, 0, argcount, "positional"));
        }
        for j in argcount..nparams {
            if self.stack.at(top + j).is_undef() {
                let d = match kwdefaults {
                    Value::Obj(d) => self.dict_get_str(d, *code.varnames.at(j)),
                    _ => None,
                };
                match d {
                    Some(v) => *self.stack.at_mut(top + j) = v,
                    None => missing = true,
                }
            }
        }
        if missing {
            return Err(self.missing_args(fr, code, top, argcount, nparams, "keyword-only"));
        }
        Ok(())
    }

    /// "f() missing 2 required positional arguments: 'a' and 'b'", CPython's
    /// text, naming the parameters `lo..hi` still unbound at `top`.
    #[inline(never)]
    fn missing_args(
        &mut self,
        fr: ObjRef,
        code: &Code,
        top: usize,
        lo: usize,
        hi: usize,
        kind: &str,
    ) -> Exc {
        let unbound = |vm: &Vm, j: usize| vm.stack.at(top + j).is_undef();
        let cnt = (lo..hi).filter(|&j| unbound(self, j)).count();
        let mut msg = format!(
            "{}() missing {} required {} argument{}: ",
            self.func_qualname(fr),
            cnt,
            kind,
            if cnt == 1 { "" } else { "s" }
        );
        let mut i = 0;
        for j in lo..hi {
            if !unbound(self, j) {
                continue;
            }
            if i > 0 {
                msg.push_str(match (cnt, i + 1 == cnt) {
                    (2, _) => " and ",
                    (_, true) => ", and ",
                    _ => ", ",
                });
            }
            i += 1;
            msg.push('\'');
            msg.push_str(self.str_of(*code.varnames.at(j)).unwrap_or(""));
            msg.push('\'');
        }
        self.type_error(msg)
    }

    /// "f() takes N positional arguments but M were given", CPython's text.
    #[inline(never)]
    fn too_many_positional(&mut self, fr: ObjRef, code: &Code, npos: usize, nkw: usize) -> Exc {
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let (defaults_len, _) = self.func_defaults_len(fr);
        let given = npos;
        let takes = if defaults_len > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - defaults_len,
                argcount
            )
        } else {
            format!(
                "{} positional argument{}",
                argcount,
                if argcount == 1 { "" } else { "s" }
            )
        };
        let msg = if kwonly > 0 && nkw > 0 {
            format!(
                "{}() takes {} but {} positional argument{} (and {} keyword-only argument{}) were given",
                self.func_qualname(fr), takes, given, if given == 1 { "" } else { "s" }, nkw, if nkw == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{}() takes {} but {} {} given",
                self.func_qualname(fr),
                takes,
                given,
                if given == 1 { "was" } else { "were" }
            )
        };
        self.type_error(msg)
    }

    /// `f() <what> 'name'`: the keyword-binding errors share one formatter.
    #[inline(never)]
    fn kw_error(&mut self, fr: ObjRef, what: &str, name: Value) -> Exc {
        let s = self.str_of(name).unwrap_or("").to_string_lossy();
        let msg = format!("{}() {} '{}'", self.func_qualname(fr), what, s);
        self.type_error(msg)
    }

    fn func_defaults_len(&self, fr: ObjRef) -> (usize, bool) {
        match self.heap.get(fr) {
            Obj::Func(f) => (f.defaults.len(), !f.kwdefaults.is_none()),
            _ => (0, false),
        }
    }

    pub(crate) fn func_qualname(&self, fr: ObjRef) -> String {
        match self.heap.get(fr) {
            Obj::Func(f) => self.str_of(f.qualname).unwrap_or("?").into(),
            _ => "?".into(),
        }
    }

    /// `f(*args, **kwargs)`: stack `f, args_tuple[, kwargs_dict]`.
    #[inline(never)]
    pub(crate) fn call_ex(&mut self, has_kw: bool) -> PyResult<bool> {
        let kw = if has_kw { self.pop() } else { Value::None };
        let args = self.pop();
        let pos = self.stack.len() - 1;
        let items = self.tuple_items(args);
        let n = items.len();
        self.stack.extend(items);
        let mut names = Vec::new();
        if let Value::Obj(d) = kw {
            let entries: Vec<(Value, Value)> = match self.heap.get(d) {
                Obj::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
                _ => Vec::new(),
            };
            for (k, v) in entries {
                if self.str_of(k).is_none() {
                    return Err(self.type_err("keywords must be strings"));
                }
                names.push(k);
                self.stack.push(v);
            }
        }
        let nk = names.len();
        let kwnames = if nk > 0 {
            self.alloc(Obj::Tuple(names.into_boxed_slice()))?
        } else {
            Value::Undef
        };
        self.call_at(pos, n + nk, kwnames, Cont::Normal)
    }

    /// `MakeFunction`: stack has [defaults][kwdefaults][closure] per flags.
    pub(crate) fn make_function(
        &mut self,
        code: alloc::rc::Rc<Code>,
        globals: ObjRef,
        flags: u32,
    ) -> PyResult<()> {
        let closure = if flags & 4 != 0 {
            self.pop()
        } else {
            Value::None
        };
        let kwdefaults = if flags & 2 != 0 {
            self.pop()
        } else {
            Value::None
        };
        let defaults = if flags & 1 != 0 {
            self.pop()
        } else {
            Value::None
        };
        // Keep them rooted until the function holds them.
        self.temp_roots.extend([closure, kwdefaults, defaults]);
        let name = self.intern(&code.name);
        let qualname = self.intern(&code.qualname);
        let f = Func {
            defaults: self.tuple_items(defaults),
            closure: self.tuple_items(closure),
            code,
            globals,
            name,
            qualname,
            kwdefaults,
            attrs: Value::None,
        };
        let r = self.alloc(Obj::Func(Box::new(f)));
        let n = self.temp_roots.len();
        self.temp_roots.truncate(n - 3);
        self.stack.push(r?);
        Ok(())
    }

    // ---- classes ----

    fn call_class(
        &mut self,
        cls: ObjRef,
        pos: usize,
        n: usize,
        kwnames: Value,
        cont: Cont,
    ) -> PyResult<bool> {
        let (layout, btag) = match self.heap.get(cls) {
            Obj::Class(c) => (c.layout, c.builtin),
            _ => return Ok(false),
        };
        let is_builtin_type = self.is_builtin_class(cls);
        if is_builtin_type {
            // int(...), list(...), ValueError(...): the type's constructor.
            if cls == ty::TYPE && n == 1 && kwnames.is_undef() {
                let v = *self.stack.at(pos + 1);
                let t = Value::Obj(self.class_of(v));
                return self.finish_call(pos, t, cont);
            }
            let ctor = self.constructor_for(cls);
            *self.stack.at_mut(pos) = ctor;
            self.stack.insert_at(pos + 1, Value::Obj(cls));
            return self.call_at(pos, n + 1, kwnames, cont);
        }
        // A user class. A user `__new__` takes over creation.
        let new_name = self.intern_static("__new__");
        let user_new = self
            .class_lookup(cls, new_name)
            .filter(|v| !matches!(v, Value::Native(_)));
        if let Some(newf) = user_new {
            let newf = self.unwrap_staticmethod(newf);
            let mut callargs = Vec::with_capacity(n + 1);
            callargs.push(Value::Obj(cls));
            callargs.extend_from_slice(self.stack.span(pos + 1, pos + 1 + n));
            let inst = self.call_sync_kwnames(newf, &callargs, kwnames)?;
            // `inst` comes from before `__new__`'s return (a safe point):
            // interning "__init__" may allocate and collect, so root it.
            self.temp_roots.push(inst);
            let init_name = self.intern_static("__init__");
            self.temp_roots.pop();
            if self.isinstance_class(inst, cls) {
                if let Some(init) = self.class_lookup(cls, init_name) {
                    if !matches!(init, Value::Native(_)) {
                        *self.stack.at_mut(pos) = init;
                        self.stack.insert_at(pos + 1, inst);
                        // `Init` replaces the caller's continuation (only
                        // Normal reaches a user __new__).
                        return self.call_at(pos, n + 1, kwnames, Cont::Init(inst));
                    }
                }
            }
            return self.finish_call(pos, inst, cont);
        }
        let inst = match layout {
            Layout::Exception => {
                let args: Box<[Value]> = self
                    .stack
                    .span(pos + 1, pos + 1 + n - self.tuple_len(kwnames))
                    .into();
                let t = self.alloc(Obj::Tuple(args))?;
                self.alloc(Obj::Exception(Box::new(ExcObj::new(cls, t))))?
            }
            Layout::Builtin => {
                let base = match btag {
                    tag::LIST => self.alloc(Obj::List(Vec::new()))?,
                    tag::DICT => self.new_dict()?,
                    tag::SET => self.new_set(false)?,
                    tag::BYTEARRAY => self.alloc(Obj::ByteArray(Vec::new()))?,
                    _ => {
                        // Immutable builtins: the value is made from the arguments.
                        let bcls = self.builtin_base(cls);
                        let ctor = self.constructor_for(bcls);
                        let npos = n - self.tuple_len(kwnames);
                        let mut a = Vec::with_capacity(npos + 1);
                        a.push(Value::Obj(bcls));
                        a.extend_from_slice(self.stack.span(pos + 1, pos + 1 + npos));
                        self.call_sync(ctor, &a)?
                    }
                };
                self.temp_roots.push(base);
                let r = self.alloc(Obj::Instance(Box::new(Instance {
                    class: cls,
                    dict: Dict::new(),
                    base,
                })));
                self.temp_roots.pop();
                r?
            }
            _ => self.alloc(Obj::Instance(Box::new(Instance {
                class: cls,
                dict: Dict::new(),
                base: Value::Undef,
            })))?,
        };
        let init_name = self.intern_static("__init__");
        let init = self.class_lookup(cls, init_name);
        match init {
            Some(init) if !(matches!(init, Value::Native(_)) && layout == Layout::Object) => {
                if matches!(init, Value::Native(_))
                    && layout == Layout::Builtin
                    && !matches!(btag, tag::LIST | tag::DICT | tag::SET | tag::BYTEARRAY)
                {
                    // Immutable builtin's __init__ ignores arguments.
                    return self.finish_call(pos, inst, cont);
                }
                *self.stack.at_mut(pos) = init;
                self.stack.insert_at(pos + 1, inst);
                let c = match cont {
                    Cont::Normal => Cont::Init(inst),
                    other => {
                        // Rare (class called from native code with a special
                        // continuation): finish __init__ synchronously.
                        let args: Vec<Value> = self.stack.tail(pos + 1).to_vec();
                        self.stack.truncate(pos);
                        if !kwnames.is_undef() {
                            return Err(self.type_err("keyword arguments not supported here"));
                        }
                        self.call_sync(init, &args)?;
                        self.stack.push(inst);
                        let _ = other;
                        return Ok(false);
                    }
                };
                self.call_at(pos, n + 1, kwnames, c)
            }
            _ => {
                if n > 0 && layout == Layout::Object {
                    let name = self.class_name(cls);
                    return Err(self.type_error(format!("{}() takes no arguments", name)));
                }
                self.finish_call(pos, inst, cont)
            }
        }
    }

    pub(crate) fn unwrap_staticmethod(&self, v: Value) -> Value {
        if let Value::Obj(r) = v {
            if let Obj::StaticMethod(f) = self.heap.get(r) {
                return *f;
            }
        }
        v
    }

    /// The nearest builtin class in `cls`'s MRO.
    pub(crate) fn builtin_base(&self, cls: ObjRef) -> ObjRef {
        if let Obj::Class(c) = self.heap.get(cls) {
            for &m in &c.mro {
                if self.is_builtin_class(m) {
                    return m;
                }
            }
        }
        ty::OBJECT
    }

    pub(crate) fn is_builtin_class(&self, cls: ObjRef) -> bool {
        match self.heap.get(cls) {
            Obj::Class(c) => c.native,
            _ => false,
        }
    }

    /// `__build_class__(body, name, *bases, **kw)`: run the body with a
    /// fresh namespace; `Cont::ClassBody` makes the class from it.
    #[inline(never)]
    pub(crate) fn builtin_build_class(&mut self) -> Value {
        self.build_class_native
    }

    pub(crate) fn build_class(
        &mut self,
        name: Value,
        bases: Value,
        ns: Value,
        _kw: Value,
        classcell: Value,
    ) -> PyResult<Value> {
        let bases_v = self.tuple_items(bases);
        // The finished body's frame no longer roots the namespace (and the
        // functions only it holds) while the class is allocated.
        let mark = self.temp_roots.len();
        self.temp_roots
            .extend_from_slice(&[name, bases, ns, classcell]);
        let cls = self.new_user_class(name, &bases_v, ns);
        self.temp_roots.truncate(mark);
        let cls = cls?;
        if let Value::Obj(c) = classcell {
            if let Obj::Cell(_) = self.heap.get(c) {
                self.cell_set(classcell, cls);
            }
        }
        Ok(cls)
    }

    /// Create a class (used by `class` statements and `type(name, bases, dict)`).
    pub(crate) fn new_user_class(
        &mut self,
        name: Value,
        bases: &[Value],
        ns: Value,
    ) -> PyResult<Value> {
        let mut base_refs: Vec<ObjRef> = Vec::new();
        for &b in bases {
            match b {
                Value::Obj(r) if matches!(self.heap.get(r), Obj::Class(_)) => {
                    if let Obj::Class(c) = self.heap.get(r) {
                        if c.layout == Layout::Final {
                            let (n, te) = (c.name, ty::TYPE_ERROR);
                            return Err(self.error_naming(
                                te,
                                "type '",
                                n,
                                "' is not an acceptable base type",
                            ));
                        }
                    }
                    base_refs.push(r)
                }
                _ => return Err(self.type_err("bases must be types")),
            }
        }
        if base_refs.is_empty() {
            base_refs.push(ty::OBJECT);
        }
        let mro = self.c3_mro(&base_refs)?;
        // Layout and builtin tag come from the first base that has one.
        let mut layout = Layout::Object;
        let mut btag = tag::OBJECT;
        for &m in &mro {
            if let Obj::Class(c) = self.heap.get(m) {
                if c.layout != Layout::Object {
                    layout = if c.layout == Layout::Final {
                        Layout::Builtin
                    } else {
                        c.layout
                    };
                    btag = c.builtin;
                    break;
                }
            }
        }
        let mut dict = Dict::new();
        if let Value::Obj(d) = ns {
            if let Obj::Dict(src) = self.heap.get(d) {
                dict = src.clone();
            }
        }
        // A class that defines __eq__ but not __hash__ is unhashable.
        if self.dict_find_str_in(&dict, "__eq__").is_some()
            && self.dict_find_str_in(&dict, "__hash__").is_none()
        {
            let k = self.intern("__hash__");
            let h = self.str_hash(k);
            dict.push_new(h, k, Value::None);
        }
        let module = match self.dict_find_str_in(&dict, "__module__") {
            Some(m) => m,
            None => self.intern("__main__"),
        };
        let cls = crate::objects::func::Class {
            name,
            module,
            bases: base_refs,
            mro: Vec::new(),
            dict,
            layout,
            builtin: btag,
            native: false,
            version: 0,
            natives: [(0, 0); 2],
        };
        let v = self.alloc(Obj::Class(Box::new(cls)))?;
        if let Value::Obj(r) = v {
            let mut full = alloc::vec![r];
            full.extend(mro);
            if let Obj::Class(c) = self.heap.get_mut(r) {
                c.mro = full;
            }
        }
        self.classes_changed();
        Ok(v)
    }

    fn dict_find_str_in(&self, d: &Dict, key: &str) -> Option<Value> {
        let h = crate::objects::str::hash_bytes(key.as_bytes());
        d.find(h, |k| self.str_of(*k) == Some(key))
            .map(|i| d.entries.at(i).value)
    }

    /// C3 linearisation of the bases (without the class itself).
    fn c3_mro(&mut self, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
        let mut seqs: Vec<Vec<ObjRef>> = Vec::new();
        for &b in bases {
            if let Obj::Class(c) = self.heap.get(b) {
                seqs.push(c.mro.clone());
            }
        }
        seqs.push(bases.to_vec());
        let mut out = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let mut cand = None;
            for s in &seqs {
                let head = *s.at(0);
                if !seqs.iter().any(|t| t.tail(1).contains(&head)) {
                    cand = Some(head);
                    break;
                }
            }
            let Some(c) = cand else {
                let names: Vec<String> = bases.iter().map(|&b| self.class_name(b)).collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            out.push(c);
            for s in seqs.iter_mut() {
                if *s.at(0) == c {
                    s.remove(0);
                }
            }
        }
    }
}

pub(crate) trait Lossy {
    fn to_string_lossy(&self) -> String;
}

impl Lossy for &str {
    fn to_string_lossy(&self) -> String {
        String::from(*self)
    }
}
