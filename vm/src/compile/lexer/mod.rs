//! Tokenizer for Python 3 source, following CPython 3.11's tokenizer rules
//! (indentation with tab/space consistency checks, implicit line joining in
//! brackets, backslash continuation, numeric literal validation, string
//! prefixes and escapes, and the pre-parsing of f-strings into literal parts
//! and raw replacement fields whose expression text the parser parses).
//!
//! Tokenizing is eager and linear: [`tokenize`] returns every token up to the
//! end of input or up to the first lexical error; in the latter case the
//! token list ends with a [`Tok::Error`] marker so the parser can report a
//! syntax error found *before* the lexical error first, like CPython does.

use super::ast::{ErrorKind, Pos, SyntaxError};
use crate::at::At;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

mod fstring;
use fstring::FCur;

/// CPython's MAXLEVEL: maximum bracket nesting.
pub const MAX_BRACKETS: usize = 200;
/// CPython's MAXINDENT: indentation levels (including the base level).
pub const MAX_INDENT: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LShift,
    RShift,
    DoubleStar,
    PlusEq,
    MinusEq,
    StarEq,
    SlashEq,
    PercentEq,
    AmperEq,
    VBarEq,
    CircumflexEq,
    LShiftEq,
    RShiftEq,
    DoubleStarEq,
    DoubleSlash,
    DoubleSlashEq,
    At,
    AtEq,
    Arrow,
    Ellipsis,
    ColonEq,
}

/// Operators by decreasing length so the longest match wins.
const OPS: &[(&str, Op)] = &[
    ("**=", Op::DoubleStarEq),
    ("//=", Op::DoubleSlashEq),
    (">>=", Op::RShiftEq),
    ("<<=", Op::LShiftEq),
    ("...", Op::Ellipsis),
    ("==", Op::EqEqual),
    ("!=", Op::NotEqual),
    ("<=", Op::LessEqual),
    (">=", Op::GreaterEqual),
    ("<<", Op::LShift),
    (">>", Op::RShift),
    ("**", Op::DoubleStar),
    ("+=", Op::PlusEq),
    ("-=", Op::MinusEq),
    ("*=", Op::StarEq),
    ("/=", Op::SlashEq),
    ("%=", Op::PercentEq),
    ("&=", Op::AmperEq),
    ("|=", Op::VBarEq),
    ("^=", Op::CircumflexEq),
    ("//", Op::DoubleSlash),
    ("@=", Op::AtEq),
    ("->", Op::Arrow),
    (":=", Op::ColonEq),
    ("(", Op::LPar),
    (")", Op::RPar),
    ("[", Op::LSqb),
    ("]", Op::RSqb),
    ("{", Op::LBrace),
    ("}", Op::RBrace),
    (":", Op::Colon),
    (",", Op::Comma),
    (";", Op::Semi),
    ("+", Op::Plus),
    ("-", Op::Minus),
    ("*", Op::Star),
    ("/", Op::Slash),
    ("|", Op::VBar),
    ("&", Op::Amper),
    ("<", Op::Less),
    (">", Op::Greater),
    ("=", Op::Equal),
    (".", Op::Dot),
    ("%", Op::Percent),
    ("~", Op::Tilde),
    ("^", Op::Circumflex),
    ("@", Op::At),
];

impl Op {
    pub fn as_str(self) -> &'static str {
        OPS.iter()
            .find(|(_, o)| *o == self)
            .map(|(s, _)| *s)
            .unwrap_or("?")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kw {
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

pub(crate) const KWS: &[(&str, Kw)] = &[
    ("False", Kw::False),
    ("None", Kw::None),
    ("True", Kw::True),
    ("and", Kw::And),
    ("as", Kw::As),
    ("assert", Kw::Assert),
    ("async", Kw::Async),
    ("await", Kw::Await),
    ("break", Kw::Break),
    ("class", Kw::Class),
    ("continue", Kw::Continue),
    ("def", Kw::Def),
    ("del", Kw::Del),
    ("elif", Kw::Elif),
    ("else", Kw::Else),
    ("except", Kw::Except),
    ("finally", Kw::Finally),
    ("for", Kw::For),
    ("from", Kw::From),
    ("global", Kw::Global),
    ("if", Kw::If),
    ("import", Kw::Import),
    ("in", Kw::In),
    ("is", Kw::Is),
    ("lambda", Kw::Lambda),
    ("nonlocal", Kw::Nonlocal),
    ("not", Kw::Not),
    ("or", Kw::Or),
    ("pass", Kw::Pass),
    ("raise", Kw::Raise),
    ("return", Kw::Return),
    ("try", Kw::Try),
    ("while", Kw::While),
    ("with", Kw::With),
    ("yield", Kw::Yield),
];

impl Kw {
    pub fn as_str(self) -> &'static str {
        KWS.iter()
            .find(|(_, k)| *k == self)
            .map(|(s, _)| *s)
            .unwrap_or("?")
    }
}

/// A piece of an f-string as the lexer sees it: the expression of a field is
/// still source text, parsed later by the parser.
#[derive(Clone, Debug, PartialEq)]
#[repr(u8)]
pub enum FRaw {
    Lit(String),
    Field {
        /// The expression text, exactly as written.
        src: String,
        /// Position of the first character of `src` in the original source.
        pos: Pos,
        /// `{x = }` is expanded here: its text `x = ` precedes the field as
        /// a `Lit`.
        conv: Option<char>,
        spec: Option<Vec<FRaw>>,
    },
}

/// `repr(u8)`: an explicit tag is cheaper to match than a niche (see the
/// `ast` module).
#[derive(Clone, Debug, PartialEq)]
#[repr(u8)]
pub enum Tok {
    Name(String),
    Kw(Kw),
    Op(Op),
    Int(i64),
    /// Radix first: it packs next to the `repr(u8)` tag.
    BigInt(u8, String),
    Float(f64),
    Imag(f64),
    Str(String),
    Bytes(Vec<u8>),
    FStr(Vec<FRaw>),
    Newline,
    Indent,
    Dedent,
    Eof,
    /// A character that starts no token (`$`, `?`, `` ` ``, lone `!`): the
    /// parser reports "invalid syntax" there, as CPython does.
    Bad(char),
    /// Tokenizing stopped here with [`Lexed::err`].
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub pos: Pos,
}

/// The result of [`tokenize`].
#[derive(Clone, Debug)]
pub struct Lexed {
    /// Ends with `Tok::Eof`, or with `Tok::Error` when `err` is set.
    pub toks: Vec<Token>,
    pub err: Option<SyntaxError>,
    /// A "hard" tokenizer error (bad literal, bad character, bracket
    /// mismatch...) takes precedence over a parse error found earlier in the
    /// file, like CPython's full-source tokenizer check.
    pub hard: bool,
    /// Position of the outermost bracket still open at end of input.
    pub unclosed: Option<Pos>,
}

pub(crate) fn err_at(kind: ErrorKind, msg: String, pos: Pos, incomplete: bool) -> SyntaxError {
    SyntaxError {
        kind,
        msg,
        pos,
        incomplete,
    }
}

fn serr(msg: String, pos: Pos) -> SyntaxError {
    err_at(ErrorKind::Syntax, msg, pos, false)
}

fn is_id_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

fn is_id_char(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric())
}

/// The tokenizer. [`run`] lexes a whole text into a [`Lexed`]; the parser
/// instead pulls tokens on demand ([`Lexer::fill_to`]) and drops those of
/// finished top-level statements ([`Lexer::drain_front`]), so compiling a
/// module holds the tokens of one statement at a time, not of the file.
/// `repr(C)`, hot fields first: see `Vm`'s layout note (short offsets).
#[repr(C)]
pub(crate) struct Lexer<'a> {
    /// Tokens lexed and not yet drained.
    pub(crate) toks: Vec<Token>,
    i: usize,
    b: &'a [u8],
    s: &'a str,
    line: u32,
    line_start: usize,
    first_line: u32,
    col_off: u32,
    cc_i: usize,
    cc_col: u32,
    indents: Vec<(u32, u32)>,
    /// Open brackets: the character and its position.
    brackets: Vec<(u8, Pos)>,
    /// Bytes the token vector may grow to (see [`tokenize_limited`]).
    limit: usize,
    line_has_toks: bool,
    at_line_start: bool,
    /// f-string expression mode: no NEWLINE/INDENT, newlines are whitespace.
    sub: bool,
    /// The next token would pass `limit`: lexing stops with MemoryError.
    over_limit: bool,
    /// Lexing ended (at `Eof` or at the error token).
    done: bool,
    /// `err` is a "hard" error (see [`Lexed::hard`]).
    pub(crate) hard: bool,
    /// The error that ended lexing, if any (the last token is then `Error`).
    pub(crate) err: Option<SyntaxError>,
    /// The outermost bracket still open at end of input.
    pub(crate) unclosed: Option<Pos>,
}

/// What compiling costs per byte of token vector, for the budget check of
/// [`tokenize_limited`]: the parser's tree and code generation take up to
/// about as much again as the tokens (measured peaks 1.1-1.7x the lexer's
/// on assignment, call, def, f-string and attribute-heavy sources).
pub const COMPILE_BYTES_PER_TOKEN_BYTE: usize = 2;

/// Tokenize a whole source text.
pub fn tokenize(src: &str) -> Lexed {
    tokenize_limited(src, usize::MAX)
}

/// Tokenize, failing with an [`ErrorKind::Memory`] error once compiling
/// would need more than `limit` bytes outside the heap (the token vector
/// times [`COMPILE_BYTES_PER_TOKEN_BYTE`]). On a board the compiler's
/// temporaries come from the same arena as the heap: without this bound a
/// large source would exhaust it, which aborts.
pub fn tokenize_limited(src: &str, limit: usize) -> Lexed {
    if src.contains('\r') {
        let norm = src.replace("\r\n", "\n").replace('\r', "\n");
        run(&norm, Pos { line: 1, col: 1 }, false, limit)
    } else {
        run(src, Pos { line: 1, col: 1 }, false, limit)
    }
}

/// Tokenize the expression text of an f-string field, which starts at `pos`
/// of the original source. Newlines are insignificant (the text is parsed as
/// if parenthesized); the result ends with `Tok::Eof`.
pub fn tokenize_sub(src: &str, pos: Pos) -> Lexed {
    run(src, pos, true, usize::MAX)
}

fn run(src: &str, start: Pos, sub: bool, limit: usize) -> Lexed {
    let mut lx = Lexer::new(src, start, sub, limit);
    lx.fill_to(usize::MAX);
    Lexed {
        toks: lx.toks,
        err: lx.err,
        hard: lx.hard,
        unclosed: lx.unclosed,
    }
}

/// The error and whether it is "hard" (see [`Lexed::hard`]). Boxed, as
/// the parser's: a `Result` the size of a pointer is returned in registers.
type LResult<T> = Result<T, Box<(SyntaxError, bool)>>;
type SResult<T> = Result<T, Box<SyntaxError>>;

// String prefix flags.
const RAW: u8 = 1;
const BYTES: u8 = 2;
const FSTR: u8 = 4;
const UNI: u8 = 8;

fn hard<T>(msg: &str, pos: Pos) -> LResult<T> {
    Err(lex_err(ErrorKind::Syntax, msg, pos, false, true))
}

/// [`hard`] for a formatted message (moved, not copied).
fn hard_s<T>(msg: String, pos: Pos) -> LResult<T> {
    Err(lex_err_s(ErrorKind::Syntax, msg, pos, false, true))
}

/// A tokenizer error. One out-of-line constructor: inlined at each of the
/// ~40 error sites, the message copy and the boxing cost ~1 KB of code.
#[inline(never)]
fn lex_err(
    kind: ErrorKind,
    msg: &str,
    pos: Pos,
    incomplete: bool,
    hard: bool,
) -> Box<(SyntaxError, bool)> {
    lex_err_s(kind, msg.to_string(), pos, incomplete, hard)
}

#[inline(never)]
fn lex_err_s(
    kind: ErrorKind,
    msg: String,
    pos: Pos,
    incomplete: bool,
    hard: bool,
) -> Box<(SyntaxError, bool)> {
    Box::new((err_at(kind, msg, pos, incomplete), hard))
}

impl<'a> Lexer<'a> {
    /// A lexer over `src` (no `\r`: see [`tokenize_limited`]) whose first
    /// character is at `start`; `sub`: an f-string field's expression.
    #[inline(never)]
    pub(crate) fn new(src: &'a str, start: Pos, sub: bool, limit: usize) -> Lexer<'a> {
        Lexer {
            s: src,
            b: src.as_bytes(),
            i: 0,
            line: start.line,
            line_start: 0,
            first_line: start.line,
            col_off: start.col.saturating_sub(1),
            cc_i: 0,
            cc_col: 0,
            indents: Vec::new(),
            brackets: Vec::new(),
            toks: Vec::new(),
            line_has_toks: false,
            at_line_start: !sub,
            sub,
            limit,
            over_limit: false,
            done: false,
            err: None,
            hard: false,
            unclosed: None,
        }
    }

    /// Lex until `toks` holds at least `n` tokens or lexing has ended.
    pub(crate) fn fill_to(&mut self, n: usize) {
        while !self.done && self.toks.len() < n {
            match self.step() {
                Ok(false) => {}
                Ok(true) => self.done = true,
                Err(b) => {
                    let (e, hard) = *b;
                    self.fail(e, hard)
                }
            }
        }
    }

    /// Drop the first `k` tokens (the caller re-bases its indices).
    pub(crate) fn drain_front(&mut self, k: usize) {
        self.toks.drain(..k.min(self.toks.len()));
        // A long statement's buffer is not kept for the short ones after it.
        if self.toks.capacity() > 256 && self.toks.capacity() > 4 * self.toks.len() {
            self.toks.shrink_to(64.max(2 * self.toks.len()));
        }
    }

    /// The memory budget for the tokens still to come (see [`tokenize_limited`]).
    pub(crate) fn set_limit(&mut self, limit: usize) {
        self.limit = limit;
    }

    /// Lex the rest of the input, dropping the tokens, to learn whether
    /// it holds an error that outranks a parse error found earlier.
    pub(crate) fn lex_rest(&mut self) {
        while !self.done {
            let keep = self.toks.len();
            self.fill_to(keep + 64);
            if !self.done {
                self.toks.truncate(keep);
            }
        }
    }

    /// The position just after the token starting at `p` (a token this
    /// lexer produced): lexed again, as only one error message needs it
    /// and a token is 8 bytes smaller without it.
    pub(crate) fn token_end(&self, p: Pos, tok: &Tok) -> Pos {
        if let Tok::Op(Op::RPar | Op::RSqb | Op::RBrace) = tok {
            // Alone, a closing bracket would be unmatched.
            return Pos {
                line: p.line,
                col: p.col + 1,
            };
        }
        let mut i = 0;
        let mut line = self.first_line;
        while line < p.line {
            match self.b.tail(i).iter().position(|&c| c == b'\n') {
                Some(k) => i += k + 1,
                None => return p,
            }
            line += 1;
        }
        let off = if line == self.first_line {
            self.col_off
        } else {
            0
        };
        let mut chars = p.col.saturating_sub(1 + off);
        while chars > 0 && i < self.b.len() {
            i += 1;
            while i < self.b.len() && self.b[i] & 0xC0 == 0x80 {
                i += 1;
            }
            chars -= 1;
        }
        let Some(rest) = self.s.get(i..) else {
            return p;
        };
        let mut lx = Lexer::new(rest, p, true, usize::MAX);
        while lx.toks.is_empty() {
            match lx.step() {
                Ok(false) => {}
                _ => return p,
            }
        }
        lx.pos()
    }

    fn fail(&mut self, e: SyntaxError, hard: bool) {
        if e.msg.ends_with("was never closed") {
            self.unclosed = self.brackets.first().map(|b| b.1);
        }
        let p = e.pos;
        let error = Token {
            tok: Tok::Error,
            pos: p,
        };
        match self.toks.last_mut() {
            // The vector is full: growing it is what the limit forbids.
            // The last token becomes the error (the parser may stand on
            // any token up to it, so none is removed).
            Some(last) if e.kind == ErrorKind::Memory => *last = error,
            _ => self.toks.push(error),
        }
        self.err = Some(e);
        self.hard = hard;
        self.done = true;
    }

    fn peek(&self) -> u8 {
        self.b.get(self.i).copied().unwrap_or(0)
    }
    /// The two bytes after the current one are both `q`.
    fn tripled(&self, q: u8) -> bool {
        self.peek_at(1) == q && self.peek_at(2) == q
    }
    fn peek_at(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }
    fn at_end(&self) -> bool {
        self.i >= self.b.len()
    }
    fn cur_char(&self) -> char {
        crate::substr::sub(self.s, self.i..)
            .chars()
            .next()
            .unwrap_or('\0')
    }

    fn pos_at(&mut self, i: usize) -> Pos {
        if self.cc_i < self.line_start || self.cc_i > i {
            self.cc_i = self.line_start;
            self.cc_col = 0;
        }
        let n = self
            .b
            .span(self.cc_i, i)
            .iter()
            .filter(|&&c| c & 0xC0 != 0x80)
            .count() as u32;
        self.cc_col += n;
        self.cc_i = i;
        let off = if self.line == self.first_line {
            self.col_off
        } else {
            0
        };
        Pos {
            line: self.line,
            col: self.cc_col + 1 + off,
        }
    }
    fn pos(&mut self) -> Pos {
        self.pos_at(self.i)
    }
    fn newline_at(&mut self, i: usize) {
        self.line += 1;
        self.line_start = i + 1;
        self.cc_i = i + 1;
        self.cc_col = 0;
    }

    fn push(&mut self, tok: Tok, pos: Pos) {
        self.line_has_toks = true;
        if self.toks.len() == self.toks.capacity() {
            let grown = self.toks.capacity().max(4).saturating_mul(2);
            let need = grown
                .saturating_mul(core::mem::size_of::<Token>())
                .saturating_mul(COMPILE_BYTES_PER_TOKEN_BYTE);
            if need > self.limit {
                self.over_limit = true;
                return;
            }
        }
        self.toks.push(Token { tok, pos });
    }

    /// Lex the next item (a token, a comment, a line break...); `true`
    /// once the input has ended and the final tokens are pushed.
    fn step(&mut self) -> LResult<bool> {
        {
            if self.over_limit {
                let p = self.pos();
                return Err(lex_err(ErrorKind::Memory, "", p, false, true));
            }
            if self.at_line_start {
                self.at_line_start = false;
                self.indentation()?;
            }
            // skip whitespace
            while matches!(self.peek(), b' ' | b'\t' | 0x0c) {
                self.i += 1;
            }
            if self.at_end() {
                self.finish()?;
                return Ok(true);
            }
            let c = self.peek();
            match c {
                b'#' => {
                    while !self.at_end() && self.peek() != b'\n' {
                        self.i += 1;
                    }
                }
                b'\n' => {
                    if self.brackets.is_empty() && !self.sub && self.line_has_toks {
                        let p = self.pos();
                        self.toks.push(Token {
                            tok: Tok::Newline,
                            pos: p,
                        });
                        self.line_has_toks = false;
                    }
                    let i = self.i;
                    self.i += 1;
                    self.newline_at(i);
                    if self.brackets.is_empty() && !self.sub {
                        self.at_line_start = true;
                    }
                }
                b'\\' => {
                    let p = self.pos();
                    self.i += 1;
                    let p = Pos {
                        line: p.line,
                        col: p.col + 1,
                    };
                    if self.peek() == b'\n' {
                        let i = self.i;
                        self.i += 1;
                        self.newline_at(i);
                    } else if !self.at_end() {
                        return hard("unexpected character after line continuation character", p);
                    }
                    if self.at_end() {
                        return Err(lex_err(
                            ErrorKind::Syntax,
                            "unexpected EOF while parsing",
                            p,
                            true,
                            false,
                        ));
                    }
                }
                b'0'..=b'9' => self.number()?,
                b'.' if self.peek_at(1).is_ascii_digit() => self.number()?,
                b'"' | b'\'' => {
                    let p = self.pos();
                    self.string(0, p)?
                }
                _ if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => self.name()?,
                _ => self.operator()?,
            }
        }
        Ok(false)
    }

    fn finish(&mut self) -> LResult<()> {
        if let Some(&(ch, p)) = self.brackets.last() {
            if !self.sub {
                let msg = format!("'{}' was never closed", ch as char);
                return Err(lex_err_s(ErrorKind::Syntax, msg, p, true, false));
            }
        }
        let p = self.pos();
        if !self.sub {
            if self.line_has_toks {
                self.toks.push(Token {
                    tok: Tok::Newline,
                    pos: p,
                });
            }
            for _ in 0..self.indents.len() {
                self.toks.push(Token {
                    tok: Tok::Dedent,
                    pos: p,
                });
            }
        }
        self.toks.push(Token {
            tok: Tok::Eof,
            pos: p,
        });
        Ok(())
    }

    /// At the start of a logical line: measure indentation, emit INDENT /
    /// DEDENT tokens. Blank and comment-only lines are ignored.
    fn indentation(&mut self) -> LResult<()> {
        let (mut col, mut alt) = (0u32, 0u32);
        loop {
            match self.peek() {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                0x0c => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.i += 1;
        }
        if matches!(self.peek(), b'#' | b'\n') || self.at_end() {
            return Ok(());
        }
        let p = self.pos();
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        let tab_err = |line| {
            Err(lex_err(
                ErrorKind::Tab,
                "inconsistent use of tabs and spaces in indentation",
                Pos { line, col: 1 },
                false,
                false,
            ))
        };
        if col == top {
            if alt != top_alt {
                return tab_err(self.line);
            }
        } else if col > top {
            if alt <= top_alt {
                return tab_err(self.line);
            }
            if self.indents.len() + 1 >= MAX_INDENT {
                return Err(lex_err(
                    ErrorKind::Indentation,
                    "too many levels of indentation",
                    Pos {
                        line: self.line,
                        col: 1,
                    },
                    false,
                    false,
                ));
            }
            self.indents.push((col, alt));
            let ip = Pos {
                line: p.line,
                col: p.col.saturating_sub(1).max(1),
            };
            self.toks.push(Token {
                tok: Tok::Indent,
                pos: ip,
            });
        } else {
            while let Some(&(c, _)) = self.indents.last() {
                if col >= c {
                    break;
                }
                self.indents.pop();
                self.toks.push(Token {
                    tok: Tok::Dedent,
                    pos: p,
                });
            }
            let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                let mut e = self.i;
                while e < self.b.len() && self.b[e] != b'\n' {
                    e += 1;
                }
                let ep = self.pos_at(e);
                return Err(lex_err(
                    ErrorKind::Indentation,
                    "unindent does not match any outer indentation level",
                    ep,
                    false,
                    false,
                ));
            }
            if alt != top_alt {
                return tab_err(self.line);
            }
        }
        Ok(())
    }

    fn operator(&mut self) -> LResult<()> {
        let p = self.pos();
        let rest = self.b.tail(self.i);
        let found = OPS
            .iter()
            .find(|(s, _)| rest.starts_with(s.as_bytes()))
            .map(|&(s, o)| (s.len(), o));
        let Some((len, op)) = found else {
            let c = self.cur_char();
            if (c as u32) < 0x20 || c == '\x7f' {
                return self.name(); // reports the character
            }
            self.i += c.len_utf8();
            self.push(Tok::Bad(c), p);
            return Ok(());
        };
        self.i += len;
        match op {
            Op::LPar | Op::LSqb | Op::LBrace => {
                if self.brackets.len() >= MAX_BRACKETS {
                    return hard("too many nested parentheses", p);
                }
                self.brackets.push((*rest.at(0), p));
            }
            Op::RPar | Op::RSqb | Op::RBrace => {
                let close = *rest.at(0);
                match self.brackets.pop() {
                    None => return hard_s(format!("unmatched '{}'", close as char), p),
                    Some((open, op_pos)) => {
                        let want = match open {
                            b'(' => b')',
                            b'[' => b']',
                            _ => b'}',
                        };
                        if want != close {
                            let msg = if op_pos.line != p.line {
                                format!("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}", close as char, open as char, op_pos.line)
                            } else {
                                format!("closing parenthesis '{}' does not match opening parenthesis '{}'", close as char, open as char)
                            };
                            return hard_s(msg, p);
                        }
                    }
                }
            }
            _ => {}
        }
        self.push(Tok::Op(op), p);
        Ok(())
    }

    fn name(&mut self) -> LResult<()> {
        let p = self.pos();
        let start = self.i;
        let c = self.cur_char();
        if !is_id_start(c) {
            let msg = if c.is_whitespace() || c.is_control() {
                format!("invalid non-printable character U+{:04X}", c as u32)
            } else {
                format!("invalid character '{}' (U+{:04X})", c, c as u32)
            };
            return hard_s(msg, p);
        }
        while !self.at_end() {
            let b = self.peek();
            if b < 0x80 {
                if b.is_ascii_alphanumeric() || b == b'_' {
                    self.i += 1;
                    continue;
                }
                break;
            }
            let c = self.cur_char();
            if !is_id_char(c) {
                break;
            }
            self.i += c.len_utf8();
        }
        let word = crate::substr::sub(self.s, start..self.i);
        if matches!(self.peek(), b'"' | b'\'') && word.len() <= 2 {
            // A string prefix: one of r u b f, or r with b or f (any case).
            let mut flags = 0;
            for &c in word.as_bytes() {
                flags |= match c | 0x20 {
                    b'r' => RAW,
                    b'b' => BYTES,
                    b'f' => FSTR,
                    b'u' => UNI,
                    _ => 0xff,
                };
            }
            let ok = if word.len() == 1 {
                flags != 0xff
            } else {
                flags == RAW | BYTES || flags == RAW | FSTR
            };
            if ok {
                return self.string(flags, p);
            }
        }
        let tok = match KWS.iter().find(|(s, _)| *s == word) {
            Some(&(_, k)) => Tok::Kw(k),
            None => Tok::Name(word.to_string()),
        };
        self.push(tok, p);
        Ok(())
    }

    // ----- numbers -----

    fn digits(&mut self, radix: u32) -> bool {
        // consume digits of `radix` with single '_' separators; returns false
        // on a '_' not followed by a digit.
        loop {
            let c = self.peek() as char;
            if c.is_digit(radix) {
                self.i += 1;
            } else if c == '_' {
                if !(self.peek_at(1) as char).is_digit(radix) {
                    return false;
                }
                self.i += 1;
            } else {
                return true;
            }
        }
    }

    /// CPython's verify_end_of_number: a literal may be directly followed by
    /// some keywords (`1if x else 2`) but not by other identifier characters.
    /// CPython marks the number's last character.
    fn end_of_number(&mut self, kind: &str) -> LResult<()> {
        let rest = crate::substr::sub(self.s, self.i..);
        for kw in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            if rest.starts_with(kw) {
                return Ok(());
            }
        }
        let c = self.cur_char();
        if !self.at_end() && is_id_char(c) {
            let at = self.pos_at(self.i - 1);
            return bad_literal(kind, at);
        }
        Ok(())
    }

    /// The number's text from `start` to here, without `_` separators.
    fn digits_text(&self, start: usize) -> String {
        let mut t = String::new();
        for &b in self.b.span(start, self.i) {
            if b != b'_' {
                t.push(b as char);
            }
        }
        t
    }

    fn number(&mut self) -> LResult<()> {
        let p = self.pos();
        let start = self.i;
        if self.peek() == b'0' && matches!(self.peek_at(1), b'x' | b'X' | b'o' | b'O' | b'b' | b'B')
        {
            let (radix, kind) = match self.peek_at(1) | 0x20 {
                b'x' => (16, "hexadecimal"),
                b'o' => (8, "octal"),
                _ => (2, "binary"),
            };
            self.i += 2;
            if self.peek() == b'_' {
                self.i += 1;
            }
            let dstart = self.i;
            let ok = self.digits(radix);
            if !ok && self.peek_at(1).is_ascii_digit() {
                // `0b1_2`: the digit after the separator is the bad one.
                self.i += 1;
            }
            let c = self.peek();
            // Only a binary or octal literal can stop at a decimal digit.
            if c.is_ascii_digit() {
                return hard_s(
                    format!("invalid digit '{}' in {} literal", c as char, kind),
                    self.pos(),
                );
            }
            if !ok || self.i == dstart {
                // CPython marks the bad `_`, or the prefix's last character
                // when no digit follows it (`0b`, `0x_`).
                let at = if ok { self.i - 1 } else { self.i };
                let at = self.pos_at(at);
                return bad_literal(kind, at);
            }
            self.end_of_number(kind)?;
            let digits = self.digits_text(dstart);
            let tok = int_tok(digits, radix);
            self.push(tok, p);
            return Ok(());
        }
        let mut is_float = false;
        let mut leading_zero_err = false;
        if self.peek() != b'.' {
            let zero = self.peek() == b'0';
            if !self.digits(10) {
                return hard("invalid decimal literal", self.pos());
            }
            if zero
                && crate::substr::sub(self.s, start..self.i)
                    .bytes()
                    .any(|c| c.is_ascii_digit() && c != b'0')
            {
                leading_zero_err = true;
            }
        }
        if self.peek() == b'.' {
            is_float = true;
            self.i += 1;
            if self.peek().is_ascii_digit() && !self.digits(10) {
                return hard("invalid decimal literal", self.pos());
            }
        }
        if matches!(self.peek(), b'e' | b'E') {
            let save = self.i;
            self.i += 1;
            if matches!(self.peek(), b'+' | b'-') {
                if !self.peek_at(1).is_ascii_digit() {
                    return hard("invalid decimal literal", self.pos());
                }
                self.i += 1;
            }
            if self.peek().is_ascii_digit() {
                is_float = true;
                if !self.digits(10) {
                    return hard("invalid decimal literal", self.pos());
                }
            } else {
                // `1else`: the literal ends before the 'e'
                self.i = save;
                self.end_of_number("decimal")?;
            }
        }
        let text = self.digits_text(start);
        if matches!(self.peek(), b'j' | b'J') {
            self.i += 1;
            self.end_of_number("imaginary")?;
            let v = crate::strtod::parse_float_text(&text).unwrap_or(0.0);
            self.push(Tok::Imag(v), p);
            return Ok(());
        }
        if leading_zero_err && !is_float {
            return hard("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", p);
        }
        self.end_of_number("decimal")?;
        let tok = if is_float {
            Tok::Float(crate::strtod::parse_float_text(&text).unwrap_or(0.0))
        } else {
            int_tok(text, 10)
        };
        self.push(tok, p);
        Ok(())
    }

    // ----- strings -----

    /// A string literal; `flags`: its prefix ([`RAW`], [`BYTES`], [`FSTR`]).
    fn string(&mut self, flags: u8, p: Pos) -> LResult<()> {
        let q = self.peek();
        let triple = self.tripled(q);
        self.i += if triple { 3 } else { 1 };
        let body_start = self.i;
        let body_pos = self.pos();
        let body_end;
        loop {
            let c = self.peek();
            let end = self.at_end();
            if end || (c == b'\n' && !triple) {
                // At the end of input the count excludes a final newline.
                let line =
                    self.line - u32::from(end && self.s.ends_with('\n') && self.line > p.line);
                let what = if triple { "triple-quoted " } else { "" };
                let msg = format!(
                    "unterminated {}string literal (detected at line {})",
                    what, line
                );
                return Err(lex_err_s(ErrorKind::Syntax, msg, p, triple, true));
            }
            if c == b'\\' {
                self.i += 1;
                if self.peek() == b'\n' {
                    let i = self.i;
                    self.newline_at(i);
                }
                if !self.at_end() {
                    self.i += 1;
                }
                continue;
            }
            if c == b'\n' {
                let i = self.i;
                self.newline_at(i);
            } else if c == q && (!triple || self.tripled(q)) {
                body_end = self.i;
                self.i += if triple { 3 } else { 1 };
                break;
            }
            self.i += 1;
        }
        let body = crate::substr::sub(self.s, body_start..body_end);
        let raw = flags & RAW != 0;
        let tok = if flags & BYTES != 0 {
            if !body.is_ascii() {
                return hard("bytes can only contain ASCII literal characters", p);
            }
            decode_bytes(body, raw, p).map(Tok::Bytes)
        } else if flags & FSTR != 0 {
            let mut fc = FCur {
                s: body,
                i: 0,
                pos: body_pos,
                raw,
                err_pos: p,
            };
            fc.parts(0).map(Tok::FStr)
        } else {
            decode_str(body, raw, p).map(Tok::Str)
        };
        // A bad escape or f-string is a "hard" error.
        let tok = tok.map_err(|e| Box::new((*e, true)))?;
        self.push(tok, p);
        Ok(())
    }
}

fn bad_literal(kind: &str, p: Pos) -> LResult<()> {
    hard_s(format!("invalid {} literal", kind), p)
}

/// `digits`: valid in `radix`, no `_`. A plain loop: `i64::from_str_radix`
/// cost ~500 bytes more of flash.
fn int_tok(digits: String, radix: u32) -> Tok {
    let (mut v, r) = (0u64, radix as u64);
    for b in digits.bytes() {
        let d = if b <= b'9' {
            b - b'0'
        } else {
            (b | 0x20) - b'a' + 10
        } as u64;
        if v > (i64::MAX as u64 - d) / r {
            let t = digits.trim_start_matches('0');
            return Tok::BigInt(radix as u8, t.into());
        }
        v = v * r + d;
    }
    Tok::Int(v as i64)
}

fn unicode_err(kind: &str, a: usize, b: usize, p: Pos) -> SyntaxError {
    serr(
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
            a, b, kind
        ),
        p,
    )
}

/// Decode one escape sequence starting after the backslash at byte `at` of
/// `s` (`s[at]` is the backslash). Pushes into `out`; returns the index
/// after the sequence.
fn str_escape(s: &str, at: usize, out: &mut String, p: Pos) -> SResult<usize> {
    let b = s.as_bytes();
    let i = at + 1;
    let Some(c) = crate::substr::sub(s, i..).chars().next() else {
        out.push('\\');
        return Ok(i);
    };
    let simple = match c {
        '\n' => Some(None),
        '\\' => Some(Some('\\')),
        '\'' => Some(Some('\'')),
        '"' => Some(Some('"')),
        'a' => Some(Some('\x07')),
        'b' => Some(Some('\x08')),
        'f' => Some(Some('\x0c')),
        'n' => Some(Some('\n')),
        'r' => Some(Some('\r')),
        't' => Some(Some('\t')),
        'v' => Some(Some('\x0b')),
        _ => None,
    };
    if let Some(ch) = simple {
        if let Some(ch) = ch {
            out.push(ch);
        }
        return Ok(i + 1);
    }
    match c {
        '0'..='7' => {
            let mut v = 0u32;
            let mut j = i;
            while j < b.len() && j < i + 3 && (b'0'..=b'7').contains(&b[j]) {
                v = v * 8 + (b[j] - b'0') as u32;
                j += 1;
            }
            out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            Ok(j)
        }
        'x' | 'u' | 'U' => {
            let n = match c {
                'x' => 2,
                'u' => 4,
                _ => 8,
            };
            let hex = b
                .get(i + 1..i + 1 + n)
                .filter(|h| h.iter().all(|d| d.is_ascii_hexdigit()));
            let Some(hex) = hex else {
                let got = b
                    .tail(i + 1)
                    .iter()
                    .take(n)
                    .take_while(|d| d.is_ascii_hexdigit())
                    .count();
                let what = match c {
                    'x' => "truncated \\xXX escape",
                    'u' => "truncated \\uXXXX escape",
                    _ => "truncated \\UXXXXXXXX escape",
                };
                return Err(Box::new(unicode_err(what, at, at + 1 + got, p)));
            };
            let v = hex
                .iter()
                .fold(0u32, |a, d| a * 16 + (*d as char).to_digit(16).unwrap_or(0));
            match char::from_u32(v) {
                Some(ch) => out.push(ch),
                None => {
                    return Err(Box::new(unicode_err(
                        "illegal Unicode character",
                        at,
                        at + 1 + n,
                        p,
                    )))
                }
            }
            Ok(i + 1 + n)
        }
        'N' => {
            let end = crate::substr::sub(s, i..)
                .find('}')
                .map(|k| i + k)
                .unwrap_or(b.len() - 1);
            Err(Box::new(unicode_err(
                "unknown Unicode character name",
                at,
                end,
                p,
            )))
        }
        _ => {
            out.push('\\');
            Ok(i)
        }
    }
}

/// Decode a (non-f) str literal body.
pub fn decode_str(s: &str, raw: bool, p: Pos) -> SResult<String> {
    if raw || !s.contains('\\') {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let rest = crate::substr::sub(s, i..);
        match rest.find('\\') {
            None => {
                out.push_str(rest);
                break;
            }
            Some(k) => {
                out.push_str(crate::substr::sub(rest, ..k));
                i = str_escape(s, i + k, &mut out, p)?;
            }
        }
    }
    Ok(out)
}

/// Decode a bytes literal body (already checked to be ASCII): the str
/// escapes but `\u`, `\U` and `\N`, each character taken as a byte (an
/// octal escape above 0o377 wraps, as in CPython).
pub fn decode_bytes(s: &str, raw: bool, p: Pos) -> SResult<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let mut esc = String::new();
    while i < b.len() {
        let c = b[i];
        let e = b.get(i + 1).copied().unwrap_or(b'u');
        if raw || c != b'\\' || matches!(e, b'u' | b'U' | b'N') {
            out.push(c);
            i += 1;
            continue;
        }
        if e == b'x'
            && !b
                .get(i + 2..i + 4)
                .is_some_and(|h| h.iter().all(|d| d.is_ascii_hexdigit()))
        {
            return Err(Box::new(serr(
                format!("(value error) invalid \\x escape at position {}", i),
                p,
            )));
        }
        esc.clear();
        i = str_escape(s, i, &mut esc, p)?;
        out.extend(esc.chars().map(|ch| ch as u8));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
