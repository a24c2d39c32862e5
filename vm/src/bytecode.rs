//! Bytecode: the instruction set, code objects and the disassembler.
//!
//! A stack machine: each function's frame is a window of the VM's value
//! stack, `[locals (nlocals) | operand stack]`. Instructions are a Rust enum
//! of at most 8 bytes (`op` tag + one u32 operand, or two u16s), so dispatch
//! is one `match` with no operand decoding.
//!
//! Exceptions use a table, not runtime setup blocks: each [`ExcEntry`]
//! covers `start..end`; on an exception there the VM truncates the operand
//! stack to `depth`, truncates the handled-exception stack to `level`,
//! pushes the exception (on both) and jumps to `handler`. Entries are in
//! inner-first order, so the first match is the innermost handler.

use crate::at::At;
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;
use core::fmt::Write;

use crate::compile::ast::{BinOp, CmpOp, UnOp};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Nop,
    Pop,
    Dup,
    DupTwo,
    Rot2,
    Rot3,
    Rot4,
    LoadConst(u32),
    LoadNone,
    LoadTrue,
    LoadFalse,
    LoadInt(i32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Load/store through the cell held in local slot n.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Push the cell object itself (to build a closure).
    LoadCell(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class bodies and exec/eval with a locals dict: locals dict, then
    /// globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// `obj.name(...)`: pushes [callable, self] or [function, Undef].
    LoadMethod(u32),
    CallMethod(u32),
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    Binary(BinOp),
    Inplace(BinOp),
    /// `local += value` for a fast local (slot < 64): appends in place when
    /// the local's str is known to be unreferenced elsewhere.
    InplaceAddLocal(u32),
    Unary(UnOp),
    Compare(CmpOp),
    /// `exc, type -> exc, bool`: does the exception match an except clause?
    CheckExcMatch,
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// `iter -> iter, next` or, when exhausted, pop iter and jump.
    ForIter(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    BuildMap(u32),
    BuildSlice(u32),
    BuildString(u32),
    /// Comprehension helpers: add TOS to the container at depth n below it.
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    /// `list, iterable -> list` (starred displays and calls).
    ListExtend,
    SetUpdate,
    /// `dict, mapping -> dict`: `{**m}` (Update) or `f(**m)` (Merge: duplicate keys are an error).
    DictUpdate,
    DictMerge,
    ListToTuple,
    UnpackSequence(u32),
    /// before << 16 | after
    UnpackEx(u32),
    Call(u32),
    /// TOS is a tuple of keyword names; n = positional + keyword values.
    CallKw(u32),
    /// `f, args_tuple[, kwargs_dict]`: flag 1 = has kwargs dict.
    CallEx(u32),
    /// child code index << 8 | flags (1 defaults tuple, 2 kwdefaults dict, 4 closure tuple).
    MakeFunction(u32),
    LoadBuildClass,
    Return,
    Yield,
    /// `yield` inside `yield from`/`await`: a throw() while suspended here goes to the sub-iterator.
    YieldDelegate,
    /// `iter, value -> iter, yielded` or, when the sub-iterator returns, `result` and jump.
    Send(u32),
    GetYieldFromIter,
    GetAwaitable,
    /// 0: bare `raise`; 1: `raise exc`; 2: `raise exc from cause`.
    Raise(u32),
    /// Re-raise the exception on TOS, keeping its traceback.
    Reraise,
    PopExcept,
    /// `ctx -> exit, ctx` (bound `__exit__`).
    WithSetup,
    /// `exit, exc -> exit, exc, exit(type, exc, tb)`.
    WithExcept,
    /// name index; level in the following `Nop`-free encoding: level << 24 | name.
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    /// conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 if a format spec is on TOS.
    FormatValue(u32),
    /// REPL: print repr of TOS if not None and bind `_`.
    PrintExpr,
    LoadAssertionError,
    /// `async for`: `aiter -> aiter, awaitable of __anext__()`.
    GetANext,
    /// End of `async for` on StopAsyncIteration: `aiter, exc -> ` jump if it matches.
    EndAsyncFor(u32),
}

/// What an instruction's operand refers to: one classification for the
/// disassembler (which prints the name or constant) and the frozen-code
/// loader (which checks the index is in range).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Operand {
    /// No index into the code object (or a plain count/flag).
    Other,
    Const(u32),
    /// A slot of `varnames` (locals and cells).
    Local(u32),
    /// An entry of `names`.
    Name(u32),
    /// An instruction index.
    Jump(u32),
}

impl Op {
    /// The target of a jump instruction: the one list of jump opcodes (the
    /// compiler patches through it, `operand` reads through it).
    pub fn target_mut(&mut self) -> Option<&mut u32> {
        match self {
            Op::Jump(t)
            | Op::PopJumpIfFalse(t)
            | Op::PopJumpIfTrue(t)
            | Op::JumpIfFalseOrPop(t)
            | Op::JumpIfTrueOrPop(t)
            | Op::ForIter(t)
            | Op::Send(t)
            | Op::EndAsyncFor(t) => Some(t),
            _ => None,
        }
    }

    pub fn operand(&self) -> Operand {
        let mut op = *self;
        if let Some(&mut t) = op.target_mut() {
            return Operand::Jump(t);
        }
        match *self {
            Op::LoadConst(i) => Operand::Const(i),
            Op::LoadFast(i)
            | Op::StoreFast(i)
            | Op::DeleteFast(i)
            | Op::LoadDeref(i)
            | Op::StoreDeref(i)
            | Op::DeleteDeref(i)
            | Op::LoadCell(i)
            | Op::InplaceAddLocal(i) => Operand::Local(i),
            Op::LoadGlobal(i)
            | Op::StoreGlobal(i)
            | Op::DeleteGlobal(i)
            | Op::LoadName(i)
            | Op::StoreName(i)
            | Op::DeleteName(i)
            | Op::LoadAttr(i)
            | Op::StoreAttr(i)
            | Op::DeleteAttr(i)
            | Op::LoadMethod(i)
            | Op::ImportFrom(i) => Operand::Name(i),
            // The low 24 bits name the module; the high 8 are the level.
            Op::ImportName(i) => Operand::Name(i & 0xff_ffff),
            _ => Operand::Other,
        }
    }
}

pub const CODE_VARARGS: u32 = 1;
pub const CODE_VARKW: u32 = 2;
pub const CODE_GENERATOR: u32 = 4;
pub const CODE_COROUTINE: u32 = 8;
/// Positional-only, no defaults, no `*`/`**`, no cells: arguments land in
/// their slots as they are and the call does no binding work.
pub const CODE_SIMPLE: u32 = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
    pub level: u32,
}

/// A compiled function body (or module, class body, comprehension).
pub struct Code {
    pub name: String,
    pub qualname: String,
    pub filename: Rc<str>,
    pub ops: Vec<Op>,
    pub consts: Vec<Value>,
    /// Interned `str` values referenced by name-taking instructions.
    pub names: Vec<Value>,
    /// Names of the local slots (parameters first), as interned strs.
    pub varnames: Vec<Value>,
    /// (first op index, line) pairs, ascending.
    pub lines: Vec<(u32, u32)>,
    pub exc_table: Vec<ExcEntry>,
    pub nlocals: u32,
    pub argcount: u32,
    pub kwonlyargcount: u32,
    /// Leading parameters that cannot be passed by keyword (before `/`).
    pub posonlyargcount: u32,
    pub flags: u32,
    /// Slots that hold cells; parameters among them are wrapped at entry.
    pub cellvars: Vec<u32>,
    /// Slots that receive the function's closure cells, in order.
    pub freevars: Vec<u32>,
    pub children: Vec<Rc<Code>>,
    pub first_line: u32,
    /// Inline caches for attribute loads, stores and method loads on
    /// instances, one per entry of `names` (see `interp/cache.rs`).
    pub attr_ics: Box<[Cell<AttrIc>]>,
}

/// An inline-cache entry: valid while the instance's class is `class` and
/// the VM's class epoch is still `epoch`. `slot` is the index of the
/// attribute in the instance dict (checked against the key on use);
/// `method` the function a method load resolved to. 32 bytes.
#[derive(Clone, Copy, Debug)]
pub struct AttrIc {
    pub class: u32,
    pub epoch: u32,
    pub slot: u32,
    pub method: Value,
}

impl AttrIc {
    pub const EMPTY: AttrIc = AttrIc {
        class: u32::MAX,
        epoch: 0,
        slot: u32::MAX,
        method: Value::Undef,
    };

    /// A table of empty entries for a code object with `n` names.
    pub fn table(n: usize) -> Box<[Cell<AttrIc>]> {
        (0..n).map(|_| Cell::new(AttrIc::EMPTY)).collect()
    }
}

impl Code {
    pub fn line_for(&self, pc: usize) -> u32 {
        let pc = pc as u32;
        match self.lines.binary_search_by(|&(p, _)| p.cmp(&pc)) {
            Ok(i) => self.lines.at(i).1,
            Err(0) => self.first_line,
            Err(i) => self.lines.at(i - 1).1,
        }
    }
}

/// Text of one instruction for the disassembler; `name_of` renders a name
/// or constant operand.
pub fn disassemble(code: &Code, out: &mut String, name_of: &dyn Fn(Value) -> String) {
    let _ = writeln!(
        out,
        "code {} (args={}, kwonly={}, locals={}, flags={:#x})",
        code.qualname, code.argcount, code.kwonlyargcount, code.nlocals, code.flags
    );
    let mut last_line = 0;
    for (pc, op) in code.ops.iter().enumerate() {
        let line = code.line_for(pc);
        if line != last_line {
            let _ = write!(out, "{:>4} ", line);
            last_line = line;
        } else {
            out.push_str("     ");
        }
        let _ = write!(out, "{:>4} ", pc);
        let var = |i: u32| {
            code.varnames
                .get(i as usize)
                .map(|v| name_of(*v))
                .unwrap_or_default()
        };
        let name = |i: u32| {
            code.names
                .get(i as usize)
                .map(|v| name_of(*v))
                .unwrap_or_default()
        };
        match (*op, op.operand()) {
            (Op::ImportName(i), _) => {
                let _ = write!(
                    out,
                    "ImportName {} (level {})",
                    name(i & 0xff_ffff),
                    i >> 24
                );
            }
            (Op::MakeFunction(i), _) => {
                let child = code
                    .children
                    .get((i >> 8) as usize)
                    .map(|c| c.qualname.clone())
                    .unwrap_or_default();
                let _ = write!(out, "MakeFunction {} (flags {})", child, i & 0xff);
            }
            (_, Operand::Const(i)) => {
                let c = code
                    .consts
                    .get(i as usize)
                    .map(|v| name_of(*v))
                    .unwrap_or_default();
                let _ = write!(out, "LoadConst {} ({})", i, c);
            }
            (_, Operand::Local(i)) => {
                let _ = write!(out, "{:?} ({})", op, var(i));
            }
            (_, Operand::Name(i)) => {
                let _ = write!(out, "{:?} ({})", op, name(i));
            }
            _ => {
                let _ = write!(out, "{:?}", op);
            }
        }
        out.push('\n');
    }
    for e in &code.exc_table {
        let _ = writeln!(
            out,
            "  exc {}..{} -> {} depth {} level {}",
            e.start, e.end, e.handler, e.depth, e.level
        );
    }
    for c in &code.children {
        out.push('\n');
        disassemble(c, out, name_of);
    }
}
