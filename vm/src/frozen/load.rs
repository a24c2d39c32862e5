//! The frozen-module loader: finds a module in a blob and rebuilds its code
//! objects (layout in `mod.rs`).
//!
//! Every read is bounds checked and every count is checked against the
//! bytes left before anything is reserved, so a truncated or mutated blob
//! is a [`FormatError`], never a panic or a huge allocation. The checks
//! that keep the interpreter in bounds: each opcode is known; constant,
//! name, local and child indices are in range; jump and handler targets
//! are inside the code; the last instruction cannot fall through past the
//! end; the argument counts fit in the locals. Code nesting is limited to
//! `MAX_DEPTH` (the loader recurses). Stack discipline is not verified:
//! that is the compiler's contract, and the checksum keeps a damaged blob
//! from reaching this point at all.

use crate::at::At;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

use super::*;
use crate::bytecode::{Code, ExcEntry, Operand, CODE_VARARGS, CODE_VARKW};
use crate::vm::Vm;

/// One module's entry in a blob.
pub struct Entry<'a> {
    pub filename: &'a str,
    /// [`KIND_CODE`] (`code` is serialized code) or [`KIND_SOURCE`]
    /// (`code` is the module's UTF-8 source).
    pub kind: u8,
    pub code: &'a [u8],
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

fn bad<T>(msg: &'static str) -> Result<T, FormatError> {
    Err(FormatError(msg))
}

impl<'a> Reader<'a> {
    fn new(b: &'a [u8]) -> Self {
        Reader { b, pos: 0 }
    }
    fn remaining(&self) -> usize {
        self.b.len().saturating_sub(self.pos)
    }
    fn u8(&mut self) -> Result<u8, FormatError> {
        let x = *self.b.get(self.pos).ok_or(FormatError("truncated"))?;
        self.pos += 1;
        Ok(x)
    }
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        if n > self.remaining() {
            return bad("truncated");
        }
        let s = self
            .b
            .get(self.pos..self.pos + n)
            .ok_or(FormatError("truncated"))?;
        self.pos += n;
        Ok(s)
    }
    fn uv(&mut self) -> Result<u32, FormatError> {
        let mut x: u32 = 0;
        for i in 0..5 {
            let b = self.u8()?;
            if i == 4 && b > 0x0f {
                return bad("varint overflow");
            }
            x |= u32::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(x);
            }
        }
        bad("varint overflow")
    }
    fn sv(&mut self) -> Result<i64, FormatError> {
        let mut z: u64 = 0;
        for i in 0..10 {
            let b = self.u8()?;
            if i == 9 && b > 1 {
                return bad("varint overflow");
            }
            z |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(((z >> 1) as i64) ^ -((z & 1) as i64));
            }
        }
        bad("varint overflow")
    }
    /// A count of items each taking at least one byte: larger than what is
    /// left means corruption (and must not reach `Vec::with_capacity`).
    fn count(&mut self) -> Result<usize, FormatError> {
        let n = self.uv()? as usize;
        if n > self.remaining() {
            return bad("count larger than the data");
        }
        Ok(n)
    }
    fn str(&mut self) -> Result<&'a str, FormatError> {
        let n = self.uv()? as usize;
        let b = self.bytes(n)?;
        core::str::from_utf8(b).map_err(|_| FormatError("invalid UTF-8"))
    }
}

/// The body of a blob after checking its header (and its checksum when
/// `verify`: the VM checks it once, at the first import).
fn body(blob: &[u8], verify: bool) -> Result<&[u8], FormatError> {
    if blob.len() < HEADER_LEN {
        return bad("truncated header");
    }
    let mut r = Reader::new(blob);
    if r.bytes(4)? != MAGIC {
        return bad("bad magic");
    }
    let h = r.bytes(HEADER_LEN - 4)?;
    let word = |i: usize| -> u32 {
        let mut w = [0u8; 4];
        if let Some(s) = h.get(i..i + 4) {
            w.put(0, s);
        }
        u32::from_le_bytes(w)
    };
    let version = word(0) & 0xffff;
    if version != u32::from(FORMAT_VERSION) {
        return bad("format version mismatch (rebuild the frozen modules)");
    }
    if word(0) >> 16 != 0 {
        return bad("reserved header bits set");
    }
    let len = word(4) as usize;
    let sum = word(8);
    let body = r.bytes(len)?;
    if r.remaining() != 0 {
        return bad("trailing bytes");
    }
    if verify && checksum(body) != sum {
        return bad("checksum mismatch");
    }
    Ok(body)
}

/// Module `name`'s entry, `None` if the blob has no such module. An empty
/// blob (no frozen modules configured) holds nothing.
pub fn find<'a>(
    blob: &'a [u8],
    name: &str,
    verify: bool,
) -> Result<Option<Entry<'a>>, FormatError> {
    if blob.is_empty() {
        return Ok(None);
    }
    let mut r = Reader::new(body(blob, verify)?);
    let n = r.count()?;
    for _ in 0..n {
        let m = r.str()?;
        let filename = r.str()?;
        let kind = r.u8()?;
        if kind != KIND_CODE && kind != KIND_SOURCE {
            return bad("unknown module kind");
        }
        let len = r.uv()? as usize;
        let code = r.bytes(len)?;
        if m == name {
            return Ok(Some(Entry {
                filename,
                kind,
                code,
            }));
        }
    }
    Ok(None)
}

/// The names of the modules in a blob, in blob order.
pub fn names(blob: &[u8]) -> Result<Vec<&str>, FormatError> {
    let mut out = Vec::new();
    if blob.is_empty() {
        return Ok(out);
    }
    let mut r = Reader::new(body(blob, true)?);
    let n = r.count()?;
    for _ in 0..n {
        out.push(r.str()?);
        r.str()?;
        r.u8()?;
        let len = r.uv()? as usize;
        r.bytes(len)?;
    }
    Ok(out)
}

/// Rebuild a module's code object (with its children) from `bytes`,
/// interning names and allocating constants in the VM heap.
pub fn load_code(vm: &mut Vm, bytes: &[u8], filename: &str) -> Result<Rc<Code>, LoadError> {
    let mut r = Reader::new(bytes);
    let file: Rc<str> = Rc::from(filename);
    let code = read_code(vm, &mut r, &file, 0)?;
    if r.remaining() != 0 {
        return Err(FormatError("trailing bytes after code").into());
    }
    Ok(code)
}

fn intern(vm: &mut Vm, s: &str) -> Result<Value, LoadError> {
    match vm.intern(s) {
        // `intern` reports a full heap as None.
        Value::None => Err(LoadError::Raise(vm.memory_error())),
        v => Ok(v),
    }
}

fn read_code(
    vm: &mut Vm,
    r: &mut Reader,
    file: &Rc<str>,
    depth: u32,
) -> Result<Rc<Code>, LoadError> {
    if depth > MAX_DEPTH {
        return Err(FormatError("code nested too deeply").into());
    }
    let name = String::from(r.str()?);
    let qualname = String::from(r.str()?);
    let flags = r.uv()?;
    let argcount = r.uv()?;
    let kwonlyargcount = r.uv()?;
    let posonlyargcount = r.uv()?;
    let nlocals = r.uv()?;
    let first_line = r.uv()?;

    let nops = r.count()?;
    let mut ops = Vec::with_capacity(nops);
    for _ in 0..nops {
        let c = r.u8()?;
        let k = kind(c).ok_or(FormatError("unknown opcode"))?;
        let x = match k {
            Kind::None => 0,
            Kind::U32 => r.uv()?,
            Kind::I32 => {
                let v = r.sv()?;
                i32::try_from(v).map_err(|_| FormatError("LoadInt out of range"))? as u32
            }
            Kind::Bin | Kind::Un | Kind::Cmp => u32::from(r.u8()?),
        };
        ops.push(decode(c, x).ok_or(FormatError("bad operator operand"))?);
    }

    let nconsts = r.count()?;
    let mut consts = Vec::with_capacity(nconsts);
    for _ in 0..nconsts {
        consts.push(read_const(vm, r, 0)?);
    }
    let mut lists: [Vec<Value>; 2] = [Vec::new(), Vec::new()];
    for list in lists.iter_mut() {
        let n = r.count()?;
        list.reserve(n);
        for _ in 0..n {
            let s = r.str()?;
            list.push(intern(vm, s)?);
        }
    }
    let [names, varnames] = lists;

    let nlines = r.count()?;
    let mut lines = Vec::with_capacity(nlines);
    let mut pc: u32 = 0;
    for i in 0..nlines {
        let d = r.uv()?;
        if i > 0 && d == 0 {
            return Err(FormatError("line table not ascending").into());
        }
        pc = pc
            .checked_add(d)
            .ok_or(FormatError("line table overflow"))?;
        lines.push((pc, r.uv()?));
    }
    let nexc = r.count()?;
    let mut exc_table = Vec::with_capacity(nexc);
    for _ in 0..nexc {
        exc_table.push(ExcEntry {
            start: r.uv()?,
            end: r.uv()?,
            handler: r.uv()?,
            depth: r.uv()?,
            level: r.uv()?,
        });
    }
    let mut slots: [Vec<u32>; 2] = [Vec::new(), Vec::new()];
    for list in slots.iter_mut() {
        let n = r.count()?;
        list.reserve(n);
        for _ in 0..n {
            list.push(r.uv()?);
        }
    }
    let [cellvars, freevars] = slots;
    let nchildren = r.count()?;
    let mut children = Vec::with_capacity(nchildren);
    for _ in 0..nchildren {
        children.push(read_code(vm, r, file, depth + 1)?);
    }

    // Inline caches start empty, one per name (see interp/cache.rs).
    let attr_ics = crate::bytecode::AttrIc::table(names.len());
    let code = Code {
        attr_ics,
        name,
        qualname,
        filename: file.clone(),
        ops,
        consts,
        names,
        varnames,
        lines,
        exc_table,
        nlocals,
        argcount,
        kwonlyargcount,
        posonlyargcount,
        flags,
        cellvars,
        freevars,
        children,
        first_line,
    };
    validate(&code)?;
    Ok(Rc::new(code))
}

fn read_const(vm: &mut Vm, r: &mut Reader, depth: u32) -> Result<Value, LoadError> {
    if depth > MAX_CONST_DEPTH {
        return Err(FormatError("constant nested too deeply").into());
    }
    let mem = |vm: &mut Vm| LoadError::Raise(vm.memory_error());
    Ok(match r.u8()? {
        CONST_NONE => Value::None,
        CONST_TRUE => Value::from_bool(true),
        CONST_FALSE => Value::from_bool(false),
        CONST_ELLIPSIS => Value::Ellipsis,
        CONST_INT => {
            let i = r.sv()?;
            vm.new_int(i).map_err(LoadError::Raise)?
        }
        CONST_FLOAT => {
            let b = r.bytes(8)?;
            let mut w = [0u8; 8];
            w.put(0, b);
            Value::float(f64::from_bits(u64::from_le_bytes(w)))
        }
        CONST_STR => {
            let s = r.str()?;
            intern(vm, s)?
        }
        CONST_BYTES => {
            let n = r.uv()? as usize;
            let b = r.bytes(n)?;
            vm.const_bytes(b).map_err(|_| mem(vm))?
        }
        CONST_BIGINT => {
            let s = r.str()?;
            let b = crate::objects::BigInt::parse(s, 16).ok_or(FormatError("bad bigint"))?;
            // The invariant: an int that fits in i64 is never a BigInt.
            vm.int_from_big(b).map_err(|_| mem(vm))?
        }
        CONST_TUPLE => {
            let n = r.count()?;
            let mut items = Vec::with_capacity(n);
            for _ in 0..n {
                items.push(read_const(vm, r, depth + 1)?);
            }
            // The items are fresh (or interned): safe until the next safe point.
            vm.const_tuple(&items).map_err(|_| mem(vm))?
        }
        _ => return Err(FormatError("unknown constant tag").into()),
    })
}

/// The structural checks that keep the interpreter inside its tables.
fn validate(c: &Code) -> Result<(), FormatError> {
    let n = c.ops.len() as u32;
    let nl = c.nlocals;
    if c.varnames.len() != nl as usize {
        return bad("varnames do not match nlocals");
    }
    let star = u32::from(c.flags & CODE_VARARGS != 0) + u32::from(c.flags & CODE_VARKW != 0);
    let params = c
        .argcount
        .checked_add(c.kwonlyargcount)
        .and_then(|x| x.checked_add(star))
        .ok_or(FormatError("argument counts overflow"))?;
    if params > nl || c.posonlyargcount > c.argcount {
        return bad("argument counts exceed the locals");
    }
    if c.cellvars.iter().chain(c.freevars.iter()).any(|&s| s >= nl) {
        return bad("cell slot out of range");
    }
    // Execution starts at 0 and must never run past the end.
    match c.ops.last() {
        Some(Op::Return | Op::Jump(_) | Op::Raise(_) | Op::Reraise) => {}
        _ => return bad("code does not end in a jump, return or raise"),
    }
    for e in &c.exc_table {
        if e.start > e.end || e.end > n || e.handler >= n {
            return bad("exception table entry out of range");
        }
    }
    let consts = c.consts.len() as u32;
    let names = c.names.len() as u32;
    let children = c.children.len() as u32;
    for op in &c.ops {
        let in_range = match op.operand() {
            Operand::Const(i) => i < consts,
            Operand::Local(i) => i < nl,
            Operand::Name(i) => i < names,
            Operand::Jump(t) => t < n,
            Operand::Other => true,
        };
        let ok = in_range
            && match *op {
                Op::MakeFunction(i) => i >> 8 < children && i & 0xff < 8,
                Op::Raise(k) => k <= 2,
                Op::FormatValue(f) => f < 8,
                Op::CallEx(f) => f <= 1,
                _ => true,
            };
        if !ok {
            return bad("instruction operand out of range");
        }
    }
    Ok(())
}
