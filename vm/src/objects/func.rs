//! Functions, classes and instances.

use alloc::rc::Rc;
use alloc::vec::Vec;

use super::dict::Dict;
use super::trace_code;
use crate::bytecode::Code;
use crate::heap::ObjRef;
use crate::value::Value;

/// A Python function: code plus what `def` captured when it ran.
pub struct Func {
    pub code: Rc<Code>,
    pub globals: ObjRef,
    pub name: Value,
    pub qualname: Value,
    /// Defaults of the last `defaults.len()` positional parameters.
    pub defaults: Vec<Value>,
    /// Keyword-only defaults: a dict or None.
    pub kwdefaults: Value,
    /// Cells for the code's free variables, in `code.freevars` order.
    pub closure: Vec<Value>,
    /// Function attributes (`f.x = 1`): a dict or None.
    pub attrs: Value,
}

impl Func {
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        trace_code(&self.code, out);
        out.push(self.globals);
        for v in [self.name, self.qualname, self.kwdefaults, self.attrs] {
            if let Value::Obj(r) = v {
                out.push(r);
            }
        }
        super::trace_vals(&self.defaults, out);
        super::trace_vals(&self.closure, out);
    }
}

/// Which builtin layout the instances of a class carry (a user class that
/// subclasses `list` stores a real list in `Instance::base`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    Object,
    Exception,
    /// Instances wrap a value of the builtin type (`int`, `str`, `list`, ...).
    Builtin,
    /// The builtin type itself cannot be subclassed (`bool`, `NoneType`, ...).
    Final,
}

pub struct Class {
    pub name: Value,
    pub module: Value,
    pub bases: Vec<ObjRef>,
    /// C3 linearisation, starting with the class itself.
    pub mro: Vec<ObjRef>,
    pub dict: Dict,
    pub layout: Layout,
    /// For builtin types: the type's tag (see `types.rs`); for user
    /// classes: the nearest builtin base's tag.
    pub builtin: u8,
    /// Made by the VM (`int`, `ValueError`, `machine.Pin`), not by a class
    /// statement or `type()`: calling it runs its native constructor.
    /// (Not `__module__ == "builtins"`: a user class may set that.)
    pub native: bool,
    /// Bumped on every change to this class's dict (and its subclasses'
    /// caches check it).
    pub version: u32,
    /// Builtin classes: their native methods, up to two runs of
    /// `Vm::natives` as (start, count) (a type's own methods and a table
    /// it shares, like bytes/bytearray), looked up after `dict`. They live
    /// in the native table, not in the heap: ~600 methods as dict entries
    /// with interned names were most of the VM's bootstrap heap.
    pub natives: [(u16, u16); 2],
}

impl Class {
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        for v in [self.name, self.module] {
            if let Value::Obj(r) = v {
                out.push(r);
            }
        }
        out.extend_from_slice(&self.bases);
        out.extend_from_slice(&self.mro);
        self.dict.trace(out);
    }
}

pub struct Instance {
    pub class: ObjRef,
    pub dict: Dict,
    /// The builtin value of a builtin subclass instance, else Undef.
    pub base: Value,
}

impl Instance {
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        out.push(self.class);
        self.dict.trace(out);
        if let Value::Obj(r) = self.base {
            out.push(r);
        }
    }
}
