//! Slicing and sequence operators (`+`, `*` on str/list/tuple/bytes).

use crate::at::{At, VecAt};
use crate::types::ty;
use alloc::string::String;
use alloc::vec::Vec;

use crate::compile::ast::BinOp;
use crate::heap::ObjRef;
use crate::objects::Obj;
use crate::value::{wide, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Resolve a slice against a length: (start, stop, step, count).
    /// A slice bound or step as CPython's `_PyEval_SliceIndex` takes it:
    /// ints (big ones clamped to the i64 range, so `s[:10**20]` works),
    /// bools and `__index__` objects; anything else is a TypeError.
    pub(crate) fn slice_bound(&mut self, v: Value) -> PyResult<i64> {
        self.index_bound(
            v,
            "slice indices must be integers or None or have an __index__ method",
        )
    }

    /// `slice_bound` with the TypeError message `msg`.
    pub(crate) fn index_bound(&mut self, v: Value, msg: &str) -> PyResult<i64> {
        match self.num_unwrap(v) {
            Value::Int(i) => return Ok(wide(i)),
            Value::Bool(b) => return Ok(b.get() as i64),
            Value::Obj(b) => {
                if let Obj::BigInt(x) = self.heap.get(b) {
                    return Ok(if let Some(i) = x.to_i64() {
                        i
                    } else if x.is_negative() {
                        i64::MIN + 1
                    } else {
                        i64::MAX
                    });
                }
            }
            _ => {}
        }
        let idx = self.intern_static("__index__");
        if matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Obj::Instance(_)))
            && self.lookup_special(v, idx).is_some()
        {
            // `__index__` may return a big int: clamp it like the others.
            return self.index_value(v);
        }
        Err(self.type_err(msg))
    }

    pub(crate) fn slice_indices(
        &mut self,
        s: ObjRef,
        len: i64,
    ) -> PyResult<(i64, i64, i64, usize)> {
        let (a, b, c) = match self.heap.get(s) {
            Obj::Slice(s) => (s[0], s[1], s[2]),
            _ => (Value::None, Value::None, Value::None),
        };
        let step = if c.is_none() { 1 } else { self.slice_bound(c)? };
        if step == 0 {
            return Err(self.value_err("slice step cannot be zero"));
        }
        // CPython's PySlice_AdjustIndices: a bound clamps to [lo, hi];
        // a missing one is the end the step starts from or runs to.
        let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let mut ends = if step < 0 { [hi, lo] } else { [lo, hi] };
        for (end, v) in ends.iter_mut().zip([a, b]) {
            if !v.is_none() {
                let i = self.slice_bound(v)?;
                *end = if i < 0 {
                    i.saturating_add(len).max(lo)
                } else {
                    i.min(hi)
                };
            }
        }
        let [start, stop] = ends;
        // The span walked, in u64 (no i128 and no overflow for any step).
        let span = if step > 0 { stop - start } else { start - stop };
        let count = if span > 0 {
            ((span as u64 - 1) / step.unsigned_abs() + 1) as usize
        } else {
            0
        };
        Ok((start, stop, step, count))
    }

    pub(crate) fn get_slice(&mut self, seq: Value, s: ObjRef) -> PyResult<Value> {
        let len = self.seq_len(seq).unwrap_or(0) as i64;
        let (start, stop, step, count) = self.slice_indices(s, len)?;
        let Value::Obj(r) = seq else {
            return Ok(Value::None);
        };
        let o = self.heap.get(r);
        if let Some(l) = values_of(o) {
            let v = pick(l, start, step, count);
            return self.new_like(r, v, false);
        }
        match o {
            Obj::Bytes(b) | Obj::ByteArray(b) => {
                let v = pick(b, start, step, count);
                self.new_bytes_like(r, v, false)
            }
            Obj::Str(ps) => {
                let out: String = if ps.is_ascii() && step == 1 {
                    String::from(crate::substr::sub(
                        &ps.s,
                        start as usize..start as usize + count,
                    ))
                } else {
                    let chars: Vec<char> = ps.s.chars().collect();
                    pick(&chars, start, step, count).into_iter().collect()
                };
                self.new_str(out)
            }
            Obj::Range {
                start: rs,
                step: rst,
                ..
            } => {
                let (rs, rst) = (*rs, *rst);
                // CPython: the new stop is the old range's value at `stop`.
                let at = |i: i64| i.checked_mul(rst).and_then(|x| x.checked_add(rs));
                // A step beyond a machine word still slices right when at
                // most one item is left: any step past the stop will do.
                let nstep = rst.checked_mul(step).or_else(|| {
                    (count <= 1).then_some(if (rst < 0) == (step < 0) {
                        i64::MAX
                    } else {
                        i64::MIN
                    })
                });
                match (at(start), at(stop), nstep) {
                    (Some(start), Some(stop), Some(step))
                        if super::range_len(start, stop, step) == count as i64 =>
                    {
                        self.alloc(Obj::Range { start, stop, step })
                    }
                    // Ranges hold machine words (as MicroPython's do).
                    _ => Err(self.ssize_overflow()),
                }
            }
            Obj::MemoryView { obj, start: ms, .. } => {
                let (o, ms) = (*obj, *ms);
                if step != 1 {
                    return Err(self.new_error(
                        ty::NOT_IMPLEMENTED_ERROR,
                        "only slices with step=1 (aka None) are supported",
                    ));
                }
                self.alloc(Obj::MemoryView {
                    obj: o,
                    start: ms + start as usize,
                    len: count,
                })
            }
            _ => Ok(Value::None),
        }
    }

    pub(crate) fn set_slice(&mut self, seq: Value, s: ObjRef, v: Value) -> PyResult<()> {
        let len = self.seq_len(seq).unwrap_or(0) as i64;
        let (start, stop, step, count) = self.slice_indices(s, len)?;
        let Value::Obj(r) = seq else { return Ok(()) };
        // A bytearray's new bytes are checked (as CPython converts them)
        // before the sizes are compared.
        let (mut items, mut bytes, mut what) = (Vec::new(), Vec::new(), "sequence");
        if matches!(self.heap.get(r), Obj::ByteArray(_)) {
            what = "bytes";
            bytes = match self.bytes_of(v) {
                Some(b) => b,
                None => {
                    let vals = self.collect_iterable(v)?;
                    let mut b = Vec::with_capacity(vals.len());
                    for x in vals {
                        b.push(self.byte_value(x)?);
                    }
                    b
                }
            };
        } else {
            items = self
                .collect_iterable(v)
                .map_err(|_| self.type_err("must assign iterable to extended slice"))?;
        }
        let n = items.len().max(bytes.len());
        if step != 1 && n != count {
            return Err(self.value_error(alloc::format!(
                "attempt to assign {} of size {} to extended slice of size {}",
                what,
                n,
                count
            )));
        }
        self.ensure(n * 16)?;
        match self.heap.get_mut(r) {
            Obj::List(l) => store_slice(l, start, stop, step, &items),
            Obj::ByteArray(b) => store_slice(b, start, stop, step, &bytes),
            _ => {}
        }
        Ok(())
    }

    pub(crate) fn del_slice(&mut self, seq: Value, s: ObjRef) -> PyResult<()> {
        let len = self.seq_len(seq).unwrap_or(0) as i64;
        let (start, _, step, count) = self.slice_indices(s, len)?;
        let Value::Obj(r) = seq else { return Ok(()) };
        if count == 0 {
            return Ok(());
        }
        // Highest position first: removals leave the lower ones in place.
        let top = if step > 0 {
            start + step * (count as i64 - 1)
        } else {
            start
        } as usize;
        let by = step.unsigned_abs() as usize;
        match self.heap.get_mut(r) {
            Obj::List(l) => remove_down(l, top, by, count),
            Obj::ByteArray(b) => remove_down(b, top, by, count),
            _ => {}
        }
        Ok(())
    }

    /// `+` and `*` on sequences. Ok(None) if not applicable.
    pub(crate) fn sequence_binop(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        let (Value::Obj(ra), _) = (a, b) else {
            if op == BinOp::Mul {
                if let Value::Obj(_) = b {
                    if matches!(a, Value::Int(_) | Value::Bool(_)) {
                        return self.sequence_binop(op, b, a, false);
                    }
                }
            }
            return Ok(None);
        };
        match op {
            BinOp::Add => {
                // `list += iterable` extends in place (list.__iadd__).
                if inplace && matches!(self.heap.get(ra), Obj::List(_)) {
                    self.list_extend(a, b)?;
                    return Ok(Some(a));
                }
                let Value::Obj(rb) = b else { return Ok(None) };
                let (x, y) = (self.heap.get(ra), self.heap.get(rb));
                if let (Obj::Str(x), Obj::Str(y)) = (x, y) {
                    let mut s = String::with_capacity(x.s.len() + y.s.len());
                    s.push_str(&x.s);
                    s.push_str(&y.s);
                    self.ensure(s.len())?;
                    return Ok(Some(self.new_str(s)?));
                }
                // list + list, tuple + tuple; bytes and bytearray mix
                // (the left operand's type wins).
                if let (Some(p), Some(q)) = (values_of(x), values_of(y)) {
                    if core::mem::discriminant(x) != core::mem::discriminant(y) {
                        return Ok(None);
                    }
                    let mut v = Vec::with_capacity(p.len() + q.len());
                    v.extend_from_slice(p);
                    v.extend_from_slice(q);
                    return self.new_like(ra, v, false).map(Some);
                }
                if let (Some(p), Some(q)) = (bytes_in(x), bytes_in(y)) {
                    let mut v = Vec::with_capacity(p.len() + q.len());
                    v.extend_from_slice(p);
                    v.extend_from_slice(q);
                    return self.new_bytes_like(ra, v, inplace).map(Some);
                }
                Ok(None)
            }
            BinOp::Mul => {
                let n = match self.num_unwrap(b) {
                    Value::Int(i) => wide(i),
                    Value::Bool(x) => x.get() as i64,
                    _ => {
                        if matches!(b, Value::Obj(_))
                            && self.as_int_like(b)
                            && matches!(
                                self.heap.get(ra),
                                Obj::List(_) | Obj::Str(_) | Obj::Tuple(_)
                            )
                        {
                            return Err(self.new_error(
                                ty::OVERFLOW_ERROR,
                                "cannot fit 'int' into an index-sized integer",
                            ));
                        }
                        return Ok(None);
                    }
                };
                let n = n.max(0) as usize;
                let (len, per) = match self.heap.get(ra) {
                    Obj::List(l) => (l.len(), 16),
                    Obj::Tuple(t) => (t.len(), 16),
                    Obj::Str(s) => (s.chars, 1),
                    Obj::Bytes(b) | Obj::ByteArray(b) => (b.len(), 1),
                    _ => return Ok(None),
                };
                self.ensure(len.saturating_mul(n).saturating_mul(per))?;
                let x = self.heap.get(ra);
                if let Obj::Str(x) = x {
                    let s = x.s.repeat(n);
                    return Ok(Some(self.new_str(s)?));
                }
                if let Some(p) = values_of(x) {
                    let v = p.repeat(n);
                    return self.new_like(ra, v, inplace).map(Some);
                }
                if let Some(p) = bytes_in(x) {
                    let v = p.repeat(n);
                    return self.new_bytes_like(ra, v, inplace).map(Some);
                }
                Ok(None)
            }
            BinOp::Mod => {
                if self.is_str(a) || matches!(self.heap.get(ra), Obj::Bytes(_) | Obj::ByteArray(_))
                {
                    return crate::builtins::funcs::percent_format(self, a, b).map(Some);
                }
                Ok(None)
            }
            BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor => {
                if let Some(r) = crate::builtins::dict_methods::view_binop(self, op, a, b, inplace)?
                {
                    return Ok(Some(r));
                }
                if inplace {
                    if let Some(r) =
                        crate::builtins::set_methods::set_inplace_binop(self, op, a, b)?
                    {
                        return Ok(Some(r));
                    }
                }
                let Value::Obj(rb) = b else { return Ok(None) };
                match (self.heap.get(ra), self.heap.get(rb)) {
                    (Obj::Set { .. }, Obj::Set { .. }) => {
                        crate::builtins::set_methods::combined(self, ra, op, &[b]).map(Some)
                    }
                    (Obj::Dict(t), Obj::Dict(_)) if op == BinOp::BitOr => {
                        let d = if inplace {
                            a
                        } else {
                            let t = t.clone();
                            self.alloc(Obj::Dict(t))?
                        };
                        self.temp_roots.push(d);
                        let r = self.dict_update_from(d, b, false);
                        self.temp_roots.pop();
                        r?;
                        Ok(Some(d))
                    }
                    _ => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }
}

/// The items of a list or tuple.
fn values_of(o: &Obj) -> Option<&[Value]> {
    match o {
        Obj::List(v) => Some(v),
        Obj::Tuple(t) => Some(t),
        _ => None,
    }
}

/// The bytes of a bytes or bytearray.
fn bytes_in(o: &Obj) -> Option<&[u8]> {
    match o {
        Obj::Bytes(b) | Obj::ByteArray(b) => Some(b),
        _ => None,
    }
}

impl Vm {
    /// A new list or tuple (as `like` is) of `v`; `inplace` on a list
    /// replaces its items instead.
    fn new_like(&mut self, like: ObjRef, v: Vec<Value>, inplace: bool) -> PyResult<Value> {
        match self.heap.get_mut(like) {
            Obj::List(l) if inplace => {
                *l = v;
                Ok(Value::Obj(like))
            }
            Obj::List(_) => self.new_list(v),
            _ => self.new_tuple(v),
        }
    }

    /// A new bytes or bytearray (as `like` is) of `v`; `inplace` on a
    /// bytearray replaces its bytes instead.
    fn new_bytes_like(&mut self, like: ObjRef, v: Vec<u8>, inplace: bool) -> PyResult<Value> {
        match self.heap.get_mut(like) {
            Obj::ByteArray(b) if inplace => {
                *b = v;
                Ok(Value::Obj(like))
            }
            Obj::ByteArray(_) => self.alloc(Obj::ByteArray(v)),
            _ => self.alloc(Obj::Bytes(v)),
        }
    }
}

/// `v[start:stop:step] = new` for a resolved slice (with `step != 1`,
/// `new` has the slice's length): with step 1 a `splice` without its
/// two-type machinery, else item by item.
fn store_slice<T: Copy>(v: &mut Vec<T>, start: i64, stop: i64, step: i64, new: &[T]) {
    if step == 1 {
        let (a, b) = (start as usize, stop.max(start) as usize);
        let tail = v.tail(b).to_vec();
        v.truncate(a);
        v.extend_from_slice(new);
        v.extend_from_slice(&tail);
        return;
    }
    let mut i = start;
    for &x in new {
        *v.at_mut(i as usize) = x;
        i = i.wrapping_add(step);
    }
}

/// Remove the `count` items of `v` at `top`, `top - by`, ...
fn remove_down<T>(v: &mut Vec<T>, top: usize, by: usize, count: usize) {
    for k in 0..count {
        v.remove_at(top - k * by);
    }
}

/// The `count` items of `s` from `start` by `step` (a resolved slice).
fn pick<T: Copy>(s: &[T], start: i64, step: i64, count: usize) -> Vec<T> {
    let mut v = Vec::with_capacity(count);
    let mut i = start;
    for _ in 0..count {
        v.push(*s.at(i as usize));
        // Wrapping: the step past the last item may leave the i64 range.
        i = i.wrapping_add(step);
    }
    v
}
