//! Statements: simple statements, assignments and their target checks,
//! compound statements and their blocks. Split from the expression parser
//! (`expr.rs`) to keep each file to one concept; both extend [`Parser`].

use super::*;
use crate::at::At;

impl<'a> Parser<'a> {
    // ----- statements -----
    // Functions on the block-recursion path (statement -> *_stmt -> block)
    // keep their own frames small: headers are parsed by separate functions.

    pub(super) fn statement(&mut self, out: &mut Vec<Stmt>) -> R<()> {
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

    pub(super) fn indent_err(&self, msg: &str, pos: Pos) -> Fail {
        self.fail(Box::new(SyntaxError {
            kind: ErrorKind::Indentation,
            msg: msg.into(),
            pos,
            incomplete: false,
        }))
    }

    /// `:` after a compound-statement header. `forced` headers always say
    /// "expected ':'"; others only when the line ends there (CPython).
    pub(super) fn colon(&mut self, forced: bool) -> R<()> {
        if self.eat_op(Op::Colon) {
            return Ok(());
        }
        if forced || matches!(self.tok(), Tok::Newline) {
            return Err(self.err_here("expected ':'"));
        }
        Err(self.invalid())
    }

    /// Position of the last NEWLINE when at the end of input, else the
    /// current token's (CPython reports end-of-input errors there).
    pub(super) fn pos_or_nl(&self) -> (Pos, bool) {
        let mut j = self.i;
        while matches!(self.lx.toks.at(j).tok, Tok::Dedent) && j + 1 < self.lx.toks.len() {
            j += 1;
        }
        if !matches!(self.lx.toks.at(j).tok, Tok::Eof) {
            return (self.pos(), false);
        }
        let mut k = self.i;
        while k > 0 && !matches!(self.lx.toks.at(k).tok, Tok::Newline) {
            k -= 1;
        }
        (self.lx.toks.at(k).pos, true)
    }

    pub(super) fn no_block(&self, what: &str, line: u32) -> Fail {
        if matches!(self.tok(), Tok::Error) {
            return self.invalid();
        }
        let (pos, eof) = self.pos_or_nl();
        self.indent_err(
            &format!("expected an indented block after {} on line {}", what, line),
            pos,
        );
        self.edit_err(|e| e.incomplete = eof)
    }

    pub(super) fn block(&mut self, what: &'static str, line: u32) -> R<Vec<Stmt>> {
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
    pub(super) fn cond_header(&mut self) -> R<Expr> {
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
    pub(super) fn eq_hint(&mut self, e: &Expr) -> Fail {
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
            return self.named_err("cannot assign to ", e, ASSIGN_HERE);
        }
        self.invalid()
    }

    pub(super) fn if_stmt(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let mut arms = Vec::new();
        self.if_arm(&mut arms, "'if' statement")?;
        while self.is_kw(Kw::Elif) {
            if arms.len() >= MAX_TREE as usize {
                return Err(self.err_here("too many 'elif' clauses"));
            }
            self.if_arm(&mut arms, "'elif' statement")?;
        }
        let orelse = self.else_block()?;
        fold_if(arms, orelse, out);
        Ok(())
    }

    pub(super) fn if_arm(
        &mut self,
        arms: &mut Vec<(Expr, Vec<Stmt>, Pos)>,
        what: &'static str,
    ) -> R<()> {
        let p = self.pos();
        let test = self.cond_header()?;
        let body = self.block(what, p.line)?;
        arms.push((test, body, p));
        Ok(())
    }

    pub(super) fn else_block(&mut self) -> R<Vec<Stmt>> {
        self.clause(Kw::Else, "'else' statement")
    }

    /// `k:` and its block (`else`, `finally`, `try`), or nothing if the
    /// current token is not `k`.
    pub(super) fn clause(&mut self, k: Kw, what: &'static str) -> R<Vec<Stmt>> {
        if !self.is_kw(k) {
            return Ok(Vec::new());
        }
        let line = self.pos().line;
        self.bump();
        self.colon(true)?;
        self.block(what, line)
    }

    pub(super) fn while_stmt(&mut self, out: &mut Vec<Stmt>) -> R<()> {
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

    pub(super) fn for_with(&mut self, out: &mut Vec<Stmt>, is_async: bool) -> R<()> {
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

    pub(super) fn for_stmt(&mut self, is_async: bool, line: u32) -> R<StmtKind> {
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

    pub(super) fn with_stmt(&mut self, is_async: bool, line: u32) -> R<StmtKind> {
        let items = self.with_header()?;
        let body = self.block("'with' statement", line)?;
        Ok(StmtKind::With {
            items,
            body,
            is_async,
        })
    }

    pub(super) fn for_header(&mut self) -> R<(Expr, Expr)> {
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

    pub(super) fn try_stmt(&mut self, out: &mut Vec<Stmt>) -> R<()> {
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

    pub(super) fn handler(&mut self, handlers: &mut Vec<Handler>) -> R<()> {
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

    pub(super) fn except_header(&mut self, prev: &[Handler]) -> R<(Option<Expr>, Option<String>)> {
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

    pub(super) fn with_item(&mut self) -> R<(Expr, Option<Expr>)> {
        let e = self.expr()?;
        if !self.eat_kw(Kw::As) {
            return Ok((e, None));
        }
        let t = self.bitor_or_star()?;
        self.check_store(&t)?;
        Ok((e, Some(t)))
    }

    pub(super) fn with_header(&mut self) -> R<Vec<(Expr, Option<Expr>)>> {
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

    pub(super) fn decorated(&mut self, out: &mut Vec<Stmt>) -> R<()> {
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
                self.err("invalid syntax", p);
                return Err(self.edit_err(|e| e.incomplete = eof));
            }
        };
        out.push(Stmt { kind, pos });
        Ok(())
    }

    pub(super) fn funcdef(
        &mut self,
        decorators: Vec<Expr>,
        is_async: bool,
        line: u32,
    ) -> R<StmtKind> {
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

    pub(super) fn classdef(&mut self, decorators: Vec<Expr>, line: u32) -> R<StmtKind> {
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

    pub(super) fn def_header(&mut self) -> R<(String, Params)> {
        self.bump();
        let name = self.name()?;
        if !self.eat_op(Op::LPar) {
            return Err(self.err_here("expected '('"));
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
    pub(super) fn class_header(&mut self) -> R<(String, Vec<Expr>, Vec<(String, Expr)>)> {
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
    pub(super) fn params(&mut self, lambda: bool) -> R<Params> {
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
                let is_kw = matches!(self.prev().tok, Tok::Op(Op::DoubleStar));
                if !is_kw && star.is_some() {
                    return Err(self.err("* argument may appear only once", pos));
                }
                let np = self.pos();
                let name = if is_kw || matches!(self.tok(), Tok::Name(_)) {
                    let n = self.name()?;
                    self.annotation(lambda)?;
                    if self.is_op(Op::Equal) {
                        let msg = if is_kw {
                            "var-keyword argument cannot have default value"
                        } else {
                            "var-positional argument cannot have default value"
                        };
                        return Err(self.err_here(msg));
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
                self.annotation(lambda)?;
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

    /// A parameter's `: annotation` (parsed and dropped; none in a lambda).
    pub(super) fn annotation(&mut self, lambda: bool) -> R<()> {
        if !lambda && self.eat_op(Op::Colon) {
            self.expr()?;
        }
        Ok(())
    }

    /// Parameter lists are short: a linear scan costs less flash than a
    /// set (a `BTreeSet` here was the image's only B-tree, ~2 KB).
    pub(super) fn dup_check(&self, names: &mut Vec<String>, n: &str, pos: Pos) -> R<()> {
        if names.iter().any(|x| x == n) {
            return Err(self.err_s(
                format!("duplicate argument '{}' in function definition", n),
                pos,
            ));
        }
        names.push(n.to_string());
        Ok(())
    }

    pub(super) fn at_stmt_end(&self) -> bool {
        matches!(self.tok(), Tok::Newline | Tok::Eof | Tok::Op(Op::Semi))
    }

    pub(super) fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> R<()> {
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

    pub(super) fn simple_stmt(&mut self) -> R<Stmt> {
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
                        return Err(self.named_err("cannot delete ", bad, ""));
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

    pub(super) fn dotted_name(&mut self) -> R<String> {
        let mut s = self.name()?;
        while self.eat_op(Op::Dot) {
            s.push('.');
            s.push_str(&self.name()?);
        }
        Ok(s)
    }

    pub(super) fn import_from(&mut self) -> R<StmtKind> {
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
                return Err(
                    self.err_here("trailing comma not allowed without surrounding parentheses")
                );
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

    pub(super) fn rhs(&mut self) -> R<Expr> {
        if self.is_kw(Kw::Yield) {
            return self.yield_expr();
        }
        let (e, _) = self.star_expressions()?;
        Ok(e)
    }

    pub(super) fn no_bare_star(&self, e: &Expr) -> R<()> {
        if let ExprKind::Starred(_) = e.kind {
            return Err(self.err("can't use starred expression here", e.pos));
        }
        Ok(())
    }

    pub(super) fn check_store(&self, t: &Expr) -> R<()> {
        if let Some(bad) = invalid_target(t, Ctx::Store) {
            return Err(self.named_err("cannot assign to ", bad, ""));
        }
        self.check_names(t)
    }

    pub(super) fn check_names(&self, t: &Expr) -> R<()> {
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

    pub(super) fn expr_stmt(&mut self) -> R<Stmt> {
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
        // Augmented and annotated assignments: one simple target.
        let op = match *self.tok() {
            Tok::Op(op) => op,
            _ => Op::Semi,
        };
        let bop = augop_of(op);
        if bop.is_some() || op == Op::Colon {
            match (&first.kind, bop) {
                (ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..), _) => {}
                (_, Some(_)) => {
                    return Err(self.named_err(
                        "'",
                        &first,
                        "' is an illegal expression for augmented assignment",
                    ))
                }
                (ExprKind::Tuple(_) | ExprKind::List(_), _) => {
                    return Err(self.named_err(
                        "only single target (not ",
                        &first,
                        ") can be annotated",
                    ))
                }
                _ => return Err(self.err("illegal target for annotation", first.pos)),
            }
            self.check_names(&first)?;
            self.bump();
            let kind = if let Some(bop) = bop {
                let value = self.rhs()?;
                self.no_bare_star(&value)?;
                StmtKind::AugAssign(first, bop, value)
            } else {
                self.expr()?;
                let value = if self.eat_op(Op::Equal) {
                    Some(self.rhs()?)
                } else {
                    None
                };
                StmtKind::AnnAssign(first, value)
            };
            return Ok(Stmt { kind, pos });
        }
        self.no_bare_star(&first)?;
        if let ExprKind::NamedExpr(..) = first.kind {
            if self.prev().tok != Tok::Op(Op::RPar) {
                return Err(self.err("invalid syntax", self.prev().pos));
            }
        }
        Ok(Stmt {
            kind: StmtKind::Expr(first),
            pos,
        })
    }

    /// Validate assignment targets with CPython's messages.
    pub(super) fn assign_targets(&self, targets: &[Expr], bare: bool, value: &Expr) -> R<()> {
        let first = targets.at(0);
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
                    return Err(self.named_err("cannot assign to ", c, ASSIGN_HERE));
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
}

fn fold_if(mut arms: Vec<(Expr, Vec<Stmt>, Pos)>, mut orelse: Vec<Stmt>, out: &mut Vec<Stmt>) {
    while let Some((test, body, pos)) = arms.pop() {
        let kind = StmtKind::If(test, body, orelse);
        orelse = vec![Stmt { kind, pos }];
    }
    out.append(&mut orelse);
}
