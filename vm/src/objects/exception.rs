//! Exception instances.
//!
//! An exception is its own object kind (not a generic instance) so that the
//! interpreter can attach traceback entries and chaining without dictionary
//! lookups. User subclasses (`class MyError(ValueError)`) produce the same
//! kind, with `class` pointing at the user class and extra attributes in
//! `dict`.

use alloc::rc::Rc;
use alloc::vec::Vec;

use super::dict::Dict;
use crate::bytecode::Code;
use crate::heap::ObjRef;
use crate::value::Value;

pub struct TbEntry {
    pub code: Rc<Code>,
    pub line: u32,
}

pub struct ExcObj {
    pub class: ObjRef,
    /// A tuple.
    pub args: Value,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// Innermost call first (the order of unwinding; printed reversed).
    pub traceback: Vec<TbEntry>,
    pub dict: Dict,
    /// A NameError raised by the interpreter: the globals it looked in,
    /// for the traceback's "Did you mean" (CPython reads the frame's).
    pub globals: Value,
}

impl ExcObj {
    /// A fresh exception of `class` with `args` (a tuple): no traceback,
    /// chaining or attributes yet.
    pub fn new(class: ObjRef, args: Value) -> ExcObj {
        ExcObj {
            class,
            args,
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
            traceback: Vec::new(),
            dict: Dict::new(),
            globals: Value::None,
        }
    }

    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        out.push(self.class);
        for v in [self.args, self.cause, self.context, self.globals] {
            if let Value::Obj(r) = v {
                out.push(r);
            }
        }
        self.dict.trace(out);
    }
}
