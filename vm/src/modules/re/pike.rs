//! The matching engine: a Pike VM (Thompson NFA simulation with capture
//! slots and thread priorities, as in RE2 and Russ Cox's articles).
//!
//! All threads advance through the subject in lock step, one character at
//! a time. A thread list holds at most one thread per key (a
//! sparse set), ordered by priority; following the epsilon instructions
//! (SPLIT, JMP, SAVE, ASSERT) visits each instruction at most twice per
//! position. So a match costs O(instructions × characters × slots) time
//! whatever the pattern — `(a*)*b` or `(x+x+)+y` on a long subject cannot
//! blow up — and O(instructions × slots) memory. Priorities give the same
//! result as a backtracking matcher (leftmost, then the first alternative
//! / greedy-or-lazy choice): the list order is the backtracking order, and
//! when a thread reaches MATCH the lower-priority threads after it are
//! cut. A thread is keyed by its instruction plus one bit: whether it is
//! inside an iteration of its innermost nullable loop that started at the
//! current position. That doubles the states but lets an iteration that
//! ends up empty leave the loop with its own captures, as CPython's
//! backtracking does (`(a|)+b` on `aab` leaves group 1 empty); checked
//! against CPython on thousands of random patterns. A lookaround runs its body as a nested
//! match (`Run::look`) in two extra lists.
//! Cost: a nested match costs up to O(instructions × subject), so
//! patterns with lookaheads that scan far are polynomial, not linear.
//!
//! Resumable: the whole matcher state lives in a `bytearray` (u32 words,
//! layout below) and `step` advances it by about `budget` units of work,
//! stopping only between two positions. The Python layer calls `step` in
//! a `while` loop, so a long match runs under the interpreter's
//! instruction budget: Ctrl-C and suspend/resume work in the middle of it.
//! Nothing here allocates.
//!
//! State layout (word indices): the header fields `S_*`; then the best
//! match's slots; a scratch slot array for the thread being followed; the
//! follow stack (two words per entry); then two thread lists, each
//! `sparse[n]`, `dense[n]`, `caps[n × slots]` for `n` instructions.

use super::compile::{
    CAT_BIT, CLASS_ICASE, CLASS_NEGATE, CLASS_UNI, HEADER, LOOK_BEHIND, LOOK_NEG, MAGIC, OP_ANY,
    OP_ANY_NL, OP_ASSERT, OP_CHAR, OP_CHAR_I, OP_CLASS, OP_JMP, OP_LOOK, OP_LOOP, OP_MATCH,
    OP_SAVE, OP_SPLIT, PROG_LOOK, PROG_STR,
};
use super::parse::{
    fold, upper, AT_BEGIN, AT_BEGIN_LINE, AT_BOUNDARY, AT_END, AT_END_LINE, AT_END_STRING,
    AT_NON_BOUNDARY, CAT_DIGIT, CAT_NOT_DIGIT, CAT_NOT_SPACE, CAT_NOT_WORD, CAT_SPACE, CAT_WORD,
};

const STATE_MAGIC: u32 = 0x5245_5354;
const S_MAGIC: usize = 0;
const S_NPROG: usize = 1;
const S_NSLOTS: usize = 2;
const S_MODE: usize = 3;
const S_POS: usize = 4;
const S_START: usize = 5;
const S_END: usize = 6;
const S_STATUS: usize = 7;
const S_MATCHED: usize = 8;
const S_CUR: usize = 9;
const S_COUNT: usize = 10; // four words: the lists' lengths
const S_START_CHAR: usize = 14;
const S_HDR: usize = 15;

#[cfg(test)]
pub const MODE_MATCH: u32 = 0;
pub const MODE_SEARCH: u32 = 1;
pub const MODE_FULL: u32 = 2;
/// With MODE_*: an empty match at the start position does not count
/// (`finditer` after an empty match, as CPython's `must_advance`).
pub const MODE_ADVANCE: u32 = 4;

pub const NONE: u32 = u32::MAX;

#[derive(PartialEq, Eq, Clone, Copy, Debug)]
pub enum Status {
    Running,
    Found,
    Failed,
}

/// Read-only words (the program).
#[derive(Clone, Copy)]
pub struct Words<'a>(pub &'a [u8]);

impl Words<'_> {
    #[inline]
    pub fn get(&self, i: usize) -> u32 {
        match self.0.get(i * 4..i * 4 + 4) {
            Some(b) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            None => 0,
        }
    }
}

/// Mutable words (the state).
pub struct WordsMut<'a>(pub &'a mut [u8]);

impl WordsMut<'_> {
    #[inline]
    pub fn get(&self, i: usize) -> u32 {
        match self.0.get(i * 4..i * 4 + 4) {
            Some(b) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            None => 0,
        }
    }

    #[inline]
    fn set(&mut self, i: usize, v: u32) {
        if let Some(b) = self.0.get_mut(i * 4..i * 4 + 4) {
            b.copy_from_slice(&v.to_le_bytes());
        }
    }
}

/// Decoded program header; None if `prog` is not a program.
#[derive(Clone, Copy)]
pub struct Prog<'a> {
    w: Words<'a>,
    pub n: usize,
    pub slots: usize,
    pub is_str: bool,
    /// Has lookarounds: the state has room for a nested match.
    look: bool,
    data: usize,
}

impl<'a> Prog<'a> {
    pub fn new(b: &'a [u8]) -> Option<Prog<'a>> {
        let w = Words(b);
        if w.get(0) != MAGIC {
            return None;
        }
        let n = w.get(1) as usize;
        let slots = w.get(2) as usize;
        let data = HEADER + 5 * n;
        if n == 0 || slots < 2 || (data + w.get(4) as usize) * 4 > b.len() {
            return None;
        }
        Some(Prog {
            w,
            n,
            slots,
            is_str: w.get(3) & PROG_STR != 0,
            look: w.get(3) & PROG_LOOK != 0,
            data,
        })
    }

    #[inline]
    fn inst(&self, pc: usize) -> (u32, u32, u32, u32) {
        let b = HEADER + 5 * pc;
        (
            self.w.get(b),
            self.w.get(b + 1),
            self.w.get(b + 2),
            self.w.get(b + 3),
        )
    }

    /// The hidden slot of the nullable loop body `pc` is in, or NO_LOOP.
    #[inline]
    fn loop_slot(&self, pc: usize) -> u32 {
        self.w.get(HEADER + 5 * pc + 4)
    }

    /// Thread keys: two per instruction (see `Run::add`).
    #[inline]
    fn keys(&self) -> usize {
        2 * self.n
    }

    /// Entries of the follow stack (two words each): each instruction
    /// pushes at most one entry per `add`; a nested lookaround match adds
    /// as many again, and copying its captures one restore per slot.
    fn stack_cap(&self) -> usize {
        let n = self.keys() + 2;
        if self.look {
            2 * n + self.n * self.slots
        } else {
            n
        }
    }

    /// Thread lists: two for the match, two more for a nested one.
    fn lists(&self) -> usize {
        if self.look {
            4
        } else {
            2
        }
    }

    /// Words of matcher state this program needs.
    pub fn state_words(&self) -> usize {
        let n = self.keys();
        self.list_base(0) + self.lists() * (2 * n + n * self.slots)
    }

    fn stack_base(&self) -> usize {
        S_HDR + 2 * self.slots
    }

    /// The nested match's scratch slots, then its result slots.
    fn sub_base(&self) -> usize {
        self.stack_base() + 2 * self.stack_cap()
    }

    fn list_base(&self, k: u32) -> usize {
        let n = self.keys();
        self.sub_base() + 2 * self.slots + (k as usize & 3) * (2 * n + n * self.slots)
    }
}

/// The subject: bytes, or the UTF-8 of a str (matched per code point).
#[derive(Clone, Copy)]
pub struct Text<'a> {
    pub b: &'a [u8],
    pub is_str: bool,
    /// Match end (endpos) as a byte offset.
    pub end: usize,
}

impl Text<'_> {
    /// The character at byte `p` and its length; None at the end.
    #[inline]
    fn at(&self, p: usize) -> Option<(u32, usize)> {
        if p >= self.end {
            return None;
        }
        let b0 = *self.b.get(p)? as u32;
        if !self.is_str || b0 < 0x80 {
            return Some((b0, 1));
        }
        let (len, init) = match b0 {
            0xC0..=0xDF => (2, b0 & 0x1F),
            0xE0..=0xEF => (3, b0 & 0x0F),
            0xF0..=0xF7 => (4, b0 & 0x07),
            _ => return Some((0xFFFD, 1)),
        };
        let mut c = init;
        for k in 1..len {
            match self.b.get(p + k) {
                Some(&x) if x & 0xC0 == 0x80 => c = (c << 6) | (x as u32 & 0x3F),
                _ => return Some((0xFFFD, 1)),
            }
        }
        Some((c, len))
    }

    /// The character before byte `p` (the real start of the string, not
    /// the search start, is the only boundary).
    fn before(&self, p: usize) -> Option<u32> {
        if p == 0 {
            return None;
        }
        if !self.is_str {
            return self.b.get(p - 1).map(|&x| x as u32);
        }
        let mut q = p - 1;
        while q > 0 && p - q < 4 && self.b.get(q).is_some_and(|&x| x & 0xC0 == 0x80) {
            q -= 1;
        }
        let t = Text {
            b: self.b,
            is_str: true,
            end: p,
        };
        t.at(q).map(|(c, _)| c)
    }
}

fn is_word(c: u32, uni: bool) -> bool {
    if c < 128 {
        return c == b'_' as u32 || (c as u8).is_ascii_alphanumeric();
    }
    uni && char::from_u32(c).is_some_and(|ch| ch.is_alphanumeric())
}

fn is_digit(c: u32, uni: bool) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_digit();
    }
    uni && char::from_u32(c).is_some_and(|ch| ch.is_numeric())
}

fn is_space(c: u32, uni: bool) -> bool {
    if c < 128 {
        return matches!(c, 9..=13 | 32) || (uni && (0x1c..=0x1f).contains(&c));
    }
    uni && char::from_u32(c).is_some_and(|ch| ch.is_whitespace())
}

fn cat_match(kind: u32, c: u32, uni: bool) -> bool {
    match kind {
        CAT_DIGIT => is_digit(c, uni),
        CAT_NOT_DIGIT => !is_digit(c, uni),
        CAT_WORD => is_word(c, uni),
        CAT_NOT_WORD => !is_word(c, uni),
        CAT_SPACE => is_space(c, uni),
        CAT_NOT_SPACE => !is_space(c, uni),
        _ => false,
    }
}

fn items_match(p: &Prog, off: usize, n: usize, c: u32, uni: bool) -> bool {
    let base = p.data + off;
    (0..n).any(|k| {
        let lo = p.w.get(base + 2 * k);
        if lo & CAT_BIT != 0 {
            cat_match(lo & !CAT_BIT, c, uni)
        } else {
            lo <= c && c <= p.w.get(base + 2 * k + 1)
        }
    })
}

fn class_match(p: &Prog, off: u32, n: u32, bits: u32, c: u32) -> bool {
    let uni = bits & CLASS_UNI != 0;
    let (off, n) = (off as usize, n as usize);
    let mut hit = items_match(p, off, n, c, uni);
    if !hit && bits & CLASS_ICASE != 0 {
        let l = fold(c, uni);
        let u = upper(c, uni);
        hit = (l != c && items_match(p, off, n, l, uni))
            || (u != c && items_match(p, off, n, u, uni));
    }
    hit != (bits & CLASS_NEGATE != 0)
}

/// Does the character `c` satisfy the consuming instruction?
#[inline]
fn consumes(p: &Prog, op: u32, a: u32, b: u32, bits: u32, c: u32) -> bool {
    match op {
        OP_CHAR => c == a,
        OP_CHAR_I => fold(c, b != 0) == a,
        OP_ANY => c != b'\n' as u32,
        OP_ANY_NL => true,
        OP_CLASS => class_match(p, a, b, bits, c),
        _ => false,
    }
}

fn assert_ok(t: &Text, kind: u32, uni: bool, pos: usize) -> bool {
    let nl = b'\n' as u32;
    match kind {
        AT_BEGIN => pos == 0,
        AT_BEGIN_LINE => pos == 0 || t.before(pos) == Some(nl),
        AT_END => pos >= t.end || (pos + 1 == t.end && t.at(pos).map(|x| x.0) == Some(nl)),
        AT_END_LINE => pos >= t.end || t.at(pos).map(|x| x.0) == Some(nl),
        AT_END_STRING => pos >= t.end,
        AT_BOUNDARY | AT_NON_BOUNDARY => {
            if t.end == 0 {
                return false;
            }
            let w1 = t.before(pos).is_some_and(|c| is_word(c, uni));
            let w2 = t.at(pos).is_some_and(|(c, _)| is_word(c, uni));
            (w1 != w2) == (kind == AT_BOUNDARY)
        }
        _ => false,
    }
}

/// Reset `st` (already `p.state_words()` long) for a new match attempt
/// over byte range `start..end`.
pub fn init(p: &Prog, st: &mut [u8], mode: u32, start: usize, start_char: usize, end: usize) {
    let mut s = WordsMut(st);
    s.set(S_MAGIC, STATE_MAGIC);
    s.set(S_NPROG, p.n as u32);
    s.set(S_NSLOTS, p.slots as u32);
    s.set(S_MODE, mode);
    s.set(S_POS, start as u32);
    s.set(S_START, start as u32);
    s.set(S_END, end as u32);
    s.set(S_STATUS, if start > end { 2 } else { 0 });
    s.set(S_MATCHED, 0);
    s.set(S_CUR, 0);
    s.set(S_COUNT, 0);
    s.set(S_COUNT + 1, 0);
    s.set(S_COUNT + 2, 0);
    s.set(S_COUNT + 3, 0);
    s.set(S_START_CHAR, start_char as u32);
}

/// Is `st` a state for program `p`?
pub fn valid(p: &Prog, st: &[u8]) -> bool {
    let s = Words(st);
    s.get(S_MAGIC) == STATE_MAGIC
        && s.get(S_NPROG) as usize == p.n
        && s.get(S_NSLOTS) as usize == p.slots
        && st.len() >= p.state_words() * 4
}

/// The search's start byte, its start character index, and the status.
pub fn header(st: &[u8]) -> (usize, usize, Status) {
    let s = Words(st);
    let status = match s.get(S_STATUS) {
        0 => Status::Running,
        1 => Status::Found,
        _ => Status::Failed,
    };
    (
        s.get(S_START) as usize,
        s.get(S_START_CHAR) as usize,
        status,
    )
}

/// Slot `k` of the match found (NONE if that group did not take part).
pub fn slot(st: &[u8], k: usize) -> u32 {
    Words(st).get(S_HDR + k)
}

struct Run<'a, 'b> {
    p: Prog<'a>,
    t: Text<'a>,
    s: WordsMut<'b>,
    work: usize,
}

impl Run<'_, '_> {
    fn contains(&self, base: usize, k: u32, key: usize) -> bool {
        let n = self.p.keys();
        let i = self.s.get(base + key) as usize;
        i < self.s.get(S_COUNT + k as usize) as usize && self.s.get(base + n + i) as usize == key
    }

    /// Add `pc` (and everything reachable from it by epsilon moves) to
    /// list `k` at position `pos`, with the capture slots in the array at
    /// `scratch`. Each key (see above) enters the list at most once, so this
    /// is O(instructions × slots) per position at worst. Uses an explicit
    /// stack from entry `sp0` on (the slot restore entries make the
    /// scratch array act like the recursive version's copies).
    fn add(&mut self, k: u32, pc0: usize, pos: usize, scratch: usize, sp0: usize) {
        let n = self.p.n;
        let keys = self.p.keys();
        let slots = self.p.slots;
        let base = self.p.list_base(k);
        let stack = self.p.stack_base();
        let cap = self.p.stack_cap();
        let mut sp = sp0;
        let push = |s: &mut WordsMut, sp: &mut usize, a: u32, b: u32| {
            if *sp < cap {
                s.set(stack + 2 * *sp, a);
                s.set(stack + 2 * *sp + 1, b);
                *sp += 1;
            }
        };
        push(&mut self.s, &mut sp, pc0 as u32, NONE);
        while sp > sp0 {
            sp -= 1;
            let a = self.s.get(stack + 2 * sp);
            let b = self.s.get(stack + 2 * sp + 1);
            if b != NONE {
                // Restore a slot changed by a SAVE on the path just done.
                self.s.set(scratch + a as usize, b.wrapping_sub(1));
                continue;
            }
            let mut pc = a as usize;
            loop {
                if pc >= n {
                    break;
                }
                let (op, x, y, z) = self.p.inst(pc);
                self.work += 1;
                if op == OP_LOOP {
                    // Not deduplicated: a later arrival after an empty
                    // iteration must still leave the loop (CPython's rule).
                    // Both targets are deduplicated and `out` lies ahead,
                    // so chains of LOOPs cannot cycle.
                    let start = self.s.get(scratch + (x as usize).min(slots - 1));
                    let next = if start == pos as u32 { z } else { y } as usize;
                    if next <= pc && self.p.inst(next).0 == OP_LOOP {
                        break; // not a compiled program: refuse to cycle
                    }
                    pc = next;
                    continue;
                }
                // The key tells apart a visit inside an iteration of the
                // innermost nullable loop that started at this position
                // (which may end empty and leave the loop, with its own
                // captures) from any other visit of the same instruction.
                let h = self.p.loop_slot(pc) as usize;
                let fresh = h < slots && self.s.get(scratch + h) == pos as u32;
                let key = 2 * pc + fresh as usize;
                if self.contains(base, k, key) {
                    break;
                }
                let cnt = self.s.get(S_COUNT + k as usize);
                self.s.set(base + key, cnt);
                self.s.set(base + keys + cnt as usize, key as u32);
                self.s.set(S_COUNT + k as usize, cnt + 1);
                match op {
                    OP_JMP => pc = x as usize,
                    OP_SPLIT => {
                        push(&mut self.s, &mut sp, y, NONE);
                        pc = x as usize;
                    }
                    OP_SAVE => {
                        let slot = x as usize;
                        if slot < slots {
                            let old = self.s.get(scratch + slot);
                            // Stored +1 so that NONE (u32::MAX) marks a pc entry.
                            push(&mut self.s, &mut sp, x, old.wrapping_add(1));
                            self.s.set(scratch + slot, pos as u32);
                        }
                        pc += 1;
                    }
                    OP_ASSERT => {
                        if !assert_ok(&self.t, x, y != 0, pos) {
                            break;
                        }
                        pc += 1;
                    }
                    OP_LOOK => {
                        // Only the main match may run a nested one (the
                        // parser does not nest lookarounds).
                        if k >= 2 || !self.p.look {
                            break;
                        }
                        let found = self.look(x as usize, pos, y, z as usize, scratch, sp);
                        if found == (y & LOOK_NEG != 0) {
                            break;
                        }
                        if y & LOOK_NEG == 0 {
                            // A positive lookaround's groups count.
                            let best = self.p.sub_base() + slots;
                            for i in 0..slots {
                                let v = self.s.get(best + i);
                                let old = self.s.get(scratch + i);
                                if v != old {
                                    push(&mut self.s, &mut sp, i as u32, old.wrapping_add(1));
                                    self.s.set(scratch + i, v);
                                }
                            }
                        }
                        pc += 1;
                    }
                    _ => {
                        // A consuming instruction or MATCH: keep the slots.
                        let dst = base + 2 * keys + key * slots;
                        for i in 0..slots {
                            let v = self.s.get(scratch + i);
                            self.s.set(dst + i, v);
                        }
                        break;
                    }
                }
            }
        }
    }

    /// Run the lookaround body at `sub` as a nested anchored match at
    /// `pos` (a lookbehind starts `width` characters earlier and must end
    /// at `pos`), with lists 2 and 3 and the stack above entry `sp0`. On
    /// success the body's slots are left in the nested result array.
    ///
    /// It runs to completion inside one `add`, so a lookahead costs up to
    /// O(instructions × rest of the subject) per position where it is
    /// tried: polynomial, not linear, for lookaheads that scan far.
    fn look(
        &mut self,
        sub: usize,
        pos: usize,
        bits: u32,
        width: usize,
        outer: usize,
        sp0: usize,
    ) -> bool {
        let slots = self.p.slots;
        let keys = self.p.keys();
        let behind = bits & LOOK_BEHIND != 0;
        let mut p = pos;
        if behind {
            for _ in 0..width {
                if p == 0 {
                    return false;
                }
                p -= 1;
                if self.t.is_str {
                    while p > 0 && self.t.b.get(p).is_some_and(|&x| x & 0xC0 == 0x80) {
                        p -= 1;
                    }
                }
            }
        }
        let scratch = self.p.sub_base();
        let best = scratch + slots;
        for i in 0..slots {
            let v = self.s.get(outer + i);
            self.s.set(scratch + i, v);
        }
        let mut cur = 2u32;
        self.s.set(S_COUNT + 2, 0);
        self.add(cur, sub, p, scratch, sp0);
        let mut found = false;
        loop {
            let count = self.s.get(S_COUNT + cur as usize) as usize;
            if count == 0 {
                return found;
            }
            let nxt = cur ^ 1;
            self.s.set(S_COUNT + nxt as usize, 0);
            let c = if behind && p >= pos {
                None
            } else {
                self.t.at(p)
            };
            let cbase = self.p.list_base(cur);
            for i in 0..count {
                self.work += 1;
                let key = self.s.get(cbase + keys + i) as usize;
                let pc = key / 2;
                let (op, a, b, cbits) = self.p.inst(pc);
                let caps = cbase + 2 * keys + key * slots;
                if op == OP_MATCH {
                    if behind && p != pos {
                        continue;
                    }
                    for k in 0..slots {
                        let v = self.s.get(caps + k);
                        self.s.set(best + k, v);
                    }
                    found = true;
                    break;
                }
                if let Some((ch, len)) = c {
                    if consumes(&self.p, op, a, b, cbits, ch) {
                        for k in 0..slots {
                            let v = self.s.get(caps + k);
                            self.s.set(scratch + k, v);
                        }
                        self.add(nxt, pc + 1, p + len, scratch, sp0);
                    }
                }
            }
            match c {
                Some((_, len)) => {
                    p += len;
                    cur = nxt;
                }
                None => return found,
            }
        }
    }
}

/// Advance the match by roughly `budget` units of work (at least one
/// position). Returns the status afterwards.
pub fn step(p: &Prog, t: Text, st: &mut [u8], budget: usize) -> Status {
    let mut r = Run {
        p: *p,
        t,
        s: WordsMut(st),
        work: 0,
    };
    let keys = p.keys();
    let slots = p.slots;
    let scratch = S_HDR + slots;
    let mode = r.s.get(S_MODE);
    let anchored = mode & 3 != MODE_SEARCH;
    let full = mode & 3 == MODE_FULL;
    let advance = mode & MODE_ADVANCE != 0;
    let start = r.s.get(S_START) as usize;
    let end = r.t.end.min(r.s.get(S_END) as usize);
    r.t.end = end;
    loop {
        match r.s.get(S_STATUS) {
            0 => {}
            1 => return Status::Found,
            _ => return Status::Failed,
        }
        if r.work >= budget {
            return Status::Running;
        }
        let pos = r.s.get(S_POS) as usize;
        let cur = r.s.get(S_CUR) & 1;
        let matched = r.s.get(S_MATCHED) != 0;
        if !matched && (pos == start || !anchored) {
            for i in 0..slots {
                r.s.set(scratch + i, NONE);
            }
            r.add(cur, 0, pos, scratch, 0);
        }
        let count = r.s.get(S_COUNT + cur as usize) as usize;
        if count == 0 && (matched || anchored || pos >= end) {
            r.s.set(S_STATUS, if matched { 1 } else { 2 });
            continue;
        }
        let nxt = cur ^ 1;
        r.s.set(S_COUNT + nxt as usize, 0);
        let c = r.t.at(pos);
        let cbase = p.list_base(cur);
        for i in 0..count {
            r.work += 1;
            let key = r.s.get(cbase + keys + i) as usize;
            let pc = key / 2;
            let (op, a, b, bits) = p.inst(pc);
            let caps = cbase + 2 * keys + key * slots;
            if op == OP_MATCH {
                if full && pos != end {
                    continue;
                }
                if advance && pos == start && r.s.get(caps) as usize == start {
                    continue;
                }
                for k in 0..slots {
                    let v = r.s.get(caps + k);
                    r.s.set(S_HDR + k, v);
                }
                r.s.set(S_MATCHED, 1);
                // Lower-priority threads lose to this match.
                break;
            }
            if let Some((ch, len)) = c {
                if consumes(p, op, a, b, bits, ch) {
                    for k in 0..slots {
                        let v = r.s.get(caps + k);
                        r.s.set(scratch + k, v);
                    }
                    r.add(nxt, pc + 1, pos + len, scratch, 0);
                }
            }
        }
        match c {
            Some((_, len)) => {
                r.s.set(S_POS, (pos + len) as u32);
                r.s.set(S_CUR, nxt);
            }
            None => {
                let m = r.s.get(S_MATCHED) != 0;
                r.s.set(S_STATUS, if m { 1 } else { 2 });
            }
        }
    }
}
