//! Exceptions: creating them, raising, unwinding frames iteratively to the
//! nearest handler, and formatting tracebacks as CPython prints them.

use crate::at::At;
use crate::types::ty;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

use super::{Cont, Exit};
use crate::heap::ObjRef;
use crate::objects::exception::TbEntry;
use crate::objects::{ExcObj, GenState, Obj};
use crate::value::{wide, Value};
use crate::vm::{Exc, PyResult, Status, Vm};

impl Vm {
    /// A new exception instance of class `cls` with `args`, raised. Falls
    /// back to the preallocated MemoryError when the heap is full.
    pub fn new_exception(&mut self, cls: ObjRef, args: &[Value]) -> Exc {
        match self.new_exception_obj(cls, args) {
            Ok(r) => self.raise(r),
            Err(e) => e,
        }
    }

    /// A new exception instance, not raised (`ValueError(...)` in Python
    /// code): leaves the pending exception alone.
    pub(crate) fn new_exception_obj(&mut self, cls: ObjRef, args: &[Value]) -> PyResult<ObjRef> {
        let t = self.alloc(Obj::Tuple(args.to_vec().into_boxed_slice()))?;
        self.temp_roots.push(t);
        let r = self.alloc(Obj::Exception(Box::new(ExcObj::new(cls, t))));
        self.temp_roots.pop();
        match r? {
            Value::Obj(r) => Ok(r),
            _ => Err(self.memory_error()),
        }
    }

    pub fn new_error(&mut self, cls: ObjRef, msg: &str) -> Exc {
        match self.str_val(msg) {
            Ok(s) => {
                self.temp_roots.push(s);
                let e = self.new_exception(cls, &[s]);
                self.temp_roots.pop();
                e
            }
            Err(e) => e,
        }
    }

    /// A TypeError with a formatted message (the `String` is dropped here,
    /// not at each call site).
    pub fn type_error(&mut self, msg: String) -> Exc {
        self.new_error(ty::TYPE_ERROR, &msg)
    }

    /// A TypeError with a constant message: no allocation code at the call
    /// site (most error paths; this is worth kilobytes of flash).
    #[inline(never)]
    pub fn type_err(&mut self, msg: &str) -> Exc {
        self.new_error(ty::TYPE_ERROR, msg)
    }

    /// A TypeError `pre` + the type name of `v` + `post`, the shape of
    /// most of CPython's argument-type messages: one shared function
    /// instead of a `format!` and a `type_name` String at every site.
    #[inline(never)]
    pub fn type_error_of(&mut self, pre: &str, v: Value, post: &str) -> Exc {
        let t = self.type_name(v);
        let mut s = String::with_capacity(pre.len() + t.len() + post.len());
        s.push_str(pre);
        s.push_str(&t);
        s.push_str(post);
        self.type_error(s)
    }

    pub fn value_error(&mut self, msg: String) -> Exc {
        self.new_error(ty::VALUE_ERROR, &msg)
    }

    /// A ValueError with a constant message (see `type_err`).
    #[inline(never)]
    pub fn value_err(&mut self, msg: &str) -> Exc {
        self.new_error(ty::VALUE_ERROR, msg)
    }

    pub(crate) fn name_error(&mut self, name: Value) -> Exc {
        let e = self.error_naming(ty::NAME_ERROR, "name '", name, "' is not defined");
        // CPython's `NameError.name`, and where the traceback's "Did you
        // mean" looks (the frame's globals).
        #[cfg(feature = "suggestions")]
        {
            // `set_attr_direct` may fail (and raise MemoryError,
            // overwriting `raised`): take the exception out first, rooted
            // across the allocations, and raise it again after.
            let r = self.exc_ref(e);
            if r != self.memory_error_obj {
                self.temp_roots.push(Value::Obj(r));
                let k = self.intern_static("name");
                let _ = self.set_attr_direct(Value::Obj(r), k, name);
                let g = self
                    .frames
                    .last()
                    .map_or(Value::None, |f| Value::Obj(f.globals));
                if let Obj::Exception(x) = self.heap.get_mut(r) {
                    x.globals = g;
                }
                self.temp_roots.pop();
            }
            self.raise(r)
        }
        #[cfg(not(feature = "suggestions"))]
        e
    }

    /// An exception of class `cls` saying `pre` + the string `name` (or
    /// "?") + `post`: the shape of the name errors.
    #[inline(never)]
    pub(crate) fn error_naming(&mut self, cls: ObjRef, pre: &str, name: Value, post: &str) -> Exc {
        let n = self.str_of(name).unwrap_or("?");
        let mut s = String::with_capacity(pre.len() + n.len() + post.len());
        s.push_str(pre);
        s.push_str(n);
        s.push_str(post);
        self.new_error(cls, &s)
    }

    pub(crate) fn unbound_local(&mut self, code: &crate::bytecode::Code, i: u32) -> Exc {
        let n = code
            .varnames
            .get(i as usize)
            .copied()
            .unwrap_or(Value::None);
        self.error_naming(
            ty::UNBOUND_LOCAL_ERROR,
            "cannot access local variable '",
            n,
            "' where it is not associated with a value",
        )
    }

    pub(crate) fn unbound_deref(&mut self, code: &crate::bytecode::Code, i: u32) -> Exc {
        let n = code
            .varnames
            .get(i as usize)
            .copied()
            .unwrap_or(Value::None);
        self.error_naming(
            ty::NAME_ERROR,
            "cannot access free variable '",
            n,
            "' where it is not associated with a value in enclosing scope",
        )
    }

    pub(crate) fn stop_iteration(&mut self, v: Value) -> Exc {
        let si = ty::STOP_ITERATION;
        if v.is_none() {
            return self.new_exception(si, &[]);
        }
        self.new_exception(si, &[v])
    }

    pub(crate) fn stop_iteration_value(&self, e: ObjRef) -> Value {
        if let Obj::Exception(x) = self.heap.get(e) {
            return self
                .tuple_items(x.args)
                .first()
                .copied()
                .unwrap_or(Value::None);
        }
        Value::None
    }

    /// Whether the exception `e` is an instance of `cls` (or a subclass).
    #[inline]
    pub fn exc_is(&self, e: &Exc, cls: ObjRef) -> bool {
        self.isinstance_class(Value::Obj(self.exc_peek(e)), cls)
    }

    /// Raise an exception value that was already validated (by
    /// `make_raisable`, or taken from VM state that only holds
    /// exceptions). Anything else would be a VM bug; it becomes a
    /// TypeError rather than a panic or a non-exception in `raised`.
    pub(crate) fn raise_value(&mut self, v: Value) -> Exc {
        match self.as_exc(v) {
            Some(r) => self.raise(r),
            None => self.type_err("exceptions must derive from BaseException"),
        }
    }

    /// `v`'s reference, if it is an exception instance (not raised).
    pub fn as_exc(&self, v: Value) -> Option<ObjRef> {
        match v {
            Value::Obj(r) if matches!(self.heap.get(r), Obj::Exception(_)) => Some(r),
            _ => None,
        }
    }

    pub fn isinstance_class(&self, v: Value, cls: ObjRef) -> bool {
        let c = self.class_of(v);
        self.is_subclass(c, cls)
    }

    pub fn is_subclass(&self, c: ObjRef, cls: ObjRef) -> bool {
        if c == cls {
            return true;
        }
        match self.heap.get(c) {
            Obj::Class(k) => k.mro.contains(&cls),
            _ => false,
        }
    }

    /// `except T:` matching; T may be a class or a tuple of classes.
    pub(crate) fn exception_matches(&mut self, exc: Value, typ: Value) -> PyResult<bool> {
        match typ {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Class(_) => Ok(self.isinstance_class(exc, r)),
                Obj::Tuple(t) => {
                    let items = t.to_vec();
                    for it in items {
                        if self.exception_matches(exc, it)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
                _ => Err(self.type_err(
                    "catching classes that do not inherit from BaseException is not allowed",
                )),
            },
            _ => Err(self.type_err(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// `raise X`: X may be an exception class (instantiated) or instance.
    /// The instance is returned, not raised: the caller raises it.
    pub(crate) fn make_raisable(&mut self, e: Value) -> PyResult<ObjRef> {
        if let Value::Obj(r) = e {
            match self.heap.get(r) {
                Obj::Exception(_) => return Ok(r),
                Obj::Class(_) => {
                    let be = ty::BASE_EXCEPTION;
                    if self.is_subclass(r, be) {
                        // A class's constructor may return anything (a
                        // metaclass, `__new__`): check the instance too.
                        let v = self.call_sync(e, &[])?;
                        if let Value::Obj(i) = v {
                            if matches!(self.heap.get(i), Obj::Exception(_)) {
                                return Ok(i);
                            }
                        }
                        // The type name first: `repr` may allocate and
                        // collect, and `v` is rooted nowhere.
                        let t = self.type_name(v);
                        let cls = self.repr(e)?;
                        return Err(self.type_error(format!(
                            "calling {} should have returned an instance of BaseException, not {}",
                            cls, t
                        )));
                    }
                }
                _ => {}
            }
        }
        Err(self.type_err("exceptions must derive from BaseException"))
    }

    #[inline(never)]
    pub(crate) fn set_cause(&mut self, e: ObjRef, cause: Value) -> PyResult<()> {
        let cause = if cause.is_none() {
            cause
        } else {
            Value::Obj(self.make_raisable(cause)?)
        };
        if let Obj::Exception(x) = self.heap.get_mut(e) {
            x.cause = cause;
            x.suppress_context = true;
        }
        Ok(())
    }

    /// Mark `e` as re-raised, so unwinding keeps its traceback as is.
    #[inline(never)]
    pub(crate) fn reraise_value(&mut self, e: Exc) -> Exc {
        self.reraising = true;
        e
    }

    /// Find a handler for `exc`, popping frames above `floor` as needed.
    /// Ok(()) when execution can continue at a handler.
    /// `exc` is the exception just taken out of `raised` (`exc_ref`).
    pub(crate) fn unwind(&mut self, exc: ObjRef, floor: usize) -> Result<(), Exit> {
        let reraise = core::mem::replace(&mut self.reraising, false);
        if !reraise && exc == self.memory_error_obj {
            // The preallocated MemoryError is raised afresh each time: drop
            // the traceback and chaining of its previous raise.
            if let Obj::Exception(x) = self.heap.get_mut(exc) {
                x.traceback.clear();
                x.context = Value::None;
                x.cause = Value::None;
            }
        }
        // Implicit chaining: an exception raised while handling another.
        if !reraise {
            if let Some(&ctx) = self.handling.last() {
                if !ctx.is(Value::Obj(exc)) {
                    if let Obj::Exception(x) = self.heap.get_mut(exc) {
                        if x.context.is_none() {
                            x.context = ctx;
                        }
                    }
                }
            }
        }
        let mut exc = exc;
        let mut first = true;
        loop {
            if self.frames.len() <= floor {
                self.sync_error = Some(exc);
                return Err(Exit::Status(Status::Error));
            }
            let fi = self.frames.len() - 1;
            let pc = self.frames.at(fi).pc.saturating_sub(1);
            if !(first && reraise) {
                self.add_traceback(exc, fi, pc);
            }
            first = false;
            let f = self.frames.at_mut(fi);
            let entry = f
                .code
                .exc_table
                .iter()
                .find(|e| (e.start as usize) <= pc && pc < e.end as usize)
                .copied();
            if let Some(e) = entry {
                let sp = f.base + f.code.nlocals as usize + e.depth as usize;
                f.pc = e.handler as usize;
                let hb = f.exc_base + e.level as usize;
                self.stack.truncate(sp);
                self.handling.truncate(hb);
                self.handling.push(Value::Obj(exc));
                self.stack.push(Value::Obj(exc));
                // Caught: the handler's stack holds it now, and `raised`
                // lets go, so a caught exception's arguments can be freed
                // once the handler is done (no `Exc` is outstanding here).
                self.raised = self.memory_error_obj;
                return Ok(());
            }
            // No handler here: pop the frame.
            let Some(frame) = self.frames.pop() else {
                return Err(Exit::Status(Status::Error));
            };
            self.handling.truncate(frame.exc_base);
            let ret_sp = if frame.gen.is_some() || frame.func.is_none() {
                frame.base
            } else {
                frame.base - 1
            };
            self.stack.truncate(ret_sp);
            if let Some(g) = frame.gen {
                if let Obj::Generator(gen) = self.heap.get_mut(g) {
                    gen.state = GenState::Done;
                    gen.stack = Vec::new();
                }
                let si = ty::STOP_ITERATION;
                if self.isinstance_class(Value::Obj(exc), si) {
                    let e = self.new_error(ty::RUNTIME_ERROR, "generator raised StopIteration");
                    exc = self.exc_ref(e);
                }
            }
            match frame.cont {
                Cont::Exit => {
                    self.report_uncaught(exc);
                    return Err(Exit::Status(Status::Error));
                }
                Cont::Sync => {
                    self.sync_error = Some(exc);
                    return Err(Exit::Status(Status::Error));
                }
                Cont::ForIter(exit) if frame.gen.is_none() => {
                    // A user __next__ raising StopIteration ends the loop.
                    let si = ty::STOP_ITERATION;
                    if self.isinstance_class(Value::Obj(exc), si) {
                        self.stack.pop();
                        if let Some(f) = self.frames.last_mut() {
                            f.pc = exit as usize;
                        }
                        return Ok(());
                    }
                }
                // A sub-iterator of `yield from` raised, or a generator
                // driven by `for`: pop it, raise in the caller.
                Cont::Send(_) | Cont::ForIter(_) => {
                    self.stack.pop();
                }
                _ => {}
            }
        }
    }

    fn add_traceback(&mut self, exc: ObjRef, fi: usize, pc: usize) {
        let code = self.frames.at(fi).code.clone();
        let line = code.line_for(pc);
        if let Obj::Exception(x) = self.heap.get_mut(exc) {
            if x.traceback.len() < 64 {
                x.traceback.push(TbEntry { code, line });
            } else if let Some(last) = x.traceback.last_mut() {
                // Keep the innermost entry; the middle of deep recursions is elided.
                *last = TbEntry { code, line };
            }
        }
    }

    fn report_uncaught(&mut self, exc: ObjRef) {
        let se = ty::SYSTEM_EXIT;
        if self.isinstance_class(Value::Obj(exc), se) {
            let code = self.stop_iteration_value(exc);
            let status = match code {
                Value::None => 0,
                Value::Int(i) => wide(i) as i32,
                Value::Bool(b) => b.get() as i32,
                other => {
                    // `__str__` may collect, and `exc` (holding `other`)
                    // is rooted only by `raised`, which it may overwrite.
                    self.temp_roots.push(other);
                    let mut s = self.str_sync(other).unwrap_or_default();
                    self.temp_roots.pop();
                    s.push('\n');
                    self.error_text = s;
                    1
                }
            };
            self.exit_code = Some(status);
            return;
        }
        self.error_text = self.format_exception(exc);
        self.exit_code = Some(1);
    }

    /// `str(exc)`: its one argument's str (repr for KeyError), "[Errno n]
    /// msg" for OSError, else the repr of its args; errors propagate.
    pub(crate) fn exception_text(&mut self, exc: Value) -> PyResult<String> {
        let args = match exc {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Exception(x) => self.tuple_items(x.args),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        let ke = ty::KEY_ERROR;
        match args.len() {
            0 => Ok(String::new()),
            1 => {
                if self.isinstance_class(exc, ke) {
                    self.repr(*args.at(0))
                } else {
                    self.str_sync(*args.at(0))
                }
            }
            // OSError(errno, strerror) reads "[Errno 2] ENOENT", as on CPython.
            2 if matches!(*args.at(0), Value::Int(_))
                && self.isinstance_class(exc, ty::OS_ERROR) =>
            {
                let msg = self.str_sync(*args.at(1))?;
                let n = self.str_sync(*args.at(0))?;
                Ok(format!("[Errno {}] {}", n, msg))
            }
            _ => {
                let t = self.alloc(Obj::Tuple(args.into_boxed_slice()))?;
                self.repr(t)
            }
        }
    }

    /// CPython-style traceback text, including chained exceptions.
    /// `exc` is rooted here for the duration: formatting calls `__str__`
    /// and `__repr__`, which may raise (overwriting `raised`) and collect.
    pub fn format_exception(&mut self, exc: ObjRef) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        let roots = self.temp_roots.len();
        self.temp_roots.push(Value::Obj(exc));
        self.format_exception_into(Value::Obj(exc), &mut out, &mut seen);
        self.temp_roots.truncate(roots);
        out
    }

    fn format_exception_into(&mut self, exc: Value, out: &mut String, seen: &mut Vec<Value>) {
        seen.push(exc);
        let (cause, context, suppress) = match exc {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Exception(x) => (x.cause, x.context, x.suppress_context),
                _ => (Value::None, Value::None, false),
            },
            _ => (Value::None, Value::None, false),
        };
        if !cause.is_none() && !seen.iter().any(|s| s.is(cause)) {
            self.format_exception_into(cause, out, seen);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if !suppress && !context.is_none() && !seen.iter().any(|s| s.is(context)) {
            self.format_exception_into(context, out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        let tb: Vec<(alloc::rc::Rc<str>, String, u32)> = match exc {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Exception(x) => x
                    .traceback
                    .iter()
                    .rev()
                    .map(|t| (t.code.filename.clone(), t.code.name.clone(), t.line))
                    .collect(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        let se = ty::SYNTAX_ERROR;
        let is_syntax = self.isinstance_class(exc, se);
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            for (file, func, line) in tb {
                self.write_tb_entry(out, &file, line as i64, Some(&func));
            }
        }
        let name = self.type_name(exc);
        if is_syntax {
            let get = |vm: &mut Vm, k: &'static str| {
                let n = vm.intern_static(k);
                vm.own_attr(exc, n)
            };
            let file = get(self, "filename")
                .and_then(|v| self.str_of(v).map(String::from))
                .unwrap_or_default();
            let line = match get(self, "lineno") {
                Some(Value::Int(i)) => i,
                _ => 0,
            };
            let col = match get(self, "offset") {
                Some(Value::Int(i)) => i,
                _ => 0,
            };
            if let Some((indent, len)) = self.write_tb_entry(out, &file, wide(line), None) {
                if col > 0 {
                    let caret = (col as usize)
                        .saturating_sub(1)
                        .saturating_sub(indent)
                        .min(len);
                    out.push_str("    ");
                    for _ in 0..caret {
                        out.push(' ');
                    }
                    out.push_str("^\n");
                }
            }
        }
        // `str(exc)`, so a class's own `__str__` is used; if it fails, the
        // traceback still prints, as CPython's does.
        let roots = self.temp_roots.len();
        self.temp_roots.push(exc);
        let msg = match self.str_sync(exc) {
            Ok(m) => m,
            Err(_) => String::from("<exception str() failed>"),
        };
        self.temp_roots.truncate(roots);
        #[cfg(feature = "suggestions")]
        let msg = match self.suggestion(exc) {
            Some(s) => msg + &s,
            None => msg,
        };
        out.push_str(&name);
        if !msg.is_empty() {
            out.push_str(": ");
            out.push_str(&msg);
        }
        out.push('\n');
    }

    /// One traceback entry: the `File` line (`, in func` for a frame) and,
    /// when the source is known, its stripped line. Returns that line's
    /// indent and stripped length in chars (for a SyntaxError's caret).
    fn write_tb_entry(
        &mut self,
        out: &mut String,
        file: &str,
        line: i64,
        func: Option<&str>,
    ) -> Option<(usize, usize)> {
        let _ = write!(out, "  File \"{}\", line {}", file, line);
        if let Some(f) = func {
            out.push_str(", in ");
            out.push_str(f);
        }
        out.push('\n');
        let src = self.source_line(file, line as u32)?;
        let t = src.trim();
        out.push_str("    ");
        out.push_str(t);
        out.push('\n');
        let indent = src.chars().count() - src.trim_start().chars().count();
        Some((indent, t.chars().count()))
    }

    fn source_line(&mut self, file: &str, line: u32) -> Option<String> {
        if line == 0 {
            return None;
        }
        let src = self
            .sources
            .iter()
            .find(|(f, _)| f.as_str() == file)
            .map(|(_, s)| s.clone());
        let src = match src {
            Some(s) => s,
            None => {
                if file.starts_with('<') {
                    return None;
                }
                let bytes = self.read_source(file)?;
                String::from_utf8(bytes).ok()?
            }
        };
        src.lines().nth(line as usize - 1).map(String::from)
    }
}
