//! Expressions: precedence climbing for the operators, atoms and
//! displays, calls and subscripts, comprehensions and f-string fields.
//! Split from the statement parser (`stmt.rs`); both extend [`Parser`].

use super::*;
use crate::at::At;

impl<'a> Parser<'a> {
    // ----- expressions -----

    /// `*x` (bitwise_or operand) or a full expression: an element of a
    /// tuple on the right of `=`, a `return` value, etc.
    pub(super) fn star_expr(&mut self) -> R<Expr> {
        if self.is_op(Op::Star) {
            return self.starred();
        }
        self.expr()
    }

    /// `*` and a bitwise_or operand.
    pub(super) fn starred(&mut self) -> R<Expr> {
        let pos = self.pos();
        self.bump();
        let e = self.binop(BITOR)?;
        self.node(ExprKind::Starred(e), pos, self.ed + 1)
    }

    /// Comma-separated `star_expr`s; a bare tuple if there is a comma
    /// (second result true).
    pub(super) fn star_expressions(&mut self) -> R<(Expr, bool)> {
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
        Ok((self.node(ExprKind::Tuple(v), pos, m + 1)?, true))
    }

    /// `*x` or a named expression: elements of displays and parentheses.
    pub(super) fn star_named(&mut self) -> R<Expr> {
        if self.is_op(Op::Star) {
            return self.starred();
        }
        self.named_expr()
    }

    /// A `for`/`with ... as`/comprehension target: bitwise_or-level
    /// expressions (so `in` is not consumed), possibly starred.
    pub(super) fn bitor_or_star(&mut self) -> R<Expr> {
        if self.is_op(Op::Star) {
            return self.starred();
        }
        self.binop(BITOR)
    }

    pub(super) fn target_list(&mut self) -> R<Expr> {
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
            self.node(ExprKind::Tuple(v), pos, m + 1)?
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

    pub(super) fn named_expr(&mut self) -> R<Expr> {
        if let (Tok::Name(_), Tok::Op(Op::ColonEq)) = (self.tok(), self.nth(1)) {
            return self.walrus();
        }
        let e = self.expr()?;
        if self.is_op(Op::ColonEq) {
            return Err(self.walrus_err(&e));
        }
        Ok(e)
    }

    pub(super) fn walrus_err(&self, e: &Expr) -> Fail {
        self.named_err("cannot use assignment expressions with ", e, "")
    }

    pub(super) fn walrus(&mut self) -> R<Expr> {
        let pos = self.pos();
        let n = self.name()?;
        self.bump();
        let v = self.expr()?;
        self.node(ExprKind::NamedExpr(n, v), pos, self.ed + 1)
    }

    /// `expression`: lambda, or a disjunction with `if`/`else` chains.
    /// The functions on the bracket-recursion path (expr, binop, unary,
    /// power, primary, atom, bracket, paren, star_named, named_expr) keep
    /// their frames small; the less common cases live in separate functions.
    pub(super) fn expr(&mut self) -> R<Expr> {
        self.enter(EXPR_COST)?;
        let r = if self.is_kw(Kw::Lambda) {
            self.lambda()
        } else {
            self.disjunction_if()
        };
        self.depth -= EXPR_COST;
        r
    }

    pub(super) fn disjunction_if(&mut self) -> R<Expr> {
        let body = self.binop(OR)?;
        if self.is_kw(Kw::If) {
            return self.ifexp(body);
        }
        Ok(body)
    }

    pub(super) fn ifexp(&mut self, mut body: Expr) -> R<Expr> {
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

    pub(super) fn lambda(&mut self) -> R<Expr> {
        let pos = self.pos();
        self.bump();
        let params = self.params(true)?;
        let pd = self.ed;
        let body = self.expr()?;
        let kind = ExprKind::Lambda {
            params: Box::new(params),
            body,
        };
        self.node(kind, pos, pd.max(self.ed) + 2)
    }

    /// Binary/boolean/comparison operators at precedence >= `min`.
    pub(super) fn binop(&mut self, min: u8) -> R<Expr> {
        if min <= NOT && self.is_kw(Kw::Not) {
            return self.not_expr(min);
        }
        let lhs = self.unary()?;
        self.climb(lhs, min)
    }

    /// Prefix `not`s, iteratively.
    pub(super) fn not_expr(&mut self, min: u8) -> R<Expr> {
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

    pub(super) fn cmp_op(&self) -> Option<(CmpOp, usize)> {
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
    pub(super) fn op_prec(&self) -> u8 {
        match self.tok() {
            Tok::Kw(Kw::Or) => OR,
            Tok::Kw(Kw::And) => AND,
            Tok::Op(op) if binop_of(*op).is_some() => binop_of(*op).map_or(0, |b| b.0),
            _ if self.cmp_op().is_some() => CMP,
            _ => 0,
        }
    }

    pub(super) fn climb(&mut self, mut lhs: Expr, min: u8) -> R<Expr> {
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

    pub(super) fn bin_step(&mut self, lhs: Expr, prec: u8) -> R<Expr> {
        let Tok::Op(op) = *self.tok() else {
            return Ok(lhs);
        };
        let bop = binop_of(op).map_or(BinOp::Add, |b| b.1);
        self.bump();
        let ld = self.ed;
        let rhs = self.binop(prec + 1)?;
        let pos = lhs.pos;
        self.node(ExprKind::BinOp(lhs, bop, rhs), pos, ld.max(self.ed) + 1)
    }

    pub(super) fn bool_chain(&mut self, lhs: Expr, prec: u8) -> R<Expr> {
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
        self.node(ExprKind::BoolOp { is_and, values }, pos, m + 1)
    }

    pub(super) fn compare(&mut self, lhs: Expr) -> R<Expr> {
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
        self.node(ExprKind::Compare(lhs, pairs), pos, m + 1)
    }

    pub(super) fn unary(&mut self) -> R<Expr> {
        if matches!(self.tok(), Tok::Op(Op::Minus | Op::Plus | Op::Tilde)) {
            return self.unary_ops();
        }
        self.power()
    }

    /// Prefix `-`, `+`, `~`, iteratively.
    pub(super) fn unary_ops(&mut self) -> R<Expr> {
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

    pub(super) fn power(&mut self) -> R<Expr> {
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

    pub(super) fn await_expr(&mut self) -> R<Expr> {
        let pos = self.pos();
        self.bump();
        let e = self.primary()?;
        self.node(ExprKind::Await(e), pos, self.ed + 1)
    }

    pub(super) fn pow_rhs(&mut self, base: Expr) -> R<Expr> {
        self.bump();
        let bd = self.ed;
        self.enter(3)?;
        let rhs = self.unary();
        self.depth -= 3;
        self.depth_is(bd.max(self.ed) + 1)?;
        let pos = base.pos;
        Ok(mk(ExprKind::BinOp(base, BinOp::Pow, rhs?), pos))
    }

    pub(super) fn primary(&mut self) -> R<Expr> {
        let e = self.atom()?;
        if matches!(self.tok(), Tok::Op(Op::Dot | Op::LPar | Op::LSqb)) {
            return self.trailers(e);
        }
        Ok(e)
    }

    pub(super) fn trailers(&mut self, mut e: Expr) -> R<Expr> {
        loop {
            let pos = e.pos;
            let Tok::Op(op @ (Op::Dot | Op::LPar | Op::LSqb)) = *self.tok() else {
                return Ok(e);
            };
            if op == Op::Dot {
                self.bump();
                let n = self.name()?;
                e = self.node(ExprKind::Attribute(e, n), pos, self.ed + 1)?;
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

    pub(super) fn call(&mut self, func: Expr) -> R<Expr> {
        let args = self.call_args()?;
        let pos = func.pos;
        Ok(mk(ExprKind::Call { func, args }, pos))
    }

    /// Call arguments after `(`, through `)`.
    pub(super) fn call_args(&mut self) -> R<Vec<Arg>> {
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
                && self.prev().tok != Tok::Op(Op::RPar);
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

    pub(super) fn call_arg(&mut self) -> R<Arg> {
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

    pub(super) fn star_arg(&mut self) -> R<Arg> {
        let start = self.pos();
        self.bump();
        let e = self.expr()?;
        if self.at_comp_for() {
            return Err(self.err("iterable unpacking cannot be used in comprehension", start));
        }
        Ok(Arg::Star(e))
    }

    pub(super) fn kw_arg(&mut self) -> R<Arg> {
        let n = self.name()?;
        self.bump();
        Ok(Arg::Kw(n, self.expr()?))
    }

    pub(super) fn pos_arg(&mut self) -> R<Arg> {
        let e = self.named_expr()?;
        if self.at_comp_for() {
            let ed = self.ed;
            let comps = self.comp_for()?;
            let pos = e.pos;
            let d = ed.max(self.ed) + 1;
            return Ok(Arg::Pos(self.node(ExprKind::GenExp(e, comps), pos, d)?));
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
    pub(super) fn check_arg(&self, seen: &mut (Vec<String>, bool), a: &Arg, start: Pos) -> R<()> {
        let (starstar, kw) = (seen.1, !seen.0.is_empty());
        let msg = match a {
            Arg::Star(_) if starstar => {
                "iterable argument unpacking follows keyword argument unpacking"
            }
            Arg::Pos(_) if starstar || kw => {
                let msg = if starstar {
                    "positional argument follows keyword argument unpacking"
                } else {
                    "positional argument follows keyword argument"
                };
                let last = self.prev();
                return Err(self.err(msg, self.lx.token_end(last.pos, &last.tok)));
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

    pub(super) fn subscript(&mut self, value: Expr) -> R<Expr> {
        let idx = self.subscript_items()?;
        let pos = value.pos;
        Ok(mk(ExprKind::Subscript(value, idx), pos))
    }

    pub(super) fn subscript_items(&mut self) -> R<Expr> {
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
        if items.len() == 1 && !trailing && !matches!(items.at(0).kind, ExprKind::Starred(_)) {
            return Ok(items
                .pop()
                .unwrap_or(mk(ExprKind::Tuple(Vec::new()), start)));
        }
        let pos = items.at(0).pos;
        Ok(mk(ExprKind::Tuple(items), pos))
    }

    pub(super) fn slice(&mut self) -> R<Expr> {
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
        self.node(ExprKind::Slice(lo, hi, step), pos, m.max(self.ed) + 1)
    }

    pub(super) fn comp_for(&mut self) -> R<Vec<Comprehension>> {
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

    pub(super) fn yield_expr(&mut self) -> R<Expr> {
        let pos = self.pos();
        self.bump();
        if self.eat_kw(Kw::From) {
            let e = self.expr()?;
            return self.node(ExprKind::YieldFrom(e), pos, self.ed + 1);
        }
        if !can_start_expr(self.tok()) {
            self.ed = 1;
            return Ok(mk(ExprKind::Yield(None), pos));
        }
        let (e, _) = self.star_expressions()?;
        self.no_bare_star(&e)?;
        self.node(ExprKind::Yield(Some(e)), pos, self.ed + 1)
    }

    pub(super) fn atom(&mut self) -> R<Expr> {
        if let Tok::Op(op @ (Op::LPar | Op::LSqb | Op::LBrace)) = *self.tok() {
            return self.bracket(op);
        }
        self.atom_simple()
    }

    pub(super) fn atom_simple(&mut self) -> R<Expr> {
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

    pub(super) fn bracket(&mut self, op: Op) -> R<Expr> {
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

    pub(super) fn paren(&mut self, pos: Pos) -> R<Expr> {
        if self.is_op(Op::RPar) || self.is_kw(Kw::Yield) {
            return self.paren_special(pos);
        }
        let first = self.star_named()?;
        self.display(first, pos, Op::RPar)
    }

    pub(super) fn paren_special(&mut self, pos: Pos) -> R<Expr> {
        if self.eat_op(Op::RPar) {
            self.ed = 1;
            return Ok(mk(ExprKind::Tuple(Vec::new()), pos));
        }
        let y = self.yield_expr()?;
        self.expect_op(Op::RPar)?;
        Ok(y)
    }

    /// After the first element of a `(`, `[` or set display: a
    /// comprehension or the remaining elements, through `close`.
    pub(super) fn display(&mut self, first: Expr, pos: Pos, close: Op) -> R<Expr> {
        if self.at_comp_for() {
            let (e, comps) = self.comprehension(first, close)?;
            let kind = match close {
                Op::RPar => ExprKind::GenExp(e, comps),
                Op::RSqb => ExprKind::ListComp(e, comps),
                _ => ExprKind::SetComp(e, comps),
            };
            return Ok(mk(kind, pos));
        }
        if close == Op::RPar && self.eat_op(Op::RPar) {
            self.no_bare_star(&first).map_err(|_| {
                self.edit_err(|e| e.msg = "cannot use starred expression here".into())
            })?;
            return Ok(first);
        }
        let v = self.elements(first, close)?;
        let kind = match close {
            Op::RPar => ExprKind::Tuple(v),
            Op::RSqb => ExprKind::List(v),
            _ => ExprKind::Set(v),
        };
        Ok(mk(kind, pos))
    }

    /// `elt for ... ]`: the comprehension clauses and the closing bracket.
    pub(super) fn comprehension(&mut self, elt: Expr, close: Op) -> R<(Expr, Vec<Comprehension>)> {
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
    pub(super) fn elements(&mut self, first: Expr, close: Op) -> R<Vec<Expr>> {
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

    pub(super) fn list(&mut self, pos: Pos) -> R<Expr> {
        if self.eat_op(Op::RSqb) {
            self.ed = 1;
            return Ok(mk(ExprKind::List(Vec::new()), pos));
        }
        let first = self.star_named()?;
        self.display(first, pos, Op::RSqb)
    }

    pub(super) fn brace(&mut self, pos: Pos) -> R<Expr> {
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
                return self.display(k, pos, Op::RBrace); // a set
            }
            if let ExprKind::Starred(_) = k.kind {
                return Err(self.invalid());
            }
            self.bump();
            let kd = self.ed;
            let v = self.expr()?;
            self.ed = self.ed.max(kd);
            if self.at_comp_for() {
                let (v, comps) = self.comprehension(v, Op::RBrace)?;
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
        self.node(ExprKind::Dict(items), pos, m + 1)
    }

    /// Adjacent string literals: concatenated; f-strings make a JoinedStr.
    pub(super) fn strings(&mut self) -> R<Expr> {
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
        for t in self.lx.toks.span_mut(self.i, j) {
            toks.push(core::mem::replace(&mut t.tok, Tok::Eof));
        }
        self.ed = 1;
        let kind = self.join_strings(&toks, has_bytes, has_f);
        for (t, k) in self.lx.toks.span_mut(self.i, j).iter_mut().zip(toks) {
            t.tok = k;
        }
        self.i = j;
        Ok(mk(kind?, pos))
    }

    pub(super) fn join_strings(&mut self, toks: &[Tok], bytes: bool, f: bool) -> R<ExprKind> {
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
    pub(super) fn fparts(&mut self, raw: &[FRaw], out: &mut Vec<FPart>) -> R<u32> {
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
    pub(super) fn fexpr(&mut self, src: &str, pos: Pos) -> R<Expr> {
        self.enter(4)?;
        let mut sub = Parser::new(src, pos, true, usize::MAX);
        sub.lx.fill_to(usize::MAX);
        let hard = sub.lx.hard;
        sub.depth = self.depth;
        let res = sub.fexpr_body();
        self.ed = sub.ed;
        self.depth -= 4;
        match res {
            Err(Fail) => {
                let mut e = sub.take_err();
                if hard {
                    if let Some(le) = sub.lx.err {
                        e = Box::new(le);
                    }
                }
                if !e.msg.starts_with("f-string") {
                    e.msg = format!("f-string: {}", e.msg);
                }
                Err(self.fail(e))
            }
            ok => ok,
        }
    }

    pub(super) fn fexpr_body(&mut self) -> R<Expr> {
        let start = self.pos();
        let e = if self.is_kw(Kw::Yield) {
            self.yield_expr()?
        } else {
            self.star_expressions()?.0
        };
        if !matches!(self.tok(), Tok::Eof) {
            return Err(self.sep_err(start));
        }
        if let ExprKind::Starred(_) = e.kind {
            // CPython's f-string parser words it differently from `x = *a`.
            return Err(self.err("f-string: cannot use starred expression here", e.pos));
        }
        Ok(e)
    }
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
