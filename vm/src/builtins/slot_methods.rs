//! The special methods of the builtin types as attributes: `int.__add__`
//! (unbound), `(1).__add__` (bound), `super().__setitem__(k, v)` in a dict
//! subclass, `sorted(xs, key=int.__neg__)`.
//!
//! The interpreter runs builtin operators on native fast paths, so builtin
//! classes hold no dunder entries. Instead one table says which builtin
//! type defines which special method (as CPython's types do), and attribute
//! lookup consults it per MRO class (`Vm::slot_find`), after that class's
//! own namespace: nothing is allocated at start-up. A found method is one
//! native, `slot_call`, bound to an int code (table entry, variant, type):
//! unbound `BoundMethod { this: code, func: slot_call }`, and bound another
//! `BoundMethod` with the instance around that. `slot_call` checks `self`,
//! unwraps a builtin subclass instance to its builtin value and runs the
//! VM's own operation on it, returning `NotImplemented` for operands the
//! type does not handle itself, as CPython's slot wrappers do.

use crate::at::At;
use crate::types::ty;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{arg, rest};
use crate::compile::ast::{BinOp, CmpOp, UnOp};
use crate::heap::ObjRef;
use crate::objects::Obj;
use crate::value::{wide, Small, Value};
use crate::vm::{PyResult, Vm};

// Type bits: positions in `Vm::slot_types`.
const OBJ: u32 = 1 << 0;
const INT: u32 = 1 << 1;
const BOOL: u32 = 1 << 2;
const FLT: u32 = 1 << 3;
const STR: u32 = 1 << 4;
const BYT: u32 = 1 << 5;
const BA: u32 = 1 << 6;
const LST: u32 = 1 << 7;
const TUP: u32 = 1 << 8;
const DCT: u32 = 1 << 9;
const SET: u32 = 1 << 10;
const FSET: u32 = 1 << 11;
const RNG: u32 = 1 << 12;
const NONE: u32 = 1 << 13;
const SLC: u32 = 1 << 14;
const MV: u32 = 1 << 15;
const KEYS: u32 = 1 << 16;
const VALS: u32 = 1 << 17;
const ITEMS: u32 = 1 << 18;
const FUNC: u32 = 1 << 19;
const BFUNC: u32 = 1 << 20;
const METH: u32 = 1 << 21;

const NUM: u32 = INT | FLT;
const SEQ: u32 = STR | BYT | BA | LST | TUP;
const SETS: u32 = SET | FSET;
const VIEWS: u32 = KEYS | VALS | ITEMS;
const SIZED: u32 = SEQ | DCT | SETS | RNG | MV | VIEWS;
const ORDERED: u32 = OBJ | NUM | SEQ | DCT | SETS | RNG;

#[derive(Clone, Copy, PartialEq)]
enum K {
    Bin(BinOp),
    DivMod,
    Cmp(CmpOp),
    Un(UnOp),
    /// The builtin function of the slot's name (`abs`, `len`, ...) on the
    /// builtin value: its behaviour for builtin values is the slot's.
    Fn,
    /// `int()` of the value (`__index__`, `__trunc__`).
    ToInt,
    Floor,
    Ceil,
    Round,
    Format,
    Contains,
    GetItem,
    SetItem,
    DelItem,
    Call,
    GetAttr,
}

/// (name without underscores, operation, types defining it, index in
/// `EXTRA` of the types defining the in-place `__i*__` form or, for `hash`,
/// whose `__hash__` is None). The reflected `__r*__` forms are on the same
/// types as the plain ones (but `__add__` of sequences, which have none).
#[rustfmt::skip]
const SLOTS: &[(&str, K, u32, u8)] = &[
    ("add", K::Bin(BinOp::Add), NUM | SEQ, 1),
    ("sub", K::Bin(BinOp::Sub), NUM | SETS, 2),
    ("mul", K::Bin(BinOp::Mul), NUM | SEQ, 1),
    ("truediv", K::Bin(BinOp::Div), NUM, 0),
    ("floordiv", K::Bin(BinOp::FloorDiv), NUM, 0),
    ("mod", K::Bin(BinOp::Mod), NUM | STR | BYT | BA, 0),
    ("pow", K::Bin(BinOp::Pow), NUM, 0),
    ("lshift", K::Bin(BinOp::LShift), INT, 0),
    ("rshift", K::Bin(BinOp::RShift), INT, 0),
    ("and", K::Bin(BinOp::BitAnd), INT | BOOL | SETS, 2),
    ("or", K::Bin(BinOp::BitOr), INT | BOOL | SETS | DCT, 3),
    ("xor", K::Bin(BinOp::BitXor), INT | BOOL | SETS, 2),
    ("divmod", K::DivMod, NUM, 0),
    ("eq", K::Cmp(CmpOp::Eq), ORDERED ^ OBJ, 0),
    ("ne", K::Cmp(CmpOp::Ne), ORDERED ^ OBJ, 0),
    ("lt", K::Cmp(CmpOp::Lt), ORDERED, 0),
    ("le", K::Cmp(CmpOp::Le), ORDERED, 0),
    ("gt", K::Cmp(CmpOp::Gt), ORDERED, 0),
    ("ge", K::Cmp(CmpOp::Ge), ORDERED, 0),
    ("neg", K::Un(UnOp::Neg), NUM, 0),
    ("pos", K::Un(UnOp::Pos), NUM, 0),
    ("invert", K::Un(UnOp::Invert), INT, 0),
    ("abs", K::Fn, NUM, 0),
    ("bool", K::Fn, NUM | RNG | NONE, 0),
    ("int", K::Fn, NUM, 0),
    ("float", K::Fn, NUM, 0),
    ("index", K::ToInt, INT, 0),
    ("trunc", K::ToInt, NUM, 0),
    ("floor", K::Floor, NUM, 0),
    ("ceil", K::Ceil, NUM, 0),
    ("round", K::Round, NUM, 0),
    ("hash", K::Fn, NUM | STR | BYT | TUP | FSET | RNG, 4),
    ("repr", K::Fn, !OBJ, 0),
    ("str", K::Fn, STR | BYT | BA, 0),
    ("format", K::Format, OBJ | NUM | STR, 0),
    ("len", K::Fn, SIZED, 0),
    ("iter", K::Fn, SIZED, 0),
    ("reversed", K::Fn, LST | DCT | RNG | VIEWS, 0),
    ("contains", K::Contains, SIZED ^ MV ^ VALS, 0),
    ("getitem", K::GetItem, SEQ | DCT | RNG | MV, 0),
    ("setitem", K::SetItem, LST | BA | DCT | MV, 0),
    ("delitem", K::DelItem, LST | BA | DCT, 0),
    ("call", K::Call, FUNC | BFUNC | METH, 0),
    ("getattribute", K::GetAttr, OBJ, 0),
];

const EXTRA: [u32; 5] = [
    0,
    LST | BA,
    SET,
    SET | DCT,
    BA | LST | DCT | SET | SLC | KEYS | ITEMS,
];

/// Which `SLOTS` entry and variant (0 plain, 1 reflected, 2 in-place) a
/// dunder name is, if any.
fn parse(name: &str) -> Option<(usize, u32)> {
    let core = name.strip_prefix("__")?.strip_suffix("__")?;
    let find = |c: &str| SLOTS.iter().position(|s| s.0 == c);
    if let Some(i) = find(core) {
        return Some((i, 0));
    }
    let (var, c) = match core.as_bytes().first()? {
        b'r' => (1, core.get(1..)?),
        b'i' => (2, core.get(1..)?),
        _ => return None,
    };
    find(c)
        .filter(|&i| matches!(SLOTS[i].1, K::Bin(_) | K::DivMod))
        .map(|i| (i, var))
}

fn dunder(i: usize, var: u32) -> String {
    let p = ["", "r", "i"][var as usize % 3];
    format!("__{}{}__", p, SLOTS[i].0)
}

impl Vm {
    /// The builtin classes that have slot methods, in type-bit order.
    fn slot_types(&self) -> [ObjRef; 24] {
        [
            ty::OBJECT,
            ty::INT,
            ty::BOOL,
            ty::FLOAT,
            ty::STR,
            ty::BYTES,
            ty::BYTEARRAY,
            ty::LIST,
            ty::TUPLE,
            ty::DICT,
            ty::SET,
            ty::FROZENSET,
            ty::RANGE,
            ty::NONE_TYPE,
            ty::SLICE,
            ty::MEMORYVIEW,
            ty::DICT_KEYS,
            ty::DICT_VALUES,
            ty::DICT_ITEMS,
            ty::FUNCTION,
            ty::BUILTIN_FUNCTION,
            ty::BOUND_METHOD,
            ty::ELLIPSIS_TYPE,
            ty::NOT_IMPLEMENTED_TYPE,
        ]
    }

    /// Slot method `(i, var)` of class `m` itself: the code to bind
    /// (`Value::Int`), `Value::None` for a `__hash__` that is None.
    fn slot_own(&self, m: ObjRef, i: usize, var: u32) -> Option<Value> {
        let ty = self.slot_types().iter().position(|&c| c == m)? as u32;
        let (_, k, own, x) = *SLOTS.at(i);
        let inpl = EXTRA[x as usize % EXTRA.len()];
        let refl = match k {
            K::Bin(BinOp::Add) => NUM,
            K::Bin(_) | K::DivMod => own,
            _ => 0,
        };
        let mask = [own, refl, inpl][var as usize % 3];
        if mask & (1 << ty) != 0 {
            return Some(Value::Int(
                ((i as Small) << 7) | ((var as Small) << 5) | ty as Small,
            ));
        }
        // (Only `hash` has an `EXTRA` mask outside the binary operators.)
        if !matches!(k, K::Bin(_)) && inpl & (1 << ty) != 0 {
            return Some(Value::None);
        }
        None
    }

    /// The slot method `name` of a builtin class on `cls`'s MRO, when no
    /// class before it defines `name` (see `slot_own`).
    pub(crate) fn slot_find(&self, cls: ObjRef, name: Value) -> Option<Value> {
        let (i, var) = parse(self.str_of(name)?)?;
        let Obj::Class(c) = self.heap.get(cls) else {
            return None;
        };
        let h = self.str_hash(name);
        for &m in c.mro.iter() {
            if self.class_own(m, name, h).is_some() {
                return None;
            }
            if let Some(v) = self.slot_own(m, i, var) {
                return Some(v);
            }
        }
        None
    }

    /// `slot_own` of class `m` by name (for `super()`'s walk).
    pub(crate) fn slot_own_named(&self, m: ObjRef, name: Value) -> Option<Value> {
        let (i, var) = parse(self.str_of(name)?)?;
        self.slot_own(m, i, var)
    }

    /// The attribute value for a found slot: unbound, or bound to `obj`.
    pub(crate) fn slot_value(&mut self, found: Value, obj: Option<Value>) -> PyResult<Value> {
        if found.is_none() {
            return Ok(Value::None);
        }
        let f = self.slot_native;
        let unbound = self.alloc(Obj::BoundMethod {
            this: found,
            func: f,
        })?;
        match obj {
            None => Ok(unbound),
            Some(this) => self.alloc(Obj::BoundMethod {
                this,
                func: unbound,
            }),
        }
    }

    /// For a slot method value (unbound, or bound around one): its code and
    /// the instance it is bound to.
    fn slot_parts(&self, v: Value) -> Option<(i64, Option<Value>)> {
        let Value::Obj(r) = v else { return None };
        let Obj::BoundMethod { this, func } = self.heap.get(r) else {
            return None;
        };
        if let (Value::Int(c), true) = (*this, func.is(self.slot_native)) {
            return Some((wide(c), None));
        }
        let (code, _) = self.slot_parts(*func)?;
        Some((code, Some(*this)))
    }

    /// `__name__` / `__qualname__` of a slot method value.
    pub(crate) fn slot_name(&mut self, v: Value, qual: bool) -> PyResult<Option<Value>> {
        let Some((code, _)) = self.slot_parts(v) else {
            return Ok(None);
        };
        let (i, var, ty) = decode(code);
        let mut s = dunder(i, var);
        if qual {
            let c = self.slot_types()[ty];
            s = format!("{}.{}", self.class_name(c), s);
        }
        self.new_str(s).map(Some)
    }

    /// The repr of a slot method value, CPython's shapes.
    pub(crate) fn slot_repr(&self, v: Value) -> Option<String> {
        let (code, bound) = self.slot_parts(v)?;
        let (i, var, ty) = decode(code);
        let n = dunder(i, var);
        let method = method_like(i, 1 << ty);
        // CPython's shapes, less the bound one's address.
        let (pre, q, c, post) = match bound {
            None => {
                let c = self.class_name(self.slot_types()[ty]);
                let pre = if method { "method" } else { "slot wrapper" };
                (pre, "'", c, "' objects")
            }
            Some(this) => {
                let pre = if method {
                    "built-in method"
                } else {
                    "method-wrapper"
                };
                (pre, "", self.type_name(this), " object")
            }
        };
        Some(format!("<{} '{}' of {}{}{}>", pre, n, q, c, post))
    }
}

/// Is slot `i` of type `bit` a method descriptor in CPython (defined in
/// the type's method table, not as a slot)? Its messages differ.
fn method_like(i: usize, bit: u32) -> bool {
    let (name, kind, ..) = SLOTS[i];
    match kind {
        K::Format | K::Floor | K::Ceil | K::Round => true,
        K::GetItem => bit & (LST | DCT) != 0,
        K::Contains => bit & (DCT | SETS) != 0,
        _ => name == "reversed" || name == "trunc",
    }
}

fn decode(code: i64) -> (usize, u32, usize) {
    let i = (code >> 7) as usize % SLOTS.len();
    (i, ((code >> 5) & 3) as u32, (code & 31) as usize % 24)
}

/// The builtin function `name` called on `args` (round, divmod, pow, ...):
/// for builtin values its behaviour is the slot's.
fn builtin(vm: &mut Vm, name: &'static str, args: &[Value]) -> PyResult<Value> {
    let k = vm.intern_static(name);
    let b = vm.builtins;
    let f = vm.dict_get_str(b, k).unwrap_or(Value::None);
    vm.call_sync(f, args)
}

/// Does a method of type bit `ty` handle operand `o` (unwrapped) itself?
fn accepts(vm: &Vm, ty: u32, o: Value) -> bool {
    if ty & (INT | BOOL) != 0 {
        return vm.as_int_like(o);
    }
    if ty & FLT != 0 {
        return vm.as_int_like(o) || matches!(o, Value::Float(_));
    }
    let Value::Obj(r) = o else { return false };
    match vm.heap.get(r) {
        Obj::Str(_) => ty & STR != 0,
        Obj::Bytes(_) | Obj::ByteArray(_) => ty & (BYT | BA) != 0,
        Obj::List(_) => ty & LST != 0,
        Obj::Tuple(_) => ty & TUP != 0,
        Obj::Dict(_) => ty & DCT != 0,
        Obj::Set { .. } => ty & SETS != 0,
        Obj::Range { .. } => ty & RNG != 0,
        _ => false,
    }
}

/// The TypeError message for a slot called with a wrong `self` or
/// argument count, CPython's wording (which differs for methods).
#[inline(never)]
fn bad_call(
    vm: &Vm,
    i: usize,
    var: u32,
    ty: usize,
    this: Value,
    nargs: usize,
    kw: bool,
) -> Option<String> {
    let kind = SLOTS[i].1;
    let method = method_like(i, 1 << ty);
    let n = dunder(i, var);
    let cls = vm.slot_types()[ty];
    let c = vm.class_name(cls);
    if this.is_undef() {
        return Some(if method {
            format!("unbound method {}.{}() needs an argument", c, n)
        } else {
            format!("descriptor '{}' of '{}' object needs an argument", n, c)
        });
    }
    if !vm.isinstance_class(this, cls) {
        let t = vm.type_name(this);
        return Some(if method {
            format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                n, c, t
            )
        } else {
            format!(
                "descriptor '{}' requires a '{}' object but received a '{}'",
                n, c, t
            )
        });
    }
    if kind == K::Call {
        return None;
    }
    if kw {
        return Some(format!("wrapper {}() takes no keyword arguments", n));
    }
    let (min, max) = match kind {
        K::Bin(BinOp::Pow) if var != 2 => (1, 2),
        K::Bin(_) | K::DivMod | K::Cmp(_) | K::Format | K::Contains => (1, 1),
        K::GetItem | K::DelItem | K::GetAttr => (1, 1),
        K::SetItem => (2, 2),
        K::Round => (0, 1),
        _ => (0, 0),
    };
    if nargs < min || nargs > max {
        let want = if nargs < min { min } else { max };
        // (CPython's message for `__setitem__` starts with a space.)
        let sp = if kind == K::SetItem { " " } else { "" };
        let s = if want == 1 { "" } else { "s" };
        return Some(format!(
            "{}expected {} argument{}, got {}",
            sp, want, s, nargs
        ));
    }
    None
}

/// The native every slot method calls: `(code, self, *args)`.
pub(crate) fn slot_call(vm: &mut Vm, a: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (i, var, ty) = decode(match arg(a, 0) {
        Value::Int(c) => wide(c),
        _ => 0,
    });
    let (name, kind, ..) = SLOTS[i];
    let this = arg(a, 1);
    let args = rest(a, 2);
    if let Some(msg) = bad_call(vm, i, var, ty, this, args.len(), !kw.is_empty()) {
        return Err(vm.type_error(msg));
    }
    if kind == K::Call {
        return call(vm, this, args, kw);
    }
    let bit = 1u32 << ty;
    let u = vm.base_value(this);
    let x = arg(args, 0);
    let ux = vm.base_value(x);
    Ok(match kind {
        K::Bin(_) | K::DivMod => return binary(vm, kind, bit, var, this, u, x, ux, arg(args, 1)),
        K::Cmp(op) => {
            let ok = match op {
                CmpOp::Eq | CmpOp::Ne => true,
                _ => bit & (DCT | RNG) == 0,
            };
            // bytes compares only with bytes (bytearray's does the mixed case).
            let bytes_only = bit & BYT != 0
                && !matches!(ux, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Bytes(_)));
            if !ok || bytes_only || !accepts(vm, bit, ux) {
                return Ok(Value::NotImplemented);
            }
            return vm.compare_op(op, u, ux);
        }
        K::Un(op) => return vm.unary_op(op, u),
        K::Fn | K::ToInt | K::Round => {
            let f = if kind == K::ToInt { "int" } else { name };
            // `self` and at most one argument (round's ndigits).
            let v = [u, x];
            return builtin(vm, f, v.get(..1 + args.len()).unwrap_or(&v));
        }
        K::Floor | K::Ceil => match u {
            Value::Float(f) => {
                let f = if kind == K::Floor {
                    libm::floor(f.get())
                } else {
                    libm::ceil(f.get())
                };
                return vm.float_to_int(f);
            }
            _ => return builtin(vm, "int", &[u]),
        },
        K::Format => {
            let Some(spec) = vm.str_of(x).map(String::from) else {
                return Err(vm.type_error_of("__format__() argument must be str, not ", x, ""));
            };
            let s = if bit == OBJ {
                if !spec.is_empty() {
                    return Err(vm.type_error_of(
                        "unsupported format string passed to ",
                        this,
                        ".__format__",
                    ));
                }
                vm.str_sync(this)?
            } else {
                vm.format_spec(u, &spec)?
            };
            return vm.new_str(s);
        }
        K::Contains => Value::from_bool(vm.contains(u, x)?),
        K::GetItem => {
            if bit == DCT {
                if let Some(v) = vm.dict_get(u, x)? {
                    return Ok(v);
                }
                let n = vm.intern_static("__missing__");
                if !u.is(this) {
                    if let Some(f) = vm.lookup_special(this, n) {
                        return vm.call_sync(f, &[this, x]);
                    }
                }
                return Err(vm.new_exception(ty::KEY_ERROR, &[x]));
            }
            return vm.get_item(u, x);
        }
        K::SetItem => {
            vm.set_item(u, x, arg(args, 1))?;
            Value::None
        }
        K::DelItem => {
            vm.del_item(u, x)?;
            Value::None
        }
        K::GetAttr => return builtin(vm, "getattr", &[this, x]),
        K::Call => Value::None,
    })
}

/// A binary slot: `this` (unwrapped `u`) op `x` (unwrapped `ux`), variant
/// `var`; `m` is `pow`'s optional modulus.
#[allow(clippy::too_many_arguments)]
fn binary(
    vm: &mut Vm,
    kind: K,
    bit: u32,
    var: u32,
    this: Value,
    u: Value,
    x: Value,
    ux: Value,
    m: Value,
) -> PyResult<Value> {
    let (p, q) = if var == 1 { (ux, u) } else { (u, ux) };
    let op = match kind {
        K::Bin(op) => op,
        _ => BinOp::FloorDiv,
    };
    if bit & (NUM | BOOL) != 0 {
        if !accepts(vm, bit, ux) {
            return Ok(Value::NotImplemented);
        }
        if kind == K::DivMod {
            return builtin(vm, "divmod", &[p, q]);
        }
        if !m.is_undef() {
            return builtin(vm, "pow", &[p, q, m]);
        }
        return Ok(vm.numeric_binop(op, p, q)?.unwrap_or(Value::NotImplemented));
    }
    if bit & SEQ != 0 && matches!(op, BinOp::Mul) {
        // Repetition: any index operand, in either order.
        let n = vm.index_value(x)?;
        let n = vm.new_int(n)?;
        let r = vm.binary_op(op, u, n, var == 2)?;
        return inplace_result(vm, var, this, u, r);
    }
    if bit & SEQ != 0 && matches!(op, BinOp::Mod) {
        if var == 1 {
            if !accepts(vm, bit, ux) {
                return Ok(Value::NotImplemented);
            }
            return vm.binary_op(op, ux, u, false);
        }
        return vm.binary_op(op, u, x, false);
    }
    if bit & SEQ != 0 {
        // Concatenation (list += takes any iterable).
        if var == 2 && bit == LST {
            let r = vm.binary_op(op, u, x, true)?;
            return inplace_result(vm, var, this, u, r);
        }
        if !accepts(vm, bit, ux) {
            let (t, o) = (vm.type_name(u), vm.type_name(x));
            return Err(vm.type_error(if bit & (BYT | BA) != 0 {
                format!("can't concat {} to {}", o, t)
            } else {
                format!("can only concatenate {} (not \"{}\") to {}", t, o, t)
            }));
        }
        let r = vm.binary_op(op, u, ux, var == 2)?;
        return inplace_result(vm, var, this, u, r);
    }
    // Sets and dicts: `d |= pairs` takes any mapping or pairs.
    if var == 2 && bit == DCT {
        vm.binary_op(op, u, x, true)?;
        return Ok(this);
    }
    if !accepts(vm, bit, ux) {
        return Ok(Value::NotImplemented);
    }
    let r = vm.binary_op(op, p, q, var == 2)?;
    inplace_result(vm, var, this, u, r)
}

/// An in-place slot returns `self`, updated (the VM's operators build a
/// new value in some cases: copy it into `u`).
fn inplace_result(vm: &mut Vm, var: u32, this: Value, u: Value, r: Value) -> PyResult<Value> {
    if var != 2 {
        return Ok(r);
    }
    // (`bytearray *= n` is the one that builds a new value.)
    if let (Value::Obj(ur), Value::Obj(rr)) = (u, r) {
        if let (false, Obj::ByteArray(b)) = (ur == rr, vm.heap.get(rr)) {
            let b = b.clone();
            if let Obj::ByteArray(t) = vm.heap.get_mut(ur) {
                *t = b;
            }
        }
    }
    Ok(this)
}

/// `f.__call__(*args, **kw)`.
fn call(vm: &mut Vm, f: Value, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if kw.is_empty() {
        return vm.call_sync(f, args);
    }
    let names: Vec<Value> = kw.iter().map(|p| p.0).collect();
    let kwnames = vm.new_tuple(names)?;
    let mut all: Vec<Value> = args.to_vec();
    all.extend(kw.iter().map(|p| p.1));
    vm.call_sync_kwnames(f, &all, kwnames)
}

pub fn register(vm: &mut Vm) {
    vm.slot_native = vm.register_native("slot wrapper", slot_call);
}
