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
use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use core::cell::Cell;

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

type R<T> = Result<T, Box<SyntaxError>>;

const OR: u8 = 1;
const AND: u8 = 2;
const NOT: u8 = 3;
const CMP: u8 = 4;
const BITOR: u8 = 5;

/// Parse `src` as a module, one interactive input, or an eval expression.
pub fn parse(src: &str, mode: Mode) -> R<Vec<Stmt>> {
    parse_limited(src, mode, usize::MAX)
}

/// [`parse`] within a memory budget for the compiler's temporaries (see
/// [`lexer::tokenize_limited`]).
pub fn parse_limited(src: &str, mode: Mode, limit: usize) -> R<Vec<Stmt>> {
    let norm = normalize_newlines(src);
    let src = norm.as_deref().unwrap_or(src);
    let mut p = Parser::new(lexer::Lexer::new(
        src,
        Pos { line: 1, col: 1 },
        false,
        limit,
    ));
    p.lx.fill_to(usize::MAX);
    let res = match mode {
        Mode::File | Mode::Exec => p.file(),
        Mode::Eval => p.eval(),
        Mode::Single => p.single(src),
    };
    let Err(e) = res else { return res };
    let at_eof = matches!(p.tok(), Tok::Eof);
    Err(p.final_error(e, mode, at_eof, src))
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
        let mut p = Parser::new(lexer::Lexer::new(
            src,
            Pos { line: 1, col: 1 },
            false,
            limit,
        ));
        p.lx.fill_to(2);
        StmtStream { p, src }
    }

    /// The next top-level statement (`a; b` on one line gives two), or
    /// an empty vector at the end of the input. A syntax error is final:
    /// it is already the one CPython reports for the whole file (an error
    /// of the tokenizer later in the file takes precedence).
    pub fn next_statements(&mut self) -> R<Vec<Stmt>> {
        let p = &mut self.p;
        let mut out = Vec::new();
        if matches!(p.tok(), Tok::Eof) {
            return Ok(out);
        }
        if let Err(e) = p.statement(&mut out) {
            let at_eof = matches!(p.tok(), Tok::Eof);
            p.lx.lex_rest();
            return Err(p.final_error(e, Mode::File, at_eof, self.src));
        }
        // Drop the statement's tokens before its code is generated, but
        // keep the NEWLINE that ended it: error positions at the end of
        // input look back to it.
        let keep = p.lx.toks[..p.i]
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

struct Parser<'a> {
    /// The tokenizer; its `toks` are the tokens not yet dropped, the
    /// current one at `i`. Lexing stays at least one token ahead of `i`
    /// (`nth(1)`), see `bump`.
    lx: lexer::Lexer<'a>,
    i: usize,
    depth: u32,
    /// Tree depth of the expression most recently parsed (bounded by
    /// [`MAX_TREE`] so the AST can be dropped and compiled recursively).
    ed: u32,
}

impl<'a> Parser<'a> {
    fn new(lx: lexer::Lexer<'a>) -> Parser<'a> {
        Parser {
            lx,
            i: 0,
            depth: 0,
            ed: 0,
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
        &self.lx.toks[self.i].tok
    }
    fn nth(&self, k: usize) -> &Tok {
        &self.lx.toks[(self.i + k).min(self.lx.toks.len() - 1)].tok
    }
    fn pos(&self) -> Pos {
        self.lx.toks[self.i].pos
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

    fn err(&self, msg: &str, pos: Pos) -> Box<SyntaxError> {
        self.err_s(msg.to_string(), pos)
    }
    /// [`Self::err`] for a formatted message (moved, not copied).
    fn err_s(&self, msg: String, pos: Pos) -> Box<SyntaxError> {
        if matches!(self.tok(), Tok::Error) {
            if let Some(e) = &self.lx.err {
                return Box::new(e.clone());
            }
        }
        // In an f-string's field, `fexpr` adds the "f-string: " prefix.
        Box::new(SyntaxError {
            kind: ErrorKind::Syntax,
            msg,
            pos,
            incomplete: false,
        })
    }
    fn invalid(&self) -> Box<SyntaxError> {
        self.err("invalid syntax", self.pos())
    }
    fn expect_op(&mut self, op: Op) -> R<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }
    /// Expected `,` or a closing bracket after an element starting at `start`.
    fn sep_err(&self, start: Pos) -> Box<SyntaxError> {
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
            return Err(self.err("expression too deeply nested", self.pos()));
        }
        Ok(())
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
            return Err(self.err(msg, self.pos()));
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
            return Err(self.err(
                "multiple statements found while compiling a single statement",
                self.pos(),
            ));
        }
        if compound && !ends_with_blank_line(src) {
            let mut e = self.err("incomplete input", self.pos());
            e.incomplete = true;
            return Err(e);
        }
        Ok(out)
    }

    // ----- statements -----
    // Functions on the block-recursion path (statement -> *_stmt -> block)
    // keep their own frames small: headers are parsed by separate functions.

    fn statement(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        match self.tok() {
            Tok::Kw(Kw::If) => self.if_stmt(out),
            Tok::Kw(Kw::While) => self.while_stmt(out),
            Tok::Kw(Kw::For | Kw::With) => self.for_with(out, false),
            Tok::Kw(Kw::Async) if matches!(self.nth(1), Tok::Kw(Kw::For | Kw::With)) => {
                self.for_with(out, true)
            }
            Tok::Kw(Kw::Try) => self.try_stmt(out),
            Tok::Kw(Kw::Def | Kw::Class | Kw::Async) | Tok::Op(Op::At) => self.decorated(out),
            Tok::Indent => Err(self.indent_err("unexpected indent", self.pos())),
            _ => self.simple_stmts(out),
        }
    }

    fn indent_err(&self, msg: &str, pos: Pos) -> Box<SyntaxError> {
        Box::new(SyntaxError {
            kind: ErrorKind::Indentation,
            msg: msg.into(),
            pos,
            incomplete: false,
        })
    }

    /// `:` after a compound-statement header. `forced` headers always say
    /// "expected ':'"; others only when the line ends there (CPython).
    fn colon(&mut self, forced: bool) -> R<()> {
        if self.eat_op(Op::Colon) {
            return Ok(());
        }
        if forced || matches!(self.tok(), Tok::Newline) {
            return Err(self.err("expected ':'", self.pos()));
        }
        Err(self.invalid())
    }

    /// Position of the last NEWLINE when at the end of input, else the
    /// current token's (CPython reports end-of-input errors there).
    fn pos_or_nl(&self) -> (Pos, bool) {
        let mut j = self.i;
        while matches!(self.lx.toks[j].tok, Tok::Dedent) && j + 1 < self.lx.toks.len() {
            j += 1;
        }
        if !matches!(self.lx.toks[j].tok, Tok::Eof) {
            return (self.pos(), false);
        }
        let mut k = self.i;
        while k > 0 && !matches!(self.lx.toks[k].tok, Tok::Newline) {
            k -= 1;
        }
        (self.lx.toks[k].pos, true)
    }

    fn no_block(&self, what: &str, line: u32) -> Box<SyntaxError> {
        if matches!(self.tok(), Tok::Error) {
            return self.invalid();
        }
        let (pos, eof) = self.pos_or_nl();
        let mut e = self.indent_err(
            &format!("expected an indented block after {} on line {}", what, line),
            pos,
        );
        e.incomplete = eof;
        e
    }

    fn block(&mut self, what: &'static str, line: u32) -> R<Vec<Stmt>> {
        let mut body = Vec::new();
        if !matches!(self.tok(), Tok::Newline) {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        self.bump();
        if !matches!(self.tok(), Tok::Indent) {
            return Err(self.no_block(what, line));
        }
        self.enter(BLOCK_COST)?;
        self.bump();
        while !matches!(self.tok(), Tok::Dedent | Tok::Eof) {
            self.statement(&mut body)?;
        }
        self.bump();
        self.depth -= BLOCK_COST;
        Ok(body)
    }

    /// `if`/`elif`/`while` keyword, condition (with CPython's hints for `=`)
    /// and colon.
    fn cond_header(&mut self) -> R<Expr> {
        self.bump();
        let e = self.named_expr()?;
        if self.is_op(Op::Equal) {
            return Err(self.eq_hint(&e));
        }
        self.colon(false)?;
        Ok(e)
    }

    /// `e` followed by `=` where an expression was expected. CPython gives
    /// its hint only when a `bitwise_or` follows the `=` and is not itself
    /// followed by `=` or `:=` (`if x => 5:` is plain invalid syntax).
    fn eq_hint(&mut self, e: &Expr) -> Box<SyntaxError> {
        let save = (self.i, self.depth);
        self.bump();
        let rhs = self.unary().and_then(|l| self.climb(l, BITOR));
        let hint = rhs.is_ok() && !self.is_op(Op::Equal) && !self.is_op(Op::ColonEq);
        (self.i, self.depth) = save;
        if !hint {
            return self.invalid();
        }
        if let ExprKind::Name(_) = e.kind {
            return self.err(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                e.pos,
            );
        }
        if is_bitwise_level(e) {
            let msg = format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(e)
            );
            return self.err_s(msg, e.pos);
        }
        self.invalid()
    }

    fn if_stmt(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let mut arms = Vec::new();
        self.if_arm(&mut arms, "'if' statement")?;
        while self.is_kw(Kw::Elif) {
            if arms.len() >= MAX_TREE as usize {
                return Err(self.err("too many 'elif' clauses", self.pos()));
            }
            self.if_arm(&mut arms, "'elif' statement")?;
        }
        let orelse = self.else_block()?;
        fold_if(arms, orelse, out);
        Ok(())
    }

    fn if_arm(&mut self, arms: &mut Vec<(Expr, Vec<Stmt>, Pos)>, what: &'static str) -> R<()> {
        let p = self.pos();
        let test = self.cond_header()?;
        let body = self.block(what, p.line)?;
        arms.push((test, body, p));
        Ok(())
    }

    fn else_block(&mut self) -> R<Vec<Stmt>> {
        self.clause(Kw::Else, "'else' statement")
    }

    /// `k:` and its block (`else`, `finally`, `try`), or nothing if the
    /// current token is not `k`.
    fn clause(&mut self, k: Kw, what: &'static str) -> R<Vec<Stmt>> {
        if !self.is_kw(k) {
            return Ok(Vec::new());
        }
        let line = self.pos().line;
        self.bump();
        self.colon(true)?;
        self.block(what, line)
    }

    fn while_stmt(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let pos = self.pos();
        let test = self.cond_header()?;
        let body = self.block("'while' statement", pos.line)?;
        let orelse = self.else_block()?;
        out.push(Stmt {
            kind: StmtKind::While(test, body, orelse),
            pos,
        });
        Ok(())
    }

    fn for_with(&mut self, out: &mut Vec<Stmt>, is_async: bool) -> R<()> {
        let pos = self.pos();
        if is_async {
            self.bump();
        }
        let kind = if self.is_kw(Kw::For) {
            self.for_stmt(is_async, pos.line)
        } else {
            self.with_stmt(is_async, pos.line)
        }?;
        out.push(Stmt { kind, pos });
        Ok(())
    }

    fn for_stmt(&mut self, is_async: bool, line: u32) -> R<StmtKind> {
        let (target, iter) = self.for_header()?;
        let body = self.block("'for' statement", line)?;
        let orelse = self.else_block()?;
        Ok(StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async,
        })
    }

    fn with_stmt(&mut self, is_async: bool, line: u32) -> R<StmtKind> {
        let items = self.with_header()?;
        let body = self.block("'with' statement", line)?;
        Ok(StmtKind::With {
            items,
            body,
            is_async,
        })
    }

    fn for_header(&mut self) -> R<(Expr, Expr)> {
        self.bump();
        let target = self.target_list()?;
        if !self.eat_kw(Kw::In) {
            return Err(self.invalid());
        }
        let (iter, _) = self.star_expressions()?;
        self.no_bare_star(&iter)?;
        self.colon(false)?;
        Ok((target, iter))
    }

    fn try_stmt(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let pos = self.pos();
        let body = self.clause(Kw::Try, "'try' statement")?;
        let mut handlers: Vec<Handler> = Vec::new();
        while self.is_kw(Kw::Except) {
            self.handler(&mut handlers)?;
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let has_finally = self.is_kw(Kw::Finally);
        let finalbody = self.clause(Kw::Finally, "'finally' statement")?;
        if !has_finally && handlers.is_empty() {
            return Err(self.err("expected 'except' or 'finally' block", self.pos_or_nl().0));
        }
        out.push(Stmt {
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody: Cell::new(finalbody),
            },
            pos,
        });
        Ok(())
    }

    fn handler(&mut self, handlers: &mut Vec<Handler>) -> R<()> {
        let pos = self.pos();
        let (typ, name) = self.except_header(handlers)?;
        let body = self.block("'except' statement", pos.line)?;
        handlers.push(Handler {
            typ,
            name,
            body,
            pos,
        });
        Ok(())
    }

    fn except_header(&mut self, prev: &[Handler]) -> R<(Option<Expr>, Option<String>)> {
        if let Some(h) = prev.last().filter(|h| h.typ.is_none()) {
            return Err(self.err("default 'except:' must be last", h.pos));
        }
        self.bump();
        let (mut typ, mut name) = (None, None);
        if !self.is_op(Op::Colon) {
            let t = self.expr()?;
            if self.is_op(Op::Comma) {
                return Err(self.err("multiple exception types must be parenthesized", t.pos));
            }
            typ = Some(t);
            if self.eat_kw(Kw::As) {
                name = Some(self.name()?);
            }
        }
        self.colon(false)?;
        Ok((typ, name))
    }

    fn with_item(&mut self) -> R<(Expr, Option<Expr>)> {
        let e = self.expr()?;
        if !self.eat_kw(Kw::As) {
            return Ok((e, None));
        }
        let t = self.bitor_or_star()?;
        self.check_store(&t)?;
        Ok((e, Some(t)))
    }

    fn with_header(&mut self) -> R<Vec<(Expr, Option<Expr>)>> {
        self.bump();
        let mut items = Vec::new();
        if self.is_op(Op::LPar) {
            // try `with (a as b, c):`, else fall back to an expression
            let save = (self.i, self.depth);
            self.bump();
            while let Ok(it) = self.with_item() {
                items.push(it);
                if !self.eat_op(Op::Comma) || self.is_op(Op::RPar) {
                    break;
                }
            }
            if !(self.eat_op(Op::RPar) && self.is_op(Op::Colon)) {
                items.clear();
                (self.i, self.depth) = save;
            }
        }
        if items.is_empty() {
            items.push(self.with_item()?);
            while self.eat_op(Op::Comma) {
                items.push(self.with_item()?);
            }
        }
        self.colon(false)?;
        Ok(items)
    }

    fn decorated(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let mut decorators = Vec::new();
        while self.eat_op(Op::At) {
            decorators.push(self.named_expr()?);
            if !matches!(self.tok(), Tok::Newline) {
                return Err(self.invalid());
            }
            self.bump();
        }
        let pos = self.pos();
        let is_async = self.is_kw(Kw::Async) && matches!(self.nth(1), Tok::Kw(Kw::Def));
        if is_async {
            self.bump();
        }
        let kind = match self.tok() {
            Tok::Kw(Kw::Def) => self.funcdef(decorators, is_async, pos.line)?,
            Tok::Kw(Kw::Class) => self.classdef(decorators, pos.line)?,
            _ => {
                if self.is_kw(Kw::Async) {
                    self.bump();
                }
                let (p, eof) = self.pos_or_nl();
                let mut e = self.err("invalid syntax", p);
                e.incomplete = eof;
                return Err(e);
            }
        };
        out.push(Stmt { kind, pos });
        Ok(())
    }

    fn funcdef(&mut self, decorators: Vec<Expr>, is_async: bool, line: u32) -> R<StmtKind> {
        let (name, params) = self.def_header()?;
        let body = self.block("function definition", line)?;
        Ok(StmtKind::FunctionDef(Box::new(FuncDef {
            name,
            params,
            body,
            decorators,
            is_async,
        })))
    }

    fn classdef(&mut self, decorators: Vec<Expr>, line: u32) -> R<StmtKind> {
        let (name, bases, keywords) = self.class_header()?;
        let body = self.block("class definition", line)?;
        Ok(StmtKind::ClassDef(Box::new(ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
        })))
    }

    fn def_header(&mut self) -> R<(String, Params)> {
        self.bump();
        let name = self.name()?;
        if !self.eat_op(Op::LPar) {
            return Err(self.err("expected '('", self.pos()));
        }
        let params = self.params(false)?;
        self.expect_op(Op::RPar)?;
        if self.eat_op(Op::Arrow) {
            self.expr()?;
        }
        self.colon(true)?;
        Ok((name, params))
    }

    #[allow(clippy::type_complexity)]
    fn class_header(&mut self) -> R<(String, Vec<Expr>, Vec<(String, Expr)>)> {
        self.bump();
        let name = self.name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.eat_op(Op::LPar) {
            for a in self.call_args()? {
                match a {
                    Arg::Pos(e) => bases.push(e),
                    Arg::Star(e) => {
                        let pos = e.pos;
                        bases.push(mk(ExprKind::Starred(e), pos))
                    }
                    Arg::Kw(k, e) => keywords.push((k, e)),
                    Arg::StarStar(e) => {
                        return Err(
                            self.err("**kwargs in class definition are not supported", e.pos)
                        )
                    }
                }
            }
        }
        self.colon(false)?;
        Ok((name, bases, keywords))
    }

    /// Parameter list of a `def` (up to `)`) or a `lambda` (up to `:`).
    fn params(&mut self, lambda: bool) -> R<Params> {
        let mut ps = Params::default();
        let end = if lambda { Op::Colon } else { Op::RPar };
        let mut star: Option<Pos> = None;
        let mut slash = false;
        let mut kwarg = false;
        let mut names: Vec<String> = Vec::new();
        let mut dd = 0;
        while !self.is_op(end) {
            let pos = self.pos();
            if kwarg {
                return Err(self.err("arguments cannot follow var-keyword argument", pos));
            }
            if self.eat_op(Op::Slash) {
                if star.is_some() {
                    return Err(self.err("/ must be ahead of *", pos));
                }
                if slash || ps.args.is_empty() {
                    return Err(self.err("invalid syntax", pos));
                }
                slash = true;
                ps.posonly = ps.args.len();
            } else if self.eat_op(Op::DoubleStar) || self.eat_op(Op::Star) {
                let is_kw = matches!(self.lx.toks[self.i - 1].tok, Tok::Op(Op::DoubleStar));
                if !is_kw && star.is_some() {
                    return Err(self.err("* argument may appear only once", pos));
                }
                let np = self.pos();
                let name = if is_kw || matches!(self.tok(), Tok::Name(_)) {
                    let n = self.name()?;
                    if !lambda && self.eat_op(Op::Colon) {
                        self.expr()?;
                    }
                    if self.is_op(Op::Equal) {
                        let what = if is_kw {
                            "var-keyword"
                        } else {
                            "var-positional"
                        };
                        return Err(self.err_s(
                            format!("{} argument cannot have default value", what),
                            self.pos(),
                        ));
                    }
                    self.dup_check(&mut names, &n, np)?;
                    Some(n)
                } else {
                    None
                };
                if is_kw {
                    ps.kwarg = name;
                    kwarg = true;
                } else {
                    star = Some(pos);
                    ps.vararg = name;
                    if ps.vararg.is_none()
                        && (self.is_op(end) || matches!(self.nth(1), Tok::Op(Op::DoubleStar)))
                    {
                        return Err(self.err("named arguments must follow bare *", pos));
                    }
                }
            } else {
                let n = self.name()?;
                if !lambda && self.eat_op(Op::Colon) {
                    self.expr()?;
                }
                let eq = self.pos();
                let default = if self.eat_op(Op::Equal) {
                    if self.is_op(Op::Comma) || self.is_op(end) {
                        return Err(self.err("expected default value expression", eq));
                    }
                    let d = self.expr()?;
                    dd = dd.max(self.ed);
                    Some(d)
                } else {
                    None
                };
                self.dup_check(&mut names, &n, pos)?;
                let p = Param {
                    name: n,
                    default,
                    pos,
                };
                if star.is_some() {
                    ps.kwonly.push(p);
                } else {
                    if p.default.is_none() && ps.args.last().is_some_and(|a| a.default.is_some()) {
                        return Err(self.err("non-default argument follows default argument", pos));
                    }
                    ps.args.push(p);
                }
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.is_op(end) {
            return Err(self.invalid());
        }
        if lambda {
            self.bump();
        }
        self.ed = dd;
        Ok(ps)
    }

    /// Parameter lists are short: a linear scan costs less flash than a
    /// set (a `BTreeSet` here was the image's only B-tree, ~2 KB).
    fn dup_check(&self, names: &mut Vec<String>, n: &str, pos: Pos) -> R<()> {
        if names.iter().any(|x| x == n) {
            return Err(self.err_s(
                format!("duplicate argument '{}' in function definition", n),
                pos,
            ));
        }
        names.push(n.to_string());
        Ok(())
    }

    fn at_stmt_end(&self) -> bool {
        matches!(self.tok(), Tok::Newline | Tok::Eof | Tok::Op(Op::Semi))
    }

    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        loop {
            let s = self.simple_stmt()?;
            if let StmtKind::Expr(e) = &s.kind {
                if let ExprKind::Name(n) = &e.kind {
                    if (n == "print" || n == "exec")
                        && can_start_expr(self.tok())
                        && !matches!(self.tok(), Tok::Op(_))
                    {
                        return Err(self.err_s(
                            format!(
                                "Missing parentheses in call to '{}'. Did you mean {}(...)?",
                                n, n
                            ),
                            e.pos,
                        ));
                    }
                }
            }
            out.push(s);
            if self.eat_op(Op::Semi) {
                if matches!(self.tok(), Tok::Newline) {
                    self.bump();
                    return Ok(());
                }
                continue;
            }
            match self.tok() {
                Tok::Newline => {
                    self.bump();
                    return Ok(());
                }
                Tok::Eof => return Ok(()),
                _ => return Err(self.invalid()),
            }
        }
    }

    fn simple_stmt(&mut self) -> R<Stmt> {
        let pos = self.pos();
        let kind = match self.tok() {
            Tok::Kw(Kw::Pass) => {
                self.bump();
                StmtKind::Pass
            }
            Tok::Kw(Kw::Break) => {
                self.bump();
                StmtKind::Break
            }
            Tok::Kw(Kw::Continue) => {
                self.bump();
                StmtKind::Continue
            }
            Tok::Kw(Kw::Return) => {
                self.bump();
                if self.at_stmt_end() {
                    StmtKind::Return(None)
                } else {
                    let (e, _) = self.star_expressions()?;
                    self.no_bare_star(&e)?;
                    StmtKind::Return(Some(e))
                }
            }
            Tok::Kw(Kw::Raise) => {
                self.bump();
                if self.at_stmt_end() {
                    StmtKind::Raise(None, None)
                } else {
                    let e = self.expr()?;
                    let c = if self.eat_kw(Kw::From) {
                        Some(self.expr()?)
                    } else {
                        None
                    };
                    StmtKind::Raise(Some(e), c)
                }
            }
            Tok::Kw(k @ (Kw::Global | Kw::Nonlocal)) => {
                let global = *k == Kw::Global;
                self.bump();
                let mut names = vec![self.name()?];
                while self.eat_op(Op::Comma) {
                    names.push(self.name()?);
                }
                if global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            Tok::Kw(Kw::Del) => {
                self.bump();
                let mut targets = Vec::new();
                loop {
                    let e = self.bitor_or_star()?;
                    if let Some(bad) = invalid_target(&e, Ctx::Del) {
                        return Err(
                            self.err_s(format!("cannot delete {}", expr_name(bad)), bad.pos)
                        );
                    }
                    targets.push(e);
                    if !self.eat_op(Op::Comma) || self.at_stmt_end() {
                        break;
                    }
                }
                StmtKind::Del(targets)
            }
            Tok::Kw(Kw::Assert) => {
                self.bump();
                let t = self.expr()?;
                let m = if self.eat_op(Op::Comma) {
                    Some(self.expr()?)
                } else {
                    None
                };
                StmtKind::Assert(t, m)
            }
            Tok::Kw(Kw::Import) => {
                self.bump();
                let mut names = Vec::new();
                loop {
                    let name = self.dotted_name()?;
                    let asname = if self.eat_kw(Kw::As) {
                        Some(self.name()?)
                    } else {
                        None
                    };
                    names.push(Alias { name, asname });
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                StmtKind::Import(names)
            }
            Tok::Kw(Kw::From) => self.import_from()?,
            _ => return self.expr_stmt(),
        };
        Ok(Stmt { kind, pos })
    }

    fn dotted_name(&mut self) -> R<String> {
        let mut s = self.name()?;
        while self.eat_op(Op::Dot) {
            s.push('.');
            s.push_str(&self.name()?);
        }
        Ok(s)
    }

    fn import_from(&mut self) -> R<StmtKind> {
        self.bump();
        let mut level = 0;
        loop {
            if self.eat_op(Op::Dot) {
                level += 1;
            } else if self.eat_op(Op::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if matches!(self.tok(), Tok::Name(_)) {
            Some(self.dotted_name()?)
        } else {
            None
        };
        if (module.is_none() && level == 0) || !self.eat_kw(Kw::Import) {
            return Err(self.invalid());
        }
        let mut names = Vec::new();
        if self.eat_op(Op::Star) {
            names.push(Alias {
                name: "*".into(),
                asname: None,
            });
            return Ok(StmtKind::ImportFrom {
                module,
                names,
                level,
            });
        }
        let paren = self.eat_op(Op::LPar);
        loop {
            let name = self.name()?;
            let asname = if self.eat_kw(Kw::As) {
                Some(self.name()?)
            } else {
                None
            };
            names.push(Alias { name, asname });
            if !self.eat_op(Op::Comma) {
                break;
            }
            if paren && self.is_op(Op::RPar) {
                break;
            }
            if !paren && self.at_stmt_end() {
                return Err(self.err(
                    "trailing comma not allowed without surrounding parentheses",
                    self.pos(),
                ));
            }
        }
        if paren {
            self.expect_op(Op::RPar)?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    fn rhs(&mut self) -> R<Expr> {
        if self.is_kw(Kw::Yield) {
            return self.yield_expr();
        }
        let (e, _) = self.star_expressions()?;
        Ok(e)
    }

    fn no_bare_star(&self, e: &Expr) -> R<()> {
        if let ExprKind::Starred(_) = e.kind {
            return Err(self.err("can't use starred expression here", e.pos));
        }
        Ok(())
    }

    fn check_store(&self, t: &Expr) -> R<()> {
        if let Some(bad) = invalid_target(t, Ctx::Store) {
            return Err(self.err_s(format!("cannot assign to {}", expr_name(bad)), bad.pos));
        }
        self.check_names(t)
    }

    fn check_names(&self, t: &Expr) -> R<()> {
        match &t.kind {
            ExprKind::Name(n) if n == "__debug__" => {
                Err(self.err("cannot assign to __debug__", t.pos))
            }
            ExprKind::Tuple(v) | ExprKind::List(v) => {
                let stars = v
                    .iter()
                    .filter(|x| matches!(x.kind, ExprKind::Starred(_)))
                    .count();
                if stars > 1 {
                    return Err(self.err("multiple starred expressions in assignment", t.pos));
                }
                v.iter().try_for_each(|x| self.check_names(x))
            }
            ExprKind::Starred(inner) => self.check_names(inner),
            _ => Ok(()),
        }
    }

    fn expr_stmt(&mut self) -> R<Stmt> {
        let pos = self.pos();
        let (first, bare) = if self.is_kw(Kw::Yield) {
            (self.yield_expr()?, false)
        } else {
            self.star_expressions()?
        };
        if self.is_op(Op::Equal) {
            let mut targets = vec![first];
            let mut value;
            loop {
                self.bump();
                value = self.rhs()?;
                if !self.is_op(Op::Equal) {
                    break;
                }
                targets.push(value);
            }
            self.assign_targets(&targets, bare, &value)?;
            self.no_bare_star(&value)?;
            return Ok(Stmt {
                kind: StmtKind::Assign(targets, value),
                pos,
            });
        }
        if let Tok::Op(op) = *self.tok() {
            if let Some(bop) = augop_of(op) {
                if !matches!(
                    first.kind,
                    ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)
                ) {
                    return Err(self.err_s(
                        format!(
                            "'{}' is an illegal expression for augmented assignment",
                            expr_name(&first)
                        ),
                        first.pos,
                    ));
                }
                self.check_names(&first)?;
                self.bump();
                let value = self.rhs()?;
                self.no_bare_star(&value)?;
                return Ok(Stmt {
                    kind: StmtKind::AugAssign(first, bop, value),
                    pos,
                });
            }
            if op == Op::Colon {
                match &first.kind {
                    ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => {}
                    ExprKind::Tuple(_) | ExprKind::List(_) => {
                        return Err(self.err_s(
                            format!(
                                "only single target (not {}) can be annotated",
                                expr_name(&first)
                            ),
                            first.pos,
                        ))
                    }
                    _ => return Err(self.err("illegal target for annotation", first.pos)),
                }
                self.check_names(&first)?;
                self.bump();
                self.expr()?;
                let value = if self.eat_op(Op::Equal) {
                    Some(self.rhs()?)
                } else {
                    None
                };
                return Ok(Stmt {
                    kind: StmtKind::AnnAssign(first, value),
                    pos,
                });
            }
        }
        self.no_bare_star(&first)?;
        if let ExprKind::NamedExpr(..) = first.kind {
            if self.lx.toks[self.i - 1].tok != Tok::Op(Op::RPar) {
                return Err(self.err("invalid syntax", self.lx.toks[self.i - 1].pos));
            }
        }
        Ok(Stmt {
            kind: StmtKind::Expr(first),
            pos,
        })
    }

    /// Validate assignment targets with CPython's messages.
    fn assign_targets(&self, targets: &[Expr], bare: bool, value: &Expr) -> R<()> {
        let first = &targets[0];
        // "cannot assign to X here. Maybe you meant '==' instead of '='?"
        let cand = match &first.kind {
            ExprKind::Tuple(v) if bare => v.last(),
            _ => Some(first),
        };
        if let Some(c) = cand {
            let excluded = matches!(
                c.kind,
                ExprKind::List(_)
                    | ExprKind::Tuple(_)
                    | ExprKind::GenExp(..)
                    | ExprKind::Const(Const::True | Const::False | Const::None)
            );
            let rhs_ok = targets.len() == 1
                && !matches!(
                    value.kind,
                    ExprKind::Yield(_)
                        | ExprKind::YieldFrom(_)
                        | ExprKind::Lambda { .. }
                        | ExprKind::Starred(_)
                        | ExprKind::UnaryOp(UnOp::Not, _)
                );
            if !excluded && rhs_ok && is_bitwise_level(c) && !matches!(c.kind, ExprKind::Starred(_))
            {
                if invalid_target(c, Ctx::Store).is_some() {
                    return Err(self.err_s(
                        format!(
                            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                            expr_name(c)
                        ),
                        c.pos,
                    ));
                }
                if matches!(c.kind, ExprKind::Name(_))
                    && invalid_target(first, Ctx::Store).is_some()
                {
                    return Err(self.err(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        c.pos,
                    ));
                }
            }
        }
        for t in targets {
            if let ExprKind::Yield(_) | ExprKind::YieldFrom(_) = t.kind {
                return Err(self.err("assignment to yield expression not possible", t.pos));
            }
            if let ExprKind::Starred(_) = t.kind {
                return Err(self.err(
                    "starred assignment target must be in a list or tuple",
                    t.pos,
                ));
            }
            self.check_store(t)?;
        }
        Ok(())
    }

    // ----- expressions -----

    /// `*x` (bitwise_or operand) or a full expression: an element of a
    /// tuple on the right of `=`, a `return` value, etc.
    fn star_expr(&mut self) -> R<Expr> {
        if self.is_op(Op::Star) {
            let pos = self.pos();
            self.bump();
            let e = self.binop(BITOR)?;
            self.depth_is(self.ed + 1)?;
            return Ok(mk(ExprKind::Starred(e), pos));
        }
        self.expr()
    }

    /// Comma-separated `star_expr`s; a bare tuple if there is a comma
    /// (second result true).
    fn star_expressions(&mut self) -> R<(Expr, bool)> {
        let first = self.star_expr()?;
        if !self.is_op(Op::Comma) {
            return Ok((first, false));
        }
        let pos = first.pos;
        let mut v = vec![first];
        let mut m = self.ed;
        while self.eat_op(Op::Comma) {
            if !can_start_expr(self.tok()) {
                break;
            }
            v.push(self.star_expr()?);
            m = m.max(self.ed);
        }
        self.depth_is(m + 1)?;
        Ok((mk(ExprKind::Tuple(v), pos), true))
    }

    /// `*x` or a named expression: elements of displays and parentheses.
    fn star_named(&mut self) -> R<Expr> {
        if self.is_op(Op::Star) {
            return self.star_expr();
        }
        self.named_expr()
    }

    /// A `for`/`with ... as`/comprehension target: bitwise_or-level
    /// expressions (so `in` is not consumed), possibly starred.
    fn bitor_or_star(&mut self) -> R<Expr> {
        if self.is_op(Op::Star) {
            let pos = self.pos();
            self.bump();
            let e = self.binop(BITOR)?;
            self.depth_is(self.ed + 1)?;
            return Ok(mk(ExprKind::Starred(e), pos));
        }
        self.binop(BITOR)
    }

    fn target_list(&mut self) -> R<Expr> {
        let first = self.bitor_or_star()?;
        let t = if self.is_op(Op::Comma) {
            let pos = first.pos;
            let mut v = vec![first];
            let mut m = self.ed;
            while self.eat_op(Op::Comma) {
                if self.is_kw(Kw::In) {
                    break;
                }
                v.push(self.bitor_or_star()?);
                m = m.max(self.ed);
            }
            self.depth_is(m + 1)?;
            mk(ExprKind::Tuple(v), pos)
        } else {
            first
        };
        if let ExprKind::Starred(_) = t.kind {
            return Err(self.err(
                "starred assignment target must be in a list or tuple",
                t.pos,
            ));
        }
        self.check_store(&t)?;
        Ok(t)
    }

    fn named_expr(&mut self) -> R<Expr> {
        if let (Tok::Name(_), Tok::Op(Op::ColonEq)) = (self.tok(), self.nth(1)) {
            return self.walrus();
        }
        let e = self.expr()?;
        if self.is_op(Op::ColonEq) {
            return Err(self.walrus_err(&e));
        }
        Ok(e)
    }

    fn walrus_err(&self, e: &Expr) -> Box<SyntaxError> {
        self.err_s(
            format!("cannot use assignment expressions with {}", expr_name(e)),
            e.pos,
        )
    }

    fn walrus(&mut self) -> R<Expr> {
        let pos = self.pos();
        let n = self.name()?;
        self.bump();
        let v = self.expr()?;
        self.depth_is(self.ed + 1)?;
        Ok(mk(ExprKind::NamedExpr(n, v), pos))
    }

    /// `expression`: lambda, or a disjunction with `if`/`else` chains.
    /// The functions on the bracket-recursion path (expr, binop, unary,
    /// power, primary, atom, bracket, paren, star_named, named_expr) keep
    /// their frames small; the less common cases live in separate functions.
    fn expr(&mut self) -> R<Expr> {
        self.enter(EXPR_COST)?;
        let r = if self.is_kw(Kw::Lambda) {
            self.lambda()
        } else {
            self.disjunction_if()
        };
        self.depth -= EXPR_COST;
        r
    }

    fn disjunction_if(&mut self) -> R<Expr> {
        let body = self.binop(OR)?;
        if self.is_kw(Kw::If) {
            return self.ifexp(body);
        }
        Ok(body)
    }

    fn ifexp(&mut self, mut body: Expr) -> R<Expr> {
        let mut chain = Vec::new();
        let mut m = self.ed;
        while self.eat_kw(Kw::If) {
            let test = self.binop(OR)?;
            m = m.max(self.ed);
            if !self.eat_kw(Kw::Else) {
                if !self.is_op(Op::Colon) {
                    return Err(self.err("expected 'else' after 'if' expression", body.pos));
                }
                return Err(self.invalid());
            }
            chain.push((body, test));
            body = if self.is_kw(Kw::Lambda) {
                self.lambda()
            } else {
                self.binop(OR)
            }?;
            m = m.max(self.ed);
            self.depth_is(m + chain.len() as u32)?;
        }
        while let Some((b, t)) = chain.pop() {
            let pos = b.pos;
            body = mk(
                ExprKind::IfExp {
                    test: t,
                    body: b,
                    orelse: body,
                },
                pos,
            );
        }
        Ok(body)
    }

    fn lambda(&mut self) -> R<Expr> {
        let pos = self.pos();
        self.bump();
        let params = self.params(true)?;
        let pd = self.ed;
        let body = self.expr()?;
        self.depth_is(pd.max(self.ed) + 2)?;
        Ok(mk(
            ExprKind::Lambda {
                params: Box::new(params),
                body,
            },
            pos,
        ))
    }

    /// Binary/boolean/comparison operators at precedence >= `min`.
    fn binop(&mut self, min: u8) -> R<Expr> {
        if min <= NOT && self.is_kw(Kw::Not) {
            return self.not_expr(min);
        }
        let lhs = self.unary()?;
        self.climb(lhs, min)
    }

    /// Prefix `not`s, iteratively.
    fn not_expr(&mut self, min: u8) -> R<Expr> {
        let mut nots = Vec::new();
        while self.is_kw(Kw::Not) {
            nots.push(self.pos());
            self.bump();
        }
        let lhs = self.unary()?;
        let mut e = self.climb(lhs, CMP)?;
        self.depth_is(self.ed + nots.len() as u32)?;
        while let Some(p) = nots.pop() {
            e = mk(ExprKind::UnaryOp(UnOp::Not, e), p);
        }
        self.climb(e, min)
    }

    fn cmp_op(&self) -> Option<(CmpOp, usize)> {
        Some(match self.tok() {
            Tok::Op(Op::EqEqual) => (CmpOp::Eq, 1),
            Tok::Op(Op::NotEqual) => (CmpOp::Ne, 1),
            Tok::Op(Op::Less) => (CmpOp::Lt, 1),
            Tok::Op(Op::LessEqual) => (CmpOp::Le, 1),
            Tok::Op(Op::Greater) => (CmpOp::Gt, 1),
            Tok::Op(Op::GreaterEqual) => (CmpOp::Ge, 1),
            Tok::Kw(Kw::In) => (CmpOp::In, 1),
            Tok::Kw(Kw::Is) if matches!(self.nth(1), Tok::Kw(Kw::Not)) => (CmpOp::IsNot, 2),
            Tok::Kw(Kw::Is) => (CmpOp::Is, 1),
            Tok::Kw(Kw::Not) if matches!(self.nth(1), Tok::Kw(Kw::In)) => (CmpOp::NotIn, 2),
            _ => return None,
        })
    }

    /// Precedence of the operator at the current token (0 if none).
    fn op_prec(&self) -> u8 {
        match self.tok() {
            Tok::Kw(Kw::Or) => OR,
            Tok::Kw(Kw::And) => AND,
            Tok::Op(op) if binop_of(*op).is_some() => binop_of(*op).map_or(0, |b| b.0),
            _ if self.cmp_op().is_some() => CMP,
            _ => 0,
        }
    }

    fn climb(&mut self, mut lhs: Expr, min: u8) -> R<Expr> {
        loop {
            let prec = self.op_prec();
            if prec == 0 || prec < min {
                return Ok(lhs);
            }
            lhs = match prec {
                OR | AND => self.bool_chain(lhs, prec)?,
                CMP => self.compare(lhs)?,
                _ => self.bin_step(lhs, prec)?,
            };
        }
    }

    fn bin_step(&mut self, lhs: Expr, prec: u8) -> R<Expr> {
        let Tok::Op(op) = *self.tok() else {
            return Ok(lhs);
        };
        let bop = binop_of(op).map_or(BinOp::Add, |b| b.1);
        self.bump();
        let ld = self.ed;
        let rhs = self.binop(prec + 1)?;
        self.depth_is(ld.max(self.ed) + 1)?;
        let pos = lhs.pos;
        Ok(mk(ExprKind::BinOp(lhs, bop, rhs), pos))
    }

    fn bool_chain(&mut self, lhs: Expr, prec: u8) -> R<Expr> {
        let (is_and, kw) = if prec == AND {
            (true, Kw::And)
        } else {
            (false, Kw::Or)
        };
        let pos = lhs.pos;
        let mut values = vec![lhs];
        let mut m = self.ed;
        while self.eat_kw(kw) {
            values.push(self.binop(prec + 1)?);
            m = m.max(self.ed);
        }
        self.depth_is(m + 1)?;
        Ok(mk(ExprKind::BoolOp { is_and, values }, pos))
    }

    fn compare(&mut self, lhs: Expr) -> R<Expr> {
        let pos = lhs.pos;
        let mut pairs = Vec::new();
        let mut m = self.ed;
        while let Some((op, n)) = self.cmp_op() {
            for _ in 0..n {
                self.bump();
            }
            pairs.push((op, self.binop(BITOR)?));
            m = m.max(self.ed);
        }
        self.depth_is(m + 1)?;
        Ok(mk(ExprKind::Compare(lhs, pairs), pos))
    }

    fn unary(&mut self) -> R<Expr> {
        if matches!(self.tok(), Tok::Op(Op::Minus | Op::Plus | Op::Tilde)) {
            return self.unary_ops();
        }
        self.power()
    }

    /// Prefix `-`, `+`, `~`, iteratively.
    fn unary_ops(&mut self) -> R<Expr> {
        let mut pre = Vec::new();
        loop {
            let op = match self.tok() {
                Tok::Op(Op::Minus) => UnOp::Neg,
                Tok::Op(Op::Plus) => UnOp::Pos,
                Tok::Op(Op::Tilde) => UnOp::Invert,
                _ => break,
            };
            pre.push((op, self.pos()));
            self.bump();
        }
        let mut e = self.power()?;
        self.depth_is(self.ed + pre.len() as u32)?;
        while let Some((op, p)) = pre.pop() {
            e = mk(ExprKind::UnaryOp(op, e), p);
        }
        Ok(e)
    }

    fn power(&mut self) -> R<Expr> {
        let base = if self.is_kw(Kw::Await) {
            self.await_expr()
        } else {
            self.primary()
        }?;
        if self.is_op(Op::DoubleStar) {
            return self.pow_rhs(base);
        }
        Ok(base)
    }

    fn await_expr(&mut self) -> R<Expr> {
        let pos = self.pos();
        self.bump();
        let e = self.primary()?;
        self.depth_is(self.ed + 1)?;
        Ok(mk(ExprKind::Await(e), pos))
    }

    fn pow_rhs(&mut self, base: Expr) -> R<Expr> {
        self.bump();
        let bd = self.ed;
        self.enter(3)?;
        let rhs = self.unary();
        self.depth -= 3;
        self.depth_is(bd.max(self.ed) + 1)?;
        let pos = base.pos;
        Ok(mk(ExprKind::BinOp(base, BinOp::Pow, rhs?), pos))
    }

    fn primary(&mut self) -> R<Expr> {
        let e = self.atom()?;
        if matches!(self.tok(), Tok::Op(Op::Dot | Op::LPar | Op::LSqb)) {
            return self.trailers(e);
        }
        Ok(e)
    }

    fn trailers(&mut self, mut e: Expr) -> R<Expr> {
        loop {
            let pos = e.pos;
            let Tok::Op(op @ (Op::Dot | Op::LPar | Op::LSqb)) = *self.tok() else {
                return Ok(e);
            };
            if op == Op::Dot {
                self.bump();
                let n = self.name()?;
                self.depth_is(self.ed + 1)?;
                e = mk(ExprKind::Attribute(e, n), pos);
                continue;
            }
            let fd = self.ed;
            self.enter(CALL_COST)?;
            self.bump();
            let r = if op == Op::LPar {
                self.call(e)
            } else {
                self.subscript(e)
            };
            self.depth -= CALL_COST;
            e = r?;
            self.depth_is(fd.max(self.ed) + 1)?;
        }
    }

    fn call(&mut self, func: Expr) -> R<Expr> {
        let args = self.call_args()?;
        let pos = func.pos;
        Ok(mk(ExprKind::Call { func, args }, pos))
    }

    /// Call arguments after `(`, through `)`.
    fn call_args(&mut self) -> R<Vec<Arg>> {
        let mut args: Vec<Arg> = Vec::new();
        let mut seen = (Vec::new(), false);
        let mut start = self.pos();
        let mut m = 0;
        while !self.is_op(Op::RPar) {
            start = self.pos();
            let a = self.call_arg()?;
            m = m.max(self.ed);
            self.check_arg(&mut seen, &a, start)?;
            let genexp = matches!(&a, Arg::Pos(e) if matches!(e.kind, ExprKind::GenExp(..)))
                && self.lx.toks[self.i - 1].tok != Tok::Op(Op::RPar);
            args.push(a);
            if genexp {
                // an unparenthesized generator expression must be the sole argument
                if args.len() > 1 || !self.is_op(Op::RPar) {
                    return Err(self.err("Generator expression must be parenthesized", start));
                }
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.eat_op(Op::RPar) {
            return Err(self.sep_err(start));
        }
        self.ed = m + 1;
        Ok(args)
    }

    fn call_arg(&mut self) -> R<Arg> {
        match (self.tok(), self.nth(1)) {
            (Tok::Op(Op::Star), _) => self.star_arg(),
            (Tok::Op(Op::DoubleStar), _) => {
                self.bump();
                Ok(Arg::StarStar(self.expr()?))
            }
            (Tok::Name(_), Tok::Op(Op::Equal)) => self.kw_arg(),
            _ => self.pos_arg(),
        }
    }

    fn star_arg(&mut self) -> R<Arg> {
        let start = self.pos();
        self.bump();
        let e = self.expr()?;
        if self.at_comp_for() {
            return Err(self.err("iterable unpacking cannot be used in comprehension", start));
        }
        Ok(Arg::Star(e))
    }

    fn kw_arg(&mut self) -> R<Arg> {
        let n = self.name()?;
        self.bump();
        Ok(Arg::Kw(n, self.expr()?))
    }

    fn pos_arg(&mut self) -> R<Arg> {
        let e = self.named_expr()?;
        if self.at_comp_for() {
            let ed = self.ed;
            let comps = self.comp_for()?;
            self.depth_is(ed.max(self.ed) + 1)?;
            let pos = e.pos;
            return Ok(Arg::Pos(mk(ExprKind::GenExp(e, comps), pos)));
        }
        if self.is_op(Op::Equal) {
            return Err(self.err(
                "expression cannot contain assignment, perhaps you meant \"==\"?",
                e.pos,
            ));
        }
        Ok(Arg::Pos(e))
    }

    /// Argument order rules, with CPython's messages.
    /// `seen`: keyword names so far, whether `**` was seen (in that order).
    fn check_arg(&self, seen: &mut (Vec<String>, bool), a: &Arg, start: Pos) -> R<()> {
        let (starstar, kw) = (seen.1, !seen.0.is_empty());
        let msg = match a {
            Arg::Star(_) if starstar => {
                "iterable argument unpacking follows keyword argument unpacking"
            }
            Arg::Pos(_) if starstar || kw => {
                let what = if starstar { " unpacking" } else { "" };
                let last = &self.lx.toks[self.i - 1];
                let end = self.lx.token_end(last.pos, &last.tok);
                return Err(self.err_s(
                    format!("positional argument follows keyword argument{}", what),
                    end,
                ));
            }
            Arg::Kw(n, _) if seen.0.contains(n) => {
                return Err(self.err_s(format!("keyword argument repeated: {}", n), start));
            }
            Arg::Kw(n, _) => {
                seen.0.push(n.clone());
                return Ok(());
            }
            Arg::StarStar(_) => {
                seen.1 = true;
                return Ok(());
            }
            _ => return Ok(()),
        };
        Err(self.err(msg, start))
    }

    fn subscript(&mut self, value: Expr) -> R<Expr> {
        let idx = self.subscript_items()?;
        let pos = value.pos;
        Ok(mk(ExprKind::Subscript(value, idx), pos))
    }

    fn subscript_items(&mut self) -> R<Expr> {
        let mut items = Vec::new();
        let mut trailing;
        let mut start;
        let mut m = 0;
        loop {
            start = self.pos();
            items.push(self.slice()?);
            m = m.max(self.ed);
            trailing = false;
            if !self.eat_op(Op::Comma) {
                break;
            }
            trailing = true;
            if self.is_op(Op::RSqb) {
                break;
            }
        }
        if !self.eat_op(Op::RSqb) {
            return Err(self.sep_err(start));
        }
        self.ed = m + 1;
        if items.len() == 1 && !trailing && !matches!(items[0].kind, ExprKind::Starred(_)) {
            return Ok(items
                .pop()
                .unwrap_or(mk(ExprKind::Tuple(Vec::new()), start)));
        }
        let pos = items[0].pos;
        Ok(mk(ExprKind::Tuple(items), pos))
    }

    fn slice(&mut self) -> R<Expr> {
        let pos = self.pos();
        self.ed = 0;
        let lo = if self.is_op(Op::Colon) {
            None
        } else {
            Some(self.star_named()?)
        };
        if !self.eat_op(Op::Colon) {
            return lo.ok_or_else(|| self.invalid());
        }
        let mut m = self.ed;
        let ends = |p: &Self| p.is_op(Op::Colon) || p.is_op(Op::Comma) || p.is_op(Op::RSqb);
        let hi = if ends(self) { None } else { Some(self.expr()?) };
        m = m.max(self.ed);
        let mut step = None;
        if self.eat_op(Op::Colon) && !ends(self) {
            step = Some(self.expr()?);
        }
        self.depth_is(m.max(self.ed) + 1)?;
        Ok(mk(ExprKind::Slice(lo, hi, step), pos))
    }

    fn comp_for(&mut self) -> R<Vec<Comprehension>> {
        let mut comps = Vec::new();
        let mut m = 0;
        while self.at_comp_for() {
            let is_async = self.eat_kw(Kw::Async);
            self.bump();
            let target = self.target_list()?;
            m = m.max(self.ed);
            if !self.eat_kw(Kw::In) {
                return Err(self.invalid());
            }
            let iter = self.binop(OR)?;
            m = m.max(self.ed);
            let mut ifs = Vec::new();
            while self.eat_kw(Kw::If) {
                ifs.push(self.binop(OR)?);
                m = m.max(self.ed);
            }
            comps.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        self.ed = m;
        Ok(comps)
    }

    fn yield_expr(&mut self) -> R<Expr> {
        let pos = self.pos();
        self.bump();
        if self.eat_kw(Kw::From) {
            let e = self.expr()?;
            self.depth_is(self.ed + 1)?;
            return Ok(mk(ExprKind::YieldFrom(e), pos));
        }
        if !can_start_expr(self.tok()) {
            self.ed = 1;
            return Ok(mk(ExprKind::Yield(None), pos));
        }
        let (e, _) = self.star_expressions()?;
        self.no_bare_star(&e)?;
        self.depth_is(self.ed + 1)?;
        Ok(mk(ExprKind::Yield(Some(e)), pos))
    }

    fn atom(&mut self) -> R<Expr> {
        if let Tok::Op(op @ (Op::LPar | Op::LSqb | Op::LBrace)) = *self.tok() {
            return self.bracket(op);
        }
        self.atom_simple()
    }

    fn atom_simple(&mut self) -> R<Expr> {
        let pos = self.pos();
        let kind = match self.tok() {
            Tok::Name(n) => ExprKind::Name(n.clone()),
            Tok::Kw(Kw::None) => ExprKind::Const(Const::None),
            Tok::Kw(Kw::True) => ExprKind::Const(Const::True),
            Tok::Kw(Kw::False) => ExprKind::Const(Const::False),
            Tok::Op(Op::Ellipsis) => ExprKind::Const(Const::Ellipsis),
            Tok::Int(v) => ExprKind::Const(Const::Int(*v)),
            Tok::BigInt(r, d) => ExprKind::Const(Const::BigInt {
                radix: *r,
                digits: d.clone(),
            }),
            Tok::Float(v) => ExprKind::Const(Const::Float(*v)),
            Tok::Imag(v) => ExprKind::Const(Const::Imag(*v)),
            Tok::Str(_) | Tok::Bytes(_) | Tok::FStr(_) => return self.strings(),
            _ => return Err(self.invalid()),
        };
        self.bump();
        self.ed = 1;
        Ok(mk(kind, pos))
    }

    fn bracket(&mut self, op: Op) -> R<Expr> {
        let pos = self.pos();
        let cost = if op == Op::LBrace {
            2 * BRACKET_COST
        } else {
            BRACKET_COST
        };
        self.enter(cost)?;
        self.bump();
        let r = match op {
            Op::LPar => self.paren(pos),
            Op::LSqb => self.list(pos),
            _ => self.brace(pos),
        };
        self.depth -= cost;
        r
    }

    fn paren(&mut self, pos: Pos) -> R<Expr> {
        if self.is_op(Op::RPar) || self.is_kw(Kw::Yield) {
            return self.paren_special(pos);
        }
        let first = self.star_named()?;
        self.paren_rest(first, pos)
    }

    fn paren_special(&mut self, pos: Pos) -> R<Expr> {
        if self.eat_op(Op::RPar) {
            self.ed = 1;
            return Ok(mk(ExprKind::Tuple(Vec::new()), pos));
        }
        let y = self.yield_expr()?;
        self.expect_op(Op::RPar)?;
        Ok(y)
    }

    fn paren_rest(&mut self, first: Expr, pos: Pos) -> R<Expr> {
        if self.at_comp_for() {
            let (e, comps) = self.comprehension(first, Op::RPar)?;
            return Ok(mk(ExprKind::GenExp(e, comps), pos));
        }
        if self.eat_op(Op::RPar) {
            self.no_bare_star(&first).map_err(|mut e| {
                e.msg = "cannot use starred expression here".into();
                e
            })?;
            return Ok(first);
        }
        let v = self.elements(first, Op::RPar)?;
        Ok(mk(ExprKind::Tuple(v), pos))
    }

    /// `elt for ... ]`: the comprehension clauses and the closing bracket.
    fn comprehension(&mut self, elt: Expr, close: Op) -> R<(Expr, Vec<Comprehension>)> {
        if let ExprKind::Starred(_) = elt.kind {
            return Err(self.err(
                "iterable unpacking cannot be used in comprehension",
                elt.pos,
            ));
        }
        let ed = self.ed;
        let comps = self.comp_for()?;
        self.depth_is(ed.max(self.ed) + 2)?;
        self.expect_op(close)?;
        Ok((elt, comps))
    }

    /// Remaining comma-separated elements after `first`, through `close`.
    fn elements(&mut self, first: Expr, close: Op) -> R<Vec<Expr>> {
        let mut start = first.pos;
        let mut v = vec![first];
        let mut m = self.ed;
        while self.eat_op(Op::Comma) {
            if self.is_op(close) {
                break;
            }
            start = self.pos();
            v.push(self.star_named()?);
            m = m.max(self.ed);
        }
        self.depth_is(m + 1)?;
        if !self.eat_op(close) {
            if let (true, Some(e)) = (self.is_op(Op::Equal), v.last()) {
                return Err(self.eq_hint(e));
            }
            return Err(self.sep_err(start));
        }
        Ok(v)
    }

    fn list(&mut self, pos: Pos) -> R<Expr> {
        if self.eat_op(Op::RSqb) {
            self.ed = 1;
            return Ok(mk(ExprKind::List(Vec::new()), pos));
        }
        let first = self.star_named()?;
        self.list_rest(first, pos)
    }

    fn list_rest(&mut self, first: Expr, pos: Pos) -> R<Expr> {
        if self.at_comp_for() {
            let (e, comps) = self.comprehension(first, Op::RSqb)?;
            return Ok(mk(ExprKind::ListComp(e, comps), pos));
        }
        let v = self.elements(first, Op::RSqb)?;
        Ok(mk(ExprKind::List(v), pos))
    }

    fn brace(&mut self, pos: Pos) -> R<Expr> {
        if self.eat_op(Op::RBrace) {
            self.ed = 1;
            return Ok(mk(ExprKind::Dict(Vec::new()), pos));
        }
        let first_pos = self.pos();
        let first = if self.eat_op(Op::DoubleStar) {
            let e = self.binop(BITOR)?;
            if self.at_comp_for() {
                return Err(self.err(
                    "dict unpacking cannot be used in dict comprehension",
                    first_pos,
                ));
            }
            (None, e)
        } else {
            let k = self.star_named()?;
            if !self.is_op(Op::Colon) {
                // a set
                if self.at_comp_for() {
                    let (e, comps) = self.comprehension(k, Op::RBrace)?;
                    return Ok(mk(ExprKind::SetComp(e, comps), pos));
                }
                let v = self.elements(k, Op::RBrace)?;
                return Ok(mk(ExprKind::Set(v), pos));
            }
            if let ExprKind::Starred(_) = k.kind {
                return Err(self.invalid());
            }
            self.bump();
            let kd = self.ed;
            let v = self.expr()?;
            self.ed = self.ed.max(kd);
            if self.at_comp_for() {
                let vd = self.ed;
                let comps = self.comp_for()?;
                self.depth_is(vd.max(self.ed) + 2)?;
                self.expect_op(Op::RBrace)?;
                return Ok(mk(ExprKind::DictComp(k, v, comps), pos));
            }
            (Some(k), v)
        };
        // A missing comma is reported at the value before it (CPython's
        // two adjacent expressions), or at a `**` item.
        let mut start = match &first {
            (Some(_), v) => v.pos,
            _ => first_pos,
        };
        let mut items = vec![first];
        let mut m = self.ed;
        while self.eat_op(Op::Comma) {
            if self.is_op(Op::RBrace) {
                break;
            }
            start = self.pos();
            if self.eat_op(Op::DoubleStar) {
                items.push((None, self.binop(BITOR)?));
                m = m.max(self.ed);
                continue;
            }
            let k = self.expr()?;
            m = m.max(self.ed);
            if !self.eat_op(Op::Colon) {
                if self.is_op(Op::Comma) || self.is_op(Op::RBrace) {
                    return Err(self.err("':' expected after dictionary key", k.pos));
                }
                return Err(self.sep_err(start));
            }
            let v = self.expr()?;
            start = v.pos;
            items.push((Some(k), v));
            m = m.max(self.ed);
        }
        if !self.eat_op(Op::RBrace) {
            // `{**a b}`: no hint after an unpacking (pegen's rule wants a
            // `key: value` before the juxtaposed expression).
            if matches!(items.last(), Some((None, _))) {
                return Err(self.invalid());
            }
            return Err(self.sep_err(start));
        }
        self.depth_is(m + 1)?;
        Ok(mk(ExprKind::Dict(items), pos))
    }

    /// Adjacent string literals: concatenated; f-strings make a JoinedStr.
    fn strings(&mut self) -> R<Expr> {
        let pos = self.pos();
        let (mut has_bytes, mut has_str, mut has_f) = (false, false, false);
        let mut j = self.i;
        loop {
            // One past `j` too: `bump` keeps the token after the run lexed.
            self.lx.fill_to(j + 2);
            let Some(t) = self.lx.toks.get(j) else { break };
            match t.tok {
                Tok::Bytes(_) => has_bytes = true,
                Tok::Str(_) => has_str = true,
                Tok::FStr(_) => has_f = true,
                _ => break,
            }
            j += 1;
        }
        if has_bytes && (has_str || has_f) {
            return Err(self.err("cannot mix bytes and nonbytes literals", pos));
        }
        // Borrow the run's tokens (moved out, not cloned: `fexpr` needs
        // `self`), then put them back: a `with (` header may backtrack.
        let mut toks = Vec::new();
        for t in &mut self.lx.toks[self.i..j] {
            toks.push(core::mem::replace(&mut t.tok, Tok::Eof));
        }
        self.ed = 1;
        let kind = self.join_strings(&toks, has_bytes, has_f);
        for (t, k) in self.lx.toks[self.i..j].iter_mut().zip(toks) {
            t.tok = k;
        }
        self.i = j;
        Ok(mk(kind?, pos))
    }

    fn join_strings(&mut self, toks: &[Tok], bytes: bool, f: bool) -> R<ExprKind> {
        if bytes {
            let mut b = Vec::new();
            for t in toks {
                if let Tok::Bytes(x) = t {
                    b.extend_from_slice(x);
                }
            }
            return Ok(ExprKind::Const(Const::Bytes(b)));
        }
        if !f {
            let mut s = String::new();
            for t in toks {
                if let Tok::Str(x) = t {
                    s.push_str(x);
                }
            }
            return Ok(ExprKind::Const(Const::Str(s)));
        }
        let mut parts = Vec::new();
        let mut m = 0;
        for t in toks {
            match t {
                Tok::Str(x) => push_lit(&mut parts, x),
                Tok::FStr(raw) => m = m.max(self.fparts(raw, &mut parts)?),
                _ => {}
            }
        }
        self.depth_is(m + 2)?;
        Ok(ExprKind::JoinedStr(parts))
    }

    /// Convert raw f-string parts; returns the deepest field expression.
    fn fparts(&mut self, raw: &[FRaw], out: &mut Vec<FPart>) -> R<u32> {
        let mut m = 0;
        for r in raw {
            match r {
                FRaw::Lit(s) => push_lit(out, s),
                FRaw::Field {
                    src,
                    pos,
                    conv,
                    spec,
                    ..
                } => {
                    let expr = self.fexpr(src, *pos)?;
                    m = m.max(self.ed);
                    let spec = match spec {
                        Some(sp) => {
                            let mut v = Vec::new();
                            m = m.max(self.fparts(sp, &mut v)? + 1);
                            Some(v)
                        }
                        None => None,
                    };
                    out.push(FPart::Field {
                        expr,
                        conv: *conv,
                        spec,
                    });
                }
            }
        }
        Ok(m)
    }

    /// Parse the expression of an f-string replacement field.
    fn fexpr(&mut self, src: &str, pos: Pos) -> R<Expr> {
        self.enter(4)?;
        let mut lx = lexer::Lexer::new(src, pos, true, usize::MAX);
        lx.fill_to(usize::MAX);
        let hard = lx.hard;
        let mut sub = Parser::new(lx);
        sub.depth = self.depth;
        let res = sub.fexpr_body();
        self.ed = sub.ed;
        self.depth -= 4;
        match res {
            Err(mut e) => {
                if hard {
                    if let Some(le) = sub.lx.err {
                        e = Box::new(le);
                    }
                }
                if !e.msg.starts_with("f-string") {
                    e.msg = format!("f-string: {}", e.msg);
                }
                Err(e)
            }
            ok => ok,
        }
    }

    fn fexpr_body(&mut self) -> R<Expr> {
        let start = self.pos();
        let e = if self.is_kw(Kw::Yield) {
            self.yield_expr()?
        } else {
            self.star_expressions()?.0
        };
        if !matches!(self.tok(), Tok::Eof) {
            return Err(self.sep_err(start));
        }
        self.no_bare_star(&e)?;
        Ok(e)
    }
}

fn fold_if(mut arms: Vec<(Expr, Vec<Stmt>, Pos)>, mut orelse: Vec<Stmt>, out: &mut Vec<Stmt>) {
    while let Some((test, body, pos)) = arms.pop() {
        let kind = StmtKind::If(test, body, orelse);
        orelse = vec![Stmt { kind, pos }];
    }
    out.append(&mut orelse);
}

fn push_lit(parts: &mut Vec<FPart>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(FPart::Lit(l)) = parts.last_mut() {
        l.push_str(s);
    } else {
        parts.push(FPart::Lit(s.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    fn params(p: &Params) -> String {
        let mut v: Vec<String> = Vec::new();
        let one = |a: &Param| match &a.default {
            Some(d) => format!("{}={}", a.name, ex(d)),
            None => a.name.clone(),
        };
        for (i, a) in p.args.iter().enumerate() {
            v.push(one(a));
            if i + 1 == p.posonly {
                v.push("/".into());
            }
        }
        if let Some(n) = &p.vararg {
            v.push(format!("*{}", n));
        } else if !p.kwonly.is_empty() {
            v.push("*".into());
        }
        v.extend(p.kwonly.iter().map(one));
        if let Some(n) = &p.kwarg {
            v.push(format!("**{}", n));
        }
        v.join(", ")
    }

    fn list(v: &[Expr]) -> String {
        v.iter().map(ex).collect::<Vec<_>>().join(", ")
    }

    fn comps(c: &[Comprehension]) -> String {
        let mut s = String::new();
        for c in c {
            s += &format!(
                " {}for {} in {}",
                if c.is_async { "async " } else { "" },
                ex(&c.target),
                ex(&c.iter)
            );
            for i in &c.ifs {
                s += &format!(" if {}", ex(i));
            }
        }
        s
    }

    fn fparts(v: &[FPart]) -> String {
        let mut s = String::new();
        for p in v {
            match p {
                FPart::Lit(l) => s += l,
                FPart::Field { expr, conv, spec } => {
                    s += &format!("{{{}", ex(expr));
                    if let Some(c) = conv {
                        s += &format!("!{}", c);
                    }
                    if let Some(sp) = spec {
                        s += &format!(":{}", fparts(sp));
                    }
                    s += "}";
                }
            }
        }
        s
    }

    fn binop(op: BinOp) -> &'static str {
        use BinOp::*;
        match op {
            Add => "+",
            Sub => "-",
            Mul => "*",
            MatMul => "@",
            Div => "/",
            FloorDiv => "//",
            Mod => "%",
            Pow => "**",
            LShift => "<<",
            RShift => ">>",
            BitOr => "|",
            BitXor => "^",
            BitAnd => "&",
        }
    }

    fn ex(e: &Expr) -> String {
        use ExprKind::*;
        match &e.kind {
            Name(n) => n.clone(),
            Const(c) => match c {
                super::Const::None => "None".into(),
                super::Const::True => "True".into(),
                super::Const::False => "False".into(),
                super::Const::Ellipsis => "...".into(),
                super::Const::Int(i) => format!("{}", i),
                super::Const::BigInt { digits, radix } => format!("big({},{})", digits, radix),
                super::Const::Float(f) => format!("{:?}", f),
                super::Const::Imag(f) => format!("{:?}j", f),
                super::Const::Str(s) => format!("{:?}", s),
                super::Const::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
            },
            JoinedStr(p) => format!("f<{}>", fparts(p)),
            BinOp(l, op, r) => format!("({} {} {})", ex(l), binop(*op), ex(r)),
            UnaryOp(op, x) => {
                let o = match op {
                    UnOp::Neg => "-",
                    UnOp::Pos => "+",
                    UnOp::Invert => "~",
                    UnOp::Not => "not ",
                };
                format!("({}{})", o, ex(x))
            }
            BoolOp { is_and, values } => format!(
                "({})",
                values.iter().map(ex).collect::<Vec<_>>().join(if *is_and {
                    " and "
                } else {
                    " or "
                })
            ),
            Compare(l, pairs) => {
                let mut s = format!("({}", ex(l));
                for (op, r) in pairs {
                    let o = match op {
                        CmpOp::Eq => "==",
                        CmpOp::Ne => "!=",
                        CmpOp::Lt => "<",
                        CmpOp::Le => "<=",
                        CmpOp::Gt => ">",
                        CmpOp::Ge => ">=",
                        CmpOp::Is => "is",
                        CmpOp::IsNot => "is not",
                        CmpOp::In => "in",
                        CmpOp::NotIn => "not in",
                    };
                    s += &format!(" {} {}", o, ex(r));
                }
                s + ")"
            }
            Call { func, args } => {
                let a: Vec<String> = args
                    .iter()
                    .map(|a| match a {
                        Arg::Pos(e) => ex(e),
                        Arg::Star(e) => format!("*{}", ex(e)),
                        Arg::Kw(k, e) => format!("{}={}", k, ex(e)),
                        Arg::StarStar(e) => format!("**{}", ex(e)),
                    })
                    .collect();
                format!("{}({})", ex(func), a.join(", "))
            }
            Attribute(x, n) => format!("{}.{}", ex(x), n),
            Subscript(x, i) => format!("{}[{}]", ex(x), ex(i)),
            Slice(a, b, c) => {
                let o = |x: &Option<Expr>| x.as_ref().map(|e| ex(e)).unwrap_or_default();
                match c {
                    Some(_) => format!("{}:{}:{}", o(a), o(b), o(c)),
                    None => format!("{}:{}", o(a), o(b)),
                }
            }
            Tuple(v) if v.len() == 1 => format!("({},)", ex(&v[0])),
            Tuple(v) => format!("({})", list(v)),
            List(v) => format!("[{}]", list(v)),
            Set(v) => format!("{{{}}}", list(v)),
            Dict(v) => {
                let items: Vec<String> = v
                    .iter()
                    .map(|(k, v)| match k {
                        Some(k) => format!("{}: {}", ex(k), ex(v)),
                        None => format!("**{}", ex(v)),
                    })
                    .collect();
                format!("{{{}}}", items.join(", "))
            }
            Starred(x) => format!("*{}", ex(x)),
            IfExp { test, body, orelse } => {
                format!("({} if {} else {})", ex(body), ex(test), ex(orelse))
            }
            Lambda { params: p, body } => format!("(lambda {}: {})", params(p), ex(body)),
            ListComp(x, c) => format!("[{}{}]", ex(x), comps(c)),
            SetComp(x, c) => format!("{{{}{}}}", ex(x), comps(c)),
            DictComp(k, v, c) => format!("{{{}: {}{}}}", ex(k), ex(v), comps(c)),
            GenExp(x, c) => format!("({}{})", ex(x), comps(c)),
            Yield(None) => "(yield)".into(),
            Yield(Some(x)) => format!("(yield {})", ex(x)),
            YieldFrom(x) => format!("(yield from {})", ex(x)),
            Await(x) => format!("(await {})", ex(x)),
            NamedExpr(n, v) => format!("({} := {})", n, ex(v)),
        }
    }

    fn body(v: &[Stmt]) -> String {
        format!("{{{}}}", v.iter().map(st).collect::<Vec<_>>().join("; "))
    }

    fn st(s: &Stmt) -> String {
        use StmtKind::*;
        match &s.kind {
            Expr(e) => ex(e),
            Assign(t, v) => format!(
                "{} = {}",
                t.iter().map(ex).collect::<Vec<_>>().join(" = "),
                ex(v)
            ),
            AugAssign(t, op, v) => format!("{} {}= {}", ex(t), binop(*op), ex(v)),
            AnnAssign(t, v) => format!(
                "{}: _{}",
                ex(t),
                v.as_ref()
                    .map(|v| format!(" = {}", ex(v)))
                    .unwrap_or_default()
            ),
            Del(v) => format!("del {}", list(v)),
            Pass => "pass".into(),
            Break => "break".into(),
            Continue => "continue".into(),
            Return(v) => format!(
                "return{}",
                v.as_ref()
                    .map(|v| format!(" {}", ex(v)))
                    .unwrap_or_default()
            ),
            If(t, b, o) if o.is_empty() => format!("if {} {}", ex(t), body(b)),
            If(t, b, o) => format!("if {} {} else {}", ex(t), body(b), body(o)),
            While(t, b, o) => format!(
                "while {} {}{}",
                ex(t),
                body(b),
                if o.is_empty() {
                    String::new()
                } else {
                    format!(" else {}", body(o))
                }
            ),
            For {
                target,
                iter,
                body: b,
                orelse,
                is_async,
            } => format!(
                "{}for {} in {} {}{}",
                if *is_async { "async " } else { "" },
                ex(target),
                ex(iter),
                body(b),
                if orelse.is_empty() {
                    String::new()
                } else {
                    format!(" else {}", body(orelse))
                }
            ),
            Try {
                body: b,
                handlers,
                orelse,
                finalbody,
            } => {
                let mut s = format!("try {}", body(b));
                for h in handlers {
                    s += " except";
                    if let Some(t) = &h.typ {
                        s += &format!(" {}", ex(t));
                    }
                    if let Some(n) = &h.name {
                        s += &format!(" as {}", n);
                    }
                    s += &format!(" {}", body(&h.body));
                }
                if !orelse.is_empty() {
                    s += &format!(" else {}", body(orelse));
                }
                let fin = finalbody.take();
                if !fin.is_empty() {
                    s += &format!(" finally {}", body(&fin));
                }
                finalbody.set(fin);
                s
            }
            Raise(a, b) => format!(
                "raise{}{}",
                a.as_ref()
                    .map(|v| format!(" {}", ex(v)))
                    .unwrap_or_default(),
                b.as_ref()
                    .map(|v| format!(" from {}", ex(v)))
                    .unwrap_or_default()
            ),
            Assert(a, b) => format!(
                "assert {}{}",
                ex(a),
                b.as_ref()
                    .map(|v| format!(", {}", ex(v)))
                    .unwrap_or_default()
            ),
            With {
                items,
                body: b,
                is_async,
            } => {
                let it: Vec<String> = items
                    .iter()
                    .map(|(e, t)| match t {
                        Some(t) => format!("{} as {}", ex(e), ex(t)),
                        None => ex(e),
                    })
                    .collect();
                format!(
                    "{}with {} {}",
                    if *is_async { "async " } else { "" },
                    it.join(", "),
                    body(b)
                )
            }
            FunctionDef(f) => format!(
                "{}{}def {}({}) {}",
                f.decorators
                    .iter()
                    .map(|d| format!("@{} ", ex(d)))
                    .collect::<String>(),
                if f.is_async { "async " } else { "" },
                f.name,
                params(&f.params),
                body(&f.body)
            ),
            ClassDef(c) => {
                let mut a: Vec<String> = c.bases.iter().map(ex).collect();
                a.extend(c.keywords.iter().map(|(k, v)| format!("{}={}", k, ex(v))));
                format!(
                    "{}class {}({}) {}",
                    c.decorators
                        .iter()
                        .map(|d| format!("@{} ", ex(d)))
                        .collect::<String>(),
                    c.name,
                    a.join(", "),
                    body(&c.body)
                )
            }
            Import(v) => format!("import {}", aliases(v)),
            ImportFrom {
                module,
                names,
                level,
            } => {
                format!(
                    "from {}{} import {}",
                    ".".repeat(*level as usize),
                    module.clone().unwrap_or_default(),
                    aliases(names)
                )
            }
            Global(v) => format!("global {}", v.join(", ")),
            Nonlocal(v) => format!("nonlocal {}", v.join(", ")),
        }
    }

    fn aliases(v: &[Alias]) -> String {
        v.iter()
            .map(|a| match &a.asname {
                Some(n) => format!("{} as {}", a.name, n),
                None => a.name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn p(src: &str) -> String {
        match parse(src, Mode::File) {
            Ok(v) => v.iter().map(st).collect::<Vec<_>>().join("\n"),
            Err(e) => panic!("{:?} for {:?}", e, src),
        }
    }

    fn perr(src: &str, mode: Mode) -> Box<SyntaxError> {
        match parse(src, mode) {
            Ok(v) => panic!(
                "expected an error for {:?}, got {}",
                src,
                v.iter().map(st).collect::<Vec<_>>().join("\n")
            ),
            Err(e) => e,
        }
    }

    #[test]
    fn constructs() {
        let cases: &[(&str, &str)] = &[
            ("x = -2**2 + 2**-1", "x = ((-(2 ** 2)) + (2 ** (-1)))"),
            ("x = -a ** -b ** c", "x = (-(a ** (-(b ** c))))"),
            ("a or b and not c or d", "(a or (b and (not c)) or d)"),
            ("not a == b < c", "(not (a == b < c))"),
            ("a | b ^ c & d << 1 + 2 * -3 ** 4 // 5 % 6 @ 7", "(a | (b ^ (c & (d << (1 + ((((2 * (-(3 ** 4))) // 5) % 6) @ 7))))))"),
            ("a < b <= c != d not in e is not f in g is h", "(a < b <= c != d not in e is not f in g is h)"),
            ("x = not not not a", "x = (not (not (not a)))"),
            ("x = -1, +2, ~3, not 4", "x = ((-1), (+2), (~3), (not 4))"),
            ("await x ** 2", "((await x) ** 2)"),
            ("x = a if b else c if d else e", "x = (a if b else (c if d else e))"),
            ("x = 1 if y else lambda: 2", "x = (1 if y else (lambda : 2))"),
            ("f = lambda x, y=1, *a, z=2, **k: x", "f = (lambda x, y=1, *a, z=2, **k: x)"),
            ("lambda *, a: a", "(lambda *, a: a)"),
            ("lambda a, /, b: a", "(lambda a, /, b: a)"),
            ("print(*a, sep='', **k)", "print(*a, sep=\"\", **k)"),
            ("f(x := 5, y=2)", "f((x := 5), y=2)"),
            ("if (n := len(a)) > 10: pass", "if ((n := len(a)) > 10) {pass}"),
            ("a.b.c(d)[e](f).g", "a.b.c(d)[e](f).g"),
            ("a[1:2, ::3]", "a[(1:2, ::3)]"),
            ("a[:], a[::2], a[1:2:], a[x, y:], a[x,]", "(a[:], a[::2], a[1:2], a[(x, y:)], a[(x,)])"),
            ("x[*a]", "x[(*a,)]"),
            ("x, = y", "(x,) = y"),
            ("for x, in y: pass", "for (x,) in y {pass}"),
            ("*a, b = c", "(*a, b) = c"),
            ("a, *b = c, *d", "(a, *b) = (c, *d)"),
            ("a = b = c = d", "a = b = c = d"),
            ("x = (*a, *b), [*c], (1,), (), [], {}", "x = ((*a, *b), [*c], (1,), (), [], {})"),
            ("x = [1, 2,]", "x = [1, 2]"),
            ("f(x for x in y if x)", "f((x for x in y if x))"),
            ("f((x for x in y), z)", "f((x for x in y), z)"),
            ("r = [x*y for x in a if x for y in b if y if x > y]", "r = [(x * y) for x in a if x for y in b if y if (x > y)]"),
            ("d = {k: v for k, v in d.items()}", "d = {k: v for (k, v) in d.items()}"),
            ("s = {x async for x in y}", "s = {x async for x in y}"),
            ("x = {**a, 'b': 1, **c}", "x = {**a, \"b\": 1, **c}"),
            ("x = {*a, 1}", "x = {*a, 1}"),
            ("x = (yield)", "x = (yield)"),
            ("f'{x!r:>{w}.{p}f} and {y = } {{z}} {a!s} {b!a}'", "f<{x!r:>{w}.{p}f} and y = {y!r} {z} {a!s} {b!a}>"),
            ("f'{x = !s:>10}' f\"{'q'}\"", "f<x = {x!s:>10}{\"q\"}>"),
            ("f'{x=:>10}'", "f<x={x:>10}>"),
            ("'a' f'b{c}' 'd'", "f<ab{c}d>"),
            ("f'{f\"{1}\"}'", "f<{f<{1}>}>"),
            ("f'''{\na\n+ b}'''", "f<{(a + b)}>"),
            ("b'a' B'b' rb'\\\\'", "b\"ab\\\\\\\\\""),
            ("x = 'a' \\\n  \"b\" '''c'''", "x = \"abc\""),
            ("x = 1; y = 2;", "x = 1\ny = 2"),
            ("@dec\n@a.b(c)\ndef f(a, /, b, *, c=1, **k) -> int:\n  return a", "@dec @a.b(c) def f(a, /, b, *, c=1, **k) {return a}"),
            ("def f(x: int = 5, *args: str, y: 'q' = 1, **kw: dict) -> None: pass", "def f(x=5, *args, y=1, **kw) {pass}"),
            ("@d\nclass A(B, *c, metaclass=M):\n  x: int = 1\n  def f(self): pass", "@d class A(B, *c, metaclass=M) {x: _ = 1; def f(self) {pass}}"),
            (
                "async def f():\n  async with a as b, c: pass\n  async for x in y: await z\n  return [i async for i in g()]",
                "async def f() {async with a as b, c {pass}; async for x in y {(await z)}; return [i async for i in g()]}",
            ),
            ("with (a as b, c as d,): pass", "with a as b, c as d {pass}"),
            ("with (a, b): pass", "with a, b {pass}"),
            ("with (a, b) as c, d: pass", "with (a, b) as c, d {pass}"),
            ("with a as (b, c): pass", "with a as (b, c) {pass}"),
            (
                "import a.b.c as d, e\nfrom ..m import (x as y, z,)\nfrom . import *\nfrom ...a import b\nfrom .... import c",
                "import a.b.c as d, e\nfrom ..m import x as y, z\nfrom . import *\nfrom ...a import b\nfrom .... import c",
            ),
            ("del a, b[0], c.d, (e, f), [g]", "del a, b[0], c.d, (e, f), [g]"),
            ("assert x, 'm'\nraise X from Y\nraise\nglobal a, b\nnonlocal c", "assert x, \"m\"\nraise X from Y\nraise\nglobal a, b\nnonlocal c"),
            ("def g():\n  x = yield\n  y = yield from z\n  yield 1, 2\n  await w", "def g() {x = (yield); y = (yield from z); (yield (1, 2)); (await w)}"),
            ("x: int = 5\na.b: int\na[0]: int", "x: _ = 5\na.b: _\na[0]: _"),
            ("x += 1; y @= 2; z **= 3; w //= 4; v >>= 5", "x += 1\ny @= 2\nz **= 3\nw //= 4\nv >>= 5"),
            ("print(1_000_000, 0x_ff, 99999999999999999999, 1.5e-3, 2j, 0o17, 0b11, ...)", "print(1000000, 255, big(99999999999999999999,10), 0.0015, 2.0j, 15, 3, ...)"),
            ("if a:\n  pass\nelif b:\n  pass\nelif c: d\nelse:\n  e", "if a {pass} else {if b {pass} else {if c {d} else {e}}}"),
            ("try:\n  a\nexcept (E, F) as e:\n  b\nexcept:\n  c\nelse:\n  d\nfinally:\n  e", "try {a} except (E, F) as e {b} except {c} else {d} finally {e}"),
            ("try:\n  a\nfinally:\n  e", "try {a} finally {e}"),
            ("while x:\n  break\nelse:\n  continue", "while x {break} else {continue}"),
            ("for i in range(10):\n  if i: continue\nelse: pass", "for i in range(10) {if i {continue}} else {pass}"),
            ("match = case = _ = 1\nmatch(x)", "match = case = _ = 1\nmatch(x)"),
            ("x = (1 +\n   2)  # c\n\n# d\n", "x = (1 + 2)"),
            ("if x:\n\tif y:\n\t\tz\n\n\tw\nv", "if x {if y {z}; w}\nv"),
            ("x = f'{a}{b}' + f'{x:{y}}'", "x = (f<{a}{b}> + f<{x:{y}}>)"),
        ];
        for (src, want) in cases {
            assert_eq!(p(src), *want, "source: {:?}", src);
        }
    }

    #[test]
    fn positions() {
        let v = parse("if a:\n    x = 1\nelif b:\n  f(y)", Mode::File).unwrap();
        assert_eq!(v[0].pos, Pos { line: 1, col: 1 });
        let StmtKind::If(_, body, orelse) = &v[0].kind else {
            panic!()
        };
        assert_eq!(body[0].pos, Pos { line: 2, col: 5 });
        assert_eq!(orelse[0].pos, Pos { line: 3, col: 1 });
        let v = parse("x = f'{a +\u{e9}}'", Mode::File).unwrap();
        let StmtKind::Assign(_, e) = &v[0].kind else {
            panic!()
        };
        let ExprKind::JoinedStr(parts) = &e.kind else {
            panic!()
        };
        let FPart::Field { expr, .. } = &parts[0] else {
            panic!()
        };
        assert_eq!(expr.pos, Pos { line: 1, col: 8 });
        let ExprKind::BinOp(_, _, r) = &expr.kind else {
            panic!()
        };
        assert_eq!(r.pos, Pos { line: 1, col: 11 });
    }

    #[test]
    fn modes() {
        let v = parse("  1 + 2, 3\n\n", Mode::Eval).unwrap();
        assert_eq!(v.iter().map(st).collect::<Vec<_>>(), ["((1 + 2), 3)"]);
        assert_eq!(perr("x = 1", Mode::Eval).msg, "invalid syntax");
        assert_eq!(parse("x = 1; y = 2\n", Mode::Single).unwrap().len(), 2);
        assert!(parse("", Mode::Single).unwrap().is_empty());
        assert!(parse("if x:\n  y\n\n", Mode::Single).is_ok());
        assert_eq!(
            perr("x = 1\ny = 2\n", Mode::Single).msg,
            "multiple statements found while compiling a single statement"
        );
    }

    #[test]
    fn incomplete() {
        let yes = [
            ("if x:\n", Mode::File),
            ("if x:\n  pass\nelse:\n", Mode::File),
            ("class A:\n  def f(self):\n", Mode::File),
            ("x = (1,\n", Mode::File),
            ("foo(a,\n  [b,\n", Mode::File),
            ("x = '''abc\n", Mode::File),
            ("x = 1 + \\", Mode::File),
            ("x = 1 + \\\n", Mode::File),
            ("@dec\n", Mode::File),
            ("if x:\n  y\n", Mode::Single),
            ("if x: y\n", Mode::Single),
            ("def f():\n  return 1\n", Mode::Single),
            ("try:\n  x\n", Mode::Single),
            ("for x in y:\n", Mode::Single),
            ("x = [\n", Mode::Single),
        ];
        for (src, mode) in yes {
            assert!(perr(src, mode).incomplete, "{:?} should be incomplete", src);
        }
        let no = [
            ("x = 1 +\n", Mode::Single),
            ("if x:\npass\n", Mode::File),
            ("x = )\n", Mode::Single),
            ("try:\n  x\n\n", Mode::Single),
            ("x = 'abc\n", Mode::Single),
        ];
        for (src, mode) in no {
            assert!(
                !perr(src, mode).incomplete,
                "{:?} should not be incomplete",
                src
            );
        }
        assert!(parse("x = 1\n", Mode::Single).is_ok());
    }

    /// Messages, lines and (when not 0) columns checked against CPython 3.11.
    #[test]
    fn errors() {
        let cases: &[(&str, &str, u32, u32)] = &[
            ("a b", "invalid syntax", 1, 3),
            ("x = 5 6", "invalid syntax", 1, 7),
            ("x = 1,,", "invalid syntax", 1, 7),
            ("1 +", "invalid syntax", 1, 4),
            ("x = $", "invalid syntax", 1, 5),
            ("if x\n  pass", "expected ':'", 1, 5),
            ("def f() pass", "expected ':'", 1, 9),
            ("class A pass", "invalid syntax", 1, 9),
            ("def f[T](): pass", "expected '('", 1, 6),
            ("  x", "unexpected indent", 1, 2),
            ("x = 3\n  y = 4", "unexpected indent", 2, 2),
            ("if x:\npass", "expected an indented block after 'if' statement on line 1", 2, 1),
            ("if x:\n", "expected an indented block after 'if' statement on line 1", 1, 6),
            ("for x in y:\n", "expected an indented block after 'for' statement on line 1", 1, 12),
            ("def f():\n", "expected an indented block after function definition on line 1", 1, 9),
            ("class A:\n  def f(self):\n", "expected an indented block after function definition on line 2", 2, 15),
            ("class A:\n", "expected an indented block after class definition on line 1", 1, 9),
            ("try:\n  pass\nexcept:\n", "expected an indented block after 'except' statement on line 3", 3, 8),
            ("try:\n  pass\nfinally:\n", "expected an indented block after 'finally' statement on line 3", 3, 9),
            ("if x:\n pass\nelif y:\n", "expected an indented block after 'elif' statement on line 3", 3, 8),
            ("while x:\n pass\nelse:\n", "expected an indented block after 'else' statement on line 3", 3, 6),
            ("with a:\n", "expected an indented block after 'with' statement on line 1", 1, 8),
            ("if 1:\n    a\n  b", "unindent does not match any outer indentation level", 3, 4),
            ("if 1:\n\tx\n        y", "inconsistent use of tabs and spaces in indentation", 3, 1),
            ("'abc", "unterminated string literal (detected at line 1)", 1, 1),
            ("x = '''a\nb\nc", "unterminated triple-quoted string literal (detected at line 3)", 1, 5),
            ("x = (1,\n", "'(' was never closed", 1, 5),
            ("(a b", "'(' was never closed", 1, 1),
            ("x = )", "unmatched ')'", 1, 5),
            ("(]", "closing parenthesis ']' does not match opening parenthesis '('", 1, 2),
            ("1abc", "invalid decimal literal", 1, 1),
            ("012", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1),
            ("0b2", "invalid digit '2' in binary literal", 1, 3),
            ("x = 1 \u{20ac}", "invalid character '\u{20ac}' (U+20AC)", 1, 7),
            ("1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
            ("f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
            ("a + b = 1", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1),
            ("a, f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4),
            ("x = 1 = 2", "cannot assign to literal", 1, 5),
            ("(a, f()) = 1", "cannot assign to function call", 1, 5),
            ("a if b else c = 1", "cannot assign to conditional expression", 1, 1),
            ("for 1 in x: pass", "cannot assign to literal", 1, 5),
            ("None = 1", "cannot assign to None", 1, 1),
            ("del 1", "cannot delete literal", 1, 5),
            ("del (a, f())", "cannot delete function call", 1, 9),
            ("(a, b) += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1),
            ("f() += 1", "'function call' is an illegal expression for augmented assignment", 1, 1),
            ("[a]: int", "only single target (not list) can be annotated", 1, 1),
            ("if x = 1: pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4),
            ("[a = 1]", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 2),
            ("f(a=1, b)", "positional argument follows keyword argument", 1, 9),
            ("f(**a, b)", "positional argument follows keyword argument unpacking", 1, 9),
            ("f(**a, *b)", "iterable argument unpacking follows keyword argument unpacking", 1, 8),
            ("f(a=1, a=2)", "keyword argument repeated: a", 1, 8),
            ("f(a.b=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3),
            ("f(x for x in y, 1)", "Generator expression must be parenthesized", 1, 3),
            ("f(1, x for x in y)", "Generator expression must be parenthesized", 1, 6),
            ("def f(a=1, b): pass", "non-default argument follows default argument", 1, 12),
            ("def f(a, a): pass", "duplicate argument 'a' in function definition", 1, 0),
            ("def f(*): pass", "named arguments must follow bare *", 1, 7),
            ("def f(**k, a): pass", "arguments cannot follow var-keyword argument", 1, 12),
            ("def f(a, *, /): pass", "/ must be ahead of *", 1, 13),
            ("def f(a=): pass", "expected default value expression", 1, 8),
            ("[1 2]", "invalid syntax. Perhaps you forgot a comma?", 1, 2),
            ("f(a, b c)", "invalid syntax. Perhaps you forgot a comma?", 1, 6),
            ("print 'x'", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
            ("x = 1 if 2", "expected 'else' after 'if' expression", 1, 5),
            ("{1: 2, 3}", "':' expected after dictionary key", 1, 8),
            ("x = [*a for a in b]", "iterable unpacking cannot be used in comprehension", 1, 6),
            ("{**a for a in b}", "dict unpacking cannot be used in dict comprehension", 1, 2),
            ("x = *a", "can't use starred expression here", 1, 5),
            ("*a = 1", "starred assignment target must be in a list or tuple", 1, 1),
            ("(*a) = 1", "cannot use starred expression here", 1, 2),
            ("a, *b, *c = d", "multiple starred expressions in assignment", 1, 1),
            ("from x import a,", "trailing comma not allowed without surrounding parentheses", 1, 17),
            ("try:\n  x\ny", "expected 'except' or 'finally' block", 3, 1),
            ("try:\n  x\nexcept:\n  z\nexcept E:\n  w", "default 'except:' must be last", 3, 1),
            ("try:\n  x\nexcept E, F:\n  y", "multiple exception types must be parenthesized", 3, 8),
            ("b'a' 'b'", "cannot mix bytes and nonbytes literals", 1, 0),
            ("b'\u{e9}'", "bytes can only contain ASCII literal characters", 1, 1),
            ("f'{x'", "f-string: expecting '}'", 1, 0),
            ("f'{}'", "f-string: empty expression not allowed", 1, 0),
            ("f'}'", "f-string: single '}' is not allowed", 1, 0),
            ("f'{a b}'", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 0),
            ("f'{a +}'", "f-string: invalid syntax", 1, 0),
            ("f'{x!z}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 0),
            ("a b\n'unterminated", "unterminated string literal (detected at line 2)", 2, 1),
            ("a b\nx = (", "invalid syntax", 1, 3),
            ("x = (", "'(' was never closed", 1, 5),
            ("x = 1 + \\", "unexpected EOF while parsing", 1, 10),
            ("1.2.3", "invalid syntax", 1, 4),
            ("x = yield = 3", "assignment to yield expression not possible", 1, 5),
            ("(x := 1) = 2", "cannot assign to named expression here. Maybe you meant '==' instead of '='?", 1, 2),
            ("x := 5", "invalid syntax", 1, 3),
            (&"(".repeat(201), "too many nested parentheses", 1, 201),
        ];
        let mut failed = Vec::new();
        for &(src, msg, line, col) in cases {
            match parse(src, Mode::File) {
                Ok(_) => failed.push(format!("{:?}: parsed", src)),
                Err(e) if e.msg != msg || e.pos.line != line || (col != 0 && e.pos.col != col) => {
                    failed.push(format!(
                        "{:?}: got {:?} {}:{}",
                        src, e.msg, e.pos.line, e.pos.col
                    ))
                }
                Err(_) => {}
            }
        }
        assert!(failed.is_empty(), "{:#?}", failed);
        assert_eq!(
            perr("if 1:\n\tx\n        y", Mode::File).kind,
            ErrorKind::Tab
        );
        assert_eq!(perr("  x", Mode::File).kind, ErrorKind::Indentation);
        assert_eq!(perr("if x:\n", Mode::File).kind, ErrorKind::Indentation);
    }

    /// Big and wide inputs parse. Not timed (speed is for `cargo xtask
    /// bench`): a quadratic parser would make these 1 MB inputs take hours,
    /// which the suite's time limit catches.
    #[test]
    fn big_inputs() {
        let line = "x = foo(a, b[1:2], 'str', 3.5) + {k: v for k, v in d} if y else -z ** 2\n";
        let src = line.repeat(1_000_000 / line.len() + 1);
        let v = parse(&src, Mode::File).unwrap();
        assert_eq!(v.len(), src.lines().count());
        let wide = format!(
            "f({})\ndef g({}): pass\nh({})",
            "1, ".repeat(50_000),
            (0..20_000).map(|i| format!("a{}, ", i)).collect::<String>(),
            (0..20_000)
                .map(|i| format!("k{}=1, ", i))
                .collect::<String>()
        );
        assert!(parse(&wide, Mode::File).is_ok());
        let many = "[1, (2, {3: 4}), 'a' 'b', f'{x}']\n".repeat(20_000);
        assert_eq!(parse(&many, Mode::File).unwrap().len(), 20_000);
    }
}
