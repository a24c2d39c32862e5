//! Expressions: constants, operators, displays, calls and f-strings.

use super::*;
use crate::at::At;

impl<'v> CodeGen<'v> {
    /// Evaluate `e` and jump if its truth equals `when`; returns the jump to patch.
    pub(super) fn cond_jump(&mut self, e: &Expr, when: bool) -> CResult<usize> {
        if let ExprKind::UnaryOp(UnOp::Not, inner) = &e.kind {
            return self.cond_jump(inner, !when);
        }
        self.expr(e)?;
        Ok(self.emit(if when {
            Op::PopJumpIfTrue(0)
        } else {
            Op::PopJumpIfFalse(0)
        }))
    }

    pub(super) fn constant(&mut self, c: &Const, pos: Pos) -> CResult {
        match c {
            Const::None => {
                self.emit(Op::LoadNone);
            }
            Const::True => {
                self.emit(Op::LoadTrue);
            }
            Const::False => {
                self.emit(Op::LoadFalse);
            }
            Const::Ellipsis => self.load_const_value(Value::Ellipsis),
            Const::Int(i) => self.int_const(*i, pos)?,
            Const::BigInt { digits, radix } => {
                let v = self
                    .vm
                    .parse_bigint_const(digits, u32::from(*radix))
                    .map_err(|_| self.mem_err(pos))?;
                self.load_const_value(v);
            }
            Const::Float(f) => self.load_const_value(Value::float(*f)),
            Const::Imag(_) => return err("complex numbers are not supported", pos),
            Const::Str(s) => {
                let v = self.vm.intern(s);
                self.load_const_value(v);
            }
            Const::Bytes(b) => {
                let v = self.vm.const_bytes(b).map_err(|_| self.mem_err(pos))?;
                self.load_const_value(v);
            }
        }
        Ok(())
    }

    /// An int literal: inline in the instruction when it fits in i32, else
    /// a constant (a BigInt past a board's 32-bit small ints).
    pub(super) fn int_const(&mut self, i: i64, pos: Pos) -> CResult<()> {
        match i32::try_from(i) {
            Ok(i) => {
                self.emit(Op::LoadInt(i));
            }
            Err(_) => {
                let v = self.vm.new_int(i).map_err(|_| self.mem_err(pos))?;
                self.load_const_value(v);
            }
        }
        Ok(())
    }

    /// `e`, or `None` when absent.
    pub(super) fn opt_expr(&mut self, e: &Option<Expr>) -> CResult {
        match e {
            Some(e) => self.expr(e),
            None => {
                self.emit(Op::LoadNone);
                Ok(())
            }
        }
    }

    pub(super) fn expr(&mut self, e: &Expr) -> CResult {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Const(c) => self.constant(c, e.pos)?,
            ExprKind::JoinedStr(parts) => self.fstring(parts)?,
            ExprKind::BinOp(a, op, b) => {
                self.expr(a)?;
                self.expr(b)?;
                self.set_line(e.pos);
                self.emit(Op::Binary(*op));
            }
            ExprKind::UnaryOp(op, a) => {
                if let (UnOp::Neg, ExprKind::Const(c)) = (op, &a.kind) {
                    match c {
                        Const::Int(i) if *i != i64::MIN => {
                            return self.int_const(-*i, e.pos);
                        }
                        Const::Float(f) => {
                            self.load_const_value(Value::float(-*f));
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                self.expr(a)?;
                self.emit(Op::Unary(*op));
            }
            ExprKind::BoolOp { is_and, values } => {
                let mut jumps = 0;
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        let j = self.emit(if *is_and {
                            Op::JumpIfFalseOrPop(0)
                        } else {
                            Op::JumpIfTrueOrPop(0)
                        });
                        self.chain(&mut jumps, j);
                    }
                }
                self.patch_chain_here(jumps);
            }
            ExprKind::Compare(first, rest) => {
                self.expr(first)?;
                if rest.len() == 1 {
                    self.expr(&rest.at(0).1)?;
                    self.set_line(e.pos);
                    self.emit(Op::Compare(rest.at(0).0));
                } else {
                    let mut cleanups = 0;
                    for (i, (op, v)) in rest.iter().enumerate() {
                        self.expr(v)?;
                        if i + 1 < rest.len() {
                            self.emit(Op::Dup);
                            self.emit(Op::Rot3);
                            self.emit(Op::Compare(*op));
                            let j = self.emit(Op::JumpIfFalseOrPop(0));
                            self.chain(&mut cleanups, j);
                        } else {
                            self.emit(Op::Compare(*op));
                        }
                    }
                    let j = self.emit(Op::Jump(0));
                    self.patch_chain_here(cleanups);
                    self.emit(Op::Rot2);
                    self.emit(Op::Pop);
                    self.patch_here(j);
                }
            }
            ExprKind::Call { func, args } => self.call(func, args, e.pos)?,
            ExprKind::Attribute(obj, name) => {
                self.expr(obj)?;
                self.set_line(e.pos);
                let n = self.name_idx(name);
                self.emit(Op::LoadAttr(n));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.set_line(e.pos);
                self.emit(Op::Subscr);
            }
            ExprKind::Slice(a, b, c) => {
                self.opt_expr(a)?;
                self.opt_expr(b)?;
                match c {
                    Some(c) => {
                        self.expr(c)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => {
                        self.emit(Op::BuildSlice(2));
                    }
                }
            }
            ExprKind::Tuple(items) => {
                if self.sequence(items, 0)? {
                    self.emit(Op::ListToTuple);
                } else {
                    self.emit(Op::BuildTuple(items.len() as u32));
                }
            }
            ExprKind::List(items) => {
                if !self.sequence(items, 0)? {
                    self.emit(Op::BuildList(items.len() as u32));
                }
            }
            ExprKind::Set(items) => {
                if !self.sequence(items, 1)? {
                    self.emit(Op::BuildSet(items.len() as u32));
                }
            }
            ExprKind::Dict(items) => {
                if items.iter().all(|(k, _)| k.is_some()) {
                    for (k, v) in items {
                        if let Some(k) = k {
                            self.expr(k)?;
                        }
                        self.expr(v)?;
                    }
                    self.emit(Op::BuildMap(items.len() as u32));
                } else {
                    self.emit(Op::BuildMap(0));
                    for (k, v) in items {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Op::MapAdd(0));
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Op::DictUpdate);
                            }
                        }
                    }
                }
            }
            ExprKind::Starred(_) => return err("can't use starred expression here", e.pos),
            ExprKind::IfExp { test, body, orelse } => {
                let jf = self.cond_jump(test, false)?;
                self.expr(body)?;
                let j = self.emit(Op::Jump(0));
                self.patch_here(jf);
                self.expr(orelse)?;
                self.patch_here(j);
            }
            ExprKind::Lambda { params, body } => {
                self.function("<lambda>", params, None, Some(body), false, e.pos)?
            }
            ExprKind::ListComp(elt, gens) => self.comprehension(0, elt, None, gens, e.pos)?,
            ExprKind::SetComp(elt, gens) => self.comprehension(1, elt, None, gens, e.pos)?,
            ExprKind::DictComp(k, v, gens) => self.comprehension(2, k, Some(v), gens, e.pos)?,
            ExprKind::GenExp(elt, gens) => self.comprehension(3, elt, None, gens, e.pos)?,
            ExprKind::Yield(v) => {
                self.check_yield(e.pos)?;
                self.opt_expr(v)?;
                self.emit(Op::Yield);
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield(e.pos)?;
                if self.table.scopes.at(self.ur().scope).is_async {
                    return err("'yield from' inside async function", e.pos);
                }
                self.expr(v)?;
                self.emit(Op::GetYieldFromIter);
                self.yield_from_loop();
            }
            ExprKind::Await(v) => {
                let sc = self.table.scopes.at(self.ur().scope);
                if !self.in_function() {
                    return err("'await' outside function", e.pos);
                }
                if !sc.is_async {
                    return err("'await' outside async function", e.pos);
                }
                self.expr(v)?;
                self.set_line(e.pos);
                self.await_value();
            }
            ExprKind::NamedExpr(n, v) => {
                self.expr(v)?;
                self.emit(Op::Dup);
                self.store_name(n);
            }
        }
        Ok(())
    }

    pub(super) fn check_yield(&self, pos: Pos) -> CResult {
        if !self.in_function() {
            return err("'yield' outside function", pos);
        }
        Ok(())
    }

    /// Displays with `*x`: build incrementally. Returns false when there is
    /// no star (the caller emits a plain Build op). kind 0 = list, 1 = set.
    pub(super) fn sequence(&mut self, items: &[Expr], kind: u8) -> CResult<bool> {
        if !items.iter().any(|e| matches!(e.kind, ExprKind::Starred(_))) {
            for i in items {
                self.expr(i)?;
            }
            return Ok(false);
        }
        self.emit(if kind == 1 {
            Op::BuildSet(0)
        } else {
            Op::BuildList(0)
        });
        for i in items {
            let (e, op) = match (&i.kind, kind) {
                (ExprKind::Starred(inner), 1) => (inner, Op::SetUpdate),
                (ExprKind::Starred(inner), _) => (inner, Op::ListExtend),
                (_, 1) => (i, Op::SetAdd(0)),
                _ => (i, Op::ListAppend(0)),
            };
            self.expr(e)?;
            self.emit(op);
        }
        Ok(true)
    }

    pub(super) fn call(&mut self, func: &Expr, args: &[Arg], pos: Pos) -> CResult {
        // Which argument kinds are there: bit 0 `k=v`, 1 `*a`, 2 `**m`.
        let mut kinds = 0;
        for a in args {
            kinds |= match a {
                Arg::Pos(_) => 0,
                Arg::Kw(..) => 1,
                Arg::Star(_) => 2,
                Arg::StarStar(_) => 4,
            };
        }
        let simple = kinds == 0;
        let has_kw = kinds & 1 != 0;
        let has_star = kinds & 6 != 0;
        if let (ExprKind::Attribute(obj, name), true) = (&func.kind, simple) {
            self.expr(obj)?;
            let n = self.name_idx(name);
            self.set_line(pos);
            self.emit(Op::LoadMethod(n));
            for a in args {
                if let Arg::Pos(v) = a {
                    self.expr(v)?;
                }
            }
            self.set_line(pos);
            self.emit(Op::CallMethod(args.len() as u32));
            return Ok(());
        }
        self.expr(func)?;
        if !has_star {
            let mut names = Vec::new();
            for a in args {
                match a {
                    Arg::Pos(v) => self.expr(v)?,
                    Arg::Kw(k, v) => {
                        self.expr(v)?;
                        names.push(self.vm.intern(k));
                    }
                    _ => {}
                }
            }
            self.set_line(pos);
            if has_kw {
                let t = self.vm.const_tuple(&names).map_err(|_| self.mem_err(pos))?;
                self.load_const_value(t);
                self.emit(Op::CallKw(args.len() as u32));
            } else {
                self.emit(Op::Call(args.len() as u32));
            }
            return Ok(());
        }
        // General case: a positional list and a keyword dict.
        self.emit(Op::BuildList(0));
        for a in args {
            match a {
                Arg::Pos(v) => {
                    self.expr(v)?;
                    self.emit(Op::ListAppend(0));
                }
                Arg::Star(v) => {
                    self.expr(v)?;
                    self.emit(Op::ListExtend);
                }
                _ => {}
            }
        }
        self.emit(Op::ListToTuple);
        let kw = kinds & 5 != 0;
        if kw {
            self.emit(Op::BuildMap(0));
            for a in args {
                match a {
                    Arg::Kw(k, v) => {
                        let kv = self.vm.intern(k);
                        self.load_const_value(kv);
                        self.expr(v)?;
                        self.emit(Op::MapAdd(0));
                    }
                    Arg::StarStar(v) => {
                        self.expr(v)?;
                        self.emit(Op::DictMerge);
                    }
                    _ => {}
                }
            }
        }
        self.set_line(pos);
        self.emit(Op::CallEx(kw as u32));
        Ok(())
    }

    pub(super) fn fstring(&mut self, parts: &[FPart]) -> CResult {
        let mut n = 0;
        for p in parts {
            match p {
                FPart::Lit(s) => {
                    if s.is_empty() {
                        continue;
                    }
                    let v = self.vm.intern(s);
                    self.load_const_value(v);
                }
                FPart::Field { expr, conv, spec } => {
                    self.expr(expr)?;
                    let mut flags = match conv {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        _ => 0,
                    };
                    if let Some(spec) = spec {
                        self.fstring(spec)?;
                        flags |= 4;
                    }
                    self.emit(Op::FormatValue(flags));
                }
            }
            n += 1;
        }
        if n == 1 {
            // A lone literal is already a str; a lone field is formatted.
            if let [FPart::Lit(_)] = parts {
                return Ok(());
            }
        }
        if n == 0 {
            let v = self.vm.intern("");
            self.load_const_value(v);
            return Ok(());
        }
        if n > 1 {
            self.emit(Op::BuildString(n));
        }
        Ok(())
    }
}
