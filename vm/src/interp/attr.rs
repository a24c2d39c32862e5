//! Attribute lookup: instances, classes (MRO walk), modules, builtin values,
//! descriptors (property, classmethod, staticmethod), `__getattr__`,
//! `__setattr__`, and `super()`.

use crate::at::At;
use crate::types::ty;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::ToString;
use alloc::vec::Vec;

use crate::heap::ObjRef;
use crate::objects::dict::Dict;
use crate::objects::func::Layout;
use crate::objects::Obj;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Vm};

/// Attributes answered outside any dict (see `Vm::dunder_no`).
const DUNDERS: [&str; 10] = [
    "__class__",
    "__dict__",
    "__name__",
    "__qualname__",
    "__self__",
    "__func__",
    "__module__",
    "__doc__",
    "__mro__",
    "__bases__",
];
const D_CLASS: usize = 0;
const D_DICT: usize = 1;
const D_NAME: usize = 2;
const D_QUALNAME: usize = 3;
const D_SELF: usize = 4;
const D_FUNC: usize = 5;
const D_MODULE: usize = 6;
const D_DOC: usize = 7;
const D_MRO: usize = 8;
const D_BASES: usize = 9;

/// Result of an attribute load that may need a Python call (a property
/// getter): `Call(f, this)` means "the attribute is f(this)".
pub enum Got {
    Value(Value),
    Call(Value, Value),
}

impl Vm {
    /// `intern` for string literals, cached by the literal's address: the
    /// dunder names looked up on every operator, call and attribute store
    /// would otherwise be hashed and searched each time. Interned strs are
    /// never freed, so a cached value stays valid.
    pub(crate) fn intern_static(&mut self, s: &'static str) -> Value {
        let key = s.as_ptr() as usize;
        let slot = (key >> 3) & (STATIC_NAME_CACHE - 1);
        let (k, len, v) = self.static_names[slot];
        if k == key && len == s.len() {
            return v;
        }
        let v = self.intern(s);
        self.static_names[slot] = (key, s.len(), v);
        v
    }

    /// The class of any value.
    pub fn class_of(&self, v: Value) -> ObjRef {
        match v {
            Value::None | Value::Undef => ty::NONE_TYPE,
            Value::Bool(_) => ty::BOOL,
            Value::Int(_) => ty::INT,
            Value::Float(_) => ty::FLOAT,
            Value::NotImplemented => ty::NOT_IMPLEMENTED_TYPE,
            Value::Ellipsis => ty::ELLIPSIS_TYPE,
            Value::Native(_) => ty::BUILTIN_FUNCTION,
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(_) => ty::STR,
                Obj::Bytes(_) => ty::BYTES,
                Obj::ByteArray(_) => ty::BYTEARRAY,
                Obj::BigInt(_) => ty::INT,
                Obj::List(_) => ty::LIST,
                Obj::Tuple(_) => ty::TUPLE,
                Obj::Dict(_) => ty::DICT,
                Obj::Set { frozen: false, .. } => ty::SET,
                Obj::Set { frozen: true, .. } => ty::FROZENSET,
                Obj::Range { .. } => ty::RANGE,
                Obj::Slice(_) => ty::SLICE,
                Obj::Func(_) => ty::FUNCTION,
                Obj::Class(_) => ty::TYPE,
                Obj::Instance(i) => i.class,
                Obj::BoundMethod { .. } => ty::BOUND_METHOD,
                Obj::Cell(_) => ty::CELL,
                Obj::Module { .. } => ty::MODULE,
                Obj::Exception(e) => e.class,
                Obj::Generator(g) => {
                    if g.kind == crate::objects::GenKind::Coroutine {
                        ty::COROUTINE
                    } else {
                        ty::GENERATOR
                    }
                }
                Obj::Property(_) => ty::PROPERTY,
                Obj::ClassMethod(_) => ty::CLASSMETHOD,
                Obj::StaticMethod(_) => ty::STATICMETHOD,
                Obj::Super { .. } => ty::SUPER,
                Obj::Iter(_) => ty::ITERATOR,
                Obj::MemoryView { .. } => ty::MEMORYVIEW,
                Obj::Code(_) => ty::CODE,
                Obj::DictView { part, .. } => match part {
                    crate::objects::iter::DictPart::Keys => ty::DICT_KEYS,
                    crate::objects::iter::DictPart::Values => ty::DICT_VALUES,
                    crate::objects::iter::DictPart::Items => ty::DICT_ITEMS,
                },
                Obj::Free(_) => ty::NONE_TYPE,
            },
        }
    }

    pub fn class_name(&self, cls: ObjRef) -> alloc::string::String {
        match self.heap.get(cls) {
            Obj::Class(c) => self.str_of(c.name).unwrap_or("?").into(),
            _ => "?".into(),
        }
    }

    pub fn type_name(&self, v: Value) -> alloc::string::String {
        if let Value::Obj(r) = v {
            if let Obj::Iter(it) = self.heap.get(r) {
                // One `iterator` class serves every builtin iteration; its
                // messages and repr use CPython's per-kind names.
                if let Some(n) = self.iter_kind_name(it) {
                    return alloc::string::String::from(n);
                }
            }
        }
        self.class_name(self.class_of(v))
    }

    fn iter_kind_name(&self, it: &crate::objects::IterState) -> Option<&'static str> {
        use crate::objects::iter::DictPart;
        use crate::objects::IterState as I;
        let kind_of = |v: Value| match v {
            Value::Obj(r) => Some(self.heap.get(r)),
            _ => None,
        };
        Some(match it {
            I::Seq { seq, .. } => match kind_of(*seq)? {
                Obj::List(_) => "list_iterator",
                Obj::Tuple(_) => "tuple_iterator",
                Obj::Bytes(_) => "bytes_iterator",
                Obj::ByteArray(_) => "bytearray_iterator",
                _ => return None,
            },
            I::Str { s, .. } => match self.heap.get(*s) {
                Obj::Str(p) if p.s.is_ascii() => "str_ascii_iterator",
                _ => "str_iterator",
            },
            I::Range { .. } => "range_iterator",
            I::Dict { d, part, .. } => match (self.heap.get(*d), part) {
                (Obj::Set { .. }, _) => "set_iterator",
                (_, DictPart::Keys) => "dict_keyiterator",
                (_, DictPart::Values) => "dict_valueiterator",
                (_, DictPart::Items) => "dict_itemiterator",
            },
            I::Enumerate { .. } => "enumerate",
            I::Zip { .. } => "zip",
            I::Map { .. } => "map",
            I::Reversed { seq, .. } => match kind_of(*seq) {
                Some(Obj::List(_)) => "list_reverseiterator",
                _ => "reversed",
            },
            I::Call { .. } => "callable_iterator",
            I::Done => return None,
        })
    }

    /// Look `name` up along `cls`'s MRO.
    pub(crate) fn class_lookup(&self, cls: ObjRef, name: Value) -> Option<Value> {
        // A direct-mapped cache of (class, name) -> result, valid while
        // `class_epoch` is unchanged (any class dict change, class creation
        // or collection bumps it). Lookups of `self.x` and methods walk the
        // MRO otherwise: that was ~20% of attribute-heavy code.
        let key = match name {
            Value::Obj(n) => Some(n.0),
            _ => None,
        };
        if let Some(n) = key {
            let slot = self
                .attr_cache
                .at(cache_index(cls.0, n, self.attr_cache.len()));
            let (c, k, epoch, v) = slot.get();
            if c == cls.0 && k == n && epoch == self.class_epoch {
                return v;
            }
        }
        let r = self.class_lookup_uncached(cls, name);
        if let Some(n) = key {
            self.attr_cache
                .at(cache_index(cls.0, n, self.attr_cache.len()))
                .set((cls.0, n, self.class_epoch, r));
        }
        r
    }

    fn class_lookup_uncached(&self, cls: ObjRef, name: Value) -> Option<Value> {
        let Obj::Class(c) = self.heap.get(cls) else {
            return None;
        };
        let h = self.str_hash(name);
        c.mro.iter().find_map(|&m| self.class_own(m, name, h))
    }

    /// `name` (hash `h`) in class `m`'s own namespace: its dict, then its
    /// native methods.
    pub(crate) fn class_own(&self, m: ObjRef, name: Value, h: u32) -> Option<Value> {
        let Obj::Class(mc) = self.heap.get(m) else {
            return None;
        };
        if let Some(i) = self.find_name(&mc.dict, h, name) {
            return Some(mc.dict.entries.at(i).value);
        }
        if mc.natives[0].1 == 0 {
            return None;
        }
        self.class_native(m, self.str_of(name)?)
    }

    /// Invalidate every cached class lookup.
    #[inline]
    pub(crate) fn classes_changed(&mut self) {
        self.class_epoch = self.class_epoch.wrapping_add(1);
    }

    /// Does `cls` (before any builtin base) define `a` but not `b`?
    pub(crate) fn class_defines_without(&self, cls: ObjRef, a: Value, b: Value) -> bool {
        let Obj::Class(c) = self.heap.get(cls) else {
            return false;
        };
        for &m in &c.mro {
            if self.is_builtin_class(m) {
                return false;
            }
            if let Obj::Class(mc) = self.heap.get(m) {
                let ha = self.str_hash(a);
                let hb = self.str_hash(b);
                let has_a = self.find_name(&mc.dict, ha, a).is_some();
                let has_b = self.find_name(&mc.dict, hb, b).is_some();
                if has_b {
                    return false;
                }
                if has_a {
                    return true;
                }
            }
        }
        false
    }

    pub(crate) fn str_hash(&self, v: Value) -> u32 {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(s) => s.hash(),
                _ => 0,
            },
            _ => 0,
        }
    }

    /// The entry of `d` whose key is the str `name` (hash `h`). One shared
    /// copy of the probe loop: `Dict::find` inlined at each of the name
    /// lookups cost ~150 bytes apiece on the firmware.
    #[inline(never)]
    pub(crate) fn find_name(&self, d: &Dict, h: u32, name: Value) -> Option<usize> {
        d.find(h, |k| k.is(name) || self.str_eq(*k, name))
    }

    pub(crate) fn str_eq(&self, a: Value, b: Value) -> bool {
        match (self.str_of(a), self.str_of(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    }

    /// A special method looked up on the type (not the instance), as
    /// Python does for operators. Returns a callable taking self first.
    pub(crate) fn lookup_special(&mut self, v: Value, name: Value) -> Option<Value> {
        let cls = self.class_of(v);
        if self.is_builtin_class(cls) {
            // Builtin types' own operators are native fast paths; only
            // methods that exist in their dicts are found here.
            return self
                .class_lookup(cls, name)
                .filter(|f| !matches!(f, Value::Native(_)) || self.native_is_special(*f));
        }
        let f = self.class_lookup(cls, name)?;
        if let Value::Native(_) = f {
            // Inherited native dunders of builtin bases apply to the wrapped value.
            return Some(f);
        }
        Some(self.unwrap_staticmethod(f))
    }

    fn native_is_special(&self, _f: Value) -> bool {
        true
    }

    pub(crate) fn get_attr(&mut self, obj: Value, name: Value) -> PyResult<Got> {
        match self.get_attr_opt(obj, name)? {
            Some(g) => Ok(g),
            None => Err(self.attr_error(obj, name)),
        }
    }

    /// Attribute lookup; Ok(None) when missing (for getattr with default / hasattr).
    pub(crate) fn get_attr_opt(&mut self, obj: Value, name: Value) -> PyResult<Option<Got>> {
        if let Value::Obj(r) = obj {
            match self.heap.get(r) {
                Obj::Module { dict, .. } => {
                    let d = *dict;
                    return Ok(self.dict_get_str(d, name).map(Got::Value));
                }
                Obj::Class(_) => return self.class_getattr(r, name),
                Obj::Super { class, this } => {
                    let (class, this) = (*class, *this);
                    return self.super_getattr(class, this, name);
                }
                _ => {}
            }
        }
        let cls = self.class_of(obj);
        // A builtin type's special method (`[].__len__`), unless a class
        // before it on the MRO defines the name.
        if let Some(slot) = self.slot_find(cls, name) {
            if let Some(v) = self.instance_attr(obj, name) {
                return Ok(Some(Got::Value(v)));
            }
            return Ok(Some(Got::Value(self.slot_value(slot, Some(obj))?)));
        }
        let cattr = self.class_lookup(cls, name);
        // Data descriptors (property) win over the instance dict.
        if let Some(Value::Obj(pr)) = cattr {
            if let Obj::Property(p) = self.heap.get(pr) {
                let g = p.get;
                if g.is_none() {
                    let ae = ty::ATTRIBUTE_ERROR;
                    return Err(self.error_naming(ae, "property '", name, "' has no getter"));
                }
                return Ok(Some(Got::Call(g, obj)));
            }
        }
        if let Some(v) = self.instance_attr(obj, name) {
            return Ok(Some(Got::Value(v)));
        }
        if let Some(a) = cattr {
            return Ok(Some(Got::Value(self.bind(a, obj, cls)?)));
        }
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(Some(Got::Value(v)));
        }
        // __getattr__ fallback.
        let ga = self.intern_static("__getattr__");
        if let Some(f) = self.class_lookup(cls, ga) {
            if !matches!(f, Value::Native(_)) {
                let v = self.call_sync(f, &[obj, name])?;
                return Ok(Some(Got::Value(v)));
            }
        }
        Ok(None)
    }

    fn instance_attr(&self, obj: Value, name: Value) -> Option<Value> {
        let Value::Obj(r) = obj else { return None };
        let h = self.str_hash(name);
        let d = match self.heap.get(r) {
            Obj::Instance(i) => &i.dict,
            Obj::Exception(e) => &e.dict,
            Obj::Func(f) => match f.attrs {
                Value::Obj(d) => match self.heap.get(d) {
                    Obj::Dict(d) => d,
                    _ => return None,
                },
                _ => return None,
            },
            _ => return None,
        };
        self.find_name(d, h, name).map(|i| d.entries.at(i).value)
    }

    /// Bind a class attribute found for `obj`: functions become bound
    /// methods, classmethods bind the class, staticmethods unwrap.
    pub(crate) fn bind(&mut self, a: Value, obj: Value, cls: ObjRef) -> PyResult<Value> {
        match a {
            Value::Native(_) => {
                if let Value::Obj(r) = obj {
                    if matches!(self.heap.get(r), Obj::Class(_)) {
                        return Ok(a);
                    }
                }
                self.alloc(Obj::BoundMethod { this: obj, func: a })
            }
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Func(_) => self.alloc(Obj::BoundMethod { this: obj, func: a }),
                Obj::ClassMethod(f) => {
                    let f = *f;
                    self.alloc(Obj::BoundMethod {
                        this: Value::Obj(cls),
                        func: f,
                    })
                }
                Obj::StaticMethod(f) => Ok(*f),
                _ => Ok(a),
            },
            _ => Ok(a),
        }
    }

    fn class_getattr(&mut self, cls: ObjRef, name: Value) -> PyResult<Option<Got>> {
        if let Some(slot) = self.slot_find(cls, name) {
            return Ok(Some(Got::Value(self.slot_value(slot, None)?)));
        }
        if let Some(a) = self.class_lookup(cls, name) {
            // A function stays plain on its class; `bind` does the rest
            // (a classmethod binds the class, a staticmethod unwraps).
            if matches!(a, Value::Obj(r) if matches!(self.heap.get(r), Obj::Func(_))) {
                return Ok(Some(Got::Value(a)));
            }
            return Ok(Some(Got::Value(self.bind(a, Value::Obj(cls), cls)?)));
        }
        let v = match self.dunder_no(name) {
            Some(D_NAME | D_QUALNAME) => match self.heap.get(cls) {
                Obj::Class(c) => c.name,
                _ => Value::None,
            },
            Some(D_MODULE) => match self.heap.get(cls) {
                Obj::Class(c) => c.module,
                _ => Value::None,
            },
            Some(k @ (D_MRO | D_BASES)) => {
                let b = match self.heap.get(cls) {
                    Obj::Class(c) => {
                        let l = if k == D_MRO { &c.mro } else { &c.bases };
                        l.iter().map(|&m| Value::Obj(m)).collect::<Vec<_>>()
                    }
                    _ => Vec::new(),
                };
                self.alloc(Obj::Tuple(b.into_boxed_slice()))?
            }
            Some(D_DICT) => {
                // The builtin methods first: the class's own entries override.
                let natives: Vec<(&'static str, Value)> = self.class_natives(cls).collect();
                let mut pairs = Vec::new();
                for (n, v) in natives {
                    pairs.push((self.intern(n), v));
                }
                if let Obj::Class(c) = self.heap.get(cls) {
                    pairs.extend(c.dict.iter().map(|e| (e.key, e.value)));
                }
                self.dict_from_pairs(pairs)?
            }
            Some(D_CLASS) => Value::Obj(ty::TYPE),
            _ => {
                // Methods of `type` itself (e.g. `C.mro`) are not modelled.
                return Ok(None);
            }
        };
        Ok(Some(Got::Value(v)))
    }

    /// Attributes every object has that are not in a dict.
    fn special_attr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let Some(k) = self.dunder_no(name) else {
            return self.value_attr(obj, name);
        };
        Ok(Some(match k {
            D_CLASS => Value::Obj(self.class_of(obj)),
            D_DICT => {
                let entries: Vec<(Value, Value)> = match obj {
                    Value::Obj(r) => match self.heap.get(r) {
                        Obj::Instance(i) => i.dict.iter().map(|e| (e.key, e.value)).collect(),
                        Obj::Exception(e) => e.dict.iter().map(|e| (e.key, e.value)).collect(),
                        _ => return Ok(None),
                    },
                    _ => return Ok(None),
                };
                self.dict_from_pairs(entries)?
            }
            D_NAME | D_QUALNAME => match obj {
                Value::Native(i) => {
                    let n = self.natives.at(i as usize).name;
                    self.intern(n)
                }
                Value::Obj(r) => match self.heap.get(r) {
                    Obj::Func(f) => {
                        if k == D_NAME {
                            f.name
                        } else {
                            f.qualname
                        }
                    }
                    Obj::Generator(g) => g.name,
                    Obj::BoundMethod { func, .. } => {
                        let f = *func;
                        if let Some(n) = self.slot_name(obj, k == D_QUALNAME)? {
                            return Ok(Some(n));
                        }
                        return self.special_attr(f, name);
                    }
                    _ => return Ok(None),
                },
                _ => return Ok(None),
            },
            D_SELF => match obj {
                Value::Obj(r) => match self.heap.get(r) {
                    Obj::BoundMethod { this, .. } => *this,
                    _ => return Ok(None),
                },
                _ => return Ok(None),
            },
            D_FUNC => match obj {
                Value::Obj(r) => match self.heap.get(r) {
                    Obj::BoundMethod { func, .. } => *func,
                    _ => return Ok(None),
                },
                _ => return Ok(None),
            },
            D_MODULE => match obj {
                Value::Obj(r) => match self.heap.get(r) {
                    Obj::Func(f) => {
                        let g = f.globals;
                        let n = self.intern_static("__name__");
                        self.dict_get_str(g, n).unwrap_or(Value::None)
                    }
                    _ => return Ok(None),
                },
                _ => return Ok(None),
            },
            D_DOC => Value::None,
            _ => return self.value_attr(obj, name),
        }))
    }

    /// The position of `name` in [`DUNDERS`]: one table walk instead of a
    /// string `match` in each of `special_attr` and `class_getattr`.
    fn dunder_no(&self, name: Value) -> Option<usize> {
        let s = self.str_of(name)?;
        DUNDERS.iter().position(|d| *d == s)
    }

    /// A fresh dict holding `pairs` in order (a `__dict__` snapshot).
    fn dict_from_pairs(&mut self, pairs: Vec<(Value, Value)>) -> PyResult<Value> {
        let d = self.new_dict()?;
        for (k, v) in pairs {
            self.dict_set(d, k, v)?;
        }
        Ok(d)
    }

    /// "'T' object has no attribute 'x'" (module and type objects say so).
    fn no_attr_msg(&self, obj: Value, name: Value) -> alloc::string::String {
        let named = |v: Value| alloc::string::String::from(self.str_of(v).unwrap_or("?"));
        let (pre, who, post) = match obj {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Module { name: mn, .. } => ("module ", named(*mn), ""),
                Obj::Class(c) => ("type object ", named(c.name), ""),
                _ => ("", self.type_name(obj), " object"),
            },
            _ => ("", self.type_name(obj), " object"),
        };
        let n = self.str_of(name).unwrap_or("?");
        format!("{}'{}'{} has no attribute '{}'", pre, who, post, n)
    }

    pub(crate) fn attr_error(&mut self, obj: Value, name: Value) -> Exc {
        let msg = self.no_attr_msg(obj, name);
        let e = self.new_error(ty::ATTRIBUTE_ERROR, &msg);
        // CPython's `AttributeError.name` and `.obj`: the traceback's
        // "Did you mean" searches `dir(obj)`.
        // Setting the attributes may raise (MemoryError), overwriting the
        // pending exception: take it out, rooted across the allocations,
        // and raise it again after.
        #[cfg(feature = "suggestions")]
        {
            let e = self.exc_ref(e);
            if e != self.memory_error_obj {
                self.temp_roots.push(Value::Obj(e));
                let k = self.intern_static("name");
                let _ = self.set_attr_direct(Value::Obj(e), k, name);
                let k = self.intern_static("obj");
                let _ = self.set_attr_direct(Value::Obj(e), k, obj);
                self.temp_roots.pop();
            }
            self.raise(e)
        }
        #[cfg(not(feature = "suggestions"))]
        e
    }

    /// `obj.name(...)` without allocating a bound method: returns
    /// (function, self) or (callable, Undef).
    pub(crate) fn load_method(&mut self, obj: Value, name: Value) -> PyResult<(Value, Value)> {
        let is_plain = match obj {
            Value::Obj(r) => !matches!(
                self.heap.get(r),
                Obj::Module { .. } | Obj::Class(_) | Obj::Super { .. }
            ),
            _ => true,
        };
        if is_plain {
            let cls = self.class_of(obj);
            if let Some(a) = self.class_lookup(cls, name) {
                let plain_fn = match a {
                    Value::Native(_) => true,
                    Value::Obj(r) => matches!(self.heap.get(r), Obj::Func(_)),
                    _ => false,
                };
                // A native found may be an `object` method that a builtin
                // type's slot method overrides (`S.__eq__` of a str subclass).
                let slot = matches!(a, Value::Native(_)) && self.slot_find(cls, name).is_some();
                if plain_fn && !slot && self.instance_attr(obj, name).is_none() {
                    return Ok((a, obj));
                }
            }
        }
        match self.get_attr(obj, name)? {
            Got::Value(v) => Ok((v, Value::Undef)),
            Got::Call(f, this) => {
                let v = self.call_sync(f, &[this])?;
                Ok((v, Value::Undef))
            }
        }
    }

    /// Store an attribute. Returns Some((f, args)) when a Python function
    /// (property setter, `__setattr__`) must be called to do it.
    pub(crate) fn set_attr(
        &mut self,
        obj: Value,
        name: Value,
        v: Value,
    ) -> PyResult<Option<(Value, Vec<Value>)>> {
        let cls = self.class_of(obj);
        if let Value::Obj(r) = obj {
            if !matches!(self.heap.get(r), Obj::Class(_) | Obj::Module { .. }) {
                if let Some(Value::Obj(pr)) = self.class_lookup(cls, name) {
                    if let Obj::Property(p) = self.heap.get(pr) {
                        let s = p.set;
                        if s.is_none() {
                            let n = self.str_of(name).unwrap_or("").to_string();
                            return Err(self.new_error(
                                ty::ATTRIBUTE_ERROR,
                                &format!(
                                    "property '{}' of '{}' object has no setter",
                                    n,
                                    self.type_name(obj)
                                ),
                            ));
                        }
                        return Ok(Some((s, alloc::vec![obj, v])));
                    }
                }
                let sa = self.intern_static("__setattr__");
                if let Some(f) = self.class_lookup(cls, sa) {
                    if !matches!(f, Value::Native(_)) {
                        return Ok(Some((f, alloc::vec![obj, name, v])));
                    }
                }
            }
        }
        self.set_attr_direct(obj, name, v)?;
        Ok(None)
    }

    /// `obj.__class__ = cls`: for instances of user classes, to a class whose
    /// instances have the same layout (CPython's rule and messages).
    fn set_class(&mut self, obj: Value, v: Value) -> PyResult<()> {
        let new = match v {
            Value::Obj(c) if matches!(self.heap.get(c), Obj::Class(_)) => c,
            _ => {
                return Err(self.type_error_of(
                    "__class__ must be set to a class, not '",
                    v,
                    "' object",
                ));
            }
        };
        let old = self.class_of(obj);
        let user_instance = matches!(obj, Value::Obj(r)
            if matches!(self.heap.get(r), Obj::Instance(i) if i.class != ty::OBJECT));
        if !user_instance || self.is_builtin_class(new) {
            return Err(self.type_err(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        let layout = |vm: &Vm, c: crate::heap::ObjRef| match vm.heap.get(c) {
            Obj::Class(k) => (k.builtin, k.layout),
            _ => (0, crate::objects::func::Layout::Final),
        };
        if layout(self, new) != layout(self, old) {
            let (n, o) = (self.class_name(new), self.class_name(old));
            return Err(self.type_error(format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                n, o
            )));
        }
        if let Value::Obj(r) = obj {
            if let Obj::Instance(i) = self.heap.get_mut(r) {
                i.class = new;
            }
        }
        Ok(())
    }

    /// `object.__setattr__`: store in the instance/class/module dict.
    /// An attribute in an instance's or exception's own dict (no class
    /// lookup, no user code): `set_attr_direct`'s reading twin.
    pub(crate) fn own_attr(&self, obj: Value, name: Value) -> Option<Value> {
        let Value::Obj(r) = obj else { return None };
        let d = match self.heap.get(r) {
            Obj::Instance(i) => &i.dict,
            Obj::Exception(x) => &x.dict,
            _ => return None,
        };
        let h = self.str_hash(name);
        find_same(d, h, name).map(|i| d.entries.at(i).value)
    }

    pub(crate) fn set_attr_direct(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        let class_name = self.intern_static("__class__");
        if matches!((name, class_name), (Value::Obj(a), Value::Obj(b)) if a == b) {
            return self.set_class(obj, v);
        }
        let Value::Obj(r) = obj else {
            return Err(self.attr_readonly(obj, name));
        };
        let h = self.str_hash(name);
        let grow = 48;
        self.ensure(grow)?;
        if let Obj::Instance(i) = self.heap.get(r) {
            if i.class == ty::OBJECT {
                // Plain `object()` instances have no attribute dict.
                return Err(self.attr_readonly(obj, name));
            }
        }
        // Only a new key grows the dict: charging every store made
        // attribute-heavy loops collect far more often than needed.
        let added = match self.heap.get_mut(r) {
            Obj::Instance(i) => dict_put(&mut i.dict, h, name, v),
            Obj::Exception(e) => dict_put(&mut e.dict, h, name, v),
            Obj::Class(c) => {
                dict_put(&mut c.dict, h, name, v);
                c.version = c.version.wrapping_add(1);
                self.class_epoch = self.class_epoch.wrapping_add(1);
                true
            }
            Obj::Module { dict, .. } => {
                let d = *dict;
                self.dict_set_str(d, name, v)?;
                true
            }
            Obj::Func(f) => {
                let attrs = f.attrs;
                let d = if let Value::Obj(d) = attrs {
                    d
                } else {
                    let d = self.new_dict()?;
                    if let Obj::Func(f) = self.heap.get_mut(r) {
                        f.attrs = d;
                    }
                    match d {
                        Value::Obj(d) => d,
                        _ => return Ok(()),
                    }
                };
                self.dict_set_str(d, name, v)?;
                true
            }
            _ => return Err(self.attr_readonly(obj, name)),
        };
        if added {
            self.heap.grew(grow);
        }
        Ok(())
    }

    fn attr_readonly(&mut self, obj: Value, name: Value) -> Exc {
        // Never a module or a class: those store anything.
        let msg = self.no_attr_msg(obj, name);
        self.new_error(ty::ATTRIBUTE_ERROR, &msg)
    }

    pub(crate) fn del_attr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        let cls = self.class_of(obj);
        let da = self.intern_static("__delattr__");
        if let Some(f) = self.class_lookup(cls, da) {
            if !matches!(f, Value::Native(_)) {
                self.call_sync(f, &[obj, name])?;
                return Ok(());
            }
        }
        if let Some(Value::Obj(pr)) = self.class_lookup(cls, name) {
            if let Obj::Property(p) = self.heap.get(pr) {
                let d = p.del;
                if !d.is_none() {
                    self.call_sync(d, &[obj])?;
                    return Ok(());
                }
            }
        }
        let h = self.str_hash(name);
        let removed = match obj {
            Value::Obj(r) => {
                let heap = &mut self.heap;
                let d = match heap.get_mut(r) {
                    Obj::Instance(i) => Some(&mut i.dict),
                    Obj::Exception(e) => Some(&mut e.dict),
                    Obj::Class(c) => Some(&mut c.dict),
                    _ => None,
                };
                match d {
                    Some(d) => {
                        let found = find_same(d, h, name);
                        match found {
                            Some(i) => {
                                d.remove_at(i);
                                true
                            }
                            None => false,
                        }
                    }
                    None => {
                        if let Obj::Module { dict, .. } = self.heap.get(r) {
                            let d = *dict;
                            self.dict_del_str(d, name)
                        } else {
                            false
                        }
                    }
                }
            }
            _ => false,
        };
        if removed {
            self.classes_changed();
            Ok(())
        } else {
            Err(self.attr_error(obj, name))
        }
    }

    // ---- super() ----

    pub(crate) fn new_super(&mut self, class: ObjRef, this: Value) -> PyResult<Value> {
        self.alloc(Obj::Super { class, this })
    }

    fn super_getattr(&mut self, class: ObjRef, this: Value, name: Value) -> PyResult<Option<Got>> {
        // Search the MRO of type(this) (or this, if a class) after `class`.
        let start_cls = match this {
            Value::Obj(r) if matches!(self.heap.get(r), Obj::Class(_)) => r,
            _ => self.class_of(this),
        };
        let mro = match self.heap.get(start_cls) {
            Obj::Class(c) => c.mro.clone(),
            _ => Vec::new(),
        };
        let pos = mro
            .iter()
            .position(|&m| m == class)
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        let h = self.str_hash(name);
        for &m in mro.tail(pos) {
            let found = self.class_own(m, name, h);
            if found.is_none() {
                if let Some(slot) = self.slot_own_named(m, name) {
                    let is_class =
                        matches!(this, Value::Obj(r) if matches!(self.heap.get(r), Obj::Class(_)));
                    let bound = if is_class { None } else { Some(this) };
                    return Ok(Some(Got::Value(self.slot_value(slot, bound)?)));
                }
            }
            if let Some(a) = found {
                if let Value::Obj(pr) = a {
                    if let Obj::Property(p) = self.heap.get(pr) {
                        return Ok(Some(Got::Call(p.get, this)));
                    }
                }
                // On a class (`start_cls` is then `this`) a function stays
                // plain, as in `class_getattr`; `bind` leaves a native
                // (`super().__new__(cls)`) and other values as they are,
                // binds a classmethod to the class, unwraps a staticmethod.
                let is_class =
                    matches!(this, Value::Obj(r) if matches!(self.heap.get(r), Obj::Class(_)));
                if is_class
                    && matches!(a, Value::Obj(r) if matches!(self.heap.get(r), Obj::Func(_)))
                {
                    return Ok(Some(Got::Value(a)));
                }
                return Ok(Some(Got::Value(self.bind(a, this, start_cls)?)));
            }
        }
        Ok(None)
    }

    /// `with` support: the bound `__exit__` of a context manager.
    #[inline(never)]
    pub(crate) fn with_exit_method(&mut self, ctx: Value) -> PyResult<Value> {
        let cls = self.class_of(ctx);
        let aenter = self.intern_static("__aenter__");
        if self.class_lookup(cls, aenter).is_some() {
            let aexit = self.intern_static("__aexit__");
            return match self.class_lookup(cls, aexit) {
                Some(f) => self.bind(f, ctx, cls),
                None => {
                    Err(self.type_error_of("'", ctx, "' object does not support the asynchronous context manager protocol (missed __aexit__ method)"))
                }
            };
        }
        let n = self.intern_static("__exit__");
        let e = self.intern_static("__enter__");
        if self.class_lookup(cls, e).is_none() {
            return Err(self.type_error_of(
                "'",
                ctx,
                "' object does not support the context manager protocol",
            ));
        }
        match self.class_lookup(cls, n) {
            Some(f) => self.bind(f, ctx, cls),
            None => Err(self.type_error_of(
                "'",
                ctx,
                "' object does not support the context manager protocol (missed __exit__ method)",
            )),
        }
    }

    pub(crate) fn new_instance_of(&mut self, cls: ObjRef) -> PyResult<Value> {
        let layout = match self.heap.get(cls) {
            Obj::Class(c) => c.layout,
            _ => Layout::Object,
        };
        if layout == Layout::Exception {
            return Ok(Value::Obj(self.new_exception_obj(cls, &[])?));
        }
        self.alloc(Obj::Instance(Box::new(crate::objects::Instance {
            class: cls,
            dict: crate::objects::Dict::new(),
            base: Value::Undef,
        })))
    }
}

/// The entry of `d` whose key is the object `k` itself (an interned name).
/// Not inlined: one copy of the probe loop serves every such lookup.
#[inline(never)]
pub(crate) fn find_same(d: &Dict, h: u32, k: Value) -> Option<usize> {
    d.find(h, |x| x.is(k))
}

/// Store `k: v`; true if the key is new.
fn dict_put(d: &mut Dict, h: u32, k: Value, v: Value) -> bool {
    if let Some(i) = find_same(d, h, k) {
        d.entries.at_mut(i).value = v;
        false
    } else {
        d.push_new(h, k, v);
        true
    }
}

/// Entries in the class-lookup cache (a power of two): 512 (~20 KB) for
/// host and browser heaps, 32 (~1.3 KB) for board-sized heaps, where the
/// memory matters more than the hit rate.
pub(crate) fn attr_cache_size(heap_size: usize) -> usize {
    if heap_size <= 1024 * 1024 {
        32
    } else {
        512
    }
}

#[inline]
fn cache_index(cls: u32, name: u32, len: usize) -> usize {
    (cls.wrapping_mul(0x9e37_79b1) ^ name.wrapping_mul(0x85eb_ca6b)) as usize >> 3 & (len - 1)
}

/// Entries in the `intern_static` cache (a power of two).
pub(crate) const STATIC_NAME_CACHE: usize = 128;
