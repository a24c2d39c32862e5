//! Container primitives used by the interpreter and the builtins: dict and
//! set operations with Python hashing/equality, list/tuple access,
//! subscripts, slices and `in`.

use crate::at::{At, VecAt};
use crate::types::ty;
use alloc::boxed::Box;
use alloc::format;
use alloc::vec::Vec;

use super::strbytes::Finder;
use crate::heap::ObjRef;
use crate::objects::{Dict, Obj};
use crate::value::{wide, Small, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    // ---- dicts ----

    /// Find `key` in the dict/set table of object `d`.
    pub(crate) fn dict_lookup(&mut self, d: ObjRef, key: Value) -> PyResult<Option<usize>> {
        let h = self.hash(key)? as u32;
        // Fast path: keys whose equality needs no Python code.
        let simple = !matches!(key, Value::Obj(r) if matches!(self.heap.get(r), Obj::Instance(_) | Obj::Tuple(_)));
        if simple {
            let heap = &self.heap;
            let tbl = match heap.get(d) {
                Obj::Dict(t) | Obj::Set { d: t, .. } => t,
                Obj::Instance(i) => match i.base {
                    Value::Obj(b) => match heap.get(b) {
                        Obj::Dict(t) | Obj::Set { d: t, .. } => t,
                        _ => return Ok(None),
                    },
                    _ => return Ok(None),
                },
                _ => return Ok(None),
            };
            let mut needs_slow = false;
            let found = tbl.find(h, |k| match simple_eq(heap, *k, key) {
                Some(b) => b,
                None => {
                    needs_slow = true;
                    false
                }
            });
            if found.is_some() || !needs_slow {
                return Ok(found);
            }
        }
        let mut cands = Vec::new();
        match self.heap.get(self.dict_table_ref(d)) {
            Obj::Dict(t) | Obj::Set { d: t, .. } => t.candidates(h, &mut cands),
            _ => return Ok(None),
        }
        for i in cands {
            let k = match self.heap.get(self.dict_table_ref(d)) {
                Obj::Dict(t) | Obj::Set { d: t, .. } => t.entries.get(i).map(|e| e.key),
                _ => None,
            };
            if let Some(k) = k {
                if self.eq(k, key)? {
                    return Ok(Some(i));
                }
            }
        }
        Ok(None)
    }

    /// The object holding the table (a dict subclass instance wraps one).
    pub(crate) fn dict_table_ref(&self, d: ObjRef) -> ObjRef {
        if let Obj::Instance(i) = self.heap.get(d) {
            if let Value::Obj(b) = i.base {
                return b;
            }
        }
        d
    }

    fn table_mut(&mut self, d: ObjRef) -> Option<&mut Dict> {
        let d = self.dict_table_ref(d);
        match self.heap.get_mut(d) {
            Obj::Dict(t) | Obj::Set { d: t, .. } => Some(t),
            _ => None,
        }
    }

    fn table(&self, d: ObjRef) -> Option<&Dict> {
        let d = self.dict_table_ref(d);
        match self.heap.get(d) {
            Obj::Dict(t) | Obj::Set { d: t, .. } => Some(t),
            _ => None,
        }
    }

    pub fn dict_set(&mut self, d: Value, key: Value, v: Value) -> PyResult<()> {
        let Value::Obj(d) = d else { return Ok(()) };
        match self.dict_lookup(d, key)? {
            Some(i) => {
                if let Some(t) = self.table_mut(d) {
                    t.entries.at_mut(i).value = v;
                }
            }
            None => {
                let h = self.hash(key)? as u32;
                let grow = self.table(d).map(|t| t.growth_bytes()).unwrap_or(0);
                self.ensure(grow)?;
                let ok = self
                    .table_mut(d)
                    .map(|t| t.push_new(h, key, v))
                    .unwrap_or(true);
                if !ok {
                    return Err(self.memory_error());
                }
                self.heap.grew(grow);
            }
        }
        Ok(())
    }

    pub fn dict_get(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let Value::Obj(d) = d else { return Ok(None) };
        Ok(self
            .dict_lookup(d, key)?
            .and_then(|i| self.table(d).map(|t| t.entries.at(i).value)))
    }

    pub(crate) fn dict_del(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let Value::Obj(d) = d else { return Ok(None) };
        match self.dict_lookup(d, key)? {
            Some(i) => Ok(self.table_mut(d).map(|t| t.remove_at(i).value)),
            None => Ok(None),
        }
    }

    /// Lookup by an interned-or-not str key (globals, module dicts).
    pub(crate) fn dict_get_str(&self, d: ObjRef, key: Value) -> Option<Value> {
        let t = self.table(d)?;
        let h = self.str_hash(key);
        self.find_name(t, h, key).map(|i| t.entries.at(i).value)
    }

    pub(crate) fn dict_set_str(&mut self, d: ObjRef, key: Value, v: Value) -> PyResult<()> {
        if self.str_of(key).is_none() {
            return self.dict_set(Value::Obj(d), key, v);
        }
        let h = self.str_hash(key);
        let found = {
            let Some(t) = self.table(d) else {
                return Ok(());
            };
            self.find_name(t, h, key)
        };
        match found {
            Some(i) => {
                if let Some(t) = self.table_mut(d) {
                    t.entries.at_mut(i).value = v;
                }
            }
            None => {
                let grow = self.table(d).map(|t| t.growth_bytes()).unwrap_or(0);
                self.ensure(grow)?;
                if let Some(t) = self.table_mut(d) {
                    t.push_new(h, key, v);
                }
                self.heap.grew(grow);
            }
        }
        Ok(())
    }

    pub(crate) fn dict_del_str(&mut self, d: ObjRef, key: Value) -> bool {
        let h = self.str_hash(key);
        let found = match self.table(d) {
            Some(t) => self.find_name(t, h, key),
            None => None,
        };
        match found {
            Some(i) => {
                if let Some(t) = self.table_mut(d) {
                    t.remove_at(i);
                }
                true
            }
            None => false,
        }
    }

    pub(crate) fn load_global(&mut self, g: ObjRef, name: Value) -> PyResult<Value> {
        if let Some(v) = self.dict_get_str(g, name) {
            return Ok(v);
        }
        let b = self.builtins;
        if let Some(v) = self.dict_get_str(b, name) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    pub(crate) fn dict_items(&self, d: Value) -> Vec<(Value, Value)> {
        match d {
            Value::Obj(r) => self
                .table(r)
                .map(|t| t.iter().map(|e| (e.key, e.value)).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    pub(crate) fn dict_update_from(&mut self, d: Value, m: Value, merge: bool) -> PyResult<()> {
        let is_dict = matches!(m, Value::Obj(r) if matches!(self.heap.get(self.dict_table_ref(r)), Obj::Dict(_)));
        if is_dict {
            for (k, v) in self.dict_items(m) {
                if merge && self.dict_get(d, k)?.is_some() {
                    let ks = self.repr(k)?;
                    return Err(
                        self.type_error(format!("got multiple values for keyword argument {}", ks))
                    );
                }
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        let keys_name = self.intern_static("keys");
        if merge || self.get_attr_opt(m, keys_name)?.is_some() {
            let (f, this) = self.load_method(m, keys_name)?;
            let keys = if this.is_undef() {
                self.call_sync(f, &[])?
            } else {
                self.call_sync(f, &[this])?
            };
            let keys = self.collect_iterable(keys)?;
            for k in keys {
                let v = self.get_item(m, k)?;
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        let items = self.collect_iterable(m)?;
        for (i, it) in items.into_iter().enumerate() {
            let kv = self.collect_iterable(it).map_err(|_| {
                self.type_error(format!(
                    "cannot convert dictionary update sequence element #{} to a sequence",
                    i
                ))
            })?;
            let [k, v] = kv[..] else {
                return Err(self.value_error(format!(
                    "dictionary update sequence element #{} has length {}; 2 is required",
                    i,
                    kv.len()
                )));
            };
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    pub(crate) fn dict_eq(&mut self, a: ObjRef, b: ObjRef) -> PyResult<bool> {
        let ia = self.dict_items(Value::Obj(a));
        let lb = self.table(b).map(|t| t.len()).unwrap_or(0);
        if ia.len() != lb {
            return Ok(false);
        }
        for (k, v) in ia {
            match self.dict_get(Value::Obj(b), k)? {
                Some(v2) => {
                    if !self.eq(v, v2)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    // ---- sets ----

    pub fn new_set(&mut self, frozen: bool) -> PyResult<Value> {
        self.alloc(Obj::Set {
            d: Dict::new(),
            frozen,
        })
    }

    pub(crate) fn set_add(&mut self, s: Value, v: Value) -> PyResult<()> {
        let Value::Obj(r) = s else { return Ok(()) };
        if self.dict_lookup(r, v)?.is_none() {
            let h = self.hash(v)? as u32;
            let grow = self.table(r).map(|t| t.growth_bytes()).unwrap_or(0);
            self.ensure(grow)?;
            if let Some(t) = self.table_mut(r) {
                t.push_new(h, v, Value::None);
            }
            self.heap.grew(grow);
        }
        Ok(())
    }

    pub(crate) fn set_contains(&mut self, s: ObjRef, v: Value) -> PyResult<bool> {
        match self.dict_lookup(s, v) {
            Ok(r) => Ok(r.is_some()),
            Err(e) => {
                // `[1] in {1}` is a TypeError in CPython too (unhashable).
                Err(e)
            }
        }
    }

    pub(crate) fn set_items(&self, s: Value) -> Vec<Value> {
        match s {
            Value::Obj(r) => self
                .table(r)
                .map(|t| t.iter().map(|e| e.key).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    pub(crate) fn set_eq(&mut self, a: ObjRef, b: ObjRef) -> PyResult<bool> {
        let ia = self.set_items(Value::Obj(a));
        let lb = self.table(b).map(|t| t.len()).unwrap_or(0);
        if ia.len() != lb {
            return Ok(false);
        }
        for k in ia {
            if !self.set_contains(b, k)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    // ---- lists and tuples ----

    pub(crate) fn list_append(&mut self, l: Value, v: Value) -> PyResult<()> {
        let Value::Obj(r) = l else { return Ok(()) };
        let r = self.dict_table_ref(r);
        let grow = match self.heap.get(r) {
            Obj::List(items) if items.len() == items.capacity() => {
                core::cmp::max(4, items.len()) * 16
            }
            _ => 0,
        };
        if grow > 0 {
            self.ensure(grow)?;
            self.heap.grew(grow);
        }
        if let Obj::List(items) = self.heap.get_mut(r) {
            if items.len() == items.capacity()
                && items.try_reserve(core::cmp::max(4, items.len())).is_err()
            {
                return Err(self.memory_error());
            }
            items.push(v);
        }
        Ok(())
    }

    pub(crate) fn list_extend(&mut self, l: Value, it: Value) -> PyResult<()> {
        let items = self.collect_iterable(it)?;
        self.ensure(items.len() * 16)?;
        let Value::Obj(r) = l else { return Ok(()) };
        let r = self.dict_table_ref(r);
        if let Obj::List(v) = self.heap.get_mut(r) {
            if v.try_reserve(items.len()).is_err() {
                return Err(self.memory_error());
            }
            v.extend(items.iter().copied());
        }
        self.heap.grew(items.len() * 16);
        Ok(())
    }

    pub(crate) fn list_items(&self, l: Value) -> Vec<Value> {
        match l {
            Value::Obj(r) => match self.heap.get(self.dict_table_ref(r)) {
                Obj::List(v) => v.clone(),
                Obj::Tuple(t) => t.to_vec(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    pub fn tuple_items(&self, t: Value) -> Vec<Value> {
        self.list_items(t)
    }

    pub(crate) fn tuple_len(&self, t: Value) -> usize {
        match t {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Tuple(t) => t.len(),
                _ => 0,
            },
            _ => 0,
        }
    }

    pub(crate) fn tuple_item(&self, t: Value, i: usize) -> Value {
        match t {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Tuple(t) => t.get(i).copied().unwrap_or(Value::None),
                _ => Value::None,
            },
            _ => Value::None,
        }
    }

    pub(crate) fn cell_get(&self, c: Value) -> Value {
        match c {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Cell(v) => *v,
                _ => Value::Undef,
            },
            _ => Value::Undef,
        }
    }

    pub(crate) fn cell_set(&mut self, c: Value, v: Value) {
        if let Value::Obj(r) = c {
            if let Obj::Cell(x) = self.heap.get_mut(r) {
                *x = v;
            }
        }
    }

    pub(crate) fn char_str(&mut self, s: &str) -> PyResult<Value> {
        if s.len() == 1 {
            return Ok(self.intern(s));
        }
        self.str_val(s)
    }

    /// OverflowError for an int beyond a machine word where the VM needs
    /// one (`len()` of a huge range, range bounds).
    #[inline(never)]
    pub(crate) fn ssize_overflow(&mut self) -> crate::exc::Exc {
        self.new_error(
            ty::OVERFLOW_ERROR,
            "Python int too large to convert to C ssize_t",
        )
    }

    /// `index_value` without clamping: an int beyond a machine word is an
    /// OverflowError (range bounds are words, as in MicroPython).
    pub(crate) fn index_word(&mut self, v: Value) -> PyResult<i64> {
        let n = self.index_value(v)?;
        let u = self.num_unwrap(v);
        if matches!(u, Value::Obj(_)) && self.as_int_like(u) && self.big_i64(u).is_none() {
            return Err(self.ssize_overflow());
        }
        Ok(n)
    }

    /// An index operand (int, bool, or `__index__`).
    pub(crate) fn index_value(&mut self, v: Value) -> PyResult<i64> {
        let u = self.num_unwrap(v);
        if let Some(i) = self.int_i64(u) {
            return Ok(i);
        }
        // Past i64: clamped by sign (read in place, not copied out).
        if let Value::Obj(b) = u {
            if let Obj::BigInt(x) = self.heap.get(b) {
                return Ok(if x.is_negative() { i64::MIN } else { i64::MAX });
            }
        }
        // A user object with `__index__` (operator.index semantics).
        if matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Obj::Instance(_))) {
            let n = self.intern_static("__index__");
            if let Some(f) = self.lookup_special(v, n) {
                let r = self.call_sync(f, &[v])?;
                let u = self.num_unwrap(r);
                if self.as_int_like(u)
                    && !matches!(r, Value::Obj(o) if matches!(self.heap.get(o), Obj::Instance(_)))
                {
                    return self.index_value(u);
                }
                return Err(self.type_error_of("__index__ returned non-int (type ", r, ")"));
            }
        }
        Err(self.type_error_of("'", v, "' object cannot be interpreted as an integer"))
    }

    pub(crate) fn seq_len(&self, v: Value) -> Option<usize> {
        let Value::Obj(r) = v else { return None };
        Some(match self.heap.get(self.dict_table_ref(r)) {
            Obj::List(l) => l.len(),
            Obj::Tuple(t) => t.len(),
            Obj::Str(s) => s.chars,
            Obj::Bytes(b) | Obj::ByteArray(b) => b.len(),
            Obj::Dict(d) | Obj::Set { d, .. } => d.len(),
            Obj::Range { start, stop, step } => super::range_len(*start, *stop, *step) as usize,
            Obj::MemoryView { len, .. } => *len,
            Obj::DictView { d, .. } => match self.heap.get(self.dict_table_ref(*d)) {
                Obj::Dict(t) => t.len(),
                _ => 0,
            },
            _ => return None,
        })
    }

    /// Item `i` (already normalised or negative) of a list/tuple/str/bytes/range.
    pub(crate) fn seq_get(&mut self, seq: Value, i: i64) -> PyResult<Value> {
        let Value::Obj(r) = seq else {
            return Ok(Value::None);
        };
        let r = self.dict_table_ref(r);
        let idx = self.seq_pos(r, i, false)?;
        match self.heap.get(r) {
            Obj::List(l) => Ok(*l.at(idx)),
            Obj::Tuple(t) => Ok(*t.at(idx)),
            Obj::Bytes(b) | Obj::ByteArray(b) => Ok(Value::Int(Small::from(*b.at(idx)))),
            // Wrapping: `step * idx` may overflow where the element (which
            // lies between start and stop, so fits) does not; the wrapped
            // sum is then still exact (and needs no i128 code).
            Obj::Range { start, step, .. } => {
                let v = start.wrapping_add(step.wrapping_mul(idx as i64));
                self.new_int(v)
            }
            Obj::Str(s) => {
                let off = s.byte_offset(idx);
                let c = crate::substr::sub(&s.s, off..)
                    .chars()
                    .next()
                    .unwrap_or(' ');
                let mut buf = [0u8; 4];
                let cs: &str = c.encode_utf8(&mut buf);
                self.char_str(cs)
            }
            Obj::MemoryView { obj, start, .. } => {
                let (o, s) = (*obj, *start);
                self.seq_get(o, (s + idx) as i64)
            }
            _ => Ok(Value::None),
        }
    }

    /// Index `i` (negative counts from the end) of sequence `r` made a
    /// position, or CPython's IndexError; `store` is a set/del's wording.
    fn seq_pos(&mut self, r: ObjRef, i: i64, store: bool) -> PyResult<usize> {
        let len = self.seq_len(Value::Obj(r)).unwrap_or(0) as i64;
        let j = if i < 0 { i + len } else { i };
        if j < 0 || j >= len {
            return Err(self.index_range_error(r, store));
        }
        Ok(j as usize)
    }

    #[inline(never)]
    fn index_range_error(&mut self, r: ObjRef, store: bool) -> crate::exc::Exc {
        let msg = match self.heap.get(r) {
            Obj::List(_) if store => "list assignment index out of range",
            Obj::ByteArray(_) => "bytearray index out of range",
            Obj::List(_) => "list index out of range",
            Obj::Tuple(_) => "tuple index out of range",
            Obj::Str(_) => "string index out of range",
            Obj::Range { .. } => "range object index out of range",
            Obj::MemoryView { .. } => "index out of bounds on dimension 1",
            _ => "index out of range",
        };
        self.new_error(ty::INDEX_ERROR, msg)
    }

    /// A subscript of sequence `r` as an int, as CPython takes it: ints,
    /// bools and `__index__` objects; ints beyond i64 are an IndexError,
    /// anything else the sequence's TypeError.
    fn subscript_int(&mut self, r: ObjRef, idx: Value) -> PyResult<i64> {
        let u = self.num_unwrap(idx);
        if let Some(i) = self.int_i64(u) {
            return Ok(i);
        }
        match u {
            Value::Obj(b) if matches!(self.heap.get(b), Obj::BigInt(_)) => Err(self.new_error(
                ty::INDEX_ERROR,
                "cannot fit 'int' into an index-sized integer",
            )),
            Value::Obj(o)
                if matches!(self.heap.get(o), Obj::Instance(_)) && {
                    let n = self.intern_static("__index__");
                    self.lookup_special(idx, n).is_some()
                } =>
            {
                self.index_value(idx)
            }
            _ => Err(self.indices_error(Value::Obj(r), idx)),
        }
    }

    /// The slice object `idx` is, if it is one.
    fn as_slice(&self, idx: Value) -> Option<ObjRef> {
        match idx {
            Value::Obj(r) if matches!(self.heap.get(r), Obj::Slice(_)) => Some(r),
            _ => None,
        }
    }

    pub(crate) fn get_item(&mut self, obj: Value, idx: Value) -> PyResult<Value> {
        if let Value::Obj(r) = obj {
            let r2 = self.dict_table_ref(r);
            let is_inst = matches!(self.heap.get(r), Obj::Instance(_));
            if is_inst {
                let n = self.intern_static("__getitem__");
                if let Some(f) = self.lookup_special(obj, n) {
                    if !matches!(f, Value::Native(_)) {
                        return self.call_sync(f, &[obj, idx]);
                    }
                }
            }
            match self.heap.get(r2) {
                Obj::List(_)
                | Obj::Tuple(_)
                | Obj::Str(_)
                | Obj::Bytes(_)
                | Obj::ByteArray(_)
                | Obj::Range { .. }
                | Obj::MemoryView { .. } => {
                    if let Some(ir) = self.as_slice(idx) {
                        return self.get_slice(Value::Obj(r2), ir);
                    }
                    let i = self.subscript_int(r2, idx)?;
                    return self.seq_get(Value::Obj(r2), i);
                }
                Obj::Dict(_) => {
                    return match self.dict_get(Value::Obj(r2), idx)? {
                        Some(v) => Ok(v),
                        None => {
                            if is_inst {
                                let n = self.intern_static("__missing__");
                                if let Some(f) = self.lookup_special(obj, n) {
                                    return self.call_sync(f, &[obj, idx]);
                                }
                            }
                            Err(self.new_exception(ty::KEY_ERROR, &[idx]))
                        }
                    };
                }
                Obj::Class(_) => {
                    let n = self.intern_static("__class_getitem__");
                    if let Some(f) = self.class_lookup(r, n) {
                        return self.call_sync(f, &[obj, idx]);
                    }
                    let name = self.class_name(r);
                    return Err(self.type_error(format!("type '{}' is not subscriptable", name)));
                }
                _ => {}
            }
        }
        Err(self.type_error_of("'", obj, "' object is not subscriptable"))
    }

    pub(crate) fn set_item(&mut self, obj: Value, idx: Value, v: Value) -> PyResult<()> {
        if let Value::Obj(r) = obj {
            if matches!(self.heap.get(r), Obj::Instance(_)) {
                let n = self.intern_static("__setitem__");
                if let Some(f) = self.lookup_special(obj, n) {
                    if !matches!(f, Value::Native(_)) {
                        self.call_sync(f, &[obj, idx, v])?;
                        return Ok(());
                    }
                }
            }
            let r2 = self.dict_table_ref(r);
            match self.heap.get(r2) {
                Obj::Dict(_) => return self.dict_set(Value::Obj(r2), idx, v),
                Obj::List(_) | Obj::ByteArray(_) => {
                    if let Some(ir) = self.as_slice(idx) {
                        return self.set_slice(Value::Obj(r2), ir, v);
                    }
                    let i = self.subscript_int(r2, idx)?;
                    let j = self.seq_pos(r2, i, true)?;
                    let byte = if let Obj::ByteArray(_) = self.heap.get(r2) {
                        self.byte_value(v)?
                    } else {
                        0
                    };
                    match self.heap.get_mut(r2) {
                        Obj::List(l) => *l.at_mut(j) = v,
                        Obj::ByteArray(b) => *b.at_mut(j) = byte,
                        _ => {}
                    }
                    return Ok(());
                }
                Obj::MemoryView {
                    obj: o, start, len, ..
                } => {
                    let (o, s, l) = (*o, *start, *len);
                    return crate::builtins::list_methods::memoryview_set(self, o, s, l, idx, v);
                }
                _ => {}
            }
        }
        Err(self.type_error_of("'", obj, "' object does not support item assignment"))
    }

    /// A subscript of sequence `seq` that is not an index.
    #[inline(never)]
    fn indices_error(&mut self, seq: Value, idx: Value) -> crate::exc::Exc {
        let t = self.type_name(seq);
        if t == "str" {
            return self.type_error_of("string indices must be integers, not '", idx, "'");
        }
        let mut m = t;
        m.push_str(" indices must be integers or slices, not ");
        m.push_str(&self.type_name(idx));
        self.type_error(m)
    }

    pub(crate) fn byte_value(&mut self, v: Value) -> PyResult<u8> {
        let i = self.index_value(v)?;
        if !(0..256).contains(&i) {
            return Err(self.value_err("byte must be in range(0, 256)"));
        }
        Ok(i as u8)
    }

    pub(crate) fn del_item(&mut self, obj: Value, idx: Value) -> PyResult<()> {
        if let Value::Obj(r) = obj {
            if matches!(self.heap.get(r), Obj::Instance(_)) {
                let n = self.intern_static("__delitem__");
                if let Some(f) = self.lookup_special(obj, n) {
                    if !matches!(f, Value::Native(_)) {
                        self.call_sync(f, &[obj, idx])?;
                        return Ok(());
                    }
                }
            }
            let r2 = self.dict_table_ref(r);
            match self.heap.get(r2) {
                Obj::Dict(_) => {
                    return match self.dict_del(Value::Obj(r2), idx)? {
                        Some(_) => Ok(()),
                        None => Err(self.new_exception(ty::KEY_ERROR, &[idx])),
                    };
                }
                Obj::List(_) | Obj::ByteArray(_) => {
                    if let Some(ir) = self.as_slice(idx) {
                        return self.del_slice(Value::Obj(r2), ir);
                    }
                    let i = self.subscript_int(r2, idx)?;
                    let j = self.seq_pos(r2, i, true)?;
                    match self.heap.get_mut(r2) {
                        Obj::List(l) => {
                            l.remove_at(j);
                        }
                        Obj::ByteArray(b) => {
                            b.remove_at(j);
                        }
                        _ => {}
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        Err(self.type_error_of("'", obj, "' object doesn't support item deletion"))
    }

    /// `needle in container`.
    pub(crate) fn contains(&mut self, container: Value, needle: Value) -> PyResult<bool> {
        if let Value::Obj(r) = container {
            if matches!(self.heap.get(r), Obj::Instance(_)) {
                let n = self.intern_static("__contains__");
                if let Some(f) = self.lookup_special(container, n) {
                    if !matches!(f, Value::Native(_)) {
                        let v = self.call_sync(f, &[container, needle])?;
                        return self.truthy(v);
                    }
                }
            }
            let r2 = self.dict_table_ref(r);
            match self.heap.get(r2) {
                Obj::Dict(_) | Obj::Set { .. } => {
                    return Ok(self.dict_lookup(r2, needle)?.is_some())
                }
                Obj::DictView { .. } => {
                    return crate::builtins::dict_methods::view_contains(self, r2, needle)
                }
                Obj::Str(s) => {
                    return match self.str_of(needle) {
                        Some(n) => Ok(Finder::new(n.as_bytes()).find(s.s.as_bytes()).is_some()),
                        None => Err(self.type_error_of(
                            "'in <string>' requires string as left operand, not ",
                            needle,
                            "",
                        )),
                    };
                }
                Obj::Bytes(hay) | Obj::ByteArray(hay) => {
                    if let Value::Int(i) = needle {
                        return Ok(hay.iter().any(|&x| x as i64 == wide(i)));
                    }
                    let n = self.bytes_of(needle).unwrap_or_default();
                    return Ok(Finder::new(&n).find(hay).is_some());
                }
                &Obj::Range { start, stop, step } => {
                    let u = self.num_unwrap(needle);
                    let bounds = (start, stop, step);
                    if let Some(k) = super::list_methods::range_int_pos(self, bounds, u) {
                        return Ok(k.is_some());
                    }
                }
                Obj::List(_) | Obj::Tuple(_) => {
                    // A copy: `__eq__` may mutate the list.
                    let items = self.list_items(Value::Obj(r2));
                    return self.any_eq(&items, needle);
                }
                _ => {}
            }
        }
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(_) => {
                return Err(self.type_error_of(
                    "argument of type '",
                    container,
                    "' is not iterable",
                ));
            }
        };
        self.temp_roots.push(it);
        let r = loop {
            match self.next_sync(it) {
                Ok(Some(x)) => match self.eq(x, needle) {
                    Ok(true) => break Ok(true),
                    Ok(false) => {}
                    Err(e) => break Err(e),
                },
                Ok(None) => break Ok(false),
                Err(e) => break Err(e),
            }
        };
        self.temp_roots.pop();
        r
    }

    /// Is any of `items` (rooted meanwhile) equal to `x`?
    pub(crate) fn any_eq(&mut self, items: &[Value], x: Value) -> PyResult<bool> {
        let mark = self.temp_roots.len();
        self.temp_roots.extend_from_slice(items);
        let mut r = Ok(false);
        for &v in items {
            match self.eq(v, x) {
                Ok(false) => continue,
                e => r = e,
            }
            break;
        }
        self.temp_roots.truncate(mark);
        r
    }

    pub(crate) fn bytes_of(&self, v: Value) -> Option<Vec<u8>> {
        let Value::Obj(r) = v else { return None };
        match self.heap.get(self.dict_table_ref(r)) {
            Obj::Bytes(b) | Obj::ByteArray(b) => Some(b.clone()),
            Obj::MemoryView { obj, start, len } => {
                let b = self.bytes_of(*obj)?;
                Some(b.get(*start..*start + *len)?.to_vec())
            }
            _ => None,
        }
    }

    pub(crate) fn is_str(&self, v: Value) -> bool {
        self.str_of(v).is_some()
    }

    pub(crate) fn is_list_like(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Obj::List(_)))
    }

    pub(crate) fn new_tuple(&mut self, items: Vec<Value>) -> PyResult<Value> {
        self.alloc(Obj::Tuple(items.into_boxed_slice()))
    }

    pub(crate) fn new_list(&mut self, items: Vec<Value>) -> PyResult<Value> {
        self.ensure(items.len() * 16)?;
        self.alloc(Obj::List(items))
    }

    pub(crate) fn new_pair(&mut self, a: Value, b: Value) -> PyResult<Value> {
        self.alloc(Obj::Tuple(Box::new([a, b])))
    }
}

/// Equality of simple keys with heap read access only; None when Python
/// code might be needed.
fn simple_eq(heap: &crate::heap::Heap, a: Value, b: Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Obj(x), Value::Obj(y)) => {
            if x == y {
                return Some(true);
            }
            match (heap.get(x), heap.get(y)) {
                (Obj::Str(p), Obj::Str(q)) => Some(p.s == q.s),
                (Obj::Bytes(p), Obj::Bytes(q)) => Some(p == q),
                (Obj::BigInt(p), Obj::BigInt(q)) => Some(p == q),
                (Obj::Instance(_), _)
                | (_, Obj::Instance(_))
                | (Obj::Tuple(_), _)
                | (_, Obj::Tuple(_)) => None,
                (Obj::Set { frozen: true, .. }, Obj::Set { frozen: true, .. }) => None,
                _ => Some(false),
            }
        }
        (Value::Obj(x), _) | (_, Value::Obj(x)) => match heap.get(x) {
            Obj::Instance(_) | Obj::BigInt(_) => None,
            _ => Some(false),
        },
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::None, Value::None) => Some(true),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        (
            Value::Int(_) | Value::Float(_) | Value::Bool(_),
            Value::Int(_) | Value::Float(_) | Value::Bool(_),
        ) => None,
        _ => Some(a.is(b)),
    }
}
