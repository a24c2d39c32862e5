//! Slicing and sequence operators (`+`, `*` on str/list/tuple/bytes).

use alloc::string::String;
use alloc::vec::Vec;

use crate::compile::ast::BinOp;
use crate::heap::ObjRef;
use crate::objects::Obj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Resolve a slice against a length: (start, stop, step, count).
    /// A slice bound or step as CPython's `_PyEval_SliceIndex` takes it:
    /// ints (big ones clamped to the i64 range, so `s[:10**20]` works),
    /// bools and `__index__` objects; anything else is a TypeError.
    pub(crate) fn slice_bound(&mut self, v: Value) -> PyResult<i64> {
        match self.num_unwrap(v) {
            Value::Int(i) => return Ok(i),
            Value::Bool(b) => return Ok(b as i64),
            Value::Obj(b) => {
                if let Obj::BigInt(x) = self.heap.get(b) {
                    return Ok(if x.is_negative() {
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
        Err(self.type_err("slice indices must be integers or None or have an __index__ method"))
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
        let norm = |vm: &mut Vm, v: Value, def: i64| -> PyResult<i64> {
            if v.is_none() {
                return Ok(def);
            }
            let i = vm.slice_bound(v)?;
            Ok(if i < 0 {
                let j = i.saturating_add(len);
                if j < 0 {
                    if step < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    j
                }
            } else if i >= len {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            } else {
                i
            })
        };
        let (start, stop) = if step > 0 {
            (norm(self, a, 0)?, norm(self, b, len)?)
        } else {
            (norm(self, a, len - 1)?, norm(self, b, -1)?)
        };
        let count = if step > 0 {
            if stop > start {
                ((stop - start - 1) / step + 1) as usize
            } else {
                0
            }
        } else if start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
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
        let idx = |k: usize| (start + step * k as i64) as usize;
        match self.heap.get(r) {
            Obj::List(l) => {
                let v: Vec<Value> = (0..count).map(|k| l[idx(k)]).collect();
                self.new_list(v)
            }
            Obj::Tuple(t) => {
                let v: Vec<Value> = (0..count).map(|k| t[idx(k)]).collect();
                self.new_tuple(v)
            }
            Obj::Bytes(b) => {
                let v: Vec<u8> = (0..count).map(|k| b[idx(k)]).collect();
                self.alloc(Obj::Bytes(v))
            }
            Obj::ByteArray(b) => {
                let v: Vec<u8> = (0..count).map(|k| b[idx(k)]).collect();
                self.alloc(Obj::ByteArray(v))
            }
            Obj::Str(ps) => {
                let out: String = if ps.is_ascii() && step == 1 {
                    String::from(crate::substr::sub(
                        &ps.s,
                        start as usize..start as usize + count,
                    ))
                } else {
                    let chars: Vec<char> = ps.s.chars().collect();
                    (0..count).map(|k| chars[idx(k)]).collect()
                };
                self.new_str(out)
            }
            Obj::Range {
                start: rs,
                step: rst,
                ..
            } => {
                let (rs, rst) = (*rs, *rst);
                let ns = rs + start * rst;
                let nstep = rst * step;
                // CPython: the new stop is the old range's value at `stop`.
                let nstop = rs + stop * rst;
                self.alloc(Obj::Range {
                    start: ns,
                    stop: nstop,
                    step: nstep,
                })
            }
            Obj::MemoryView { obj, start: ms, .. } => {
                let (o, ms) = (*obj, *ms);
                if step != 1 {
                    return Err(self.new_error(
                        self.types.not_implemented_error,
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
        let is_bytes = matches!(self.heap.get(r), Obj::ByteArray(_));
        let items: Vec<Value> = if is_bytes {
            match self.bytes_of(v) {
                Some(b) => b.into_iter().map(|x| Value::Int(x as i64)).collect(),
                None => self.collect_iterable(v)?,
            }
        } else {
            self.collect_iterable(v)
                .map_err(|_| self.type_err("must assign iterable to extended slice"))?
        };
        if step == 1 {
            let stop = stop.max(start);
            let bytes: Vec<u8> = if is_bytes {
                items
                    .iter()
                    .map(|x| match x {
                        Value::Int(i) => *i as u8,
                        _ => 0,
                    })
                    .collect()
            } else {
                Vec::new()
            };
            self.ensure(items.len() * 16)?;
            match self.heap.get_mut(r) {
                Obj::List(l) => {
                    l.splice(start as usize..stop as usize, items);
                }
                Obj::ByteArray(b) => {
                    b.splice(start as usize..stop as usize, bytes);
                }
                _ => {}
            }
            return Ok(());
        }
        if items.len() != count {
            return Err(self.value_error(alloc::format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                items.len(),
                count
            )));
        }
        for (k, it) in items.into_iter().enumerate() {
            let i = start + step * k as i64;
            self.set_item(seq, Value::Int(i), it)?;
        }
        Ok(())
    }

    pub(crate) fn del_slice(&mut self, seq: Value, s: ObjRef) -> PyResult<()> {
        let len = self.seq_len(seq).unwrap_or(0) as i64;
        let (start, _, step, count) = self.slice_indices(s, len)?;
        let Value::Obj(r) = seq else { return Ok(()) };
        let mut idxs: Vec<usize> = (0..count)
            .map(|k| (start + step * k as i64) as usize)
            .collect();
        // An arithmetic progression: ascending once a negative step's is
        // reversed (no sort: one less sort instantiation in the image).
        if step < 0 {
            idxs.reverse();
        }
        match self.heap.get_mut(r) {
            Obj::List(l) => {
                for &i in idxs.iter().rev() {
                    l.remove(i);
                }
            }
            Obj::ByteArray(b) => {
                for &i in idxs.iter().rev() {
                    b.remove(i);
                }
            }
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
                match (self.heap.get(ra), self.heap.get(rb)) {
                    (Obj::Str(x), Obj::Str(y)) => {
                        let mut s = String::with_capacity(x.s.len() + y.s.len());
                        s.push_str(&x.s);
                        s.push_str(&y.s);
                        self.ensure(s.len())?;
                        Ok(Some(self.new_str(s)?))
                    }
                    (Obj::List(_), Obj::List(y)) if inplace => {
                        let y = y.clone();
                        let yl = self_list(self, y)?;
                        self.list_extend(a, yl)?;
                        Ok(Some(a))
                    }
                    (Obj::List(x), Obj::List(y)) => {
                        let mut v = x.clone();
                        v.extend_from_slice(y);
                        Ok(Some(self.new_list(v)?))
                    }
                    (Obj::Tuple(x), Obj::Tuple(y)) => {
                        let mut v = x.to_vec();
                        v.extend_from_slice(y);
                        Ok(Some(self.new_tuple(v)?))
                    }
                    (Obj::Bytes(x) | Obj::ByteArray(x), Obj::Bytes(y) | Obj::ByteArray(y)) => {
                        let is_ba = matches!(self.heap.get(ra), Obj::ByteArray(_));
                        let mut v = x.clone();
                        v.extend_from_slice(y);
                        if is_ba && inplace {
                            if let Obj::ByteArray(b) = self.heap.get_mut(ra) {
                                *b = v;
                            }
                            return Ok(Some(a));
                        }
                        Ok(Some(self.alloc(if is_ba {
                            Obj::ByteArray(v)
                        } else {
                            Obj::Bytes(v)
                        })?))
                    }
                    _ => Ok(None),
                }
            }
            BinOp::Mul => {
                let n = match self.num_unwrap(b) {
                    Value::Int(i) => i,
                    Value::Bool(x) => x as i64,
                    _ => {
                        if let Value::Obj(rb) = b {
                            if self.as_int_like(b)
                                && matches!(
                                    self.heap.get(ra),
                                    Obj::List(_) | Obj::Str(_) | Obj::Tuple(_)
                                )
                            {
                                let _ = rb;
                                return Err(self.new_error(
                                    self.types.overflow_error,
                                    "cannot fit 'int' into an index-sized integer",
                                ));
                            }
                        }
                        return Ok(None);
                    }
                };
                let n = n.max(0) as usize;
                let size = self.seq_len(a).unwrap_or(0).saturating_mul(n);
                match self.heap.get(ra) {
                    Obj::Str(_)
                    | Obj::List(_)
                    | Obj::Tuple(_)
                    | Obj::Bytes(_)
                    | Obj::ByteArray(_) => {}
                    _ => return Ok(None),
                }
                self.ensure(size.saturating_mul(
                    if matches!(self.heap.get(ra), Obj::List(_) | Obj::Tuple(_)) {
                        16
                    } else {
                        1
                    },
                ))?;
                Ok(Some(match self.heap.get(ra) {
                    Obj::Str(x) => {
                        let s = x.s.repeat(n);
                        self.new_str(s)?
                    }
                    Obj::List(x) => {
                        let v = x.repeat(n);
                        if inplace {
                            if let Obj::List(l) = self.heap.get_mut(ra) {
                                *l = v;
                            }
                            a
                        } else {
                            self.new_list(v)?
                        }
                    }
                    Obj::Tuple(x) => {
                        let v = x.repeat(n);
                        self.new_tuple(v)?
                    }
                    Obj::Bytes(x) => {
                        let v = x.repeat(n);
                        self.alloc(Obj::Bytes(v))?
                    }
                    Obj::ByteArray(x) => {
                        let v = x.repeat(n);
                        self.alloc(Obj::ByteArray(v))?
                    }
                    _ => return Ok(None),
                }))
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
                    (Obj::Set { frozen, .. }, Obj::Set { .. }) => {
                        let frozen = *frozen;
                        let xa = self.set_items(a);
                        let xb = self.set_items(b);
                        let out = self.new_set(frozen)?;
                        self.temp_roots.push(out);
                        // One loop per operand: a's items are kept unless
                        // their presence in b says otherwise; | and ^ then
                        // add b's items (^ only those not in a).
                        let r = (|| -> PyResult<()> {
                            let or = op == BinOp::BitOr;
                            for &v in xa.iter() {
                                if or || self.set_contains(rb, v)? == (op == BinOp::BitAnd) {
                                    self.set_add(out, v)?;
                                }
                            }
                            if or || op == BinOp::BitXor {
                                for &v in xb.iter() {
                                    if or || !self.set_contains(ra, v)? {
                                        self.set_add(out, v)?;
                                    }
                                }
                            }
                            Ok(())
                        })();
                        self.temp_roots.pop();
                        r?;
                        Ok(Some(out))
                    }
                    (Obj::Dict(_), Obj::Dict(_)) if op == BinOp::BitOr => {
                        let d = if inplace { a } else { self.new_dict()? };
                        self.temp_roots.push(d);
                        if !inplace {
                            for (k, v) in self.dict_items(a) {
                                self.dict_set(d, k, v)?;
                            }
                        }
                        for (k, v) in self.dict_items(b) {
                            self.dict_set(d, k, v)?;
                        }
                        self.temp_roots.pop();
                        Ok(Some(d))
                    }
                    _ => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }
}

fn self_list(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    vm.new_list(items)
}
