//! Iteration: `iter()`, the `for` step, unpacking, and the `yield from` /
//! `await` send step.

use crate::at::At;
use crate::types::ty;
use alloc::boxed::Box;
use alloc::format;
use alloc::vec::Vec;

use super::Cont;
use crate::objects::iter::{DictPart, IterState};
use crate::objects::{GenKind, Obj};
use crate::value::{narrow, Small, Value};
use crate::vm::{Exc, PyResult, Vm};

pub enum Step {
    Value(Value),
    Done,
    /// A frame was pushed (generator or `__next__`); it delivers the result.
    Pushed,
}

impl Vm {
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        let state = match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::List(_) | Obj::Tuple(_) | Obj::Bytes(_) | Obj::ByteArray(_) => {
                    IterState::Seq { seq: v, idx: 0 }
                }
                Obj::Str(_) => IterState::Str { s: r, pos: 0 },
                Obj::Range { start, stop, step } => IterState::Range {
                    cur: *start,
                    stop: *stop,
                    step: *step,
                },
                Obj::Dict(d) => IterState::Dict {
                    d: r,
                    pos: 0,
                    part: DictPart::Keys,
                    len0: d.len(),
                },
                Obj::Set { d, .. } => IterState::Dict {
                    d: r,
                    pos: 0,
                    part: DictPart::Keys,
                    len0: d.len(),
                },
                Obj::DictView { d, part } => {
                    let t = self.dict_table_ref(*d);
                    IterState::Dict {
                        d: t,
                        pos: 0,
                        part: *part,
                        len0: self.seq_len(Value::Obj(t)).unwrap_or(0),
                    }
                }
                Obj::Iter(_) | Obj::Generator(_) => return Ok(v),
                Obj::MemoryView { .. } => {
                    let b = self.bytes_of(v).unwrap_or_default();
                    let bv = self.alloc(Obj::Bytes(b))?;
                    IterState::Seq { seq: bv, idx: 0 }
                }
                Obj::Instance(i) => {
                    let base = i.base;
                    let n = self.intern_static("__iter__");
                    if let Some(f) = self.lookup_special(v, n) {
                        if !matches!(f, Value::Native(_)) {
                            let it = self.call_sync(f, &[v])?;
                            return Ok(it);
                        }
                    }
                    // A builtin base iterates natively, whatever
                    // `__getitem__` the subclass defines (as in CPython).
                    if !base.is_undef() {
                        return self.get_iter(base);
                    }
                    let gi = self.intern_static("__getitem__");
                    if let Some(f) = self.lookup_special(v, gi) {
                        if !matches!(f, Value::Native(_)) {
                            // The old sequence protocol, as a Python generator.
                            let helper = self.prelude_fn("_seq_iter")?;
                            return self.call_sync(helper, &[v]);
                        }
                    }
                    return Err(self.not_iterable(v));
                }
                _ => return Err(self.not_iterable(v)),
            },
            _ => return Err(self.not_iterable(v)),
        };
        self.alloc(Obj::Iter(Box::new(state)))
    }

    pub(crate) fn not_iterable(&mut self, v: Value) -> Exc {
        self.type_error_of("'", v, "' object is not iterable")
    }

    pub(crate) fn is_generator(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Obj::Generator(_)))
    }

    /// One step of a builtin iterator: Ok(None) when exhausted. Never runs
    /// Python code.
    /// One item from each of `its` (zip, map); None when any is exhausted.
    fn next_of_each(&mut self, its: &[Value]) -> PyResult<Option<Vec<Value>>> {
        let mut items = Vec::with_capacity(its.len());
        for &i in its {
            let Value::Obj(ir) = i else { return Ok(None) };
            match self.native_next(ir)? {
                Some(v) => items.push(v),
                None => return Ok(None),
            }
        }
        Ok(Some(items))
    }

    pub(crate) fn native_next(&mut self, it: crate::heap::ObjRef) -> PyResult<Option<Value>> {
        let Obj::Iter(st) = self.heap.get(it) else {
            return Ok(None);
        };
        match &**st {
            IterState::Seq { seq, idx } => {
                let (seq, idx) = (*seq, *idx);
                let Value::Obj(sr) = seq else { return Ok(None) };
                let v = match self.heap.get(sr) {
                    Obj::List(l) => l.get(idx).copied(),
                    Obj::Tuple(t) => t.get(idx).copied(),
                    Obj::Bytes(b) | Obj::ByteArray(b) => {
                        b.get(idx).map(|&x| Value::Int(Small::from(x)))
                    }
                    _ => None,
                };
                if let Obj::Iter(st) = self.heap.get_mut(it) {
                    if let IterState::Seq { idx, .. } = &mut **st {
                        *idx += 1;
                    }
                    if v.is_none() {
                        **st = IterState::Done;
                    }
                }
                Ok(v)
            }
            IterState::Str { s, pos } => {
                let (s, pos) = (*s, *pos);
                let ch = match self.heap.get(s) {
                    Obj::Str(ps) => crate::substr::sub(&ps.s, pos..).chars().next(),
                    _ => None,
                };
                match ch {
                    Some(c) => {
                        if let Obj::Iter(st) = self.heap.get_mut(it) {
                            if let IterState::Str { pos, .. } = &mut **st {
                                *pos += c.len_utf8();
                            }
                        }
                        let mut buf = [0u8; 4];
                        let cs: &str = c.encode_utf8(&mut buf);
                        Ok(Some(self.char_str(cs)?))
                    }
                    None => Ok(None),
                }
            }
            IterState::Range { cur, stop, step } => {
                let (c, stop, step) = (*cur, *stop, *step);
                if (step > 0 && c < stop) || (step < 0 && c > stop) {
                    if let Obj::Iter(st) = self.heap.get_mut(it) {
                        if let IterState::Range { cur, .. } = &mut **st {
                            *cur = c.saturating_add(step);
                            if *cur == c {
                                **st = IterState::Done;
                            }
                        }
                    }
                    Ok(Some(self.new_int(c)?))
                } else {
                    Ok(None)
                }
            }
            IterState::Dict { d, pos, part, len0 } => {
                let (d, pos, part, len0) = (*d, *pos, *part, *len0);
                let (dict, is_set) = match self.heap.get(d) {
                    Obj::Dict(dd) => (dd, false),
                    Obj::Set { d: dd, .. } => (dd, true),
                    _ => return Ok(None),
                };
                if dict.len() != len0 {
                    let what = if is_set { "Set" } else { "dictionary" };
                    return Err(self.new_error(
                        ty::RUNTIME_ERROR,
                        &format!("{} changed size during iteration", what),
                    ));
                }
                match dict.next_live(pos) {
                    Some(i) => {
                        let e = dict.entries.at(i);
                        let (k, v) = (e.key, e.value);
                        if let Obj::Iter(st) = self.heap.get_mut(it) {
                            if let IterState::Dict { pos, .. } = &mut **st {
                                *pos = i + 1;
                            }
                        }
                        Ok(Some(match part {
                            DictPart::Keys => k,
                            DictPart::Values => v,
                            DictPart::Items => self.new_pair(k, v)?,
                        }))
                    }
                    None => Ok(None),
                }
            }
            IterState::Enumerate { it: inner, count } => {
                let (inner, count) = (*inner, *count);
                let Value::Obj(ir) = inner else {
                    return Ok(None);
                };
                match self.native_next(ir)? {
                    Some(v) => {
                        if let Obj::Iter(st) = self.heap.get_mut(it) {
                            if let IterState::Enumerate { count, .. } = &mut **st {
                                *count += 1;
                            }
                        }
                        Ok(Some(self.new_pair(Value::from_len(count as usize), v)?))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { its } => {
                let its = its.clone();
                let Some(items) = self.next_of_each(&its)? else {
                    return Ok(None);
                };
                Ok(Some(self.alloc(Obj::Tuple(items.into_boxed_slice()))?))
            }
            IterState::Map { f, its } => {
                let (f, its) = (*f, its.clone());
                let Some(items) = self.next_of_each(&its)? else {
                    return Ok(None);
                };
                // A native `f` gets `items` straight from Rust: root them.
                let mark = self.temp_roots.len();
                self.temp_roots.extend_from_slice(&items);
                let r = self.call_sync(f, &items);
                self.temp_roots.truncate(mark);
                Ok(Some(r?))
            }
            IterState::Reversed { seq, idx } => {
                let (seq, idx) = (*seq, *idx);
                if idx == 0 {
                    return Ok(None);
                }
                if let Obj::Iter(st) = self.heap.get_mut(it) {
                    if let IterState::Reversed { idx, .. } = &mut **st {
                        *idx -= 1;
                    }
                }
                let v = self.seq_get(seq, idx as i64 - 1)?;
                Ok(Some(v))
            }
            IterState::Call { f, sentinel } => {
                let (f, sentinel) = (*f, *sentinel);
                let v = self.call_sync(f, &[])?;
                if self.eq(v, sentinel)? {
                    if let Obj::Iter(st) = self.heap.get_mut(it) {
                        **st = IterState::Done;
                    }
                    return Ok(None);
                }
                Ok(Some(v))
            }
            IterState::Done => Ok(None),
        }
    }

    /// The `for` step for the common iterators (range, list, tuple),
    /// inlined into the dispatch loop: Some(Some(v)) is the next value,
    /// Some(None) the end, None "take the general path". Same semantics as
    /// `native_next`.
    #[inline(always)]
    pub(crate) fn for_iter_fast(&mut self, it: Value) -> Option<Option<Value>> {
        let Value::Obj(r) = it else { return None };
        let Obj::Iter(st) = self.heap.get(r) else {
            return None;
        };
        match **st {
            IterState::Range { cur, stop, step } => {
                if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                    // Past a board's 32-bit small ints: the general path.
                    let v = Value::Int(narrow(cur)?);
                    if let Obj::Iter(st) = self.heap.get_mut(r) {
                        let next = cur.saturating_add(step);
                        **st = if next == cur {
                            IterState::Done
                        } else {
                            IterState::Range {
                                cur: next,
                                stop,
                                step,
                            }
                        };
                    }
                    Some(Some(v))
                } else {
                    Some(None)
                }
            }
            IterState::Seq {
                seq: Value::Obj(sr),
                idx,
            } => {
                let v = match self.heap.get(sr) {
                    Obj::List(l) => l.get(idx).copied(),
                    Obj::Tuple(t) => t.get(idx).copied(),
                    _ => return None,
                };
                if let Obj::Iter(st) = self.heap.get_mut(r) {
                    match v {
                        Some(_) => {
                            if let IterState::Seq { idx, .. } = &mut **st {
                                *idx += 1;
                            }
                        }
                        None => **st = IterState::Done,
                    }
                }
                Some(v)
            }
            _ => None,
        }
    }

    /// The `for` loop step over the iterator on top of the stack.
    pub(crate) fn for_iter_step(&mut self, it: Value, exit: u32) -> PyResult<Step> {
        let Value::Obj(r) = it else {
            return Err(self.not_iterator(it));
        };
        match self.heap.get(r) {
            Obj::Iter(_) => Ok(match self.native_next(r)? {
                Some(v) => Step::Value(v),
                None => Step::Done,
            }),
            Obj::Generator(_) => {
                self.resume_gen(r, Value::None, false, Cont::ForIter(exit))?;
                Ok(Step::Pushed)
            }
            _ => {
                let n = self.intern_static("__next__");
                match self.lookup_special(it, n) {
                    Some(f) => {
                        let pos = self.stack.len();
                        self.stack.push(f);
                        self.stack.push(it);
                        if self.call_at(pos, 1, Value::Undef, Cont::ForIter(exit))? {
                            Ok(Step::Pushed)
                        } else {
                            let v = self.pop();
                            Ok(Step::Value(v))
                        }
                    }
                    None => Err(self.not_iterator(it)),
                }
            }
        }
    }

    fn not_iterator(&mut self, v: Value) -> Exc {
        self.type_error_of("'", v, "' object is not an iterator")
    }

    /// `next(it)` from Rust, running Python if needed. Ok(None) at the end.
    pub fn next_sync(&mut self, it: Value) -> PyResult<Option<Value>> {
        let Value::Obj(r) = it else {
            return Err(self.not_iterator(it));
        };
        match self.heap.get(r) {
            Obj::Iter(_) => self.native_next(r),
            _ => {
                let n = self.intern_static("__next__");
                let f = match self.lookup_special(it, n) {
                    Some(f) => f,
                    None if self.is_generator(it) => Value::Undef,
                    None => return Err(self.not_iterator(it)),
                };
                let r = if f.is_undef() {
                    self.request = Some(crate::vm::Request::Resume {
                        gen: r,
                        value: Value::None,
                        throw: false,
                        cont: Cont::Sync,
                    });
                    let pos = self.stack.len();
                    self.stack.push(Value::None);
                    let floor = self.frames.len();
                    let req = self.request.take();
                    match req {
                        Some(req) => self.sync_request_pub(req, pos, floor),
                        None => Ok(Value::None),
                    }
                } else {
                    self.call_sync(f, &[it])
                };
                match r {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => {
                        let si = ty::STOP_ITERATION;
                        if self.exc_is(&e, si) {
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                }
            }
        }
    }

    /// All items of an iterable (running Python for generators and user
    /// iterators through `call_sync`).
    pub fn collect_iterable(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Obj::List(l) => return Ok(l.clone()),
                Obj::Tuple(t) => return Ok(t.to_vec()),
                _ => {}
            }
        }
        let it = self.get_iter(v)?;
        self.temp_roots.push(it);
        let mark = self.temp_roots.len();
        let mut out: Vec<Value> = Vec::new();
        let r = loop {
            match self.next_sync(it) {
                Ok(Some(x)) => {
                    // Root `x` first: the limit check below may collect.
                    if self.temp_roots.try_reserve(1).is_err() {
                        break Err(self.memory_error());
                    }
                    self.temp_roots.push(x);
                    // `out` and the roots are not heap objects yet: check
                    // that their growth fits under the limit, and grow them
                    // fallibly, so a long iterator ends in MemoryError (on a
                    // board the global allocator's arena is the limit too).
                    if out.len() == out.capacity() {
                        let extra = core::cmp::max(4, out.len());
                        let bytes = 4 * extra * core::mem::size_of::<Value>();
                        if let Err(e) = self.ensure(bytes) {
                            break Err(e);
                        }
                        if out.try_reserve_exact(extra).is_err()
                            || self.temp_roots.try_reserve(extra).is_err()
                        {
                            break Err(self.memory_error());
                        }
                    }
                    out.push(x);
                }
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        self.temp_roots.truncate(mark - 1);
        // The caller holds the items only in Rust: keep them alive through
        // its next allocations, like objects it created itself.
        for x in &out {
            if let Value::Obj(o) = x {
                self.heap.refresh(*o);
            }
        }
        r.map(|_| out)
    }

    /// Unpack `v` into exactly `n` values, or with a starred target at
    /// `star` (before, rest-list, after).
    pub(crate) fn unpack(
        &mut self,
        v: Value,
        n: usize,
        star: Option<usize>,
    ) -> PyResult<Vec<Value>> {
        let items = match self.collect_iterable(v) {
            Ok(i) => i,
            Err(e) => {
                let te = ty::TYPE_ERROR;
                if self.exc_is(&e, te) && !self.is_iterable(v) {
                    return Err(self.type_error_of("cannot unpack non-iterable ", v, " object"));
                }
                return Err(e);
            }
        };
        if items.len() < n {
            let least = if star.is_some() { "at least " } else { "" };
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {}{}, got {})",
                least,
                n,
                items.len()
            )));
        }
        match star {
            None => {
                if items.len() > n {
                    return Err(
                        self.value_error(format!("too many values to unpack (expected {})", n))
                    );
                }
                Ok(items)
            }
            Some(before) => {
                let after = n - before;
                let mut out: Vec<Value> = items.span(0, before).to_vec();
                let rest = items.span(before, items.len() - after).to_vec();
                self.temp_roots.extend(items.iter().copied());
                let l = self.alloc(Obj::List(rest));
                self.temp_roots
                    .truncate(self.temp_roots.len() - items.len());
                out.push(l?);
                out.extend_from_slice(items.tail(items.len() - after));
                Ok(out)
            }
        }
    }

    fn is_iterable(&mut self, v: Value) -> bool {
        match v {
            Value::Obj(r) => !matches!(
                self.heap.get(r),
                Obj::Instance(_) | Obj::Func(_) | Obj::Class(_)
            ),
            _ => false,
        }
    }

    /// `Send(exit)`: stack `iter, value`. Generators get a frame; other
    /// iterators are stepped directly.
    #[inline(never)]
    pub(crate) fn send_step(&mut self, exit: u32) -> PyResult<bool> {
        let value = self.pop();
        let it = self.top();
        if let Value::Obj(r) = it {
            if let Obj::Generator(_) = self.heap.get(r) {
                let throw = self.pending_throw.take();
                match throw {
                    Some(exc) => self.resume_gen(r, Value::Obj(exc), true, Cont::Send(exit))?,
                    None => self.resume_gen(r, value, false, Cont::Send(exit))?,
                }
                return Ok(true);
            }
        }
        if let Some(exc) = self.pending_throw.take() {
            return Err(self.raise(exc));
        }
        // A plain iterator (yield from a list) or an awaitable's iterator.
        let nv = if value.is_none() {
            self.next_sync(it)?
        } else {
            let n = self.intern_static("send");
            let (f, this) = self.load_method(it, n)?;
            let args: Vec<Value> = if this.is_undef() {
                alloc::vec![value]
            } else {
                alloc::vec![this, value]
            };
            match self.call_sync(f, &args) {
                Ok(v) => Some(v),
                Err(e) => {
                    let si = ty::STOP_ITERATION;
                    if self.exc_is(&e, si) {
                        let rv = self.stop_iteration_value(self.exc_ref(e));
                        self.stack.pop();
                        self.stack.push(rv);
                        if let Some(f) = self.frames.last_mut() {
                            f.pc = exit as usize;
                        }
                        return Ok(false);
                    }
                    return Err(e);
                }
            }
        };
        match nv {
            Some(v) => self.stack.push(v),
            None => {
                self.stack.pop();
                self.stack.push(Value::None);
                if let Some(f) = self.frames.last_mut() {
                    f.pc = exit as usize;
                }
            }
        }
        Ok(false)
    }

    #[inline(never)]
    pub(crate) fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        if let Value::Obj(r) = v {
            if let Obj::Generator(g) = self.heap.get(r) {
                if matches!(g.kind, GenKind::Coroutine | GenKind::Generator) {
                    return Ok(v);
                }
            }
        }
        let n = self.intern_static("__await__");
        match self.lookup_special(v, n) {
            Some(f) => {
                let it = self.call_sync(f, &[v])?;
                Ok(it)
            }
            None => Err(self.type_error_of("object ", v, " can't be used in 'await' expression")),
        }
    }
}
