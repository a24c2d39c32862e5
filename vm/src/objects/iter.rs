//! Builtin iterators: the state of `iter(x)` for the builtin types, and of
//! `enumerate`/`zip`/`map`/`reversed` over them. They advance without
//! running Python code; iterators that must call Python (`map` with a
//! Python function, `zip` over generators) are Python generators from the
//! prelude instead, so they suspend like any Python code.

use alloc::vec::Vec;

use crate::heap::ObjRef;
use crate::value::Value;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

pub enum IterState {
    /// list, tuple, bytes, bytearray: by index. str: by byte offset.
    Seq {
        seq: Value,
        idx: usize,
    },
    Str {
        s: ObjRef,
        pos: usize,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    Dict {
        d: ObjRef,
        pos: usize,
        part: DictPart,
        len0: usize,
    },
    Enumerate {
        it: Value,
        count: i64,
    },
    Zip {
        its: Vec<Value>,
    },
    /// `map(f, ...)` where `f` is a builtin function.
    Map {
        f: Value,
        its: Vec<Value>,
    },
    /// reversed(seq) over list/tuple/str/range-like sequences: `idx` counts down.
    Reversed {
        seq: Value,
        idx: usize,
    },
    /// iter(callable, sentinel)
    Call {
        f: Value,
        sentinel: Value,
    },
    Done,
}

impl IterState {
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        let mut p = |v: &Value| {
            if let Value::Obj(r) = *v {
                out.push(r);
            }
        };
        match self {
            IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => p(seq),
            IterState::Str { s, .. } => p(&Value::Obj(*s)),
            IterState::Range { .. } | IterState::Done => {}
            IterState::Dict { d, .. } => p(&Value::Obj(*d)),
            IterState::Enumerate { it, .. } => p(it),
            IterState::Zip { its } => its.iter().for_each(p),
            IterState::Map { f, its } => {
                p(f);
                its.iter().for_each(p);
            }
            IterState::Call { f, sentinel } => {
                p(f);
                p(sentinel);
            }
        }
    }
}
