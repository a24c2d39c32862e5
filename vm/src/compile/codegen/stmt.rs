//! Statements: assignment targets, loops, `try`/`with` blocks and the
//! cleanup a jump out of them emits.

use super::*;
use crate::at::At;

impl<'v> CodeGen<'v> {
    pub(super) fn body(&mut self, stmts: &[Stmt]) -> CResult {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn in_function(&self) -> bool {
        matches!(
            self.scope_kind(),
            ScopeKind::Function | ScopeKind::Comprehension
        )
    }

    pub(super) fn stmt(&mut self, s: &Stmt) -> CResult {
        self.set_line(s.pos);
        match &s.kind {
            // The one statement of an `eval`: its value is the result.
            StmtKind::Expr(e) if self.mode == Mode::Eval => {
                self.expr(e)?;
                self.emit(Op::Return);
            }
            StmtKind::Expr(e) => {
                if self.mode == Mode::Single
                    && self.scope_kind() == ScopeKind::Module
                    && self.outer.is_empty()
                {
                    self.expr(e)?;
                    self.emit(Op::PrintExpr);
                } else if matches!(e.kind, ExprKind::Const(_)) {
                    // Docstrings and bare constants do nothing.
                } else {
                    self.expr(e)?;
                    self.emit(Op::Pop);
                }
            }
            StmtKind::Assign(targets, value) => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store(t)?;
                }
            }
            StmtKind::AugAssign(t, op, v) => self.aug_assign(t, *op, v)?,
            StmtKind::AnnAssign(t, v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                    self.store(t)?;
                }
            }
            StmtKind::Del(ts) => {
                for t in ts {
                    self.delete(t)?;
                }
            }
            StmtKind::Pass => {}
            StmtKind::Break => {
                if !self.unwind(true, false, s.pos)? {
                    return err("'break' outside loop", s.pos);
                }
                let j = self.emit(Op::Jump(0));
                for b in self.cur.blocks.iter_mut().rev() {
                    if let Block::Loop { breaks, .. } = b {
                        // Onto the loop's chain of breaks (see `chain`).
                        let prev = core::mem::replace(breaks, j as u32 + 1);
                        *self.cur.ops.at_mut(j) = Op::Jump(prev);
                        break;
                    }
                }
            }
            StmtKind::Continue => {
                let target = self.ur().blocks.iter().rev().find_map(|b| match b {
                    Block::Loop { cont, .. } => Some(*cont),
                    _ => None,
                });
                match target {
                    Some(t) => {
                        self.unwind(false, false, s.pos)?;
                        self.emit(Op::Jump(t));
                    }
                    None => return err("'continue' not properly in loop", s.pos),
                }
            }
            StmtKind::Return(v) => {
                if !self.in_function() {
                    return err("'return' outside function", s.pos);
                }
                self.opt_expr(v)?;
                if self.ur().blocks.iter().any(|b| {
                    !matches!(
                        b,
                        Block::Loop {
                            for_loop: false,
                            ..
                        }
                    )
                }) {
                    let t = self.temp();
                    self.emit(Op::StoreFast(t));
                    self.unwind(true, true, s.pos)?;
                    self.emit(Op::LoadFast(t));
                }
                self.emit(Op::Return);
            }
            StmtKind::If(c, a, b) => {
                let jf = self.cond_jump(c, false)?;
                self.body(a)?;
                if b.is_empty() {
                    self.patch_here(jf);
                } else {
                    let j = self.emit(Op::Jump(0));
                    self.patch_here(jf);
                    self.body(b)?;
                    self.patch_here(j);
                }
            }
            StmtKind::While(c, body, orelse) => {
                let start = self.here();
                let jf = self.cond_jump(c, false)?;
                self.push_loop(start, false);
                self.loop_rest(start, jf, body, orelse)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                self.expr(iter)?;
                if *is_async {
                    return self.async_for(target, body, orelse, s.pos);
                }
                self.emit(Op::GetIter);
                let start = self.here();
                let fi = self.emit(Op::ForIter(0));
                self.push_loop(start, true);
                self.store(target)?;
                self.loop_rest(start, fi, body, orelse)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                let fin = finalbody.take();
                if fin.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, fin, finalbody)?;
                }
            }
            StmtKind::Raise(exc, cause) => {
                let n = match (exc, cause) {
                    (None, _) => 0,
                    (Some(e), None) => {
                        self.expr(e)?;
                        1
                    }
                    (Some(e), Some(c)) => {
                        self.expr(e)?;
                        self.expr(c)?;
                        2
                    }
                };
                self.emit(Op::Raise(n));
            }
            // Asserts are compiled out at `micropython.opt_level(1)` and above.
            StmtKind::Assert(..) if self.vm.opt_level > 0 => {}
            StmtKind::Assert(test, msg) => {
                let j = self.cond_jump(test, true)?;
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.patch_here(j);
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with(items, body, *is_async, s.pos)?,
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.set_line(s.pos);
                self.function(&f.name, &f.params, Some(&f.body), None, f.is_async, s.pos)?;
                for _ in &f.decorators {
                    self.emit(Op::Call(1));
                }
                self.store_name(&f.name);
            }
            StmtKind::ClassDef(c) => self.class(c, s.pos)?,
            StmtKind::Import(names) => {
                for a in names {
                    let n = self.name_idx(&a.name);
                    self.emit(Op::ImportName(n));
                    match &a.asname {
                        Some(asn) => self.store_name(asn),
                        None => {
                            let top = a.name.split('.').next().unwrap_or("");
                            if top != a.name {
                                self.emit(Op::Pop);
                                let n = self.name_idx(top);
                                self.emit(Op::ImportName(n));
                            }
                            self.store_name(top);
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let n = self.name_idx(module.as_deref().unwrap_or(""));
                self.emit(Op::ImportName(n | (*level << 24) | (1 << 23)));
                for a in names {
                    if a.name == "*" {
                        self.emit(Op::ImportStar);
                        return Ok(());
                    }
                    let n = self.name_idx(&a.name);
                    self.emit(Op::ImportFrom(n));
                    self.store_name(a.asname.as_deref().unwrap_or(&a.name));
                }
                self.emit(Op::Pop);
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
        }
        Ok(())
    }

    /// Emit the cleanup for leaving blocks up to the innermost loop, or all
    /// blocks (`all`, for `return`); `pop_iters` pops the iterator of a
    /// `for` loop left (`break`, `return`). Returns whether a loop was found.
    pub(super) fn unwind(&mut self, pop_iters: bool, all: bool, pos: Pos) -> CResult<bool> {
        let mut i = self.cur.blocks.len();
        while i > 0 {
            i -= 1;
            if let Block::Loop { for_loop, .. } = *self.cur.blocks.at(i) {
                if pop_iters && for_loop {
                    self.emit(Op::Pop);
                }
                if !all {
                    return Ok(true);
                }
            } else {
                self.leave(i, pos)?;
            }
        }
        Ok(false)
    }

    /// Leave block `i` of the block stack on a jump out. The blocks from `i`
    /// on are set aside meanwhile: a finally body runs with the blocks
    /// outside it only (and is compiled from the block, not a copy).
    pub(super) fn leave(&mut self, i: usize, pos: Pos) -> CResult {
        let saved = self.u().blocks.split_off(i);
        let r = match saved.first() {
            Some(b) => self.cleanup(b, pos),
            None => Ok(()),
        };
        self.u().blocks.extend(saved);
        r
    }

    /// Emit the cleanup for leaving block `b`.
    pub(super) fn cleanup(&mut self, b: &Block, pos: Pos) -> CResult {
        match b {
            Block::Finally(fin) => {
                self.body(fin)?;
                self.set_line(pos);
            }
            Block::FinallyExc => {
                self.emit(Op::Pop);
                self.emit(Op::PopExcept);
            }
            Block::With { is_async } => {
                self.emit(Op::LoadNone);
                self.emit(Op::LoadNone);
                self.emit(Op::LoadNone);
                self.emit(Op::Call(3));
                if *is_async {
                    self.await_value();
                }
                self.emit(Op::Pop);
            }
            Block::Except(name) => {
                self.emit(Op::PopExcept);
                if let Some(n) = name {
                    self.unbind(n);
                }
            }
            Block::Loop { .. } => {}
        }
        Ok(())
    }

    /// Unbind an `except ... as n` name, as CPython does (`n = None; del n`).
    fn unbind(&mut self, n: &str) {
        self.emit(Op::LoadNone);
        self.store_name(n);
        self.delete_name(n);
    }

    /// An exception table entry for `start..end`; `depth` and `level` are
    /// added to the open blocks' (for a block the handler runs inside).
    pub(super) fn add_handler(
        &mut self,
        start: u32,
        end: u32,
        handler: u32,
        depth: u32,
        level: u32,
    ) {
        let depth = self.stack_depth() + depth;
        let level = self.handler_level() + level;
        if start < end {
            self.u().exc_table.push(ExcEntry {
                start,
                end,
                handler,
                depth,
                level,
            });
        }
    }

    pub(super) fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
    ) -> CResult {
        let start = self.here();
        self.body(body)?;
        let end = self.here();
        let to_else = self.emit(Op::Jump(0));
        let handler = self.here();
        // Entries are inner-first: this try's entry goes in now, before any
        // entries for the handlers (which belong to outer levels).
        self.add_handler(start, end, handler, 0, 0);
        let mut to_end = 0;
        for h in handlers {
            self.set_line(h.pos);
            let mut next = None;
            if let Some(t) = &h.typ {
                self.expr(t)?;
                self.emit(Op::CheckExcMatch);
                next = Some(self.emit(Op::PopJumpIfFalse(0)));
            }
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Op::Pop);
                }
            }
            self.u().blocks.push(Block::Except(h.name.clone()));
            let hstart = self.here();
            self.body(&h.body)?;
            let hend = self.here();
            if let Some(b) = self.u().blocks.pop() {
                self.cleanup(&b, h.pos)?;
            }
            let j = self.emit(Op::Jump(0));
            self.chain(&mut to_end, j);
            if let Some(n) = &h.name {
                // An exception escaping the handler body: unbind the name,
                // then re-raise (the handled exception is dropped by the
                // level of whatever handler catches it).
                let cleanup = self.here();
                // Inside an `Except` block.
                self.add_handler(hstart, hend, cleanup, 0, 1);
                self.unbind(n);
                self.emit(Op::Reraise);
            }
            if let Some(j) = next {
                self.patch_here(j);
            }
        }
        self.emit(Op::Reraise);
        self.patch_here(to_else);
        self.body(orelse)?;
        self.patch_chain_here(to_end);
        Ok(())
    }

    /// `fin` is the finally body, taken out of the tree (`home`): it moves
    /// into the block stack while the try body is compiled (a `return`,
    /// `break` or `continue` there compiles it once more, without copying
    /// the tree) and goes back afterwards, as an enclosing finally body may
    /// be compiled again.
    pub(super) fn try_finally(
        &mut self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        fin: Vec<Stmt>,
        home: &Cell<Vec<Stmt>>,
    ) -> CResult {
        let start = self.here();
        let depth = self.ur().blocks.len();
        self.u().blocks.push(Block::Finally(fin));
        let r = if handlers.is_empty() {
            self.body(body).and_then(|()| self.body(orelse))
        } else {
            self.try_except(body, handlers, orelse)
        };
        self.u().blocks.truncate(depth + 1);
        let f = match self.u().blocks.pop() {
            Some(Block::Finally(f)) => f,
            _ => Vec::new(),
        };
        let r = r.and_then(|()| self.finally_tail(start, &f));
        home.set(f);
        r
    }

    pub(super) fn finally_tail(&mut self, start: u32, fin: &[Stmt]) -> CResult {
        let end = self.here();
        self.body(fin)?;
        let j = self.emit(Op::Jump(0));
        let handler = self.here();
        self.add_handler(start, end, handler, 0, 0);
        self.u().blocks.push(Block::FinallyExc);
        self.body(fin)?;
        self.u().blocks.pop();
        self.emit(Op::Reraise);
        self.patch_here(j);
        Ok(())
    }

    pub(super) fn with(
        &mut self,
        items: &[(Expr, Option<Expr>)],
        body: &[Stmt],
        is_async: bool,
        pos: Pos,
    ) -> CResult {
        let Some(((ctx, target), rest)) = items.split_first() else {
            return self.body(body);
        };
        self.expr(ctx)?;
        self.set_line(pos);
        self.emit(Op::WithSetup);
        let n = self.name_idx(if is_async { "__aenter__" } else { "__enter__" });
        self.emit(Op::LoadMethod(n));
        self.emit(Op::CallMethod(0));
        if is_async {
            self.await_value();
        }
        self.u().blocks.push(Block::With { is_async });
        let start = self.here();
        match target {
            Some(t) => self.store(t)?,
            None => {
                self.emit(Op::Pop);
            }
        }
        self.with(rest, body, is_async, pos)?;
        let end = self.here();
        self.u().blocks.pop();
        self.set_line(pos);
        self.cleanup(&Block::With { is_async }, pos)?;
        let j = self.emit(Op::Jump(0));
        let handler = self.here();
        // Inside the `With` block.
        self.add_handler(start, end, handler, 1, 0);
        // stack: exit, exc
        self.emit(Op::WithExcept);
        if is_async {
            self.await_value();
        }
        let suppress = self.emit(Op::PopJumpIfTrue(0));
        self.emit(Op::Reraise);
        self.patch_here(suppress);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        self.patch_here(j);
        Ok(())
    }

    pub(super) fn async_for(
        &mut self,
        target: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
        pos: Pos,
    ) -> CResult {
        self.get_iter(true);
        let start = self.here();
        self.push_loop(start, true);
        let tstart = self.here();
        self.emit(Op::GetANext);
        self.await_value();
        let tend = self.here();
        self.store(target)?;
        self.body(body)?;
        self.emit(Op::Jump(start));
        let breaks = self.pop_loop();
        let handler = self.here();
        // Inside the `for` loop's block.
        self.add_handler(tstart, tend, handler, 1, 0);
        self.set_line(pos);
        let e = self.emit(Op::EndAsyncFor(0));
        self.patch_here(e);
        self.loop_else(breaks, orelse)
    }

    /// `iter(x)`, or `x.__aiter__()` for `async for`.
    pub(super) fn get_iter(&mut self, is_async: bool) {
        if is_async {
            let n = self.name_idx("__aiter__");
            self.emit(Op::LoadMethod(n));
            self.emit(Op::CallMethod(0));
        } else {
            self.emit(Op::GetIter);
        }
    }

    /// Open a loop block: `continue` jumps to `cont`; a `for` loop keeps
    /// its iterator on the stack.
    pub(super) fn push_loop(&mut self, cont: u32, for_loop: bool) {
        self.u().blocks.push(Block::Loop {
            cont,
            breaks: 0,
            for_loop,
        });
    }

    /// Close the innermost (loop) block: the `break` jumps to patch.
    pub(super) fn pop_loop(&mut self) -> u32 {
        match self.u().blocks.pop() {
            Some(Block::Loop { breaks, .. }) => breaks,
            _ => 0,
        }
    }

    /// The `else` of a loop, then where its `break`s land.
    pub(super) fn loop_else(&mut self, breaks: u32, orelse: &[Stmt]) -> CResult {
        self.body(orelse)?;
        self.patch_chain_here(breaks);
        Ok(())
    }

    /// The rest of a `while`/`for` loop whose block is open: the body, the
    /// jump back to `start`, the exit jump `exit` patched to the `else` part.
    pub(super) fn loop_rest(
        &mut self,
        start: u32,
        exit: usize,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> CResult {
        self.body(body)?;
        self.emit(Op::Jump(start));
        let breaks = self.pop_loop();
        self.patch_here(exit);
        self.loop_else(breaks, orelse)
    }

    pub(super) fn await_value(&mut self) {
        self.emit(Op::GetAwaitable);
        self.yield_from_loop();
    }

    pub(super) fn yield_from_loop(&mut self) {
        self.emit(Op::LoadNone);
        let send = self.emit(Op::Send(0));
        self.emit(Op::YieldDelegate);
        self.emit(Op::Jump(send as u32));
        self.patch_here(send);
    }

    // ---- targets ----

    pub(super) fn store(&mut self, t: &Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute(obj, name) => {
                self.expr(obj)?;
                let n = self.name_idx(name);
                self.emit(Op::StoreAttr(n));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                // The first starred item, and whether there is another.
                let mut star = None;
                for (i, e) in items.iter().enumerate() {
                    if let ExprKind::Starred(_) = e.kind {
                        if star.is_some() {
                            return err("multiple starred expressions in assignment", t.pos);
                        }
                        star = Some(i);
                    }
                }
                match star {
                    None => {
                        self.emit(Op::UnpackSequence(items.len() as u32));
                    }
                    Some(i) => {
                        let after = items.len() - i - 1;
                        self.emit(Op::UnpackEx(((i as u32) << 16) | after as u32));
                    }
                }
                for e in items {
                    match &e.kind {
                        ExprKind::Starred(inner) => self.store(inner)?,
                        _ => self.store(e)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return err(
                    "starred assignment target must be in a list or tuple",
                    t.pos,
                )
            }
            _ => return err("cannot assign to expression", t.pos),
        }
        Ok(())
    }

    pub(super) fn delete(&mut self, t: &Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute(obj, name) => {
                self.expr(obj)?;
                let n = self.name_idx(name);
                self.emit(Op::DeleteAttr(n));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.emit(Op::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for e in items {
                    self.delete(e)?;
                }
            }
            _ => return err("cannot delete expression", t.pos),
        }
        Ok(())
    }

    pub(super) fn aug_assign(&mut self, t: &Expr, op: BinOp, v: &Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => {
                if let (BinOp::Add, Resolved::Local(i, false)) = (op, self.resolve(n)) {
                    if i < 64 && self.scope_kind() != ScopeKind::Class {
                        self.expr(v)?;
                        self.set_line(t.pos);
                        self.emit(Op::InplaceAddLocal(i));
                        return Ok(());
                    }
                }
                self.load_name(n);
                self.expr(v)?;
                self.set_line(t.pos);
                self.emit(Op::Inplace(op));
                self.store_name(n);
            }
            ExprKind::Attribute(obj, name) => {
                self.expr(obj)?;
                self.emit(Op::Dup);
                let n = self.name_idx(name);
                self.emit(Op::LoadAttr(n));
                self.expr(v)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Rot2);
                self.emit(Op::StoreAttr(n));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.emit(Op::DupTwo);
                self.emit(Op::Subscr);
                self.expr(v)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Rot3);
                self.emit(Op::StoreSubscr);
            }
            _ => {
                return err(
                    "'expression' is an illegal expression for augmented assignment",
                    t.pos,
                )
            }
        }
        Ok(())
    }
}
