//! Recursive-descent parser producing the [`super::ast`] tree, with
//! CPython 3.11's syntax error messages for the common mistakes.
//!
//! Expressions use precedence climbing for the binary operators and loops
//! for prefix operators and conditional-expression chains, so only brackets,
//! `**`, lambdas and f-strings recurse; that recursion is bounded by
//! [`MAX_DEPTH`]. Block nesting is bounded by the lexer (100 indentation
//! levels, like CPython).

use super::ast::*;
use super::lexer::{self, FRaw, Kw, Op, Tok};
use crate::at::At;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use core::cell::Cell;

mod expr;
mod stmt;

/// Recursion budget. Each nested construct costs roughly its debug-build
/// stack use in KiB: an expression 2, a bracket 3 (a brace 6), a call/subscript 5, `**` 3,
/// an f-string field 4, an indented block 5. 160 keeps the worst case under
/// ~200 KiB in a debug build (far less in release).
pub const MAX_DEPTH: u32 = 160;
/// Maximum depth of an expression tree (chains like `a+b+c+...`, `not not
/// ...`, `x.a.b.c...` nest without recursing in the parser).
pub const MAX_TREE: u32 = 300;
const EXPR_COST: u32 = 2;
const BRACKET_COST: u32 = 3;
const CALL_COST: u32 = 5;
const BLOCK_COST: u32 = 5;

/// A parse failure. The error itself waits in [`Parser::error`], so a
/// parser function's `Result` is no bigger than its `Ok` value: `R<Expr>`
/// comes back as one pointer in a register rather than a tag and a payload
/// through memory, at every call site (-0.4 KB of code).
struct Fail;
type R<T> = Result<T, Fail>;

const ASSIGN_HERE: &str = " here. Maybe you meant '==' instead of '='?";

const OR: u8 = 1;
const AND: u8 = 2;
const NOT: u8 = 3;
const CMP: u8 = 4;
const BITOR: u8 = 5;

/// Parse `src` as a module, one interactive input, or an eval expression.
pub fn parse(src: &str, mode: Mode) -> Result<Vec<Stmt>, Box<SyntaxError>> {
    parse_limited(src, mode, usize::MAX)
}

/// [`parse`] within a memory budget for the compiler's temporaries (see
/// [`lexer::tokenize_limited`]).
pub fn parse_limited(src: &str, mode: Mode, limit: usize) -> Result<Vec<Stmt>, Box<SyntaxError>> {
    let norm = normalize_newlines(src);
    let src = norm.as_deref().unwrap_or(src);
    let mut p = Parser::new(src, Pos { line: 1, col: 1 }, false, limit);
    p.lx.fill_to(usize::MAX);
    let res = match mode {
        Mode::File | Mode::Exec => p.file(),
        Mode::Eval => p.eval(),
        Mode::Single => p.single(src),
    };
    match res {
        Ok(v) => Ok(v),
        Err(Fail) => {
            let at_eof = matches!(p.tok(), Tok::Eof);
            Err(p.final_error(p.take_err(), mode, at_eof, src))
        }
    }
}

/// A module parsed one top-level statement at a time: the tokens and the
/// tree of a statement are dropped once it is compiled, so compiling needs
/// memory for the largest statement rather than for the whole file
/// (~40-75 bytes per source byte on the host for tokens and tree).
pub struct StmtStream<'a> {
    p: Parser<'a>,
    src: &'a str,
}

impl<'a> StmtStream<'a> {
    /// `src` must not contain `\r` (see [`normalize_newlines`]).
    pub fn new(src: &'a str, limit: usize) -> StmtStream<'a> {
        let mut p = Parser::new(src, Pos { line: 1, col: 1 }, false, limit);
        p.lx.fill_to(2);
        StmtStream { p, src }
    }

    /// The next top-level statement (`a; b` on one line gives two), or
    /// an empty vector at the end of the input. A syntax error is final:
    /// it is already the one CPython reports for the whole file (an error
    /// of the tokenizer later in the file takes precedence).
    pub fn next_statements(&mut self) -> Result<Vec<Stmt>, Box<SyntaxError>> {
        let p = &mut self.p;
        let mut out = Vec::new();
        if matches!(p.tok(), Tok::Eof) {
            return Ok(out);
        }
        if let Err(Fail) = p.statement(&mut out) {
            let at_eof = matches!(p.tok(), Tok::Eof);
            p.lx.lex_rest();
            return Err(p.final_error(p.take_err(), Mode::File, at_eof, self.src));
        }
        // Drop the statement's tokens before its code is generated, but
        // keep the NEWLINE that ended it: error positions at the end of
        // input look back to it.
        let keep =
            p.lx.toks
                .span(0, p.i)
                .iter()
                .rposition(|t| matches!(t.tok, Tok::Newline))
                .unwrap_or(0);
        p.lx.drain_front(keep);
        p.i -= keep;
        Ok(out)
    }

    /// The memory budget for the tokens still to come.
    pub fn set_limit(&mut self, limit: usize) {
        self.p.lx.set_limit(limit);
    }
}

/// `\r\n` and lone `\r` as `\n` (what the lexer expects).
pub fn normalize_newlines(src: &str) -> Option<String> {
    if !src.contains('\r') {
        return None;
    }
    // By hand: `replace("\r\n", ..)` would link core's &str searcher.
    let mut out = String::with_capacity(src.len());
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            chars.next_if_eq(&'\n');
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Whether interactive input ends with an empty line (which completes a
/// compound statement, like CPython's REPL).
fn ends_with_blank_line(src: &str) -> bool {
    let ws = |c: char| c == ' ' || c == '\t' || c == '\r' || c == '\x0c';
    let t = src.trim_end_matches(ws);
    match t.strip_suffix('\n') {
        Some(t2) => t2.trim_end_matches(ws).ends_with('\n'),
        None => false,
    }
}

fn mk(kind: ExprKind, pos: Pos) -> Expr {
    Box::new(ExprNode { kind, pos })
}

/// CPython's `_PyPegen_get_expr_name`.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute(..) => "attribute",
        ExprKind::Subscript(..) => "subscript",
        ExprKind::Starred(..) => "starred",
        ExprKind::Name(..) => "name",
        ExprKind::List(..) => "list",
        ExprKind::Tuple(..) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp(..) | ExprKind::UnaryOp(..) => "expression",
        ExprKind::GenExp(..) => "generator expression",
        ExprKind::Yield(..) | ExprKind::YieldFrom(..) => "yield expression",
        ExprKind::Await(..) => "await expression",
        ExprKind::ListComp(..) => "list comprehension",
        ExprKind::SetComp(..) => "set comprehension",
        ExprKind::DictComp(..) => "dict comprehension",
        ExprKind::Dict(..) => "dict literal",
        ExprKind::Set(..) => "set display",
        ExprKind::JoinedStr(..) => "f-string expression",
        ExprKind::Const(Const::None) => "None",
        ExprKind::Const(Const::True) => "True",
        ExprKind::Const(Const::False) => "False",
        ExprKind::Const(Const::Ellipsis) => "ellipsis",
        ExprKind::Const(_) => "literal",
        ExprKind::Compare(..) => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr(..) => "named expression",
        ExprKind::Slice(..) => "slice",
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Store,
    Del,
}

/// The first sub-expression that cannot be assigned to (or deleted).
fn invalid_target(e: &Expr, ctx: Ctx) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => None,
        ExprKind::Tuple(v) | ExprKind::List(v) => v.iter().find_map(|x| invalid_target(x, ctx)),
        ExprKind::Starred(inner) if ctx == Ctx::Store => invalid_target(inner, ctx),
        _ => Some(e),
    }
}

/// Expressions at or above `bitwise_or` precedence (CPython's
/// invalid-assignment heuristics only consider those).
fn is_bitwise_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp(UnOp::Not, _)
            | ExprKind::Compare(..)
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Starred(..)
    )
}

fn can_start_expr(t: &Tok) -> bool {
    match t {
        Tok::Name(_)
        | Tok::Int(_)
        | Tok::BigInt(..)
        | Tok::Float(_)
        | Tok::Imag(_)
        | Tok::Str(_)
        | Tok::Bytes(_)
        | Tok::FStr(_) => true,
        Tok::Op(o) => matches!(
            o,
            Op::LPar
                | Op::LSqb
                | Op::LBrace
                | Op::Minus
                | Op::Plus
                | Op::Tilde
                | Op::Star
                | Op::Ellipsis
        ),
        Tok::Kw(k) => matches!(
            k,
            Kw::Not | Kw::Lambda | Kw::Await | Kw::None | Kw::True | Kw::False
        ),
        _ => false,
    }
}

fn binop_of(op: Op) -> Option<(u8, BinOp)> {
    Some(match op {
        Op::VBar => (5, BinOp::BitOr),
        Op::Circumflex => (6, BinOp::BitXor),
        Op::Amper => (7, BinOp::BitAnd),
        Op::LShift => (8, BinOp::LShift),
        Op::RShift => (8, BinOp::RShift),
        Op::Plus => (9, BinOp::Add),
        Op::Minus => (9, BinOp::Sub),
        Op::Star => (10, BinOp::Mul),
        Op::Slash => (10, BinOp::Div),
        Op::DoubleSlash => (10, BinOp::FloorDiv),
        Op::Percent => (10, BinOp::Mod),
        Op::At => (10, BinOp::MatMul),
        _ => return None,
    })
}

fn augop_of(op: Op) -> Option<BinOp> {
    Some(match op {
        Op::PlusEq => BinOp::Add,
        Op::MinusEq => BinOp::Sub,
        Op::StarEq => BinOp::Mul,
        Op::AtEq => BinOp::MatMul,
        Op::SlashEq => BinOp::Div,
        Op::DoubleSlashEq => BinOp::FloorDiv,
        Op::PercentEq => BinOp::Mod,
        Op::DoubleStarEq => BinOp::Pow,
        Op::LShiftEq => BinOp::LShift,
        Op::RShiftEq => BinOp::RShift,
        Op::VBarEq => BinOp::BitOr,
        Op::CircumflexEq => BinOp::BitXor,
        Op::AmperEq => BinOp::BitAnd,
        _ => return None,
    })
}

/// `repr(C)`, hot fields first: see `Vm`'s layout note (short offsets).
#[repr(C)]
struct Parser<'a> {
    i: usize,
    depth: u32,
    /// Tree depth of the expression most recently parsed (bounded by
    /// [`MAX_TREE`] so the AST can be dropped and compiled recursively).
    ed: u32,
    /// The error of the failure being returned (see [`Fail`]).
    error: Cell<Option<Box<SyntaxError>>>,
    /// The tokenizer; its `toks` are the tokens not yet dropped, the
    /// current one at `i`. Lexing stays at least one token ahead of `i`
    /// (`nth(1)`), see `bump`.
    lx: lexer::Lexer<'a>,
}

impl<'a> Parser<'a> {
    /// A parser over `src` (see [`lexer::Lexer::new`]). One out-of-line
    /// constructor builds the lexer in place rather than moving it in.
    #[inline(never)]
    fn new(src: &'a str, start: Pos, sub: bool, limit: usize) -> Parser<'a> {
        Parser {
            lx: lexer::Lexer::new(src, start, sub, limit),
            i: 0,
            depth: 0,
            ed: 0,
            error: Cell::new(None),
        }
    }

    /// The error to report for parse error `e`, given what the tokenizer
    /// found (it has lexed the whole input by now).
    fn final_error(
        &self,
        mut e: Box<SyntaxError>,
        mode: Mode,
        at_eof: bool,
        src: &str,
    ) -> Box<SyntaxError> {
        if let Some(le) = &self.lx.err {
            if *le == *e {
                return e;
            }
            if self.lx.hard {
                return Box::new(le.clone());
            }
            if let Some(up) = self.lx.unclosed {
                // pegen reports the unclosed bracket when it had to read to
                // the end of the file. Its error rules scan on over most
                // tokens (`(a b`; `f(a, b` then a line `if x:`), but a
                // separator on the bracket's own line stops them: `def f(:`
                // and `f(a,, b` are plain invalid syntax.
                let scans_on = self
                    .lx
                    .toks
                    .iter()
                    .find(|t| t.pos == e.pos)
                    .is_none_or(|t| {
                        t.pos.line != up.line
                            || !matches!(
                                t.tok,
                                Tok::Op(
                                    Op::Colon
                                        | Op::Comma
                                        | Op::Semi
                                        | Op::RPar
                                        | Op::RSqb
                                        | Op::RBrace
                                )
                            )
                    });
                // The genexp rule needs the call's closing bracket, so pegen
                // always reaches the end first.
                let genexp = e.msg == "Generator expression must be parenthesized";
                if (e.msg.starts_with("invalid syntax") && scans_on || genexp)
                    && (e.pos.line, e.pos.col) >= (up.line, up.col)
                {
                    return Box::new(le.clone());
                }
            }
        }
        if mode == Mode::Single && !e.incomplete && at_eof && !ends_with_blank_line(src) {
            e.incomplete = true;
        }
        e
    }

    // ----- token helpers -----

    fn tok(&self) -> &Tok {
        &self.lx.toks.at(self.i).tok
    }
    fn nth(&self, k: usize) -> &Tok {
        &self
            .lx
            .toks
            .at((self.i + k).min(self.lx.toks.len() - 1))
            .tok
    }
    /// The token before the current one.
    fn prev(&self) -> &lexer::Token {
        self.lx.toks.at(self.i - 1)
    }
    fn pos(&self) -> Pos {
        self.lx.toks.at(self.i).pos
    }
    fn bump(&mut self) {
        // Lexed through i + 2: after the step, `nth(1)` is there too.
        self.lx.fill_to(self.i + 3);
        if self.i + 1 < self.lx.toks.len() {
            self.i += 1;
        }
    }
    fn is_op(&self, op: Op) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }
    fn is_kw(&self, k: Kw) -> bool {
        matches!(self.tok(), Tok::Kw(x) if *x == k)
    }
    fn eat_op(&mut self, op: Op) -> bool {
        let r = self.is_op(op);
        if r {
            self.bump();
        }
        r
    }
    fn eat_kw(&mut self, k: Kw) -> bool {
        let r = self.is_kw(k);
        if r {
            self.bump();
        }
        r
    }
    fn at_comp_for(&self) -> bool {
        self.is_kw(Kw::For) || (self.is_kw(Kw::Async) && matches!(self.nth(1), Tok::Kw(Kw::For)))
    }

    // ----- errors -----

    /// Fail with error `e`.
    fn fail(&self, e: Box<SyntaxError>) -> Fail {
        self.error.set(Some(e));
        Fail
    }
    /// The error of the failure just returned.
    fn take_err(&self) -> Box<SyntaxError> {
        self.error.take().unwrap_or_else(unreachable_err)
    }
    /// Change the error of the failure being returned.
    fn edit_err(&self, f: impl FnOnce(&mut SyntaxError)) -> Fail {
        let mut e = self.take_err();
        f(&mut e);
        self.fail(e)
    }
    fn err(&self, msg: &str, pos: Pos) -> Fail {
        self.err_s(msg.to_string(), pos)
    }
    /// [`Self::err`] at the current token.
    fn err_here(&self, msg: &str) -> Fail {
        self.err(msg, self.pos())
    }
    /// [`Self::err`] for a formatted message (moved, not copied).
    fn err_s(&self, msg: String, pos: Pos) -> Fail {
        if matches!(self.tok(), Tok::Error) {
            if let Some(e) = &self.lx.err {
                return self.fail(Box::new(e.clone()));
            }
        }
        // In an f-string's field, `fexpr` adds the "f-string: " prefix.
        self.fail(Box::new(SyntaxError {
            kind: ErrorKind::Syntax,
            msg,
            pos,
            incomplete: false,
        }))
    }
    /// `pre`, what `e` is ([`expr_name`]), `post`, at `e`: one formatting
    /// site for the messages that name an expression.
    fn named_err(&self, pre: &str, e: &Expr, post: &str) -> Fail {
        self.err_s(format!("{}{}{}", pre, expr_name(e), post), e.pos)
    }
    fn invalid(&self) -> Fail {
        self.err_here("invalid syntax")
    }
    fn expect_op(&mut self, op: Op) -> R<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }
    /// Expected `,` or a closing bracket after an element starting at `start`.
    fn sep_err(&self, start: Pos) -> Fail {
        if can_start_expr(self.tok())
            && !matches!(
                self.tok(),
                Tok::Op(Op::Minus | Op::Plus | Op::Star | Op::LPar | Op::LSqb)
            )
        {
            return self.err("invalid syntax. Perhaps you forgot a comma?", start);
        }
        self.invalid()
    }
    fn name(&mut self) -> R<String> {
        if let Tok::Name(n) = self.tok() {
            let n = n.clone();
            self.bump();
            Ok(n)
        } else {
            Err(self.invalid())
        }
    }
    /// Record that the expression just built has tree depth `d`.
    fn depth_is(&mut self, d: u32) -> R<()> {
        self.ed = d;
        if d > MAX_TREE {
            return Err(self.err_here("expression too deeply nested"));
        }
        Ok(())
    }

    /// A node of tree depth `d` (see [`Self::depth_is`]). Built before the
    /// check, so that a failure drops one tree here rather than its parts at
    /// each caller.
    #[inline(never)]
    fn node(&mut self, kind: ExprKind, pos: Pos, d: u32) -> R<Expr> {
        let e = mk(kind, pos);
        self.depth_is(d)?;
        Ok(e)
    }

    fn enter(&mut self, cost: u32) -> R<()> {
        self.depth += cost;
        if self.depth > MAX_DEPTH {
            let msg = match self.tok() {
                Tok::Op(Op::LPar | Op::LSqb | Op::LBrace) => "too many nested parentheses",
                Tok::Indent => {
                    return Err(self.indent_err("too many levels of indentation", self.pos()))
                }
                _ => "expression too deeply nested",
            };
            return Err(self.err_here(msg));
        }
        Ok(())
    }

    // ----- modes -----

    fn file(&mut self) -> R<Vec<Stmt>> {
        let mut out = Vec::new();
        while !matches!(self.tok(), Tok::Eof) {
            self.statement(&mut out)?;
        }
        Ok(out)
    }

    fn eval(&mut self) -> R<Vec<Stmt>> {
        while matches!(self.tok(), Tok::Indent | Tok::Newline) {
            self.bump();
        }
        let pos = self.pos();
        let (e, _) = self.star_expressions()?;
        self.no_bare_star(&e)?;
        while matches!(self.tok(), Tok::Newline | Tok::Dedent) {
            self.bump();
        }
        if !matches!(self.tok(), Tok::Eof) {
            return Err(self.invalid());
        }
        Ok(vec![Stmt {
            kind: StmtKind::Expr(e),
            pos,
        }])
    }

    fn single(&mut self, src: &str) -> R<Vec<Stmt>> {
        let mut out = Vec::new();
        if matches!(self.tok(), Tok::Eof) {
            return Ok(out);
        }
        let compound = matches!(
            self.tok(),
            Tok::Kw(
                Kw::If | Kw::While | Kw::For | Kw::Try | Kw::With | Kw::Def | Kw::Class | Kw::Async
            ) | Tok::Op(Op::At)
        );
        self.statement(&mut out)?;
        if !matches!(self.tok(), Tok::Eof) {
            return Err(
                self.err_here("multiple statements found while compiling a single statement")
            );
        }
        if compound && !ends_with_blank_line(src) {
            self.err_here("incomplete input");
            return Err(self.edit_err(|e| e.incomplete = true));
        }
        Ok(out)
    }
}

/// The error for a failure without one (a parser bug).
fn unreachable_err() -> Box<SyntaxError> {
    Box::new(SyntaxError {
        kind: ErrorKind::Syntax,
        msg: "invalid syntax".to_string(),
        pos: Pos::default(),
        incomplete: false,
    })
}

#[cfg(test)]
mod tests;
