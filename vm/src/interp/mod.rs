//! The dispatch loop: stackless, budgeted, resumable.
//!
//! Python-to-Python calls push a [`Frame`] and continue in the same loop;
//! returns pop it and hand the result to the caller according to the frame's
//! [`Cont`]. Nothing recurses on the Rust stack except `call_sync`, the
//! documented escape hatch for dunder methods invoked from inside native
//! operations (`__eq__` while hashing, `__repr__` while printing a list),
//! which runs a nested loop and cannot suspend (sleep there raises
//! RuntimeError).

pub mod attr;
pub mod cache;
pub mod call;
pub mod iter;
pub mod ops;
#[cfg(feature = "suggestions")]
pub mod suggest;
pub mod unwind;

use crate::at::{At, VecAt};
use crate::types::ty;
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::vec::Vec;

use crate::bytecode::{Code, Op};
use crate::compile::ast::BinOp;
use crate::heap::ObjRef;
use crate::objects::{GenState, Obj};
use crate::value::{Small, Value};
use crate::vm::{Exc, PyResult, Request, Status, Vm};

/// What to do with a frame's result when it returns (or yields).
///
/// `repr(u64)` (a word-sized tag, payloads at offset 8), like `Value`:
/// with the packed default layout, pushing a `Frame` copied its `Cont` in
/// misaligned overlapping pieces that missed store forwarding (a fifth of
/// `call_function`'s time).
#[derive(Clone, Debug)]
#[repr(u64)]
pub enum Cont {
    /// Push the result on the caller's stack.
    Normal,
    /// The bottom frame of the program: finishing it ends `run`.
    Exit,
    /// A `call_sync` boundary: return the result to Rust.
    Sync,
    /// `__init__` returned: it must be None; push the instance instead.
    Init(Value),
    /// A generator driven by `for`: yield pushes the value, return pops the
    /// iterator and jumps to the loop exit. Also `__next__` of a user
    /// iterator, whose StopIteration ends the loop.
    ForIter(u32),
    /// A sub-iterator of `yield from`/`await` (the Send instruction).
    Send(u32),
    /// `next(gen)` / `gen.send()` from native code: return raises StopIteration.
    GenNext,
    /// A module body: push the module when it finishes.
    Import(Value),
    /// A class body: build the class from the namespace when it finishes.
    /// Boxed: rare, and it kept every `Cont` (and `Frame`) 48 bytes larger.
    ClassBody(Box<ClassBodyCont>),
    /// `__exit__` of a with-block on normal exit: discard the result.
    Discard,
    /// Push a given value instead of the result.
    Replace(Value),
    /// Convert the result with `bool()` rules (for `__bool__`/`__len__`).
    Truth,
}

#[derive(Clone, Debug)]
pub struct ClassBodyCont {
    pub name: Value,
    pub bases: Value,
    pub ns: Value,
    pub kw: Value,
}

impl Cont {
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        let mut p = |v: &Value| {
            if let Value::Obj(r) = *v {
                out.push(r);
            }
        };
        match self {
            Cont::Init(v) | Cont::Import(v) | Cont::Replace(v) => p(v),
            Cont::ClassBody(c) => {
                p(&c.name);
                p(&c.bases);
                p(&c.ns);
                p(&c.kw);
            }
            _ => {}
        }
    }
}

pub(crate) fn trace_request(r: &Request, out: &mut Vec<ObjRef>) {
    let mut p = |v: &Value| {
        if let Value::Obj(r) = *v {
            out.push(r);
        }
    };
    match r {
        Request::Call { f, args, kw, cont } => {
            p(f);
            args.iter().for_each(&mut p);
            kw.iter().for_each(|(a, b)| {
                p(a);
                p(b);
            });
            cont.trace(out);
        }
        Request::RunCode {
            code,
            globals,
            locals,
            cont,
        } => {
            let mut kids = Vec::new();
            crate::objects::trace_code(code, &mut kids);
            out.extend(kids);
            out.push(*globals);
            if let Value::Obj(r) = locals {
                out.push(*r);
            }
            cont.trace(out);
        }
        Request::Resume {
            gen, value, cont, ..
        } => {
            out.push(*gen);
            if let Value::Obj(r) = value {
                out.push(*r);
            }
            cont.trace(out);
        }
        Request::Sleep { .. } | Request::Input => {}
    }
}

/// `repr(C)` with the word-sized fields first and the two 4-byte ones
/// last: padding between fields made rustc copy a new frame's values in
/// misaligned pieces that missed store forwarding (resume_gen, call_function).
#[repr(C)]
pub struct Frame {
    pub code: Rc<Code>,
    pub pc: usize,
    /// Stack index of local slot 0.
    pub base: usize,
    pub func: Value,
    /// Class bodies and exec/eval: the namespace dict; else Undef.
    pub locals: Value,
    pub cont: Cont,
    /// `vm.handling.len()` when the frame started.
    pub exc_base: usize,
    /// Bit i set: local slot i holds a str that no other reference can see
    /// (made by `InplaceAddLocal` and not read since), so `s += x` may
    /// append in place. Reading the slot clears the bit; losing a bit is
    /// always safe (the next `+=` copies once).
    pub owned: u64,
    /// The generator this frame runs, if any.
    pub gen: Option<ObjRef>,
    pub globals: ObjRef,
}

/// Why the inner loop stopped.
pub(crate) enum Exit {
    Status(Status),
    /// A `call_sync` frame returned this value.
    SyncReturn(Value),
}

impl Vm {
    /// Run for at most `budget` instructions.
    pub fn run(&mut self, budget: u32) -> Status {
        if self.frames.is_empty() {
            return Status::Done;
        }
        if self.awaiting_input {
            return Status::NeedInput;
        }
        let mut fuel = budget.max(1) as u64;
        if let Some(e) = self.pending_throw_at_resume.take() {
            self.stack.pop();
            if let Err(st) = self.throw_into_current(e) {
                return st;
            }
        }
        if self.interrupt_pending {
            self.interrupt_pending = false;
            let e = self.new_exception(ty::KEYBOARD_INTERRUPT, &[]);
            let e = self.exc_ref(e);
            // A budget pause stops *before* the instruction at `pc`, but
            // unwinding looks up `pc - 1` (the instruction that raised):
            // step over it so a `try` around that instruction catches.
            if self.paused_before_op {
                if let Some(f) = self.frames.last_mut() {
                    f.pc += 1;
                }
            }
            if let Err(st) = self.throw_into_current(e) {
                return st;
            }
        }
        self.paused_before_op = false;
        let start = fuel;
        let r = self.execute(&mut fuel, 0);
        // Counted from the fuel, not per instruction (a store per op saved).
        self.instructions += start.saturating_sub(fuel);
        match r {
            Exit::Status(s) => s,
            Exit::SyncReturn(_) => Status::Done,
        }
    }

    /// Raise `exc` at the current instruction of the top frame.
    fn throw_into_current(&mut self, exc: ObjRef) -> Result<(), Status> {
        match self.unwind(exc, 0) {
            Ok(()) => Ok(()),
            Err(Exit::Status(s)) => Err(s),
            Err(Exit::SyncReturn(_)) => Err(Status::Done),
        }
    }

    /// The dispatch loop. `floor` is the number of frames below the ones
    /// this invocation may pop (0 for `run`, the boundary for `call_sync`).
    pub(crate) fn execute(&mut self, fuel: &mut u64, floor: usize) -> Exit {
        loop {
            match self.dispatch(fuel, floor) {
                Ok(exit) => return exit,
                Err(exc) => {
                    let exc = self.exc_ref(exc);
                    if let Err(exit) = self.unwind(exc, floor) {
                        return exit;
                    }
                }
            }
        }
    }

    fn dispatch(&mut self, fuel: &mut u64, floor: usize) -> Result<Exit, Exc> {
        let mut fi = self.frames.len() - 1;
        let f = self.frames.at(fi);
        let mut code = f.code.clone();
        let mut base = f.base;
        // The program counter lives in a local; the frame gets a copy at
        // every instruction (a store, no reload), so errors, calls and
        // tracebacks see it. Code that moves another frame's pc is followed
        // by `break 'ops`, which reads it back.
        let mut pc = f.pc;
        // An instruction that switched frames leaves the instruction loop
        // with `break 'ops`; the one shared reload below (rather than a copy per
        // call site) keeps the loop ~1 KB smaller. `handle` says a native left
        // a request, carried out before the reload.
        let mut handle = false;
        loop {
            'ops: loop {
                let Some(&op) = code.ops.get(pc) else {
                    return Err(self.new_error(ty::RUNTIME_ERROR, "bytecode ran off the end"));
                };
                if *fuel == 0 {
                    if self.sync_depth == 0 {
                        // Budget spent: resume re-executes this instruction.
                        self.frames.at_mut(fi).pc = pc;
                        self.paused_before_op = true;
                        return Ok(Exit::Status(Status::Yielded));
                    }
                    // A nested `call_sync` loop cannot suspend: it runs on.
                    *fuel = 1 << 40;
                }
                *fuel -= 1;
                pc += 1;
                self.frames.at_mut(fi).pc = pc;
                match op {
                    Op::Nop => {}
                    Op::Pop => {
                        self.stack.pop();
                    }
                    Op::Dup => {
                        let v = self.top();
                        self.stack.push(v);
                    }
                    Op::Rot2 => {
                        let n = self.stack.len();
                        self.stack.swap_at(n - 1, n - 2);
                    }
                    Op::LoadConst(i) => self.stack.push(*code.consts.at(i as usize)),
                    Op::LoadNone => self.stack.push(Value::None),
                    Op::LoadTrue => self.stack.push(Value::from_bool(true)),
                    Op::LoadFalse => self.stack.push(Value::from_bool(false)),
                    Op::LoadInt(i) => self.stack.push(Value::Int(i as Small)),
                    Op::LoadFast(i) => {
                        let v = *self.stack.at(base + i as usize);
                        if v.is_undef() {
                            return Err(self.unbound_local(&code, i));
                        }
                        let f = &mut self.frames.at_mut(fi);
                        if f.owned != 0 {
                            f.owned &= !(1u64 << (i & 63));
                        }
                        self.stack.push(v);
                    }
                    Op::InplaceAddLocal(i) => {
                        let b = self.top();
                        let slot = base + i as usize;
                        let a = *self.stack.at(slot);
                        if a.is_undef() {
                            return Err(self.unbound_local(&code, i));
                        }
                        let bit = 1u64 << (i & 63);
                        if self.frames.at(fi).owned & bit != 0 && self.append_str_in_place(a, b)? {
                            self.stack.pop();
                        } else {
                            let fresh = self.is_exact_str(a) && self.is_exact_str(b);
                            let v = self.binary_op(BinOp::Add, a, b, true)?;
                            *self.stack.at_mut(slot) = v;
                            self.stack.pop();
                            let f = &mut self.frames.at_mut(fi);
                            if fresh {
                                f.owned |= bit;
                            } else {
                                f.owned &= !bit;
                            }
                        }
                    }
                    Op::StoreFast(i) => {
                        let v = self.pop();
                        *self.stack.at_mut(base + i as usize) = v;
                    }
                    Op::LoadDeref(i) => {
                        let cell = *self.stack.at(base + i as usize);
                        let v = self.cell_get(cell);
                        if v.is_undef() {
                            return Err(self.unbound_deref(&code, i));
                        }
                        self.stack.push(v);
                    }
                    Op::LoadGlobal(i) => {
                        let g = self.frames.at(fi).globals;
                        if let Some(v) = self.ic_load_global(&code, i, g) {
                            self.stack.push(v);
                            continue;
                        }
                        let name = *code.names.at(i as usize);
                        let v = self.load_global(g, name)?;
                        self.ic_fill_global(&code, i, g);
                        self.stack.push(v);
                    }
                    Op::LoadAttr(i) => {
                        let obj = self.top();
                        if let Some(v) = self.ic_load_attr(&code, i, obj) {
                            *self.stack.last_mut().unwrap_or(&mut Value::None) = v;
                            continue;
                        }
                        let name = *code.names.at(i as usize);
                        match self.get_attr(obj, name)? {
                            attr::Got::Value(v) => {
                                self.ic_fill_attr(&code, i, obj);
                                *self.stack.last_mut().unwrap_or(&mut Value::None) = v;
                            }
                            attr::Got::Call(f, this) => {
                                self.stack.pop();
                                self.stack.push(f);
                                self.stack.push(this);
                                let pos = self.stack.len() - 2;
                                if self.call_at(pos, 1, Value::Undef, Cont::Normal)? {
                                    break 'ops;
                                }
                            }
                        }
                    }
                    Op::LoadMethod(i) => {
                        let obj = self.top();
                        if let Some(f) = self.ic_load_method(&code, i, obj) {
                            let n = self.stack.len();
                            *self.stack.at_mut(n - 1) = f;
                            self.stack.push(obj);
                            continue;
                        }
                        let name = *code.names.at(i as usize);
                        let (f, this) = self.load_method(obj, name)?;
                        if !this.is_undef() {
                            self.ic_fill_method(&code, i, obj, f);
                        }
                        let n = self.stack.len();
                        *self.stack.at_mut(n - 1) = f;
                        self.stack.push(this);
                    }
                    Op::CallMethod(n) => {
                        // A call is a GC safe point: everything live is on the stack, and
                        // garbage made by straight-line code becomes collectable.
                        // (Scheduled callbacks wait for back-edges and returns.)
                        self.gc_point();
                        let n = n as usize;
                        let pos = self.stack.len() - n - 2;
                        let (pos, nargs) = if self.stack.at(pos + 1).is_undef() {
                            self.stack.remove_at(pos + 1);
                            (pos, n)
                        } else {
                            (pos, n + 1)
                        };
                        if self.call_at(pos, nargs, Value::Undef, Cont::Normal)? {
                            break 'ops;
                        }
                    }
                    Op::Call(n) => {
                        // A call is a GC safe point: everything live is on the stack, and
                        // garbage made by straight-line code becomes collectable.
                        // (Scheduled callbacks wait for back-edges and returns.)
                        self.gc_point();
                        let pos = self.stack.len() - n as usize - 1;
                        if self.call_at(pos, n as usize, Value::Undef, Cont::Normal)? {
                            break 'ops;
                        }
                    }
                    Op::Subscr => {
                        let n = self.stack.len();
                        let (obj, idx) = (*self.stack.at(n - 2), *self.stack.at(n - 1));
                        let v = self.get_item(obj, idx)?;
                        self.stack.truncate(n - 2);
                        self.stack.push(v);
                    }
                    // One arm for both: the inlined fast path exists once.
                    Op::Binary(bop) | Op::Inplace(bop) => {
                        let n = self.stack.len();
                        let (a, b) = (*self.stack.at(n - 2), *self.stack.at(n - 1));
                        let v = match ops::binary_fast(bop, a, b) {
                            Some(v) => v,
                            None => {
                                let inplace = matches!(op, Op::Inplace(_));
                                self.binary_slow(bop, a, b, inplace)?
                            }
                        };
                        self.stack.truncate(n - 1);
                        *self.stack.at_mut(n - 2) = v;
                    }
                    Op::Compare(cop) => {
                        let n = self.stack.len();
                        let (a, b) = (*self.stack.at(n - 2), *self.stack.at(n - 1));
                        let v = match ops::compare_fast(cop, a, b) {
                            Some(r) => Value::from_bool(r),
                            None => self.compare_slow(cop, a, b)?,
                        };
                        self.stack.truncate(n - 1);
                        *self.stack.at_mut(n - 2) = v;
                    }
                    Op::Jump(t) => {
                        if (t as usize) < pc {
                            self.safe_point()?;
                        }
                        pc = t as usize;
                    }
                    // Paired arms share one body (a smaller loop); the
                    // opcode picks the sense of the jump.
                    Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                        let v = self.pop();
                        let b = match ops::truthy_fast(v) {
                            Some(b) => b,
                            None => self.truthy(v)?,
                        };
                        if b == matches!(op, Op::PopJumpIfTrue(_)) {
                            pc = t as usize;
                        }
                    }
                    Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                        let v = self.top();
                        if self.truthy(v)? == matches!(op, Op::JumpIfTrueOrPop(_)) {
                            pc = t as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Op::ForIter(exit) => {
                        let it = self.top();
                        match self.for_iter_fast(it) {
                            Some(Some(v)) => {
                                self.stack.push(v);
                                continue;
                            }
                            Some(None) => {
                                self.stack.pop();
                                pc = exit as usize;
                                continue;
                            }
                            None => {}
                        }
                        match self.for_iter_step(it, exit)? {
                            iter::Step::Value(v) => self.stack.push(v),
                            iter::Step::Done => {
                                self.stack.pop();
                                pc = exit as usize;
                            }
                            iter::Step::Pushed => break 'ops,
                        }
                    }
                    Op::Return => {
                        // Before the pop: the result stays rooted on the stack
                        // while a collection or a scheduled callback runs.
                        self.safe_point()?;
                        let v = self.pop();
                        match self.return_from_frame(v)? {
                            Some(exit) => return Ok(exit),
                            None => break 'ops,
                        }
                    }
                    Op::Yield | Op::YieldDelegate => {
                        let v = self.pop();
                        match self.yield_from_frame(v)? {
                            Some(exit) => return Ok(exit),
                            None => break 'ops,
                        }
                    }
                    _ => {
                        if self.slow_op(op, &code)? {
                            break 'ops;
                        }
                    }
                }
                // Checked before taking: moving the whole Option out on every
                // instruction cost ~10% of dispatch time.
                if self.request.is_some() {
                    handle = true;
                    break 'ops;
                }
            }
            // After an instruction that switched frames: reload, then the
            // request check that follows every instruction. After a request:
            // carry it out, then reload.
            let mut check = !handle;
            loop {
                if handle {
                    handle = false;
                    check = false;
                    if let Some(req) = self.request.take() {
                        if let Some(exit) = self.handle_request(req)? {
                            return Ok(exit);
                        }
                    }
                }
                if self.frames.len() <= floor {
                    // Only reached through SyncReturn paths.
                    return Ok(Exit::Status(Status::Done));
                }
                fi = self.frames.len() - 1;
                let f = self.frames.at(fi);
                code = f.code.clone();
                base = f.base;
                pc = f.pc;
                if check && self.request.is_some() {
                    handle = true;
                    continue;
                }
                break;
            }
        }
    }

    /// The opcodes rare in hot loops, out of line: `dispatch` stays small
    /// and its hot arms near each other. `Ok(true)` means the instruction
    /// switched frames (the loop's `break 'ops`). The frame's pc is already
    /// stored, so errors and calls see it.
    #[inline(never)]
    fn slow_op(&mut self, op: Op, code: &Code) -> Result<bool, Exc> {
        let fi = self.frames.len() - 1;
        let base = self.frames.at(fi).base;
        match op {
            Op::DupTwo => {
                let n = self.stack.len();
                let a = *self.stack.at(n - 2);
                let b = *self.stack.at(n - 1);
                self.stack.push(a);
                self.stack.push(b);
            }
            Op::Rot3 => {
                let v = self.stack.pop().unwrap_or(Value::None);
                let n = self.stack.len();
                self.stack.insert_at(n - 2, v);
            }
            Op::Rot4 => {
                let v = self.stack.pop().unwrap_or(Value::None);
                let n = self.stack.len();
                self.stack.insert_at(n - 3, v);
            }
            Op::DeleteFast(i) => {
                if self.stack.at(base + i as usize).is_undef() {
                    return Err(self.unbound_local(code, i));
                }
                *self.stack.at_mut(base + i as usize) = Value::Undef;
            }
            Op::StoreDeref(i) => {
                let v = self.pop();
                let cell = *self.stack.at(base + i as usize);
                self.cell_set(cell, v);
            }
            Op::DeleteDeref(i) => {
                let cell = *self.stack.at(base + i as usize);
                if self.cell_get(cell).is_undef() {
                    return Err(self.unbound_deref(code, i));
                }
                self.cell_set(cell, Value::Undef);
            }
            Op::LoadCell(i) => {
                let cell = *self.stack.at(base + i as usize);
                self.stack.push(cell);
            }
            Op::StoreGlobal(i) => {
                let name = *code.names.at(i as usize);
                let v = self.top();
                let g = self.frames.at(fi).globals;
                self.dict_set_str(g, name, v)?;
                self.stack.pop();
            }
            Op::DeleteGlobal(i) => {
                let name = *code.names.at(i as usize);
                let g = self.frames.at(fi).globals;
                if !self.dict_del_str(g, name) {
                    return Err(self.name_error(name));
                }
            }
            Op::LoadName(i) => {
                let name = *code.names.at(i as usize);
                let v = match self.frames.at(fi).locals {
                    Value::Obj(d) => self.dict_get_str(d, name),
                    _ => None,
                };
                let v = match v {
                    Some(v) => v,
                    None => {
                        let g = self.frames.at(fi).globals;
                        self.load_global(g, name)?
                    }
                };
                self.stack.push(v);
            }
            Op::StoreName(i) => {
                let name = *code.names.at(i as usize);
                let v = self.top();
                let d = match self.frames.at(fi).locals {
                    Value::Obj(d) => d,
                    _ => self.frames.at(fi).globals,
                };
                self.dict_set_str(d, name, v)?;
                self.stack.pop();
            }
            Op::DeleteName(i) => {
                let name = *code.names.at(i as usize);
                let d = match self.frames.at(fi).locals {
                    Value::Obj(d) => d,
                    _ => self.frames.at(fi).globals,
                };
                if !self.dict_del_str(d, name) {
                    return Err(self.name_error(name));
                }
            }
            Op::StoreAttr(i) => {
                let obj = self.top();
                let v = *self.stack.at(self.stack.len() - 2);
                if self.ic_store_attr(code, i, obj, v) {
                    let n = self.stack.len();
                    self.stack.truncate(n - 2);
                    return Ok(false);
                }
                let name = *code.names.at(i as usize);
                if let Some((f, args)) = self.set_attr(obj, name, v)? {
                    // A property setter or __setattr__ in Python.
                    let n = self.stack.len();
                    self.stack.truncate(n - 2);
                    let pos = self.stack.len();
                    self.stack.push(f);
                    let nargs = args.len();
                    self.stack.extend(args);
                    if self.call_at(pos, nargs, Value::Undef, Cont::Discard)? {
                        return Ok(true);
                    }
                } else {
                    self.ic_fill_attr(code, i, obj);
                    let n = self.stack.len();
                    self.stack.truncate(n - 2);
                }
            }
            Op::DeleteAttr(i) => {
                let name = *code.names.at(i as usize);
                let obj = self.pop();
                self.del_attr(obj, name)?;
            }
            Op::CallKw(n) => {
                // A call is a GC safe point: everything live is on the stack, and
                // garbage made by straight-line code becomes collectable.
                // (Scheduled callbacks wait for back-edges and returns.)
                self.gc_point();
                let names = self.pop();
                let pos = self.stack.len() - n as usize - 1;
                if self.call_at(pos, n as usize, names, Cont::Normal)? {
                    return Ok(true);
                }
            }
            Op::CallEx(flags) => {
                // A call is a GC safe point: everything live is on the stack, and
                // garbage made by straight-line code becomes collectable.
                // (Scheduled callbacks wait for back-edges and returns.)
                self.gc_point();
                if self.call_ex(flags != 0)? {
                    return Ok(true);
                }
            }
            Op::StoreSubscr => {
                let n = self.stack.len();
                let (v, obj, idx) = (
                    *self.stack.at(n - 3),
                    *self.stack.at(n - 2),
                    *self.stack.at(n - 1),
                );
                self.set_item(obj, idx, v)?;
                self.stack.truncate(n - 3);
            }
            Op::DeleteSubscr => {
                let n = self.stack.len();
                let (obj, idx) = (*self.stack.at(n - 2), *self.stack.at(n - 1));
                self.del_item(obj, idx)?;
                self.stack.truncate(n - 2);
            }
            Op::Unary(uop) => {
                let a = self.top();
                let v = self.unary_op(uop, a)?;
                let n = self.stack.len();
                *self.stack.at_mut(n - 1) = v;
            }
            Op::CheckExcMatch => {
                let n = self.stack.len();
                let (exc, typ) = (*self.stack.at(n - 2), *self.stack.at(n - 1));
                let m = self.exception_matches(exc, typ)?;
                *self.stack.at_mut(n - 1) = Value::from_bool(m);
            }
            Op::GetIter => {
                let v = self.top();
                let it = self.get_iter(v)?;
                let n = self.stack.len();
                *self.stack.at_mut(n - 1) = it;
            }
            Op::BuildTuple(n) => {
                let at = self.stack.len() - n as usize;
                let items: Vec<Value> = self.stack.tail(at).to_vec();
                let t = self.alloc(Obj::Tuple(items.into_boxed_slice()))?;
                self.stack.truncate(at);
                self.stack.push(t);
            }
            Op::BuildList(n) => {
                let at = self.stack.len() - n as usize;
                let items: Vec<Value> = self.stack.tail(at).to_vec();
                let t = self.alloc(Obj::List(items))?;
                self.stack.truncate(at);
                self.stack.push(t);
            }
            Op::BuildSet(n) => {
                let at = self.stack.len() - n as usize;
                let s = self.new_set(false)?;
                self.stack.push(s);
                for i in 0..n as usize {
                    let v = *self.stack.at(at + i);
                    self.set_add(s, v)?;
                }
                self.stack.truncate(at);
                self.stack.push(s);
            }
            Op::BuildMap(n) => {
                let at = self.stack.len() - 2 * n as usize;
                let d = self.new_dict()?;
                self.stack.push(d);
                for i in 0..n as usize {
                    let (k, v) = (*self.stack.at(at + 2 * i), *self.stack.at(at + 2 * i + 1));
                    self.dict_set(d, k, v)?;
                }
                self.stack.truncate(at);
                self.stack.push(d);
            }
            Op::BuildSlice(n) => {
                let step = if n == 3 { self.pop() } else { Value::None };
                let stop = self.pop();
                let start = self.top();
                let s = self.alloc(Obj::Slice(Box::new([start, stop, step])))?;
                let l = self.stack.len();
                *self.stack.at_mut(l - 1) = s;
            }
            Op::BuildString(n) => {
                let at = self.stack.len() - n as usize;
                let mut s = alloc::string::String::new();
                for i in 0..n as usize {
                    let v = *self.stack.at(at + i);
                    s.push_str(self.str_of(v).unwrap_or(""));
                }
                let v = self.new_str(s)?;
                self.stack.truncate(at);
                self.stack.push(v);
            }
            Op::ListAppend(d) => {
                // Append before popping: the append may collect, and the
                // value must stay rooted until the list holds it.
                let v = self.top();
                let l = *self.stack.at(self.stack.len() - 2 - d as usize);
                self.list_append(l, v)?;
                self.stack.pop();
            }
            Op::SetAdd(d) => {
                let v = self.top();
                let s = *self.stack.at(self.stack.len() - 2 - d as usize);
                self.set_add(s, v)?;
                self.stack.pop();
            }
            Op::MapAdd(d) => {
                let n = self.stack.len();
                let (k, v) = (*self.stack.at(n - 2), *self.stack.at(n - 1));
                let m = *self.stack.at(n - 3 - d as usize);
                self.dict_set(m, k, v)?;
                self.stack.truncate(n - 2);
            }
            Op::ListExtend => {
                let n = self.stack.len();
                let (l, it) = (*self.stack.at(n - 2), *self.stack.at(n - 1));
                self.list_extend(l, it)?;
                self.stack.pop();
            }
            Op::SetUpdate => {
                let n = self.stack.len();
                let (s, it) = (*self.stack.at(n - 2), *self.stack.at(n - 1));
                let items = self.collect_iterable(it)?;
                for v in items {
                    self.set_add(s, v)?;
                }
                self.stack.pop();
            }
            Op::DictUpdate | Op::DictMerge => {
                let n = self.stack.len();
                let (d, m) = (*self.stack.at(n - 2), *self.stack.at(n - 1));
                self.dict_update_from(d, m, matches!(op, Op::DictMerge))?;
                self.stack.pop();
            }
            Op::ListToTuple => {
                let l = self.top();
                let items = self.list_items(l);
                let t = self.alloc(Obj::Tuple(items.into_boxed_slice()))?;
                let n = self.stack.len();
                *self.stack.at_mut(n - 1) = t;
            }
            Op::UnpackSequence(n) => {
                let v = self.top();
                let items = self.unpack(v, n as usize, None)?;
                self.stack.pop();
                self.stack.extend(items.into_iter().rev());
            }
            Op::UnpackEx(spec) => {
                let before = (spec >> 16) as usize;
                let after = (spec & 0xffff) as usize;
                let v = self.top();
                let items = self.unpack(v, before + after, Some(before))?;
                // items: before..., rest(list), after...
                self.stack.pop();
                self.stack.extend(items.into_iter().rev());
            }
            Op::MakeFunction(spec) => {
                let child = code.children.at((spec >> 8) as usize).clone();
                let g = self.frames.at(fi).globals;
                self.make_function(child, g, spec & 0xff)?;
            }
            Op::LoadBuildClass => {
                let v = self.builtin_build_class();
                self.stack.push(v);
            }
            Op::Send(exit) => {
                // Pushes the sub-generator's frame, or moves this pc to `exit`.
                self.send_step(exit)?;
                return Ok(true);
            }
            Op::GetYieldFromIter => {
                let v = self.top();
                let it = if self.is_generator(v) {
                    v
                } else {
                    self.get_iter(v)?
                };
                let n = self.stack.len();
                *self.stack.at_mut(n - 1) = it;
            }
            Op::GetAwaitable => {
                let v = self.top();
                let it = self.get_awaitable(v)?;
                let n = self.stack.len();
                *self.stack.at_mut(n - 1) = it;
            }
            Op::GetANext => {
                let ait = self.top();
                let an = self.intern_static("__anext__");
                let (f, this) = self.load_method(ait, an)?;
                self.stack.push(f);
                self.stack.push(this);
                let pos = self.stack.len() - 2;
                let (pos, nargs) = if this.is_undef() {
                    self.stack.pop();
                    (pos, 0)
                } else {
                    (pos, 1)
                };
                if self.call_at(pos, nargs, Value::Undef, Cont::Normal)? {
                    return Ok(true);
                }
            }
            Op::EndAsyncFor(_) => {
                // Reached only as a handler: exc on TOS, aiter below.
                let exc = self.pop();
                let sai = ty::STOP_ASYNC_ITERATION;
                if self.isinstance_class(exc, sai) {
                    self.stack.pop();
                    self.handling.pop();
                } else {
                    return Err(self.raise_value(exc));
                }
            }
            Op::Raise(n) => {
                let exc = match n {
                    0 => match self.handling.last() {
                        Some(&e) => {
                            let e = self.raise_value(e);
                            return Err(self.reraise_value(e));
                        }
                        None => {
                            return Err(
                                self.new_error(ty::RUNTIME_ERROR, "No active exception to reraise")
                            )
                        }
                    },
                    1 => {
                        let e = self.pop();
                        self.make_raisable(e)?
                    }
                    _ => {
                        let cause = self.pop();
                        let e = self.pop();
                        let e = self.make_raisable(e)?;
                        // Making the cause raisable may call its class
                        // (allocating): keep `e`, popped, rooted.
                        self.temp_roots.push(Value::Obj(e));
                        let r = self.set_cause(e, cause);
                        self.temp_roots.pop();
                        r?;
                        e
                    }
                };
                return Err(self.raise(exc));
            }
            Op::Reraise => {
                let e = self.pop();
                let e = self.raise_value(e);
                return Err(self.reraise_value(e));
            }
            Op::PopExcept => {
                let fb = self.frames.at(fi).exc_base;
                if self.handling.len() > fb {
                    self.handling.pop();
                }
            }
            Op::WithSetup => {
                let ctx = self.top();
                let exit = self.with_exit_method(ctx)?;
                let n = self.stack.len();
                *self.stack.at_mut(n - 1) = exit;
                self.stack.push(ctx);
            }
            Op::WithExcept => {
                let n = self.stack.len();
                let (exit, exc) = (*self.stack.at(n - 2), *self.stack.at(n - 1));
                let typ = Value::Obj(self.class_of(exc));
                let pos = self.stack.len();
                self.stack.push(exit);
                self.stack.push(typ);
                self.stack.push(exc);
                self.stack.push(Value::None);
                if self.call_at(pos, 3, Value::Undef, Cont::Normal)? {
                    return Ok(true);
                }
            }
            Op::ImportName(spec) => {
                let name = *code.names.at((spec & 0x7f_ffff) as usize);
                let level = spec >> 24;
                let from = spec & (1 << 23) != 0;
                let g = self.frames.at(fi).globals;
                if self.import_name(name, level, from, g)? {
                    return Ok(true);
                }
            }
            Op::ImportFrom(i) => {
                let name = *code.names.at(i as usize);
                let m = self.top();
                let v = self.import_from(m, name)?;
                self.stack.push(v);
            }
            Op::ImportStar => {
                let m = self.pop();
                let g = self.frames.at(fi).globals;
                self.import_star(m, g)?;
            }
            Op::FormatValue(flags) => {
                let spec = if flags & 4 != 0 {
                    Some(self.pop())
                } else {
                    None
                };
                let v = self.top();
                let s = self.format_value(v, flags & 3, spec)?;
                let n = self.stack.len();
                *self.stack.at_mut(n - 1) = s;
            }
            Op::PrintExpr => {
                let v = self.pop();
                if !v.is_none() {
                    let s = self.repr(v)?;
                    self.write_out(s.as_bytes());
                    self.write_out(b"\n");
                    let us = self.intern_static("_");
                    let b = self.builtins;
                    self.dict_set_str(b, us, v)?;
                }
            }
            Op::LoadAssertionError => {
                let t = ty::ASSERTION_ERROR;
                self.stack.push(Value::Obj(t));
            }
            _ => {}
        }
        Ok(false)
    }

    #[inline]
    pub(crate) fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::None)
    }

    #[inline]
    pub(crate) fn top(&self) -> Value {
        self.stack.last().copied().unwrap_or(Value::None)
    }

    /// Carry out a native's request. `Ok(Some(exit))` leaves the loop.
    #[inline(never)]
    fn handle_request(&mut self, req: Request) -> Result<Option<Exit>, Exc> {
        match req {
            Request::Sleep { until_us } => {
                if self.sync_depth > 0 {
                    return Err(self.new_error(ty::RUNTIME_ERROR, "cannot sleep here"));
                }
                Ok(Some(Exit::Status(Status::Sleep { until_us })))
            }
            Request::Input => {
                if self.sync_depth > 0 {
                    self.input_raw = false;
                    return Err(self.new_error(ty::RUNTIME_ERROR, "cannot wait for input here"));
                }
                self.awaiting_input = true;
                Ok(Some(Exit::Status(Status::NeedInput)))
            }
            Request::Call { f, args, kw, cont } => {
                // The native's result (a placeholder) is on the stack: replace it.
                self.stack.pop();
                let pos = self.stack.len();
                self.stack.push(f);
                let n = args.len() + kw.len();
                self.stack.extend(args);
                let names = if kw.is_empty() {
                    Value::Undef
                } else {
                    let names: Vec<Value> = kw.iter().map(|k| k.0).collect();
                    self.stack.extend(kw.iter().map(|k| k.1));
                    self.alloc(Obj::Tuple(names.into_boxed_slice()))?
                };
                self.call_at(pos, n, names, cont)?;
                Ok(None)
            }
            Request::RunCode {
                code,
                globals,
                locals,
                cont,
            } => {
                self.stack.pop();
                self.check_depth()?;
                self.push_code_frame(code, globals, locals, cont);
                Ok(None)
            }
            Request::Resume {
                gen,
                value,
                throw,
                cont,
            } => {
                self.stack.pop();
                self.resume_gen(gen, value, throw, cont)?;
                Ok(None)
            }
        }
    }

    pub(crate) fn check_depth(&mut self) -> PyResult<()> {
        if self.frames.len() >= self.config.recursion_limit {
            return Err(self.new_error(ty::RECURSION_ERROR, "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// Pop the top frame with result `v`. Returns Some(exit) when the loop
    /// must stop (program end, sync boundary).
    pub(crate) fn return_from_frame(&mut self, v: Value) -> PyResult<Option<Exit>> {
        let Some(frame) = self.frames.pop() else {
            return Ok(Some(Exit::Status(Status::Done)));
        };
        self.handling.truncate(frame.exc_base);
        let ret_sp = if frame.gen.is_some()
            || !frame.func.is_none()
            || matches!(frame.cont, Cont::Import(_))
        {
            frame
                .base
                .saturating_sub(if frame.gen.is_some() { 0 } else { 1 })
        } else {
            frame.base
        };
        let ret_sp = if frame.gen.is_none() && frame.func.is_none() {
            frame.base
        } else {
            ret_sp
        };
        self.stack.truncate(ret_sp);
        if let Some(g) = frame.gen {
            if let Obj::Generator(gen) = self.heap.get_mut(g) {
                gen.state = GenState::Done;
                gen.stack = Vec::new();
            }
            return self.deliver_gen_return(v, frame.cont);
        }
        self.apply_cont(v, frame.cont)
    }

    pub(crate) fn apply_cont(&mut self, v: Value, cont: Cont) -> PyResult<Option<Exit>> {
        match cont {
            Cont::Normal => self.stack.push(v),
            Cont::Exit => {
                self.stack.clear();
                return Ok(Some(Exit::Status(Status::Done)));
            }
            Cont::Sync => return Ok(Some(Exit::SyncReturn(v))),
            Cont::Init(inst) => {
                if !v.is_none() {
                    return Err(self.type_error_of("__init__() should return None, not '", v, "'"));
                }
                self.stack.push(inst);
            }
            Cont::ForIter(_) => self.stack.push(v),
            Cont::Send(_) => self.stack.push(v),
            Cont::GenNext => self.stack.push(v),
            Cont::Import(m) => self.stack.push(m),
            Cont::ClassBody(c) => {
                let cls = self.build_class(c.name, c.bases, c.ns, c.kw, v)?;
                self.stack.push(cls);
            }
            Cont::Discard => {}
            Cont::Replace(r) => self.stack.push(r),
            Cont::Truth => {
                let b = self.truthy(v)?;
                self.stack.push(Value::from_bool(b));
            }
        }
        Ok(None)
    }

    /// Deliver a generator's `return v` to whoever resumed it.
    fn deliver_gen_return(&mut self, v: Value, cont: Cont) -> PyResult<Option<Exit>> {
        match cont {
            Cont::ForIter(exit) => {
                self.stack.pop();
                if let Some(f) = self.frames.last_mut() {
                    f.pc = exit as usize;
                }
                Ok(None)
            }
            Cont::Send(exit) => {
                self.stack.pop();
                self.stack.push(v);
                if let Some(f) = self.frames.last_mut() {
                    f.pc = exit as usize;
                }
                Ok(None)
            }
            Cont::Sync => Ok(Some(Exit::SyncReturn(Value::Undef))),
            _ => Err(self.stop_iteration(v)),
        }
    }

    fn yield_from_frame(&mut self, v: Value) -> PyResult<Option<Exit>> {
        let Some(frame) = self.frames.pop() else {
            return Ok(Some(Exit::Status(Status::Done)));
        };
        let Some(g) = frame.gen else {
            return Err(self.new_error(ty::RUNTIME_ERROR, "yield outside generator"));
        };
        // Save the frame into the generator's own buffers, which keep their
        // capacity between yields (no allocation per yield).
        let hb = frame.exc_base.min(self.handling.len());
        if let Obj::Generator(gen) = self.heap.get_mut(g) {
            gen.stack.clear();
            gen.stack.extend_from_slice(self.stack.tail(frame.base));
            gen.handling.clear();
            gen.handling.extend_from_slice(self.handling.tail(hb));
            gen.pc = frame.pc;
            gen.state = GenState::Suspended;
        }
        self.handling.truncate(frame.exc_base);
        self.stack.truncate(frame.base);
        match frame.cont {
            Cont::Sync => Ok(Some(Exit::SyncReturn(v))),
            _ => {
                self.stack.push(v);
                Ok(None)
            }
        }
    }

    /// Push a frame that continues generator `g`, sending `value` in (or
    /// throwing it when `throw`).
    pub(crate) fn resume_gen(
        &mut self,
        g: ObjRef,
        value: Value,
        throw: bool,
        cont: Cont,
    ) -> PyResult<()> {
        let (state, kind) = match self.heap.get(g) {
            Obj::Generator(gen) => (gen.state, gen.kind),
            _ => return Err(self.type_err("not a generator")),
        };
        match state {
            GenState::Running => {
                let msg = if kind == crate::objects::GenKind::Coroutine {
                    "coroutine already executing"
                } else {
                    "generator already executing"
                };
                return Err(self.new_error(ty::VALUE_ERROR, msg));
            }
            GenState::Done => {
                if throw {
                    return Err(self.raise_value(value));
                }
                if kind == crate::objects::GenKind::Coroutine {
                    return Err(
                        self.new_error(ty::RUNTIME_ERROR, "cannot reuse already awaited coroutine")
                    );
                }
                // Exhausted: a `for`/`yield from` caller ends its loop (the
                // caller is the top frame); anyone else sees StopIteration.
                return match cont {
                    Cont::ForIter(_) | Cont::Send(_) => {
                        self.deliver_gen_return(Value::None, cont).map(|_| ())
                    }
                    _ => Err(self.stop_iteration(Value::None)),
                };
            }
            GenState::Created if !throw && !value.is_none() => {
                return Err(self.type_err("can't send non-None value to a just-started generator"));
            }
            GenState::Created if throw => {
                // Nothing has run: the generator finishes and the exception
                // is raised at the caller, without entering the body.
                if let Obj::Generator(gen) = self.heap.get_mut(g) {
                    gen.state = GenState::Done;
                    gen.stack = Vec::new();
                }
                return Err(self.raise_value(value));
            }
            _ => {}
        }
        self.check_depth()?;
        let (code, globals, func, pc, stack, handling) = match self.heap.get_mut(g) {
            Obj::Generator(gen) => {
                gen.state = GenState::Running;
                (
                    gen.code.clone(),
                    gen.globals,
                    gen.func,
                    gen.pc,
                    core::mem::take(&mut gen.stack),
                    core::mem::take(&mut gen.handling),
                )
            }
            _ => return Ok(()),
        };
        let base = self.stack.len();
        self.stack.extend_from_slice(&stack);
        let mut stack = stack;
        stack.clear();
        let exc_base = self.handling.len();
        self.handling.extend(handling);
        // Hand the (now empty) buffer back: the next yield reuses its capacity.
        if let Obj::Generator(gen) = self.heap.get_mut(g) {
            gen.stack = stack;
        }
        let delegating =
            throw && pc >= 2 && matches!(code.ops.get(pc - 1), Some(Op::YieldDelegate));
        self.frames.push(Frame {
            code,
            pc,
            base,
            globals,
            func,
            locals: Value::Undef,
            cont: Cont::Normal,
            exc_base,
            gen: Some(g),
            owned: 0,
        });
        // Set after the push: moving `cont` into the frame literal made rustc
        // copy it through a misaligned temporary (a store-forwarding stall).
        if let Some(f) = self.frames.last_mut() {
            f.cont = cont;
        }
        if delegating {
            // Suspended inside `yield from`/`await`: the sub-iterator gets
            // the exception (the Send instruction two back picks it up).
            if let Some(f) = self.frames.last_mut() {
                f.pc = pc - 2;
            }
            self.stack.push(Value::None);
            let e = self.raise_value(value);
            self.pending_throw = Some(self.exc_ref(e));
            return Ok(());
        }
        if throw {
            return Err(self.raise_value(value));
        }
        if state != GenState::Created {
            self.stack.push(value);
        }
        Ok(())
    }

    /// Call `f(*args)` from Rust and run it to completion in a nested loop.
    pub fn call_sync(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        if let Value::Native(i) = f {
            let nf = self.natives.at(i as usize).f;
            let saved = self.request.take();
            let r = nf(self, args, &[]);
            let out = match (r, self.request.take()) {
                (Err(e), _) => Err(e),
                (Ok(v), None) => Ok(v),
                // The native asked to run Python (a generator's send, ...).
                (Ok(_), Some(req)) => {
                    let pos = self.stack.len();
                    let floor = self.frames.len();
                    self.stack.push(Value::None);
                    self.sync_request(req, pos, floor)
                }
            };
            self.request = saved;
            return out;
        }
        self.call_sync_kwnames(f, args, Value::Undef)
    }

    /// `call_sync` of a Python callable with keyword arguments: the last
    /// `len(kwnames)` of `args` are the values named by the `kwnames` tuple.
    pub(crate) fn call_sync_kwnames(
        &mut self,
        f: Value,
        args: &[Value],
        kwnames: Value,
    ) -> PyResult<Value> {
        if self.sync_depth > 40 {
            return Err(self.new_error(ty::RECURSION_ERROR, "maximum recursion depth exceeded"));
        }
        let saved_request = self.request.take();
        let pos = self.stack.len();
        self.stack.push(f);
        self.stack.extend_from_slice(args);
        let floor = self.frames.len();
        let pushed = match self.call_at(pos, args.len(), kwnames, Cont::Sync) {
            Ok(p) => p,
            Err(e) => {
                self.stack.truncate(pos);
                self.request = saved_request;
                return Err(e);
            }
        };
        let result = if !pushed {
            if let Some(req) = self.request.take() {
                // A native that wants to call Python: run that in the nested loop too.
                let r = self.sync_request(req, pos, floor);
                self.request = saved_request;
                return r;
            }
            let v = self.stack.pop().unwrap_or(Value::None);
            Ok(v)
        } else {
            self.run_nested(floor + 1)
        };
        self.stack.truncate(pos);
        self.request = saved_request;
        result
    }

    pub(crate) fn sync_request_pub(
        &mut self,
        req: Request,
        pos: usize,
        floor: usize,
    ) -> PyResult<Value> {
        self.sync_request(req, pos, floor)
    }

    fn sync_request(&mut self, req: Request, pos: usize, floor: usize) -> PyResult<Value> {
        let r = match req {
            Request::Call { f, args, kw, cont } => {
                self.stack.truncate(pos);
                if kw.is_empty() {
                    let v = self.call_sync(f, &args)?;
                    match cont {
                        Cont::Normal => Ok(v),
                        other => {
                            let n = self.stack.len();
                            match self.apply_cont(v, other)? {
                                Some(Exit::SyncReturn(x)) => Ok(x),
                                _ => {
                                    let x = if self.stack.len() > n {
                                        self.pop()
                                    } else {
                                        Value::None
                                    };
                                    Ok(x)
                                }
                            }
                        }
                    }
                } else {
                    Err(self.new_error(ty::RUNTIME_ERROR, "keyword call from native code"))
                }
            }
            Request::Resume {
                gen, value, throw, ..
            } => {
                self.stack.truncate(pos);
                // A finished generator pushes no frame: the nested loop
                // must not run (it would resume the caller's frame).
                if matches!(self.heap.get(gen), Obj::Generator(g) if g.state == GenState::Done
                    && g.kind == crate::objects::GenKind::Generator)
                {
                    return if throw {
                        Err(self.raise_value(value))
                    } else {
                        Err(self.stop_iteration(Value::None))
                    };
                }
                self.sync_depth += 1;
                let r = match self.resume_gen(gen, value, throw, Cont::Sync) {
                    Ok(()) => Ok(()),
                    // A throw raises inside the generator's (pushed) frame.
                    Err(e) if self.frames.len() > floor => {
                        let e = self.exc_ref(e);
                        match self.unwind(e, floor) {
                            Ok(()) => Ok(()),
                            Err(_) => Err(self.take_sync_error()),
                        }
                    }
                    Err(e) => Err(e),
                };
                let r = match r {
                    Ok(()) => {
                        let mut fuel = u64::MAX;
                        match self.execute(&mut fuel, floor) {
                            Exit::SyncReturn(v) if v.is_undef() => {
                                Err(self.stop_iteration(Value::None))
                            }
                            Exit::SyncReturn(v) => Ok(v),
                            Exit::Status(_) => Err(self.take_sync_error()),
                        }
                    }
                    Err(e) => Err(e),
                };
                self.sync_depth -= 1;
                r
            }
            _ => Err(self.new_error(ty::RUNTIME_ERROR, "cannot suspend here")),
        };
        self.stack.truncate(pos);
        r
    }

    fn run_nested(&mut self, floor: usize) -> PyResult<Value> {
        self.sync_depth += 1;
        let mut fuel = u64::MAX;
        let r = match self.execute(&mut fuel, floor - 1) {
            Exit::SyncReturn(v) => Ok(v),
            Exit::Status(_) => Err(self.take_sync_error()),
        };
        self.sync_depth -= 1;
        r
    }

    pub(crate) fn take_sync_error(&mut self) -> Exc {
        match self.sync_error.take() {
            Some(e) => self.raise(e),
            None => self.new_error(ty::RUNTIME_ERROR, "nested call did not complete"),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::hal::BufferBoard;
    use crate::vm::{Config, Status, Vm};
    use alloc::boxed::Box;

    /// `interrupt()` after a budget pause at any instruction of a loop is
    /// caught by the `try` around the loop.
    #[test]
    fn interrupt_is_caught_at_every_pause_point() {
        let src = "x = 1\ntry:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught')\n";
        // A slice of budget `b` executes `b - 1` instructions.
        for budget in 2..8u32 {
            for slices in 1..6 {
                let mut vm = Vm::new(Config::default(), Box::new(BufferBoard::default()));
                vm.load(src, "t.py").unwrap();
                // `x = 1`: two instructions, then into the `try`.
                assert_eq!(vm.run(3), Status::Yielded);
                for _ in 0..slices {
                    assert_eq!(vm.run(budget), Status::Yielded);
                }
                vm.interrupt();
                let mut st = vm.run(100);
                while st == Status::Yielded {
                    st = vm.run(100);
                }
                assert_eq!(st, Status::Done, "budget {} slices {}", budget, slices);
            }
        }
    }
}
