//! Regular expression parser: pattern text -> `Node` tree.
//!
//! Follows CPython 3.11's `sre_parse` for syntax and for its error
//! messages and positions (`nothing to repeat at position 0`, ...). The
//! pattern is a slice of code points (a str pattern) or of bytes (a bytes
//! pattern); positions in errors are indices into that slice, as in
//! CPython.
//!
//! Flags are applied while parsing: a literal parsed under IGNORECASE
//! becomes a case-folding `Char`, `.` under DOTALL an `Any { nl: true }`,
//! `^`/`$` under MULTILINE the line variants. That makes scoped flags
//! `(?i:...)` free: the compiler never needs to know about flags.
//!
//! Not supported (a clear `re.error` instead): backreferences (`\1`,
//! `(?P=name)`), conditionals, atomic groups, possessive quantifiers and
//! nested lookarounds — none fits the linear-time engine (see `pike.rs`).
//! Nesting is limited to `MAX_DEPTH` groups so the recursive descent
//! stays within a small native stack.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

pub const FLAG_I: u32 = 2;
pub const FLAG_L: u32 = 4;
pub const FLAG_M: u32 = 8;
pub const FLAG_S: u32 = 16;
pub const FLAG_U: u32 = 32;
pub const FLAG_X: u32 = 64;
pub const FLAG_A: u32 = 256;

/// `max` of an unbounded repeat.
pub const INF: u32 = u32::MAX;
/// CPython's MAXREPEAT - 1 on 64-bit builds is far larger; counts this big
/// could never be expanded anyway (see the compiler's size limit).
const MAX_COUNT: u64 = 0xFFFF_FFFE;
/// Deepest group nesting accepted (the parser and compiler recurse).
const MAX_DEPTH: usize = 32;

/// Assertion kinds (the `a` operand of the ASSERT instruction).
pub const AT_BEGIN: u32 = 0; // ^ without MULTILINE, \A
pub const AT_BEGIN_LINE: u32 = 1; // ^ with MULTILINE
pub const AT_END: u32 = 2; // $ without MULTILINE: end or before a final \n
pub const AT_END_LINE: u32 = 3; // $ with MULTILINE
pub const AT_END_STRING: u32 = 4; // \Z
pub const AT_BOUNDARY: u32 = 5; // \b
pub const AT_NON_BOUNDARY: u32 = 6; // \B

/// Character category kinds, in class items and `\d`-style atoms.
pub const CAT_DIGIT: u32 = 1;
pub const CAT_NOT_DIGIT: u32 = 2;
pub const CAT_WORD: u32 = 3;
pub const CAT_NOT_WORD: u32 = 4;
pub const CAT_SPACE: u32 = 5;
pub const CAT_NOT_SPACE: u32 = 6;

#[derive(Clone, Copy)]
pub enum Item {
    Range(u32, u32),
    Cat(u32),
}

pub enum Node {
    Empty,
    /// A literal; with `icase` the code point is stored case-folded.
    Char {
        c: u32,
        icase: bool,
        uni: bool,
    },
    /// `.`; `nl` when it also matches a newline (DOTALL).
    Any {
        nl: bool,
    },
    /// `[...]`, `\d` etc. `uni`: Unicode (not ASCII-only) categories.
    Class {
        items: Vec<Item>,
        negate: bool,
        icase: bool,
        uni: bool,
    },
    /// A zero-width assertion: kind, and whether `\b` uses Unicode words.
    Assert {
        kind: u32,
        uni: bool,
    },
    /// `(?=...)`, `(?!...)`, `(?<=...)`, `(?<!...)`; a lookbehind's body
    /// matches exactly `width` characters.
    Look {
        behind: bool,
        neg: bool,
        width: u32,
        body: Box<Node>,
    },
    /// A group; `index` is the capture number for capturing groups.
    Group {
        index: Option<u32>,
        body: Box<Node>,
    },
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        body: Box<Node>,
        min: u32,
        max: u32,
        greedy: bool,
    },
}

pub struct Error {
    pub msg: String,
    pub pos: usize,
}

pub struct Parsed {
    pub node: Node,
    /// Number of capturing groups.
    pub groups: u32,
    /// Named groups: (name, index).
    pub names: Vec<(String, u32)>,
    /// The flags after inline global flags like `(?i)`.
    pub flags: u32,
}

type R<T> = Result<T, Error>;

fn err<T>(msg: String, pos: usize) -> R<T> {
    Err(Error { msg, pos })
}

/// `Error::pos` of an error CPython reports without a position.
pub const NO_POS: usize = usize::MAX;

/// The number of characters `n` always matches, if fixed.
fn fixed_width(n: &Node) -> Option<u32> {
    match n {
        Node::Empty | Node::Assert { .. } | Node::Look { .. } => Some(0),
        Node::Char { .. } | Node::Any { .. } | Node::Class { .. } => Some(1),
        Node::Group { body, .. } => fixed_width(body),
        Node::Concat(items) => items
            .iter()
            .try_fold(0u32, |acc, x| acc.checked_add(fixed_width(x)?)),
        Node::Alt(branches) => {
            let w = fixed_width(branches.first()?)?;
            branches
                .iter()
                .all(|b| fixed_width(b) == Some(w))
                .then_some(w)
        }
        Node::Repeat { body, min, max, .. } => {
            if min != max {
                return None;
            }
            fixed_width(body)?.checked_mul(*min)
        }
    }
}

/// Simple case folding used by IGNORECASE: a single-character lowercase
/// mapping (Unicode for str patterns, ASCII for bytes/ASCII patterns).
pub fn fold(c: u32, uni: bool) -> u32 {
    if c < 128 {
        return if (b'A' as u32..=b'Z' as u32).contains(&c) {
            c + 32
        } else {
            c
        };
    }
    if !uni {
        return c;
    }
    match char::from_u32(c) {
        Some(ch) => {
            let mut l = ch.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => x as u32,
                _ => c,
            }
        }
        None => c,
    }
}

/// The single-character uppercase mapping (for case-insensitive classes).
pub fn upper(c: u32, uni: bool) -> u32 {
    if c < 128 {
        return if (b'a' as u32..=b'z' as u32).contains(&c) {
            c - 32
        } else {
            c
        };
    }
    if !uni {
        return c;
    }
    match char::from_u32(c) {
        Some(ch) => {
            let mut u = ch.to_uppercase();
            match (u.next(), u.next()) {
                (Some(x), None) => x as u32,
                _ => c,
            }
        }
        None => c,
    }
}

struct Parser<'a> {
    p: &'a [u32],
    i: usize,
    is_str: bool,
    flags: u32,
    groups: u32,
    names: Vec<(String, u32)>,
    /// Capture numbers of groups still open (a reference to one is invalid).
    open: Vec<u32>,
    /// Inside a lookaround body (they do not nest, see `pike.rs`).
    in_look: bool,
}

/// Parse `pattern` (code points, or bytes for a bytes pattern) with the
/// compile-time `flags`.
pub fn parse(pattern: &[u32], is_str: bool, flags: u32) -> R<Parsed> {
    let mut ps = Parser {
        p: pattern,
        i: 0,
        is_str,
        flags,
        groups: 0,
        names: Vec::new(),
        open: Vec::new(),
        in_look: false,
    };
    let node = ps.alt(0)?;
    if ps.i < ps.p.len() {
        // Only a `)` stops the top-level alternation early.
        return err(String::from("unbalanced parenthesis"), ps.i);
    }
    Ok(Parsed {
        node,
        groups: ps.groups,
        names: ps.names,
        flags: ps.flags,
    })
}

fn is_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}

fn is_oct(c: u32) -> bool {
    (b'0' as u32..=b'7' as u32).contains(&c)
}

fn hex_val(c: u32) -> Option<u32> {
    char::from_u32(c).and_then(|ch| ch.to_digit(16))
}

fn is_ascii_letter(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u32> {
        self.p.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u32> {
        self.p.get(self.i + k).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c as u32) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn uni(&self) -> bool {
        self.is_str && self.flags & FLAG_A == 0
    }

    fn icase(&self) -> bool {
        self.flags & FLAG_I != 0
    }

    /// The pattern text between `a` and `b`, for messages.
    fn text(&self, a: usize, b: usize) -> String {
        let b = b.min(self.p.len());
        let a = a.min(b);
        self.p[a..b]
            .iter()
            .map(|&c| char::from_u32(c).unwrap_or('\u{fffd}'))
            .collect()
    }

    /// In VERBOSE mode, skip whitespace and `#` comments between atoms.
    fn skip_verbose(&mut self) {
        if self.flags & FLAG_X == 0 {
            return;
        }
        while let Some(c) = self.peek() {
            if c == b'#' as u32 {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == b'\n' as u32 {
                        break;
                    }
                }
            } else if matches!(c, 9..=13 | 32) {
                self.i += 1;
            } else {
                break;
            }
        }
    }

    fn alt(&mut self, depth: usize) -> R<Node> {
        let mut branches = Vec::new();
        loop {
            branches.push(self.seq(depth)?);
            if !self.eat(b'|') {
                break;
            }
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    fn seq(&mut self, depth: usize) -> R<Node> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            self.skip_verbose();
            let Some(c) = self.peek() else { break };
            if c == b'|' as u32 || c == b')' as u32 {
                break;
            }
            let start = self.i;
            let atom = self.atom(depth)?;
            let Some(atom) = atom else { continue };
            let atom = self.quantifiers(atom, start)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// If a `{m,n}` repeat starts at the current position, its bounds and
    /// the index just past it; None when the `{` is a literal.
    fn repeat_braces(&self) -> R<Option<(u32, u32, usize)>> {
        let mut j = self.i + 1;
        if self.p.get(j) == Some(&(b'}' as u32)) {
            return Ok(None);
        }
        let num = |j: &mut usize| -> Option<u64> {
            let s = *j;
            let mut v: u64 = 0;
            while let Some(&d) = self.p.get(*j) {
                if !is_digit(d) {
                    break;
                }
                v = v
                    .saturating_mul(10)
                    .saturating_add((d - b'0' as u32) as u64);
                *j += 1;
            }
            (*j > s).then_some(v)
        };
        let lo = num(&mut j);
        let hi = if self.p.get(j) == Some(&(b',' as u32)) {
            j += 1;
            num(&mut j)
        } else {
            Some(lo.unwrap_or(0))
        };
        if self.p.get(j) != Some(&(b'}' as u32)) {
            return Ok(None);
        }
        let min = lo.unwrap_or(0);
        let max = hi.map(|h| h as u128).unwrap_or(INF as u128);
        if min > MAX_COUNT || (hi.is_some() && max > MAX_COUNT as u128) {
            return err(
                String::from("the repetition number is too large"),
                self.i + 1,
            );
        }
        if (max as u64) < min {
            return err(
                String::from("min repeat greater than max repeat"),
                self.i + 1,
            );
        }
        Ok(Some((min as u32, max as u32, j + 1)))
    }

    /// Apply any quantifiers following an atom that started at `start`.
    fn quantifiers(&mut self, mut atom: Node, start: usize) -> R<Node> {
        let _ = start;
        let mut repeated = false;
        loop {
            self.skip_verbose();
            let q = self.i;
            let (min, max) = match self.peek() {
                Some(0x2a) => {
                    self.i += 1;
                    (0, INF)
                }
                Some(0x2b) => {
                    self.i += 1;
                    (1, INF)
                }
                Some(0x3f) => {
                    self.i += 1;
                    (0, 1)
                }
                Some(0x7b) => match self.repeat_braces()? {
                    Some((a, b, next)) => {
                        self.i = next;
                        (a, b)
                    }
                    None => return Ok(atom),
                },
                _ => return Ok(atom),
            };
            if matches!(atom, Node::Assert { .. }) {
                return err(String::from("nothing to repeat"), q);
            }
            if repeated {
                return err(String::from("multiple repeat"), q);
            }
            let mut greedy = true;
            if self.eat(b'?') {
                greedy = false;
            } else if self.peek() == Some(b'+' as u32) {
                return err(
                    String::from("possessive quantifiers are not supported"),
                    self.i,
                );
            }
            atom = Node::Repeat {
                body: Box::new(atom),
                min,
                max,
                greedy,
            };
            repeated = true;
        }
    }

    /// One atom; None for something that matches nothing at all (a
    /// comment or a global flag group).
    fn atom(&mut self, depth: usize) -> R<Option<Node>> {
        let pos = self.i;
        let Some(c) = self.peek() else {
            return Ok(Some(Node::Empty));
        };
        self.i += 1;
        let node = match c {
            0x28 => return self.group(pos, depth),
            0x5b => self.class(pos)?,
            0x2e => Node::Any {
                nl: self.flags & FLAG_S != 0,
            },
            0x5e => Node::Assert {
                kind: if self.flags & FLAG_M != 0 {
                    AT_BEGIN_LINE
                } else {
                    AT_BEGIN
                },
                uni: false,
            },
            0x24 => Node::Assert {
                kind: if self.flags & FLAG_M != 0 {
                    AT_END_LINE
                } else {
                    AT_END
                },
                uni: false,
            },
            0x5c => self.escape(pos)?,
            0x2a | 0x2b | 0x3f => return err(String::from("nothing to repeat"), pos),
            0x7b => {
                self.i = pos;
                if self.repeat_braces()?.is_some() {
                    return err(String::from("nothing to repeat"), pos);
                }
                self.i = pos + 1;
                self.literal(c)
            }
            _ => self.literal(c),
        };
        Ok(Some(node))
    }

    fn literal(&self, c: u32) -> Node {
        let icase = self.icase();
        let uni = self.uni();
        if icase && fold(c, uni) == c && upper(c, uni) == c {
            // No case variants: a plain literal is cheaper to match.
            return Node::Char {
                c,
                icase: false,
                uni,
            };
        }
        Node::Char {
            c: if icase { fold(c, uni) } else { c },
            icase,
            uni,
        }
    }

    fn cat(&self, kind: u32) -> Node {
        Node::Class {
            items: alloc::vec![Item::Cat(kind)],
            negate: false,
            icase: false,
            uni: self.uni(),
        }
    }

    /// Parse hex digits for `\x`, `\u`, `\U` (the escape letter is at
    /// `self.i - 1`, the backslash at `pos`).
    fn hex_escape(&mut self, pos: usize, n: usize) -> R<u32> {
        let mut v: u32 = 0;
        for k in 0..n {
            match self.peek().and_then(hex_val) {
                Some(d) => {
                    v = v.wrapping_mul(16).wrapping_add(d);
                    self.i += 1;
                }
                None => {
                    let _ = k;
                    return err(format!("incomplete escape {}", self.text(pos, self.i)), pos);
                }
            }
        }
        if v > 0x10FFFF {
            return err(format!("bad escape {}", self.text(pos, self.i)), pos);
        }
        Ok(v)
    }

    /// Octal escape: up to `more` further octal digits after the first.
    fn octal(&mut self, pos: usize, first: u32, more: usize) -> R<u32> {
        let mut v = first - b'0' as u32;
        for _ in 0..more {
            match self.peek() {
                Some(d) if is_oct(d) => {
                    v = v * 8 + (d - b'0' as u32);
                    self.i += 1;
                }
                _ => break,
            }
        }
        if v > 0o377 {
            return err(
                format!(
                    "octal escape value {} outside of range 0-0o377",
                    self.text(pos, self.i)
                ),
                pos,
            );
        }
        Ok(v)
    }

    /// Escapes shared by classes and atoms: a literal code point, or
    /// None when `c` is not one of them.
    fn common_escape(&mut self, pos: usize, c: u32) -> R<Option<u32>> {
        Ok(Some(match c {
            0x61 => 7,
            0x66 => 12,
            0x6e => 10,
            0x72 => 13,
            0x74 => 9,
            0x76 => 11,
            0x5c => 0x5c,
            0x78 => self.hex_escape(pos, 2)?,
            0x75 if self.is_str => self.hex_escape(pos, 4)?,
            0x55 if self.is_str => self.hex_escape(pos, 8)?,
            _ => return Ok(None),
        }))
    }

    fn cat_kind(c: u32) -> Option<u32> {
        Some(match c {
            0x64 => CAT_DIGIT,
            0x44 => CAT_NOT_DIGIT,
            0x77 => CAT_WORD,
            0x57 => CAT_NOT_WORD,
            0x73 => CAT_SPACE,
            0x53 => CAT_NOT_SPACE,
            _ => return None,
        })
    }

    /// An escape outside a class; the backslash is at `pos`.
    fn escape(&mut self, pos: usize) -> R<Node> {
        let Some(c) = self.peek() else {
            return err(String::from("bad escape (end of pattern)"), pos);
        };
        self.i += 1;
        if let Some(k) = Self::cat_kind(c) {
            return Ok(self.cat(k));
        }
        let at = |kind| Node::Assert { kind, uni: false };
        match c {
            0x41 => return Ok(at(AT_BEGIN)),
            0x5a => return Ok(at(AT_END_STRING)),
            0x62 => {
                return Ok(Node::Assert {
                    kind: AT_BOUNDARY,
                    uni: self.uni(),
                })
            }
            0x42 => {
                return Ok(Node::Assert {
                    kind: AT_NON_BOUNDARY,
                    uni: self.uni(),
                })
            }
            _ => {}
        }
        if let Some(v) = self.common_escape(pos, c)? {
            return Ok(self.literal(v));
        }
        if c == b'0' as u32 {
            let v = self.octal(pos, c, 2)?;
            return Ok(self.literal(v));
        }
        if is_digit(c) {
            // Three octal digits make an octal escape; otherwise it is a
            // group reference.
            if is_oct(c) && self.peek().is_some_and(is_oct) && self.peek_at(1).is_some_and(is_oct) {
                let v = self.octal(pos, c, 2)?;
                return Ok(self.literal(v));
            }
            let mut n = c - b'0' as u32;
            if let Some(d) = self.peek().filter(|&d| is_digit(d)) {
                n = n * 10 + (d - b'0' as u32);
                self.i += 1;
            }
            if n > self.groups || self.open.contains(&n) {
                return err(format!("invalid group reference {}", n), pos + 1);
            }
            return err(String::from("backreferences are not supported"), pos);
        }
        if is_ascii_letter(c) {
            return err(format!("bad escape {}", self.text(pos, self.i)), pos);
        }
        Ok(self.literal(c))
    }

    /// One class member after `[`: a code point or a category.
    fn class_atom(&mut self, set: usize) -> R<Item> {
        let pos = self.i;
        let Some(c) = self.peek() else {
            return err(String::from("unterminated character set"), set);
        };
        self.i += 1;
        if c != b'\\' as u32 {
            return Ok(Item::Range(c, c));
        }
        let Some(c) = self.peek() else {
            return err(String::from("unterminated character set"), set);
        };
        self.i += 1;
        if let Some(k) = Self::cat_kind(c) {
            return Ok(Item::Cat(k));
        }
        if c == b'b' as u32 {
            return Ok(Item::Range(8, 8));
        }
        if let Some(v) = self.common_escape(pos, c)? {
            return Ok(Item::Range(v, v));
        }
        if is_oct(c) {
            let v = self.octal(pos, c, 2)?;
            return Ok(Item::Range(v, v));
        }
        if is_digit(c) || is_ascii_letter(c) {
            return err(format!("bad escape {}", self.text(pos, self.i)), pos);
        }
        Ok(Item::Range(c, c))
    }

    /// `[...]`; the `[` is at `set`.
    fn class(&mut self, set: usize) -> R<Node> {
        let negate = self.eat(b'^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            match self.peek() {
                None => return err(String::from("unterminated character set"), set),
                Some(0x5d) if !first => {
                    self.i += 1;
                    break;
                }
                _ => {}
            }
            first = false;
            let lo_pos = self.i;
            let lo = self.class_atom(set)?;
            if self.peek() == Some(b'-' as u32) {
                match self.peek_at(1) {
                    None => return err(String::from("unterminated character set"), set),
                    Some(0x5d) => {
                        items.push(lo);
                        continue;
                    }
                    _ => {}
                }
                self.i += 1;
                let hi = self.class_atom(set)?;
                match (lo, hi) {
                    (Item::Range(a, _), Item::Range(b, _)) if a <= b => {
                        items.push(Item::Range(a, b))
                    }
                    _ => {
                        return err(
                            format!("bad character range {}", self.text(lo_pos, self.i)),
                            lo_pos,
                        )
                    }
                }
            } else {
                items.push(lo);
            }
        }
        let icase = self.icase();
        Ok(Node::Class {
            items,
            negate,
            icase,
            uni: self.uni(),
        })
    }

    /// A group name after `(?P<` or `(?P=`, up to `end`; `start` is the
    /// name's position.
    fn group_name(&mut self, end: u8) -> R<(String, usize)> {
        let start = self.i;
        loop {
            match self.peek() {
                None => {
                    let what = if end == b'>' { ">" } else { ")" };
                    return err(format!("missing {}, unterminated name", what), start);
                }
                Some(c) if c == end as u32 => break,
                _ => self.i += 1,
            }
        }
        let name = self.text(start, self.i);
        self.i += 1;
        if name.is_empty() {
            return err(String::from("missing group name"), start);
        }
        let mut chars = name.chars();
        let ok_first = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic());
        let ok = ok_first && chars.all(|c| c == '_' || c.is_alphanumeric());
        if !ok || (!self.is_str && !name.is_ascii()) {
            return err(format!("bad character in group name '{}'", name), start);
        }
        Ok((name, start))
    }

    /// After `(`; the `(` is at `pos`.
    fn group(&mut self, pos: usize, depth: usize) -> R<Option<Node>> {
        if depth >= MAX_DEPTH {
            return err(String::from("too many nested groups"), pos);
        }
        let mut index = None;
        let mut saved_flags = None;
        if self.eat(b'?') {
            let Some(c) = self.peek() else {
                return err(String::from("unexpected end of pattern"), self.i);
            };
            self.i += 1;
            match c {
                0x3a => {}
                0x50 => {
                    let Some(c) = self.peek() else {
                        return err(String::from("unexpected end of pattern"), self.i);
                    };
                    self.i += 1;
                    if c == b'<' as u32 {
                        let (name, start) = self.group_name(b'>')?;
                        let n = self.groups + 1;
                        if let Some(&(_, old)) = self.names.iter().find(|(k, _)| *k == name) {
                            return err(
                                format!(
                                    "redefinition of group name '{}' as group {}; was group {}",
                                    name, n, old
                                ),
                                start,
                            );
                        }
                        self.names.push((name, n));
                        self.groups = n;
                        index = Some(n);
                    } else if c == b'=' as u32 {
                        let (name, start) = self.group_name(b')')?;
                        if !self.names.iter().any(|(k, _)| *k == name) {
                            return err(format!("unknown group name '{}'", name), start);
                        }
                        return err(String::from("backreferences are not supported"), pos);
                    } else {
                        return err(
                            format!("unknown extension ?P{}", self.text(self.i - 1, self.i)),
                            pos + 1,
                        );
                    }
                }
                0x23 => {
                    // A comment: skip to the closing parenthesis.
                    loop {
                        match self.peek() {
                            None => {
                                return err(String::from("missing ), unterminated comment"), pos)
                            }
                            Some(0x29) => {
                                self.i += 1;
                                return Ok(None);
                            }
                            _ => self.i += 1,
                        }
                    }
                }
                0x3d | 0x21 => return self.look(pos, depth, false, c == 0x21),
                0x3c => match self.peek() {
                    Some(k @ (0x3d | 0x21)) => {
                        self.i += 1;
                        return self.look(pos, depth, true, k == 0x21);
                    }
                    None => return err(String::from("unexpected end of pattern"), self.i),
                    Some(_) => {
                        return err(
                            format!("unknown extension ?<{}", self.text(self.i, self.i + 1)),
                            pos + 1,
                        )
                    }
                },
                0x28 => return err(String::from("conditional groups are not supported"), pos),
                0x3e => return err(String::from("atomic groups are not supported"), pos),
                _ => {
                    self.i -= 1;
                    match self.inline_flags(pos)? {
                        None => return Ok(None),
                        Some(f) => saved_flags = Some(f),
                    }
                }
            }
        } else {
            self.groups += 1;
            index = Some(self.groups);
        }
        if let Some(n) = index {
            self.open.push(n);
        }
        let body = self.alt(depth + 1)?;
        if let Some(f) = saved_flags {
            self.flags = f;
        }
        if !self.eat(b')') {
            return err(String::from("missing ), unterminated subpattern"), pos);
        }
        if index.is_some() {
            self.open.pop();
        }
        Ok(Some(Node::Group {
            index,
            body: Box::new(body),
        }))
    }

    /// A lookaround group after `(?=`, `(?!`, `(?<=` or `(?<!`.
    fn look(&mut self, pos: usize, depth: usize, behind: bool, neg: bool) -> R<Option<Node>> {
        if self.in_look {
            return err(
                String::from("nested lookaround assertions are not supported"),
                pos,
            );
        }
        self.in_look = true;
        let body = self.alt(depth + 1);
        self.in_look = false;
        let body = body?;
        if !self.eat(b')') {
            return err(String::from("missing ), unterminated subpattern"), pos);
        }
        let mut width = 0;
        if behind {
            match fixed_width(&body) {
                Some(w) => width = w,
                None => {
                    return err(
                        String::from("look-behind requires fixed-width pattern"),
                        NO_POS,
                    )
                }
            }
        }
        Ok(Some(Node::Look {
            behind,
            neg,
            width,
            body: Box::new(body),
        }))
    }

    /// Flags after `(?`: `(?imsx)` sets global flags (only at the start of
    /// the pattern) and returns None; `(?i-m:...)` sets scoped flags and
    /// returns the flags to restore after the group.
    fn inline_flags(&mut self, pos: usize) -> R<Option<u32>> {
        let flag = |c: u32| -> Option<u32> {
            Some(match c {
                0x69 => FLAG_I,
                0x6d => FLAG_M,
                0x73 => FLAG_S,
                0x78 => FLAG_X,
                0x61 => FLAG_A,
                0x75 => FLAG_U,
                0x4c => FLAG_L,
                _ => return None,
            })
        };
        let mut on = 0;
        let mut off = 0;
        let first = self.peek();
        if first.is_some_and(|c| flag(c).is_none() && c != b'-' as u32) {
            return err(
                format!("unknown extension ?{}", self.text(self.i, self.i + 1)),
                pos + 1,
            );
        }
        while let Some(f) = self.peek().and_then(flag) {
            on |= f;
            self.i += 1;
        }
        if self.eat(b')') {
            if pos != 0 {
                return err(
                    String::from("global flags not at the start of the expression"),
                    pos,
                );
            }
            self.flags |= on;
            return Ok(None);
        }
        if self.eat(b'-') {
            let mut any = false;
            while let Some(f) = self.peek().and_then(flag) {
                off |= f;
                any = true;
                self.i += 1;
            }
            if !any {
                return match self.peek() {
                    None => err(String::from("missing flag"), self.i),
                    Some(_) => err(String::from("unknown flag"), self.i),
                };
            }
            if !self.eat(b':') {
                return err(String::from("missing :"), self.i);
            }
        } else if !self.eat(b':') {
            return match self.peek() {
                None => err(String::from("missing -, : or )"), self.i),
                Some(c) if is_ascii_letter(c) => err(String::from("unknown flag"), self.i),
                Some(_) => err(String::from("missing -, : or )"), self.i),
            };
        }
        let saved = self.flags;
        self.flags = (self.flags | on) & !off;
        Ok(Some(saved))
    }
}
