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

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{arg, rest};
use crate::compile::ast::{BinOp, CmpOp, UnOp};
use crate::heap::ObjRef;
use crate::objects::Obj;
use crate::value::Value;
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
    Abs,
    Bool,
    Int,
    Float,
    Index,
    Trunc,
    Floor,
    Ceil,
    Round,
    Hash,
    Repr,
    Str,
    Format,
    Len,
    Iter,
    Reversed,
    Contains,
    GetItem,
    SetItem,
    DelItem,
    Call,
    GetAttr,
}

/// (name without underscores, operation, types defining it, types defining
/// the reflected `__r*__` form, types defining the in-place `__i*__` form).
/// For `hash` the last column is the types whose `__hash__` is None.
#[rustfmt::skip]
const SLOTS: &[(&str, K, u32, u32, u32)] = &[
    ("add", K::Bin(BinOp::Add), NUM | SEQ, NUM, LST | BA),
    ("sub", K::Bin(BinOp::Sub), NUM | SETS, NUM | SETS, SET),
    ("mul", K::Bin(BinOp::Mul), NUM | SEQ, NUM | SEQ, LST | BA),
    ("truediv", K::Bin(BinOp::Div), NUM, NUM, 0),
    ("floordiv", K::Bin(BinOp::FloorDiv), NUM, NUM, 0),
    ("mod", K::Bin(BinOp::Mod), NUM | STR | BYT | BA, NUM | STR | BYT | BA, 0),
    ("pow", K::Bin(BinOp::Pow), NUM, NUM, 0),
    ("lshift", K::Bin(BinOp::LShift), INT, INT, 0),
    ("rshift", K::Bin(BinOp::RShift), INT, INT, 0),
    ("and", K::Bin(BinOp::BitAnd), INT | BOOL | SETS, INT | BOOL | SETS, SET),
    ("or", K::Bin(BinOp::BitOr), INT | BOOL | SETS | DCT, INT | BOOL | SETS | DCT, SET | DCT),
    ("xor", K::Bin(BinOp::BitXor), INT | BOOL | SETS, INT | BOOL | SETS, SET),
    ("divmod", K::DivMod, NUM, NUM, 0),
    ("eq", K::Cmp(CmpOp::Eq), ORDERED ^ OBJ, 0, 0),
    ("ne", K::Cmp(CmpOp::Ne), ORDERED ^ OBJ, 0, 0),
    ("lt", K::Cmp(CmpOp::Lt), ORDERED, 0, 0),
    ("le", K::Cmp(CmpOp::Le), ORDERED, 0, 0),
    ("gt", K::Cmp(CmpOp::Gt), ORDERED, 0, 0),
    ("ge", K::Cmp(CmpOp::Ge), ORDERED, 0, 0),
    ("neg", K::Un(UnOp::Neg), NUM, 0, 0),
    ("pos", K::Un(UnOp::Pos), NUM, 0, 0),
    ("invert", K::Un(UnOp::Invert), INT, 0, 0),
    ("abs", K::Abs, NUM, 0, 0),
    ("bool", K::Bool, NUM | RNG | NONE, 0, 0),
    ("int", K::Int, NUM, 0, 0),
    ("float", K::Float, NUM, 0, 0),
    ("index", K::Index, INT, 0, 0),
    ("trunc", K::Trunc, NUM, 0, 0),
    ("floor", K::Floor, NUM, 0, 0),
    ("ceil", K::Ceil, NUM, 0, 0),
    ("round", K::Round, NUM, 0, 0),
    ("hash", K::Hash, NUM | STR | BYT | TUP | FSET | RNG, 0, BA | LST | DCT | SET | SLC | KEYS | ITEMS),
    ("repr", K::Repr, !OBJ, 0, 0),
    ("str", K::Str, STR | BYT | BA, 0, 0),
    ("format", K::Format, OBJ | NUM | STR, 0, 0),
    ("len", K::Len, SIZED, 0, 0),
    ("iter", K::Iter, SIZED, 0, 0),
    ("reversed", K::Reversed, LST | DCT | RNG | VIEWS, 0, 0),
    ("contains", K::Contains, SIZED ^ MV ^ VALS, 0, 0),
    ("getitem", K::GetItem, SEQ | DCT | RNG | MV, 0, 0),
    ("setitem", K::SetItem, LST | BA | DCT | MV, 0, 0),
    ("delitem", K::DelItem, LST | BA | DCT, 0, 0),
    ("call", K::Call, FUNC | BFUNC | METH, 0, 0),
    ("getattribute", K::GetAttr, OBJ, 0, 0),
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
        b'r' => (1, &core[1..]),
        b'i' => (2, &core[1..]),
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
        let t = &self.types;
        [
            t.object,
            t.int,
            t.bool_,
            t.float,
            t.str_,
            t.bytes,
            t.bytearray,
            t.list,
            t.tuple,
            t.dict,
            t.set,
            t.frozenset,
            t.range,
            t.none_type,
            t.slice,
            t.memoryview,
            t.dict_keys,
            t.dict_values,
            t.dict_items,
            t.function,
            t.builtin_function,
            t.bound_method,
            t.ellipsis_type,
            t.not_implemented_type,
        ]
    }

    /// Slot method `(i, var)` of class `m` itself: the code to bind
    /// (`Value::Int`), `Value::None` for a `__hash__` that is None.
    fn slot_own(&self, m: ObjRef, i: usize, var: u32) -> Option<Value> {
        let ty = self.slot_types().iter().position(|&c| c == m)? as u32;
        let (_, k, own, refl, inpl) = SLOTS[i];
        let mask = [own, refl, inpl][var as usize % 3];
        if mask & (1 << ty) != 0 {
            return Some(Value::Int(
                ((i as i64) << 7) | ((var as i64) << 5) | ty as i64,
            ));
        }
        if k == K::Hash && inpl & (1 << ty) != 0 {
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
            return Some((c, None));
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
        let c = self.class_name(self.slot_types()[ty]);
        let method = method_like(SLOTS[i].1, 1 << ty);
        Some(match bound {
            None if method => format!("<method '{}' of '{}' objects>", n, c),
            None => format!("<slot wrapper '{}' of '{}' objects>", n, c),
            Some(this) => {
                let addr = match this {
                    Value::Obj(r) => r.0 as usize * 16,
                    _ => 0,
                };
                let (pre, post) = if method {
                    ("<built-in method ", "")
                } else {
                    ("<method-wrapper '", "'")
                };
                let t = self.type_name(this);
                format!("{}{}{} of {} object at 0x{:08x}>", pre, n, post, t, addr)
            }
        })
    }
}

/// Is slot `kind` of type `bit` a method descriptor in CPython (defined in
/// the type's method table, not as a slot)? Its messages differ.
fn method_like(kind: K, bit: u32) -> bool {
    match kind {
        K::Format | K::Trunc | K::Floor | K::Ceil | K::Round | K::Reversed => true,
        K::GetItem => bit & (LST | DCT) != 0,
        K::Contains => bit & (DCT | SETS) != 0,
        _ => false,
    }
}

fn decode(code: i64) -> (usize, u32, usize) {
    let i = (code >> 7) as usize % SLOTS.len();
    ((i), ((code >> 5) & 3) as u32, (code & 31) as usize % 24)
}

/// The builtin function `name` called on `args` (round, divmod, pow, ...):
/// their argument handling is the slot's.
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
        Obj::Bytes(_) => ty & (BYT | BA) != 0,
        Obj::ByteArray(_) => ty & (BYT | BA) != 0,
        Obj::List(_) => ty & LST != 0,
        Obj::Tuple(_) => ty & TUP != 0,
        Obj::Dict(_) => ty & DCT != 0,
        Obj::Set { .. } => ty & SETS != 0,
        Obj::Range { .. } => ty & RNG != 0,
        _ => false,
    }
}

/// The native every slot method calls: `(code, self, *args)`.
pub(crate) fn slot_call(vm: &mut Vm, a: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (i, var, ty) = decode(match arg(a, 0) {
        Value::Int(c) => c,
        _ => 0,
    });
    let kind = SLOTS[i].1;
    let cls = vm.slot_types()[ty];
    let this = arg(a, 1);
    let method = method_like(kind, 1 << ty);
    if this.is_undef() {
        let (n, c) = (dunder(i, var), vm.class_name(cls));
        return Err(vm.type_error(if method {
            format!("unbound method {}.{}() needs an argument", c, n)
        } else {
            format!("descriptor '{}' of '{}' object needs an argument", n, c)
        }));
    }
    if !vm.isinstance_class(this, cls) {
        let (n, c, t) = (dunder(i, var), vm.class_name(cls), vm.type_name(this));
        return Err(vm.type_error(if method {
            format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                n, c, t
            )
        } else {
            format!(
                "descriptor '{}' requires a '{}' object but received a '{}'",
                n, c, t
            )
        }));
    }
    let args = rest(a, 2);
    if kind == K::Call {
        return call(vm, this, args, kw);
    }
    if !kw.is_empty() {
        let n = dunder(i, var);
        return Err(vm.type_error(format!("wrapper {}() takes no keyword arguments", n)));
    }
    let (min, max) = match kind {
        K::Bin(BinOp::Pow) if var != 2 => (1, 2),
        K::Bin(_) | K::DivMod | K::Cmp(_) | K::Format | K::Contains => (1, 1),
        K::GetItem | K::DelItem | K::GetAttr => (1, 1),
        K::SetItem => (2, 2),
        K::Round => (0, 1),
        _ => (0, 0),
    };
    if args.len() < min || args.len() > max {
        let want = if args.len() < min { min } else { max };
        let s = if want == 1 { "" } else { "s" };
        // (CPython's message for `__setitem__` starts with a space.)
        let sp = if kind == K::SetItem { " " } else { "" };
        return Err(vm.type_error(format!(
            "{}expected {} argument{}, got {}",
            sp,
            want,
            s,
            args.len()
        )));
    }
    let bit = 1u32 << ty;
    let u = vm.base_value(this);
    let x = arg(args, 0);
    let ux = vm.base_value(x);
    Ok(match kind {
        K::Bin(op) => return binary(vm, op, bit, var, this, u, x, ux, arg(args, 1)),
        K::DivMod => {
            if !accepts(vm, bit, ux) {
                return Ok(Value::NotImplemented);
            }
            let (p, q) = if var == 1 { (ux, u) } else { (u, ux) };
            return builtin(vm, "divmod", &[p, q]);
        }
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
        K::Abs => return builtin(vm, "abs", &[u]),
        K::Bool => Value::Bool(vm.truthy(u)?),
        K::Int | K::Index | K::Trunc | K::Floor | K::Ceil => match u {
            Value::Float(f) => {
                let f = match kind {
                    K::Floor => libm::floor(f),
                    K::Ceil => libm::ceil(f),
                    _ => f,
                };
                return vm.float_to_int(f);
            }
            Value::Bool(b) => Value::Int(b as i64),
            v => v,
        },
        K::Float => match u {
            Value::Float(_) => u,
            _ => match vm.to_bigint(u).to_f64() {
                Some(f) => Value::Float(f),
                None => {
                    return Err(
                        vm.new_error(vm.types.overflow_error, "int too large to convert to float")
                    )
                }
            },
        },
        K::Round => {
            let mut v = Vec::with_capacity(2);
            v.push(u);
            v.extend_from_slice(args);
            return builtin(vm, "round", &v);
        }
        K::Hash => Value::Int(vm.hash(u)?),
        K::Repr => {
            let s = vm.repr(u)?;
            return vm.new_str(s);
        }
        K::Str => {
            if vm.str_of(u).is_some() {
                return Ok(u);
            }
            let s = vm.str_sync(u)?;
            return vm.new_str(s);
        }
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
        K::Len => match vm.seq_len(u) {
            Some(n) => Value::Int(n as i64),
            None => return builtin(vm, "len", &[u]),
        },
        K::Iter => return vm.get_iter(u),
        K::Reversed => return builtin(vm, "reversed", &[u]),
        K::Contains => Value::Bool(vm.contains(u, x)?),
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
                return Err(vm.new_exception(vm.types.key_error, &[x]));
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
        K::GetAttr => {
            if vm.str_of(x).is_none() {
                return Err(vm.type_error_of("attribute name must be string, not '", x, "'"));
            }
            let name = vm.intern(&String::from(vm.str_of(x).unwrap_or("")));
            return match vm.get_attr(this, name)? {
                crate::interp::attr::Got::Value(v) => Ok(v),
                crate::interp::attr::Got::Call(f, o) => vm.call_sync(f, &[o]),
            };
        }
        K::Call => Value::None,
    })
}

/// A binary slot: `this` (unwrapped `u`) op `x` (unwrapped `ux`), variant
/// `var`; `m` is `pow`'s optional modulus.
#[allow(clippy::too_many_arguments)]
fn binary(
    vm: &mut Vm,
    op: BinOp,
    bit: u32,
    var: u32,
    this: Value,
    u: Value,
    x: Value,
    ux: Value,
    m: Value,
) -> PyResult<Value> {
    let (p, q) = if var == 1 { (ux, u) } else { (u, ux) };
    if bit & (NUM | BOOL) != 0 {
        if !accepts(vm, bit, ux) {
            return Ok(Value::NotImplemented);
        }
        if !m.is_undef() {
            return builtin(vm, "pow", &[p, q, m]);
        }
        return Ok(vm.numeric_binop(op, p, q)?.unwrap_or(Value::NotImplemented));
    }
    if bit & SEQ != 0 && matches!(op, BinOp::Mul) {
        // Repetition: any index operand, in either order.
        let n = vm.index_value(x)?;
        let r = vm.binary_op(op, u, Value::Int(n), var == 2)?;
        return inplace_result(vm, var, this, u, r);
    }
    if bit & SEQ != 0 && matches!(op, BinOp::Mod) {
        if var == 1 {
            if !accepts(vm, bit, ux) {
                return Ok(Value::NotImplemented);
            }
            return super::funcs::percent_format(vm, ux, u);
        }
        return super::funcs::percent_format(vm, u, x);
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
    if !r.is(u) {
        if let (Value::Obj(ur), Value::Obj(rr)) = (u, r) {
            let new = match vm.heap.get(rr) {
                Obj::List(l) => Some(Obj::List(l.clone())),
                Obj::ByteArray(b) => Some(Obj::ByteArray(b.clone())),
                _ => None,
            };
            match (vm.heap.get_mut(ur), new) {
                (Obj::List(l), Some(Obj::List(n))) => *l = n,
                (Obj::ByteArray(b), Some(Obj::ByteArray(n))) => *b = n,
                _ => {}
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
