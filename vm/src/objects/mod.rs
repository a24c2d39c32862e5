//! Heap object kinds. One `Obj` per heap slot; each kind's behaviour lives
//! in its own file (`str.rs`, `list.rs`, `dict.rs`, ...).
//!
//! Each kind says what it references (`trace`, for the collector) and how
//! many payload bytes it owns beyond its slot (`payload_bytes`, for the hard
//! heap limit). Big, rarely-touched kinds are boxed so the slot stays small.

pub mod bigint;
pub mod dict;
pub mod exception;
pub mod func;
pub mod iter;
pub mod str;

use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::vec::Vec;

use crate::bytecode::Code;
use crate::heap::ObjRef;
use crate::value::Value;

pub use bigint::BigInt;
pub use dict::Dict;
pub use exception::ExcObj;
pub use func::{Class, Func, Instance};
pub use iter::IterState;
pub use str::PyStr;

/// A `property`: its accessor functions and docstring.
#[derive(Clone, Copy, Debug)]
pub struct Property {
    pub get: Value,
    pub set: Value,
    pub del: Value,
    pub doc: Value,
}

pub enum Obj {
    /// A free slot: index of the next free slot.
    Free(u32),
    Str(PyStr),
    Bytes(Vec<u8>),
    ByteArray(Vec<u8>),
    BigInt(BigInt),
    List(Vec<Value>),
    Tuple(Box<[Value]>),
    Dict(Dict),
    /// `set`; `frozen` distinguishes frozenset (hashable, immutable).
    Set {
        d: Dict,
        frozen: bool,
    },
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    /// `slice(start, stop, step)`; boxed, like `Property`, so that every
    /// slot is 32 bytes on 32-bit boards instead of 64 (see `heap.rs`).
    Slice(Box<[Value; 3]>),
    Func(Box<Func>),
    Class(Box<Class>),
    Instance(Box<Instance>),
    BoundMethod {
        this: Value,
        func: Value,
    },
    Cell(Value),
    Module {
        name: Value,
        dict: ObjRef,
    },
    Exception(Box<ExcObj>),
    Generator(Box<Gen>),
    Property(Box<Property>),
    ClassMethod(Value),
    StaticMethod(Value),
    Super {
        class: ObjRef,
        this: Value,
    },
    Iter(Box<IterState>),
    MemoryView {
        obj: Value,
        start: usize,
        len: usize,
    },
    /// Bytecode compiled by `compile()`: run by `exec`/`eval`.
    Code(Rc<Code>),
    /// `dict.keys()`/`values()`/`items()`: a live view of dict `d`.
    DictView {
        d: ObjRef,
        part: iter::DictPart,
    },
}

/// A generator, coroutine or async generator suspended between resumptions.
pub struct Gen {
    pub func: Value,
    pub code: Rc<Code>,
    pub globals: ObjRef,
    pub pc: usize,
    /// The frame's registers and operand stack while suspended.
    pub stack: Vec<Value>,
    /// Exceptions being handled inside the generator when it yielded.
    pub handling: Vec<Value>,
    pub state: GenState,
    pub kind: GenKind,
    pub name: Value,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Done,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
}

#[inline]
fn push_val(v: &Value, out: &mut Vec<ObjRef>) {
    if let Value::Obj(r) = *v {
        out.push(r);
    }
}

pub(crate) fn trace_vals(vs: &[Value], out: &mut Vec<ObjRef>) {
    for v in vs {
        push_val(v, out);
    }
}

pub(crate) fn trace_code(code: &Code, out: &mut Vec<ObjRef>) {
    trace_vals(&code.consts, out);
    trace_vals(&code.names, out);
    trace_vals(&code.varnames, out);
    for c in code.children.iter() {
        trace_code(c, out);
    }
}

impl Obj {
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        match self {
            Obj::Free(_)
            | Obj::Str(_)
            | Obj::Bytes(_)
            | Obj::ByteArray(_)
            | Obj::BigInt(_)
            | Obj::Range { .. } => {}
            Obj::List(v) => trace_vals(v, out),
            Obj::Tuple(v) => trace_vals(v, out),
            Obj::Dict(d) | Obj::Set { d, .. } => d.trace(out),
            Obj::Slice(s) => trace_vals(&s[..], out),
            Obj::Func(f) => f.trace(out),
            Obj::Class(c) => c.trace(out),
            Obj::Instance(i) => i.trace(out),
            Obj::BoundMethod { this, func } => {
                push_val(this, out);
                push_val(func, out);
            }
            Obj::Cell(v) | Obj::ClassMethod(v) | Obj::StaticMethod(v) => push_val(v, out),
            Obj::Module { name, dict } => {
                push_val(name, out);
                out.push(*dict);
            }
            Obj::Exception(e) => e.trace(out),
            Obj::Generator(g) => {
                push_val(&g.func, out);
                push_val(&g.name, out);
                out.push(g.globals);
                trace_code(&g.code, out);
                trace_vals(&g.stack, out);
                trace_vals(&g.handling, out);
            }
            Obj::Property(p) => trace_vals(&[p.get, p.set, p.del, p.doc], out),
            Obj::Super { class, this } => {
                out.push(*class);
                push_val(this, out);
            }
            Obj::Iter(it) => it.trace(out),
            Obj::MemoryView { obj, .. } => push_val(obj, out),
            Obj::Code(c) => trace_code(c, out),
            Obj::DictView { d, .. } => out.push(*d),
        }
    }

    /// Bytes owned outside the slot, from capacities (what the allocator
    /// really holds).
    pub fn payload_bytes(&self) -> usize {
        const V: usize = core::mem::size_of::<Value>();
        match self {
            Obj::Str(s) => s.s.capacity(),
            Obj::Bytes(b) | Obj::ByteArray(b) => b.capacity(),
            Obj::BigInt(b) => b.limbs() * 4,
            Obj::List(v) => v.capacity() * V,
            Obj::Tuple(v) => v.len() * V,
            Obj::Dict(d) | Obj::Set { d, .. } => d.payload_bytes(),
            Obj::Func(f) => {
                core::mem::size_of::<Func>() + f.closure.len() * V + f.defaults.len() * V
            }
            Obj::Class(c) => {
                core::mem::size_of::<Class>() + c.dict.payload_bytes() + c.mro.len() * 4
            }
            Obj::Instance(i) => core::mem::size_of::<Instance>() + i.dict.payload_bytes(),
            Obj::Exception(e) => core::mem::size_of::<ExcObj>() + e.traceback.len() * 16,
            Obj::Generator(g) => core::mem::size_of::<Gen>() + g.stack.capacity() * V,
            Obj::Iter(_) => core::mem::size_of::<IterState>(),
            Obj::Slice(_) => 3 * V,
            Obj::Property(_) => core::mem::size_of::<Property>(),
            _ => 0,
        }
    }
}
