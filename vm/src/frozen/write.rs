//! The frozen-module writer: compiles Python source and serializes the code
//! objects (layout in `mod.rs`). Runs at build time, in `ferrite-frozen`'s
//! build script on the host; nothing here runs on a device.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::*;
use crate::bytecode::Code;
use crate::objects::Obj;
use crate::value::wide;
use crate::vm::Vm;

/// One module to put in a blob: its import name, the file name its code
/// reports, and either the serialized code (from [`code_bytes`],
/// `kind` [`KIND_CODE`]) or its source without comments ([`KIND_SOURCE`]).
pub struct Module {
    pub name: String,
    pub filename: String,
    pub kind: u8,
    pub code: Vec<u8>,
}

/// Compile `src` as module `name` and serialize it. A syntax error comes
/// back as the formatted SyntaxError text.
pub fn freeze(vm: &mut Vm, name: &str, src: &str) -> Result<Module, String> {
    let filename = filename_for(name);
    let code = match crate::compile::compile(vm, src, &filename, crate::compile::Mode::File) {
        Ok(c) => c,
        Err(e) => return Err(vm.format_exception(vm.exc_ref(e))),
    };
    let bytes = code_bytes(vm, &code)?;
    Ok(Module {
        name: name.to_string(),
        filename,
        kind: KIND_CODE,
        code: bytes,
    })
}

/// `frozen` (from [`freeze`]`(name, src)`) as source instead, its comments
/// and trailing blanks removed, for embedders where the blob's download
/// size matters more than compiling at import (the browser: source gzips
/// to about half of its bytecode). The stripped source must compile to
/// exactly `frozen`'s bytecode (line numbers and columns included),
/// checked here.
pub fn as_source(vm: &mut Vm, frozen: &Module, src: &str) -> Result<Module, String> {
    let stripped = strip_comments(src);
    let again = freeze(vm, &frozen.name, &stripped)?;
    if again.code != frozen.code {
        return Err(alloc::format!(
            "{}: source without comments compiles differently",
            frozen.name
        ));
    }
    Ok(Module {
        name: again.name,
        filename: again.filename,
        kind: KIND_SOURCE,
        code: stripped.into_bytes(),
    })
}

/// `src` without its comments and with no blanks at line ends; every line
/// stays where it was (tracebacks keep their line numbers). A small
/// tokenizer: `#` inside a string literal (any prefix, single, triple,
/// escaped quotes) is not a comment. A string this does not understand
/// shows up as a bytecode mismatch in [`as_source`], never silently.
pub fn strip_comments(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut line = String::new();
    let mut i = 0;
    // Inside a string: its quote byte and whether it is triple-quoted.
    let mut quote: Option<(u8, bool)> = None;
    while i < b.len() {
        let c = b[i];
        if let Some((q, triple)) = quote {
            if c == b'\\' && i + 1 < b.len() {
                // An escaped byte (also in raw strings, where `\"` does not
                // end the string either). Never a newline split: push both.
                line.push_str(crate::substr::sub(src, i..i + 1 + utf8_len(b[i + 1])));
                i += 1 + utf8_len(b[i + 1]);
                continue;
            }
            if c == q && (!triple || b[i..].starts_with(&[q, q, q])) {
                let n = if triple { 3 } else { 1 };
                line.push_str(crate::substr::sub(src, i..i + n));
                i += n;
                quote = None;
                continue;
            }
            if c == b'\n' {
                out.push_str(&line);
                out.push('\n');
                line.clear();
                i += 1;
                continue;
            }
        } else if c == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        } else if c == b'"' || c == b'\'' {
            let triple = b[i..].starts_with(&[c, c, c]);
            quote = Some((c, triple));
            let n = if triple { 3 } else { 1 };
            line.push_str(crate::substr::sub(src, i..i + n));
            i += n;
            continue;
        } else if c == b'\n' {
            out.push_str(line.trim_end());
            out.push('\n');
            line.clear();
            i += 1;
            continue;
        }
        let n = utf8_len(c);
        line.push_str(crate::substr::sub(src, i..i + n));
        i += n;
    }
    out.push_str(if quote.is_some() {
        &line
    } else {
        line.trim_end()
    });
    out
}

/// The length of the UTF-8 sequence starting with byte `c`.
fn utf8_len(c: u8) -> usize {
    match c {
        0xf0..=0xff => 4,
        0xe0..=0xef => 3,
        0xc0..=0xdf => 2,
        _ => 1,
    }
}

/// The complete blob: header, then the modules in the given order.
pub fn blob(modules: &[Module]) -> Vec<u8> {
    let mut body = Vec::new();
    uv(&mut body, modules.len() as u32);
    for m in modules {
        string(&mut body, &m.name);
        string(&mut body, &m.filename);
        body.push(m.kind);
        uv(&mut body, m.code.len() as u32);
        body.extend_from_slice(&m.code);
    }
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend_from_slice(&checksum(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// Serialize one code object and its children.
pub fn code_bytes(vm: &Vm, code: &Code) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    write_code(vm, code, &mut out)?;
    Ok(out)
}

fn write_code(vm: &Vm, c: &Code, out: &mut Vec<u8>) -> Result<(), String> {
    string(out, &c.name);
    string(out, &c.qualname);
    for x in [
        c.flags,
        c.argcount,
        c.kwonlyargcount,
        c.posonlyargcount,
        c.nlocals,
        c.first_line,
    ] {
        uv(out, x);
    }
    uv(out, c.ops.len() as u32);
    for op in &c.ops {
        let (code, x) = encode(op);
        out.push(code);
        match kind(code) {
            Some(Kind::None) => {}
            Some(Kind::U32) => uv(out, x),
            Some(Kind::I32) => sv(out, i64::from(x as i32)),
            Some(Kind::Bin | Kind::Un | Kind::Cmp) => out.push(x as u8),
            None => return Err("internal: opcode without a kind".to_string()),
        }
    }
    uv(out, c.consts.len() as u32);
    for v in &c.consts {
        write_const(vm, *v, out, 0)?;
    }
    for list in [&c.names, &c.varnames] {
        uv(out, list.len() as u32);
        for v in list.iter() {
            let s = vm
                .str_of(*v)
                .ok_or_else(|| "a name that is not a str".to_string())?;
            string(out, s);
        }
    }
    uv(out, c.lines.len() as u32);
    let mut last_pc = 0;
    for &(pc, line) in &c.lines {
        uv(out, pc.wrapping_sub(last_pc));
        uv(out, line);
        last_pc = pc;
    }
    uv(out, c.exc_table.len() as u32);
    for e in &c.exc_table {
        for x in [e.start, e.end, e.handler, e.depth, e.level] {
            uv(out, x);
        }
    }
    for list in [&c.cellvars, &c.freevars] {
        uv(out, list.len() as u32);
        for &x in list.iter() {
            uv(out, x);
        }
    }
    uv(out, c.children.len() as u32);
    for ch in &c.children {
        write_code(vm, ch, out)?;
    }
    Ok(())
}

fn write_const(vm: &Vm, v: Value, out: &mut Vec<u8>, depth: u32) -> Result<(), String> {
    if depth > MAX_CONST_DEPTH {
        return Err("constant tuple nested too deeply".to_string());
    }
    match v {
        Value::None => out.push(CONST_NONE),
        Value::Bool(b) if b.get() => out.push(CONST_TRUE),
        Value::Bool(_) => out.push(CONST_FALSE),
        Value::Ellipsis => out.push(CONST_ELLIPSIS),
        Value::Int(i) => {
            out.push(CONST_INT);
            sv(out, wide(i));
        }
        Value::Float(f) => {
            out.push(CONST_FLOAT);
            out.extend_from_slice(&f.get().to_bits().to_le_bytes());
        }
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Str(s) => {
                out.push(CONST_STR);
                string(out, &s.s);
            }
            Obj::Bytes(b) => {
                out.push(CONST_BYTES);
                uv(out, b.len() as u32);
                out.extend_from_slice(b);
            }
            Obj::BigInt(b) => {
                out.push(CONST_BIGINT);
                string(out, &b.to_str_radix(16));
            }
            Obj::Tuple(items) => {
                out.push(CONST_TUPLE);
                uv(out, items.len() as u32);
                for it in items.iter() {
                    write_const(vm, *it, out, depth + 1)?;
                }
            }
            _ => return Err("a constant of a kind the frozen format has no tag for".to_string()),
        },
        _ => return Err("a constant of a kind the frozen format has no tag for".to_string()),
    }
    Ok(())
}

pub(crate) fn uv(out: &mut Vec<u8>, mut x: u32) {
    loop {
        let b = (x & 0x7f) as u8;
        x >>= 7;
        if x == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// zigzag + LEB128, up to 10 bytes.
pub(crate) fn sv(out: &mut Vec<u8>, x: i64) {
    let mut z = ((x << 1) ^ (x >> 63)) as u64;
    loop {
        let b = (z & 0x7f) as u8;
        z >>= 7;
        if z == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    uv(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}
