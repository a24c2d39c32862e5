//! `re` (alias `ure`): regular expressions with CPython's API.
//!
//! Two layers:
//! - `vm/lib/re.py` (frozen at build time, see `vm/src/frozen`): the Python
//!   API — `compile`, `match`, `search`, `sub`, `split`, `finditer`, ...,
//!   the `Pattern` and `Match` classes and `re.error`.
//! - native helpers (this file) over the engine: `parse.rs` (pattern ->
//!   tree, CPython's error messages), `compile.rs` (tree -> program in a
//!   `bytes` object) and `pike.rs` (a Pike VM whose whole state is a
//!   `bytearray`, advanced a bounded chunk at a time).
//!
//! Matching is linear: O(program × subject × groups) time at worst, never
//! exponential (see `pike.rs`). And it is interruptible: `_step` does at
//! most `STEP_BUDGET` units of work and the Python side loops over it, so
//! the interpreter's instruction budget, suspend/resume and Ctrl-C all
//! apply during a long match; no match runs for long inside one native
//! call. Callables given to `sub` are called from Python as usual.

mod compile;
mod parse;
mod pike;

use crate::at::At;
use alloc::vec::Vec;

use crate::modules::check_args;
use crate::objects::Obj;
use crate::value::{wide, Small, Value};
use crate::vm::{Exc, PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

/// Work units per `_step` call (a unit is one thread visiting one
/// instruction): a few tens of microseconds, small next to the
/// interpreter's time slices.
const STEP_BUDGET: usize = 2048;

/// The Python API (`vm/lib/re.py`, frozen) runs in this module after the
/// natives are made (see `modules::builtin_module`).
pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    if !crate::frozen::contains(vm, "re") {
        return Ok(None);
    }
    let m = vm.new_module(
        "re",
        &[
            ("_compile", r_compile),
            ("_new", r_new),
            ("_start", r_start),
            ("_step", r_step),
        ],
        &[],
    )?;
    Ok(Some(m))
}

fn internal(vm: &mut Vm) -> Exc {
    vm.type_err("bad internal re argument")
}

/// `_compile(pattern, flags)`: `(program, groups, ((name, index), ...),
/// flags)`, or `(message, position)` for a bad pattern.
fn r_compile(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_compile", a, kw, 2, 2)?;
    let flags = match *a.at(1) {
        Value::Int(f) => f as u32,
        _ => return Err(internal(vm)),
    };
    let (pat, is_str): (Vec<u32>, bool) = match a[0] {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Str(s) => (s.s.chars().map(|c| c as u32).collect(), true),
            Obj::Bytes(b) => (b.iter().map(|&x| x as u32).collect(), false),
            _ => return Err(internal(vm)),
        },
        _ => return Err(internal(vm)),
    };
    let parsed = match parse::parse(&pat, is_str, flags) {
        Ok(p) => p,
        Err(e) => {
            let msg = vm.new_str(e.msg)?;
            let pos = if e.pos == parse::NO_POS {
                -1
            } else {
                e.pos as i64
            };
            return vm.new_tuple(alloc::vec![msg, Value::Int(pos as Small)]);
        }
    };
    let prog = match compile::compile(&parsed.node, parsed.groups, is_str) {
        Ok(p) => p,
        Err(msg) => {
            let msg = vm.new_str(msg)?;
            return vm.new_tuple(alloc::vec![msg, Value::Int(-1)]);
        }
    };
    drop(parsed.node);
    vm.ensure(prog.len())?;
    let prog = vm.alloc(Obj::Bytes(prog))?;
    let mut names = Vec::new();
    for (name, i) in parsed.names {
        let n = vm.new_str(name)?;
        names.push(vm.new_tuple(alloc::vec![n, Value::from_len(i as usize)])?);
    }
    let names = vm.new_tuple(names)?;
    vm.new_tuple(alloc::vec![
        prog,
        Value::from_len(parsed.groups as usize),
        names,
        Value::Int(parsed.flags as Small),
    ])
}

/// The subject's bytes and whether it is a str.
fn subject(vm: &Vm, v: Value) -> Option<(&[u8], bool, usize)> {
    let Value::Obj(r) = v else { return None };
    match vm.heap.get(r) {
        Obj::Str(s) => Some((s.s.as_bytes(), true, s.chars)),
        Obj::Bytes(b) | Obj::ByteArray(b) => Some((b.as_slice(), false, b.len())),
        _ => None,
    }
}

/// Byte offset of character `i` in UTF-8 `b` (clamped to the end).
fn char_to_byte(b: &[u8], i: usize) -> usize {
    let mut n = 0;
    for (k, &x) in b.iter().enumerate() {
        if x & 0xC0 != 0x80 {
            if n == i {
                return k;
            }
            n += 1;
        }
    }
    b.len()
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(wide(i)),
        _ => Err(internal(vm)),
    }
}

/// `_new(prog, subject, pos, endpos, mode, bpos, state)`: a matcher state
/// (reusing `state` when it fits) for a match over characters
/// `pos..endpos` (already clamped); `bpos`, if >= 0, is the byte offset
/// of `pos`, saving a scan of a non-ASCII str.
fn r_new(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_new", a, kw, 7, 7)?;
    let pos = int_arg(vm, *a.at(2))?.max(0) as usize;
    let endpos = int_arg(vm, *a.at(3))?.max(0) as usize;
    let mode = int_arg(vm, *a.at(4))? as u32;
    let bpos = int_arg(vm, *a.at(5))?;
    let words = {
        let Value::Obj(pr) = a[0] else {
            return Err(internal(vm));
        };
        let Obj::Bytes(pb) = vm.heap.get(pr) else {
            return Err(internal(vm));
        };
        match pike::Prog::new(pb) {
            Some(p) => p.state_words(),
            None => return Err(internal(vm)),
        }
    };
    let reuse = match *a.at(6) {
        Value::Obj(r) => matches!(vm.heap.get(r), Obj::ByteArray(v) if v.len() == words * 4),
        _ => false,
    };
    let st = if reuse {
        a[6]
    } else {
        let n = words * 4;
        vm.ensure(n)?;
        let mut v = Vec::new();
        if v.try_reserve_exact(n).is_err() {
            return Err(vm.memory_error());
        }
        v.resize(n, 0);
        vm.alloc(Obj::ByteArray(v))?
    };
    let Value::Obj(sr) = st else {
        return Err(internal(vm));
    };
    let mut buf = match vm.heap.get_mut(sr) {
        Obj::ByteArray(v) => core::mem::take(v),
        _ => return Err(internal(vm)),
    };
    let ok = (|| {
        let Value::Obj(pr) = a[0] else { return None };
        let Obj::Bytes(pb) = vm.heap.get(pr) else {
            return None;
        };
        let p = pike::Prog::new(pb)?;
        let (b, is_str, chars) = subject(vm, a[1])?;
        if p.is_str != is_str {
            return None;
        }
        let ascii = chars == b.len();
        let conv = |i: usize| {
            if i >= chars {
                b.len()
            } else if ascii {
                i
            } else {
                char_to_byte(b, i)
            }
        };
        let start = if bpos >= 0 {
            (bpos as usize).min(b.len())
        } else {
            conv(pos)
        };
        let end = conv(endpos);
        pike::init(&p, &mut buf, mode, start, pos.min(chars), end);
        Some(())
    })();
    if let Obj::ByteArray(v) = vm.heap.get_mut(sr) {
        *v = buf;
    }
    match ok {
        Some(()) => Ok(st),
        None => Err(internal(vm)),
    }
}

/// `_start(prog, subject, pos, endpos, mode, bpos, state)`: `_new` then
/// a first `_step`: one native call per match attempt in a loop that
/// reuses its state.
fn r_start(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let st = r_new(vm, a, kw)?;
    r_step(vm, &[*a.at(0), *a.at(1), st], kw)
}

/// `_step(prog, subject, state)`: advance the match. None while it is
/// running; False for no match; else a tuple of the slots as character
/// indices (-1 for a group that did not match) followed by the match's
/// end as a byte offset.
fn r_step(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "_step", a, kw, 3, 3)?;
    let Value::Obj(sr) = *a.at(2) else {
        return Err(internal(vm));
    };
    // The state is taken out of its bytearray for the step, so that it
    // can be mutated while the program and subject are borrowed.
    let mut buf = match vm.heap.get_mut(sr) {
        Obj::ByteArray(v) => core::mem::take(v),
        _ => return Err(internal(vm)),
    };
    let out = (|| {
        let Value::Obj(pr) = a[0] else { return None };
        let Obj::Bytes(pb) = vm.heap.get(pr) else {
            return None;
        };
        let p = pike::Prog::new(pb)?;
        let (b, is_str, chars) = subject(vm, a[1])?;
        if p.is_str != is_str || !pike::valid(&p, &buf) {
            return None;
        }
        let t = pike::Text {
            b,
            is_str,
            end: b.len(),
        };
        let status = pike::step(&p, t, &mut buf, STEP_BUDGET);
        let (start, start_char, _) = pike::header(&buf);
        Some(match status {
            pike::Status::Running => None,
            pike::Status::Failed => Some(Vec::new()),
            pike::Status::Found => {
                let ascii = chars == b.len();
                let mut res: Vec<i64> = Vec::with_capacity(p.slots + 1);
                for k in 0..p.slots {
                    let s = pike::slot(&buf, k);
                    if s == pike::NONE {
                        res.push(-1);
                    } else if ascii || s as usize <= start {
                        res.push(s as i64 - start as i64 + start_char as i64);
                    } else {
                        let seg = b.get(start..s as usize).unwrap_or(&[]);
                        let n = seg.iter().filter(|&&x| x & 0xC0 != 0x80).count();
                        res.push((start_char + n) as i64);
                    }
                }
                res.push(pike::slot(&buf, 1) as i64);
                Some(res)
            }
        })
    })();
    if let Obj::ByteArray(v) = vm.heap.get_mut(sr) {
        *v = buf;
    }
    match out {
        None => Err(internal(vm)),
        Some(None) => Ok(Value::None),
        Some(Some(v)) if v.is_empty() => Ok(Value::from_bool(false)),
        Some(Some(v)) => {
            let items = v.into_iter().map(|i| Value::Int(i as Small)).collect();
            vm.new_tuple(items)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Run a whole match natively: the spans of group 0, or None.
    fn run(pat: &str, text: &str, mode: u32) -> Option<(u32, u32)> {
        let cps: Vec<u32> = pat.chars().map(|c| c as u32).collect();
        let parsed = parse::parse(&cps, true, 0).ok()?;
        let prog = compile::compile(&parsed.node, parsed.groups, true).ok()?;
        let p = pike::Prog::new(&prog)?;
        let mut st = alloc::vec![0u8; p.state_words() * 4];
        pike::init(&p, &mut st, mode, 0, 0, text.len());
        let t = pike::Text {
            b: text.as_bytes(),
            is_str: true,
            end: text.len(),
        };
        let mut calls = 0;
        loop {
            calls += 1;
            match pike::step(&p, t, &mut st, 64) {
                pike::Status::Running => continue,
                pike::Status::Failed => return None,
                pike::Status::Found => break,
            }
        }
        assert!(calls < 100_000);
        Some((pike::slot(&st, 0), pike::slot(&st, 1)))
    }

    #[test]
    fn basic_matches() {
        assert_eq!(run("a+b", "xxaab", pike::MODE_SEARCH), Some((2, 5)));
        assert_eq!(run("a|ab", "ab", pike::MODE_MATCH), Some((0, 1)));
        assert_eq!(run("a*?b", "aab", pike::MODE_MATCH), Some((0, 3)));
        assert_eq!(run("x", "abc", pike::MODE_SEARCH), None);
    }

    #[test]
    fn pathological_is_linear() {
        let text = "a".repeat(2000);
        assert_eq!(run("(a*)*b", &text, pike::MODE_SEARCH), None);
        assert_eq!(run("(a|aa)*c", &text, pike::MODE_SEARCH), None);
    }
}
