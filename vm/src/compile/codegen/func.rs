//! Nested code objects: classes, functions, lambdas and comprehensions.

use super::*;
use crate::at::At;

impl<'v> CodeGen<'v> {
    pub(super) fn class(&mut self, c: &ClassDef, pos: Pos) -> CResult {
        for d in &c.decorators {
            self.expr(d)?;
        }
        self.set_line(pos);
        self.emit(Op::LoadBuildClass);
        let scope = self.next_child();
        let qual = self.child_qualname(&c.name);
        self.push_unit(scope, qual);
        self.classes.push(c.name.clone());
        self.set_line(pos);
        let n = self.name_idx("__name__");
        self.emit(Op::LoadGlobal(n));
        let m = self.name_idx("__module__");
        self.emit(Op::StoreName(m));
        let qv = self.vm.intern(&self.cur.qualname);
        self.load_const_value(qv);
        let q = self.name_idx("__qualname__");
        self.emit(Op::StoreName(q));
        self.body(&c.body)?;
        if self.table.scopes.at(scope).needs_class_cell {
            if let Resolved::Local(i, _) = self.table.scopes.at(scope).resolve("__class__") {
                self.emit(Op::LoadCell(i));
            } else {
                self.emit(Op::LoadNone);
            }
        } else {
            self.emit(Op::LoadNone);
        }
        self.emit(Op::Return);
        self.classes.pop();
        let code = self.pop_unit(&c.name, 0, 0, 0, pos.line);
        self.make_function(code, scope, 0);
        let nv = self.vm.intern(&c.name);
        self.load_const_value(nv);
        for b in &c.bases {
            self.expr(b)?;
        }
        if c.keywords.is_empty() {
            self.emit(Op::Call(2 + c.bases.len() as u32));
        } else {
            let mut names = Vec::new();
            for (k, v) in &c.keywords {
                self.expr(v)?;
                names.push(self.vm.intern(k));
            }
            let t = self.vm.const_tuple(&names).map_err(|_| self.mem_err(pos))?;
            self.load_const_value(t);
            self.emit(Op::CallKw(2 + (c.bases.len() + c.keywords.len()) as u32));
        }
        for _ in &c.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }

    pub(super) fn child_qualname(&self, name: &str) -> String {
        let u = self.ur();
        let scope = self.table.scopes.at(u.scope);
        match scope.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Push defaults/kwdefaults/closure as needed and emit MakeFunction.
    pub(super) fn make_function(&mut self, code: Rc<Code>, scope: usize, mut flags: u32) {
        let nfrees = self.table.scopes.at(scope).frees.len();
        if nfrees > 0 {
            for k in 0..nfrees {
                let r = self.resolve(self.table.scopes.at(scope).frees.at(k));
                self.emit(match r {
                    Resolved::Local(i, _) | Resolved::Free(i) => Op::LoadCell(i),
                    _ => Op::LoadNone,
                });
            }
            self.emit(Op::BuildTuple(nfrees as u32));
            flags |= 4;
        }
        let idx = self.ur().children.len() as u32;
        self.u().children.push(code);
        self.emit(Op::MakeFunction(idx << 8 | flags));
    }

    pub(super) fn function(
        &mut self,
        name: &str,
        params: &Params,
        body: Option<&[Stmt]>,
        lambda_body: Option<&Expr>,
        is_async: bool,
        pos: Pos,
    ) -> CResult {
        let mut flags = 0;
        let mut n = 0;
        for d in params.args.iter().filter_map(|a| a.default.as_ref()) {
            self.expr(d)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Op::BuildTuple(n));
            flags |= 1;
        }
        n = 0;
        for p in &params.kwonly {
            if let Some(d) = &p.default {
                let k = self.vm.intern(&p.name);
                self.load_const_value(k);
                self.expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Op::BuildMap(n));
            flags |= 2;
        }
        let scope = self.next_child();
        let qual = self.child_qualname(name);
        self.push_unit(scope, qual);
        self.set_line(pos);
        let sc = self.table.scopes.at(scope);
        let mut cflags = 0;
        if params.vararg.is_some() {
            cflags |= CODE_VARARGS;
        }
        if params.kwarg.is_some() {
            cflags |= CODE_VARKW;
        }
        if is_async {
            cflags |= CODE_COROUTINE;
        } else if sc.is_generator {
            cflags |= CODE_GENERATOR;
        }
        if let Some(b) = body {
            self.body(b)?;
            self.emit(Op::LoadNone);
            self.emit(Op::Return);
        } else if let Some(e) = lambda_body {
            self.expr(e)?;
            self.emit(Op::Return);
        }
        self.posonly = params.posonly as u32;
        let code = self.pop_unit(
            name,
            params.args.len() as u32,
            params.kwonly.len() as u32,
            cflags,
            pos.line,
        );
        self.make_function(code, scope, flags);
        Ok(())
    }

    pub(super) fn comprehension(
        &mut self,
        kind: u8,
        elt: &Expr,
        val: Option<&Expr>,
        gens: &[Comprehension],
        pos: Pos,
    ) -> CResult {
        let scope = self.next_child();
        let name = match kind {
            0 => "<listcomp>",
            1 => "<setcomp>",
            2 => "<dictcomp>",
            _ => "<genexpr>",
        };
        let is_async = self.table.scopes.at(scope).is_async;
        let qual = self.child_qualname(name);
        self.push_unit(scope, qual);
        self.set_line(pos);
        match kind {
            0 => self.emit(Op::BuildList(0)),
            1 => self.emit(Op::BuildSet(0)),
            2 => self.emit(Op::BuildMap(0)),
            _ => 0,
        };
        self.comp_loop(kind, elt, val, gens, 0)?;
        if kind == 3 {
            self.emit(Op::LoadNone);
        }
        self.emit(Op::Return);
        let mut cflags = 0;
        if kind == 3 {
            cflags |= if is_async {
                CODE_COROUTINE
            } else {
                CODE_GENERATOR
            };
        } else if is_async {
            cflags |= CODE_COROUTINE;
        }
        let code = self.pop_unit(name, 1, 0, cflags, pos.line);
        self.make_function(code, scope, 0);
        self.expr(&gens.at(0).iter)?;
        self.get_iter(gens[0].is_async);
        self.emit(Op::Call(1));
        if is_async && kind != 3 {
            self.await_value();
        }
        Ok(())
    }

    pub(super) fn comp_loop(
        &mut self,
        kind: u8,
        elt: &Expr,
        val: Option<&Expr>,
        gens: &[Comprehension],
        depth: usize,
    ) -> CResult {
        let g = gens.at(depth);
        if depth == 0 {
            self.emit(Op::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.get_iter(g.is_async);
        }
        let start = self.here();
        let (fi, tstart) = if g.is_async {
            let t = self.here();
            self.emit(Op::GetANext);
            self.await_value();
            (None, Some(t))
        } else {
            (Some(self.emit(Op::ForIter(0))), None)
        };
        let tend = self.here();
        self.store(&g.target)?;
        let mut skips = 0;
        for c in &g.ifs {
            let j = self.cond_jump(c, false)?;
            self.chain(&mut skips, j);
        }
        if depth + 1 < gens.len() {
            self.comp_loop(kind, elt, val, gens, depth + 1)?;
        } else {
            let n = depth as u32 + 1;
            self.expr(elt)?;
            if let Some(v) = val {
                self.expr(v)?;
            }
            match kind {
                0 => self.emit(Op::ListAppend(n)),
                1 => self.emit(Op::SetAdd(n)),
                2 => self.emit(Op::MapAdd(n)),
                _ => {
                    self.emit(Op::Yield);
                    self.emit(Op::Pop)
                }
            };
        }
        self.patch_chain(skips, start);
        self.emit(Op::Jump(start));
        if let Some(fi) = fi {
            self.patch_here(fi);
        }
        if let Some(ts) = tstart {
            let handler = self.here();
            // Below the iterators: the list, set or dict being built.
            let items = depth as u32 + u32::from(kind < 3);
            self.add_handler(ts, tend, handler, items, 0);
            let e = self.emit(Op::EndAsyncFor(0));
            self.patch_here(e);
        }
        Ok(())
    }
}
