//! Compiler: `Node` tree -> a Pike VM program, encoded as little-endian
//! u32 words in a `bytes` object so it lives in the VM heap and needs no
//! native object kind.
//!
//! Layout (word indices):
//!   0 MAGIC, 1 instruction count, 2 capture slot count (2 per group,
//!   group 0 included), 3 flags (bit 0: str subject), 4 class data words;
//!   then 5 words per instruction `[op, a, b, c, loop]`; then the class data:
//!   pairs `(lo, hi)` of code point ranges, or `(CAT_BIT | kind, 0)` for a
//!   category like `\d`.
//!
//! Instructions (`a`, `b`, `c` operands):
//!   MATCH; CHAR c; CHAR_I folded-c, unicode; ANY; ANY_NL;
//!   CLASS data-offset, item-count, bits (1 negate, 2 icase, 4 unicode);
//!   SPLIT x, y (x preferred); JMP x; SAVE slot; ASSERT kind, unicode;
//!   LOOP slot, again, out (end of a `*` body that can match empty);
//!   LOOK body-pc, bits (1 negative, 2 behind), width: a lookaround whose
//!   body is compiled after the main program's MATCH, ending in its own
//!   MATCH, and run as a nested match (see `pike.rs`).
//!
//! Loop bodies that can match the empty string get a hidden slot (after
//! the groups' slots) recording where the iteration started; LOOP leaves
//! the loop when the iteration was empty instead of looping back. That is
//! the rule of CPython's backtracking matcher, and it keeps the captures
//! of a final empty iteration as CPython does (`(a|b|)+c` on `abc`
//! leaves group 1 empty), which plain NFA deduplication would drop.
//!
//! Counted repeats are expanded (`a{3,5}` is `aaa(a(a)?)?`), so the
//! program size is bounded by `MAX_INSTS` and compiling stops early once a
//! pattern like `(a{100}){100}` exceeds it.

use alloc::string::String;
use alloc::vec::Vec;

use super::parse::{Item, Node, INF};

pub const MAGIC: u32 = 0x5245_5047; // "GPER"
pub const HEADER: usize = 5;

pub const OP_MATCH: u32 = 0;
pub const OP_CHAR: u32 = 1;
pub const OP_CHAR_I: u32 = 2;
pub const OP_ANY: u32 = 3;
pub const OP_ANY_NL: u32 = 4;
pub const OP_CLASS: u32 = 5;
pub const OP_SPLIT: u32 = 6;
pub const OP_JMP: u32 = 7;
pub const OP_SAVE: u32 = 8;
pub const OP_ASSERT: u32 = 9;
pub const OP_LOOP: u32 = 10;
pub const OP_LOOK: u32 = 11;

/// OP_LOOK's `b` bits.
pub const LOOK_NEG: u32 = 1;
pub const LOOK_BEHIND: u32 = 2;
/// Header flag bits (word 3).
pub const PROG_STR: u32 = 1;
pub const PROG_LOOK: u32 = 2;

pub const CLASS_NEGATE: u32 = 1;
pub const CLASS_ICASE: u32 = 2;
pub const CLASS_UNI: u32 = 4;
pub const CAT_BIT: u32 = 0x8000_0000;

/// Largest program accepted: the match state is O(instructions × slots).
pub const MAX_INSTS: usize = 100_000;

struct Compiler<'n> {
    insts: Vec<[u32; 5]>,
    data: Vec<u32>,
    /// Lookaround bodies to emit after the main program: (LOOK pc, body).
    pending: Vec<(usize, &'n Node)>,
    /// Next hidden slot for a nullable loop body.
    next_slot: u32,
    /// Hidden slot of the innermost nullable loop body being emitted
    /// (`NO_LOOP` outside): the 5th word of each instruction.
    cur_loop: u32,
}

pub const NO_LOOP: u32 = u32::MAX;

/// Can `n` match the empty string?
fn nullable(n: &Node) -> bool {
    match n {
        Node::Empty | Node::Assert { .. } => true,
        Node::Char { .. } | Node::Any { .. } | Node::Class { .. } => false,
        Node::Group { body, .. } => nullable(body),
        Node::Look { .. } => true,
        Node::Concat(items) => items.iter().all(nullable),
        Node::Alt(branches) => branches.iter().any(nullable),
        Node::Repeat { body, min, .. } => *min == 0 || nullable(body),
    }
}

type R<T> = Result<T, String>;

impl<'n> Compiler<'n> {
    fn emit(&mut self, op: u32, a: u32, b: u32, c: u32) -> R<usize> {
        if self.insts.len() >= MAX_INSTS {
            return Err(String::from("pattern too large"));
        }
        self.insts.push([op, a, b, c, self.cur_loop]);
        Ok(self.insts.len() - 1)
    }

    fn pc(&self) -> u32 {
        self.insts.len() as u32
    }

    fn patch(&mut self, at: usize, slot: usize, v: u32) {
        if let Some(i) = self.insts.get_mut(at) {
            i[slot] = v;
        }
    }

    fn node(&mut self, n: &'n Node) -> R<()> {
        match n {
            Node::Empty => {}
            Node::Char { c, icase, uni } => {
                self.emit(if *icase { OP_CHAR_I } else { OP_CHAR }, *c, *uni as u32, 0)?;
            }
            Node::Any { nl } => {
                self.emit(if *nl { OP_ANY_NL } else { OP_ANY }, 0, 0, 0)?;
            }
            Node::Class {
                items,
                negate,
                icase,
                uni,
            } => {
                let off = self.data.len() as u32;
                for it in items {
                    match *it {
                        Item::Range(a, b) => {
                            self.data.push(a);
                            self.data.push(b);
                        }
                        Item::Cat(k) => {
                            self.data.push(CAT_BIT | k);
                            self.data.push(0);
                        }
                    }
                }
                let mut bits = 0;
                for (on, bit) in [
                    (*negate, CLASS_NEGATE),
                    (*icase, CLASS_ICASE),
                    (*uni, CLASS_UNI),
                ] {
                    if on {
                        bits |= bit;
                    }
                }
                self.emit(OP_CLASS, off, items.len() as u32, bits)?;
            }
            Node::Assert { kind, uni } => {
                self.emit(OP_ASSERT, *kind, *uni as u32, 0)?;
            }
            Node::Look {
                behind,
                neg,
                width,
                body,
            } => {
                let mut bits = 0;
                if *neg {
                    bits |= LOOK_NEG;
                }
                if *behind {
                    bits |= LOOK_BEHIND;
                }
                let at = self.emit(OP_LOOK, 0, bits, *width)?;
                self.pending.push((at, body));
            }
            Node::Group { index, body } => match index {
                Some(i) => {
                    self.emit(OP_SAVE, 2 * i, 0, 0)?;
                    self.node(body)?;
                    self.emit(OP_SAVE, 2 * i + 1, 0, 0)?;
                }
                None => self.node(body)?,
            },
            Node::Concat(items) => {
                for it in items {
                    self.node(it)?;
                }
            }
            Node::Alt(branches) => {
                // SPLIT b1, next; b1; JMP end; next: SPLIT b2, next2; ...; bn
                let mut jumps = Vec::new();
                let last = branches.len().saturating_sub(1);
                for (k, b) in branches.iter().enumerate() {
                    if k < last {
                        let split = self.emit(OP_SPLIT, 0, 0, 0)?;
                        self.patch(split, 1, self.pc());
                        self.node(b)?;
                        jumps.push(self.emit(OP_JMP, 0, 0, 0)?);
                        self.patch(split, 2, self.pc());
                    } else {
                        self.node(b)?;
                    }
                }
                let end = self.pc();
                for j in jumps {
                    self.patch(j, 1, end);
                }
            }
            Node::Repeat {
                body,
                min,
                max,
                greedy,
            } => self.repeat(body, *min, *max, *greedy)?,
        }
        Ok(())
    }

    /// A SPLIT at `at` choosing between `body` and `out` by priority.
    fn patch_split(&mut self, at: usize, body: u32, out: u32, greedy: bool) {
        let (x, y) = if greedy { (body, out) } else { (out, body) };
        self.patch(at, 1, x);
        self.patch(at, 2, y);
    }

    fn repeat(&mut self, body: &'n Node, min: u32, max: u32, greedy: bool) -> R<()> {
        for _ in 0..min {
            self.node(body)?;
        }
        if max == INF {
            // L: SPLIT body, out; body; JMP L; out:
            // or, for a nullable body:
            // L: SPLIT body, out; SAVE h; body; LOOP h, L, out; out:
            let l = self.emit(OP_SPLIT, 0, 0, 0)?;
            if nullable(body) {
                let h = self.next_slot;
                self.next_slot += 1;
                self.emit(OP_SAVE, h, 0, 0)?;
                let saved = self.cur_loop;
                self.cur_loop = h;
                self.node(body)?;
                self.cur_loop = saved;
                let lp = self.emit(OP_LOOP, h, l as u32, 0)?;
                self.patch(lp, 3, lp as u32 + 1);
            } else {
                self.node(body)?;
                self.emit(OP_JMP, l as u32, 0, 0)?;
            }
            let out = self.pc();
            self.patch_split(l, l as u32 + 1, out, greedy);
            return Ok(());
        }
        // Nested optionals: each SPLIT either continues into one more copy
        // or leaves for the common exit.
        let mut splits = Vec::new();
        for _ in min..max {
            splits.push(self.emit(OP_SPLIT, 0, 0, 0)?);
            self.node(body)?;
        }
        let out = self.pc();
        for s in splits {
            self.patch_split(s, s as u32 + 1, out, greedy);
        }
        Ok(())
    }
}

/// Compile `node` with `groups` capturing groups into the program bytes.
pub fn compile(node: &Node, groups: u32, is_str: bool) -> R<Vec<u8>> {
    let mut c = Compiler {
        insts: Vec::new(),
        data: Vec::new(),
        pending: Vec::new(),
        next_slot: 2 * (groups + 1),
        cur_loop: NO_LOOP,
    };
    c.emit(OP_SAVE, 0, 0, 0)?;
    c.node(node)?;
    c.emit(OP_SAVE, 1, 0, 0)?;
    c.emit(OP_MATCH, 0, 0, 0)?;
    // Lookaround bodies (the parser does not nest them, so this queue
    // does not grow while it is drained).
    let pending = core::mem::take(&mut c.pending);
    for &(at, body) in &pending {
        let start = c.pc();
        c.patch(at, 1, start);
        c.node(body)?;
        c.emit(OP_MATCH, 0, 0, 0)?;
    }
    let mut flags = 0;
    if is_str {
        flags |= PROG_STR;
    }
    if !pending.is_empty() {
        flags |= PROG_LOOK;
    }
    let nslots = c.next_slot;
    let words = HEADER + 5 * c.insts.len() + c.data.len();
    let mut out = Vec::new();
    out.try_reserve_exact(words * 4)
        .map_err(|_| String::from("pattern too large"))?;
    let mut put = |w: u32| out.extend_from_slice(&w.to_le_bytes());
    put(MAGIC);
    put(c.insts.len() as u32);
    put(nslots);
    put(flags);
    put(c.data.len() as u32);
    for i in &c.insts {
        for &w in i {
            put(w);
        }
    }
    for &w in &c.data {
        put(w);
    }
    Ok(out)
}
