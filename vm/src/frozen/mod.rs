//! Frozen modules: Python modules compiled to bytecode at build time and
//! embedded in the image, as MicroPython's `FROZEN_MANIFEST` does.
//!
//! The VM cannot run its own compiler from its own `build.rs`, so the
//! freezing happens one crate up: `frozen/` (`ferrite-frozen`) has a build
//! script that depends on `ferrite-vm` (compiled for the host), compiles
//! every `vm/lib/*.py` with [`write::freeze`] and embeds the blob with
//! `include_bytes!`. Embedders pass it in `Config::frozen`. Importing a
//! frozen module deserializes its code ([`load::load_code`]): no lexing or
//! parsing at run time. An embedder that counts download bytes more than
//! import time (the browser) embeds the modules' source instead
//! (`FROZEN_SOURCE`, [`write::as_source`]: comments stripped, about
//! half the gzipped size of the bytecode), compiled at import.
//!
//! The blob (all integers little-endian; `uv` = unsigned LEB128, at most
//! 5 bytes for a u32; `str` = `uv` length + UTF-8):
//! ```text
//! header  "FzBc" | version u16 | reserved u16 (0) | body length u32 | FNV-1a-32 of body u32
//! body    count uv | module*
//! module  name str | filename str | kind u8 | length uv | code or source
//!         (kind: KIND_CODE = code below, KIND_SOURCE = UTF-8 Python source)
//! code    name str | qualname str | flags argcount kwonly posonly nlocals first_line uv
//!         nops uv | (opcode u8 [operand])*        operand: uv, zigzag i32 uv, or an enum byte
//!         nconsts uv | const*                      const: tag u8 + payload (see CONST_*)
//!         nnames uv | str*  nvarnames uv | str*    (interned on load; nvarnames == nlocals)
//!         nlines uv | (pc delta uv, line uv)*  nexc uv | (start end handler depth level uv)*
//!         ncells uv | uv*  nfrees uv | uv*  nchildren uv | code*
//! ```
//! `FORMAT_VERSION` changes whenever the instruction set or this layout
//! does; the loader refuses any other version, so a blob built by another
//! VM revision fails to import cleanly instead of running wrong opcodes.
//! The checksum catches corruption (a flipped bit in flash); the loader
//! also checks every index and count on its own, so even a blob with a
//! valid checksum cannot make it read out of bounds or panic.

pub mod load;
pub mod write;

use crate::types::ty;
use alloc::format;
use alloc::string::String;

use crate::bytecode::Op;
use crate::compile::ast::{BinOp, CmpOp, UnOp};
use crate::value::Value;
use crate::vm::{Exc, PyResult, Vm};

pub const MAGIC: &[u8; 4] = b"FzBc";
/// Bump on any change to `Op`, to the opcode numbers below or to the layout.
pub const FORMAT_VERSION: u16 = 2;
pub const HEADER_LEN: usize = 16;
/// Code objects nested deeper than this are refused (the loader recurses).
pub const MAX_DEPTH: u32 = 48;
/// Constant tuples nested deeper than this are refused.
pub const MAX_CONST_DEPTH: u32 = 8;

/// A module entry holding serialized code.
pub const KIND_CODE: u8 = 0;
/// A module entry holding source, compiled at import.
pub const KIND_SOURCE: u8 = 1;

pub const CONST_NONE: u8 = 0;
pub const CONST_TRUE: u8 = 1;
pub const CONST_FALSE: u8 = 2;
pub const CONST_ELLIPSIS: u8 = 3;
/// zigzag LEB128 i64
pub const CONST_INT: u8 = 4;
/// 8 bytes, IEEE bits
pub const CONST_FLOAT: u8 = 5;
/// interned str
pub const CONST_STR: u8 = 6;
pub const CONST_BYTES: u8 = 7;
/// hex digits with an optional '-', as a str
pub const CONST_BIGINT: u8 = 8;
/// count uv + consts
pub const CONST_TUPLE: u8 = 9;

/// A malformed blob; the text says what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub &'static str);

/// Why loading failed: a bad blob, or an exception to raise as is (the
/// heap is full, or frozen source has a SyntaxError).
#[derive(Debug)]
pub enum LoadError {
    Format(FormatError),
    Raise(crate::exc::Exc),
}

impl From<FormatError> for LoadError {
    fn from(e: FormatError) -> LoadError {
        LoadError::Format(e)
    }
}

/// What follows an opcode byte.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    None,
    U32,
    I32,
    Bin,
    Un,
    Cmp,
}

/// One table gives both directions of the opcode numbering, so the writer
/// and the loader cannot disagree; the match in `encode` is exhaustive, so a
/// new `Op` variant does not compile until it has a number here.
macro_rules! opcodes {
    (
        none { $($n:ident = $nc:literal),* $(,)? }
        u32 { $($u:ident = $uc:literal),* $(,)? }
        other { LoadInt = $li:literal, Binary = $bi:literal, Inplace = $ip:literal,
                Unary = $un:literal, Compare = $cm:literal $(,)? }
    ) => {
        /// The opcode byte of `op` and its operand.
        pub(crate) fn encode(op: &Op) -> (u8, u32) {
            match *op {
                $(Op::$n => ($nc, 0),)*
                $(Op::$u(x) => ($uc, x),)*
                Op::LoadInt(i) => ($li, i as u32),
                Op::Binary(b) => ($bi, bin_code(b)),
                Op::Inplace(b) => ($ip, bin_code(b)),
                Op::Unary(u) => ($un, un_code(u)),
                Op::Compare(c) => ($cm, cmp_code(c)),
            }
        }

        /// How the operand of opcode `c` is encoded (None: unknown opcode).
        pub(crate) fn kind(c: u8) -> Option<Kind> {
            match c {
                $($nc => Some(Kind::None),)*
                $($uc => Some(Kind::U32),)*
                $li => Some(Kind::I32),
                $bi | $ip => Some(Kind::Bin),
                $un => Some(Kind::Un),
                $cm => Some(Kind::Cmp),
                _ => None,
            }
        }

        /// The instruction for opcode `c` with operand `x` (already range
        /// checked for enum operands by `kind`'s decoder).
        pub(crate) fn decode(c: u8, x: u32) -> Option<Op> {
            Some(match c {
                $($nc => Op::$n,)*
                $($uc => Op::$u(x),)*
                $li => Op::LoadInt(x as i32),
                $bi => Op::Binary(bin_from(x)?),
                $ip => Op::Inplace(bin_from(x)?),
                $un => Op::Unary(un_from(x)?),
                $cm => Op::Compare(cmp_from(x)?),
                _ => return None,
            })
        }
    };
}

opcodes! {
    none {
        Nop = 0, Pop = 1, Dup = 2, DupTwo = 3, Rot2 = 4, Rot3 = 5, Rot4 = 6,
        LoadNone = 7, LoadTrue = 8, LoadFalse = 9, Subscr = 10, StoreSubscr = 11,
        DeleteSubscr = 12, CheckExcMatch = 13, GetIter = 14, ListExtend = 15,
        SetUpdate = 16, DictUpdate = 17, DictMerge = 18, ListToTuple = 19,
        LoadBuildClass = 20, Return = 21, Yield = 22, YieldDelegate = 23,
        GetYieldFromIter = 24, GetAwaitable = 25, Reraise = 26, PopExcept = 27,
        WithSetup = 28, WithExcept = 29, ImportStar = 30, PrintExpr = 31,
        LoadAssertionError = 32, GetANext = 33,
    }
    u32 {
        LoadConst = 40, LoadFast = 41, StoreFast = 42, DeleteFast = 43,
        LoadDeref = 44, StoreDeref = 45, DeleteDeref = 46, LoadCell = 47,
        LoadGlobal = 48, StoreGlobal = 49, DeleteGlobal = 50, LoadName = 51,
        StoreName = 52, DeleteName = 53, LoadAttr = 54, StoreAttr = 55,
        DeleteAttr = 56, LoadMethod = 57, CallMethod = 58, InplaceAddLocal = 59,
        Jump = 60, PopJumpIfFalse = 61, PopJumpIfTrue = 62, JumpIfFalseOrPop = 63,
        JumpIfTrueOrPop = 64, ForIter = 65, BuildTuple = 66, BuildList = 67,
        BuildSet = 68, BuildMap = 69, BuildSlice = 70, BuildString = 71,
        ListAppend = 72, SetAdd = 73, MapAdd = 74, UnpackSequence = 75,
        UnpackEx = 76, Call = 77, CallKw = 78, CallEx = 79, MakeFunction = 80,
        Send = 81, Raise = 82, ImportName = 83, ImportFrom = 84,
        FormatValue = 85, EndAsyncFor = 86,
    }
    other { LoadInt = 100, Binary = 101, Inplace = 102, Unary = 103, Compare = 104 }
}

const BINOPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::MatMul,
    BinOp::Div,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::BitOr,
    BinOp::BitXor,
    BinOp::BitAnd,
];
const UNOPS: [UnOp; 4] = [UnOp::Neg, UnOp::Pos, UnOp::Invert, UnOp::Not];
const CMPOPS: [CmpOp; 10] = [
    CmpOp::Eq,
    CmpOp::Ne,
    CmpOp::Lt,
    CmpOp::Le,
    CmpOp::Gt,
    CmpOp::Ge,
    CmpOp::Is,
    CmpOp::IsNot,
    CmpOp::In,
    CmpOp::NotIn,
];

fn bin_code(b: BinOp) -> u32 {
    BINOPS.iter().position(|x| *x == b).unwrap_or(0) as u32
}
fn un_code(u: UnOp) -> u32 {
    UNOPS.iter().position(|x| *x == u).unwrap_or(0) as u32
}
fn cmp_code(c: CmpOp) -> u32 {
    CMPOPS.iter().position(|x| *x == c).unwrap_or(0) as u32
}
fn bin_from(x: u32) -> Option<BinOp> {
    BINOPS.get(x as usize).copied()
}
fn un_from(x: u32) -> Option<UnOp> {
    UNOPS.get(x as usize).copied()
}
fn cmp_from(x: u32) -> Option<CmpOp> {
    CMPOPS.get(x as usize).copied()
}

/// FNV-1a, 32 bits: small, no tables, enough to catch corruption.
pub fn checksum(data: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in data {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The file name frozen code reports in tracebacks, CPython's style for
/// frozen modules (`File "<frozen asyncio>", line 12, in run`).
pub fn filename_for(module: &str) -> String {
    format!("<frozen {}>", module)
}

/// Run frozen module `name`'s code in module `m`'s namespace (after its
/// native part, if any, is in place). `Ok(false)` when the blob has no such
/// module.
pub(crate) fn exec_into(vm: &mut Vm, m: Value, name: &str) -> PyResult<bool> {
    let entry = match find(vm, name) {
        Ok(Some(e)) => e,
        Ok(None) => return Ok(false),
        Err(e) => return Err(corrupt(vm, name, e)),
    };
    let Value::Obj(r) = m else { return Ok(false) };
    let crate::objects::Obj::Module { dict, .. } = vm.heap.get(r) else {
        return Ok(false);
    };
    let d = *dict;
    vm.temp_roots.push(m);
    let res = match entry_code(vm, &entry) {
        Ok(code) => vm.run_code_sync(code, d, Value::Undef).map(|_| true),
        Err(LoadError::Raise(e)) => Err(e),
        Err(LoadError::Format(e)) => Err(corrupt(vm, name, e)),
    };
    vm.temp_roots.pop();
    res
}

/// An entry's code object: deserialized, or compiled from its source (not
/// kept for tracebacks: frozen modules show no source lines either way).
pub(crate) fn entry_code(
    vm: &mut Vm,
    entry: &load::Entry<'_>,
) -> Result<alloc::rc::Rc<crate::bytecode::Code>, LoadError> {
    if entry.kind == KIND_SOURCE {
        let src = core::str::from_utf8(entry.code).map_err(|_| FormatError("invalid UTF-8"))?;
        let mode = crate::compile::Mode::File;
        return crate::compile::compile_unkept(vm, src, entry.filename, mode)
            .map_err(LoadError::Raise);
    }
    load::load_code(vm, entry.code, entry.filename)
}

/// Whether the embedder's blob holds module `name` (a corrupt blob is
/// reported by `exec_into`).
pub(crate) fn contains(vm: &mut Vm, name: &str) -> bool {
    !matches!(find(vm, name), Ok(None))
}

/// `load::find` in the configured blob, verifying its checksum only the
/// first time.
fn find(vm: &mut Vm, name: &str) -> Result<Option<load::Entry<'static>>, FormatError> {
    let blob = vm.config.frozen;
    let r = load::find(blob, name, !vm.frozen_verified);
    if r.is_ok() {
        vm.frozen_verified = true;
    }
    r
}

fn corrupt(vm: &mut Vm, name: &str, e: FormatError) -> Exc {
    let msg = format!("frozen module '{}' is corrupt: {}", name, e.0);
    vm.new_error(ty::IMPORT_ERROR, &msg)
}

#[cfg(test)]
mod tests;
