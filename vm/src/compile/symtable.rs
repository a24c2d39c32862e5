//! Scope analysis: which names are local, global, cell or free in each
//! function, class body, lambda and comprehension.
//!
//! Python decides a name's scope from the whole function body (an
//! assignment anywhere makes it local everywhere), and a closure's cells are
//! only known after the inner functions are seen, so this runs as a pass of
//! its own before code generation. Scopes are numbered in pre-order, the
//! order in which code generation meets them.

use crate::at::At;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::ast::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Resolved {
    /// Local slot (in a function), and whether that slot holds a cell.
    Local(u32, bool),
    /// Slot holding a cell received through the closure.
    Free(u32),
    Global,
    /// Module or class body: look up by name (class: locals dict first).
    Name,
}

/// `repr(C)`, hot fields first: see `Vm`'s layout note (short offsets).
#[repr(C)]
pub struct Scope {
    pub kind: ScopeKind,
    pub is_generator: bool,
    pub is_async: bool,
    /// Class body: a method uses `super()`/`__class__`, so the body keeps a
    /// `__class__` cell.
    pub needs_class_cell: bool,
    /// Local slot names in slot order: parameters first.
    pub varnames: Vec<String>,
    pub nparams: usize,
    pub cells: Vec<String>,
    pub frees: Vec<String>,
    assigned: Vec<String>,
    used: Vec<String>,
    globals: Vec<String>,
    nonlocals: Vec<String>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    /// Names given an annotation (`x: int`), for the `global` checks.
    annotated: Vec<String>,
    /// Where each `nonlocal` statement is (for its error position).
    nonlocal_pos: Vec<(String, Pos)>,
    pub pos: Pos,
}

impl Scope {
    #[inline(never)]
    fn new(kind: ScopeKind, parent: Option<usize>, pos: Pos) -> Scope {
        Scope {
            kind,
            varnames: Vec::new(),
            nparams: 0,
            cells: Vec::new(),
            frees: Vec::new(),
            globals: Vec::new(),
            nonlocals: Vec::new(),
            nonlocal_pos: Vec::new(),
            assigned: Vec::new(),
            used: Vec::new(),
            annotated: Vec::new(),
            children: Vec::new(),
            parent,
            is_generator: false,
            is_async: false,
            needs_class_cell: false,
            pos,
        }
    }

    pub fn resolve(&self, name: &str) -> Resolved {
        if has(&self.globals, name) {
            return Resolved::Global;
        }
        match self.kind {
            ScopeKind::Module => Resolved::Global,
            ScopeKind::Class => {
                if let Some(i) = find(&self.frees, name) {
                    if !has(&self.assigned, name) || has(&self.nonlocals, name) {
                        return Resolved::Free((self.varnames.len() + i) as u32);
                    }
                }
                if name == "__class__" && self.needs_class_cell {
                    if let Some(i) = find(&self.varnames, name) {
                        return Resolved::Local(i as u32, true);
                    }
                }
                Resolved::Name
            }
            ScopeKind::Function | ScopeKind::Comprehension => {
                if let Some(i) = find(&self.varnames, name) {
                    let cell = has(&self.cells, name);
                    return Resolved::Local(i as u32, cell);
                }
                if let Some(i) = find(&self.frees, name) {
                    return Resolved::Free((self.varnames.len() + i) as u32);
                }
                Resolved::Global
            }
        }
    }

    fn add_var(&mut self, name: &str) {
        if !has(&self.varnames, name) {
            self.varnames.push(name.to_string());
        }
    }
}

pub struct SymError {
    pub msg: String,
    pub pos: Pos,
    /// Found after the walk (an unresolved `nonlocal`): a module's walk
    /// errors, in any statement, are reported first.
    pub late: bool,
}

pub struct SymTable {
    pub scopes: Vec<Scope>,
}

/// Where `name` is in `v`: one out-of-line loop for the many lookups.
#[inline(never)]
pub(crate) fn find(v: &[String], name: &str) -> Option<usize> {
    v.iter().position(|x| x == name)
}

pub(crate) fn has(v: &[String], name: &str) -> bool {
    find(v, name).is_some()
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !has(v, s) {
        v.push(s.to_string());
    }
}

struct Builder {
    scopes: Vec<Scope>,
    cur: usize,
    err: Option<SymError>,
}

/// Scope analysis of a module's top-level statements: the whole module
/// (`module` None), or one statement of a module compiled a statement at
/// a time. `module` carries the module scope between calls (a
/// `global` declaration is checked against the module-level names of the
/// earlier statements); pass the table's scope 0 back in after generating
/// the statement's code (see [`SymTable::take_module`]).
pub fn analyze_module_stmts(
    body: &[Stmt],
    module: &mut Option<Scope>,
) -> Result<SymTable, SymError> {
    let mut root = module
        .take()
        .unwrap_or_else(|| Scope::new(ScopeKind::Module, None, Pos::default()));
    root.children.clear();
    let mut b = Builder {
        scopes: alloc::vec![root],
        cur: 0,
        err: None,
    };
    for s in body {
        b.stmt(s);
    }
    let mut t = SymTable { scopes: b.scopes };
    let res = match b.err {
        Some(e) => Err(e),
        None => t.finish(),
    };
    match res {
        Ok(()) => Ok(t),
        Err(e) => {
            // Later statements are still checked: keep the module's names.
            *module = t.take_module();
            Err(e)
        }
    }
}

impl SymTable {
    /// A table holding only an empty module scope.
    pub fn empty_module() -> SymTable {
        SymTable {
            scopes: alloc::vec![Scope::new(ScopeKind::Module, None, Pos::default())],
        }
    }

    /// The module scope, leaving an empty one in its place.
    pub fn take_module(&mut self) -> Option<Scope> {
        let first = self.scopes.first_mut()?;
        let empty = Scope::new(ScopeKind::Module, None, Pos::default());
        Some(core::mem::replace(first, empty))
    }
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        self.scopes.at_mut(self.cur)
    }

    fn assign(&mut self, name: &str) {
        push_unique(&mut self.scopes.at_mut(self.cur).assigned, name);
    }

    fn use_name(&mut self, name: &str) {
        push_unique(&mut self.scopes.at_mut(self.cur).used, name);
    }

    fn enter(&mut self, kind: ScopeKind, pos: Pos) -> usize {
        let id = self.scopes.len();
        let parent = self.cur;
        self.scopes.push(Scope::new(kind, Some(parent), pos));
        self.scopes.at_mut(parent).children.push(id);
        self.cur = id;
        id
    }

    fn error(&mut self, msg: String, pos: Pos) {
        if self.err.is_none() {
            self.err = Some(SymError {
                msg,
                pos,
                late: false,
            });
        }
    }

    fn target(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.assign(n),
            ExprKind::Tuple(v) | ExprKind::List(v) => v.iter().for_each(|x| self.target(x)),
            ExprKind::Starred(x) => self.target(x),
            _ => self.expr(e),
        }
    }

    fn params(&mut self, p: &Params) {
        // Defaults are evaluated in the enclosing scope (by the caller).
        // Slot order as CPython's co_varnames: positional, keyword-only,
        // then *args, then **kwargs (argument binding relies on it).
        let s = self.scope();
        let mut add = |n: &str| {
            s.add_var(n);
            push_unique(&mut s.assigned, n);
        };
        for a in p.args.iter().chain(&p.kwonly) {
            add(&a.name);
        }
        for n in [&p.vararg, &p.kwarg].into_iter().flatten() {
            add(n);
        }
        s.nparams = s.varnames.len();
    }

    fn func(&mut self, params: &Params, body: FuncBody, is_async: bool, pos: Pos) {
        for a in params.args.iter().chain(params.kwonly.iter()) {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
        let saved = self.cur;
        self.enter(ScopeKind::Function, pos);
        self.scope().is_async = is_async;
        self.params(params);
        match body {
            FuncBody::Stmts(b) => b.iter().for_each(|s| self.stmt(s)),
            FuncBody::Expr(e) => self.expr(e),
        }
        self.cur = saved;
    }

    fn comprehension(&mut self, gens: &[Comprehension], elts: &[&Expr], pos: Pos, is_gen: bool) {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(g) = gens.first() {
            self.expr(&g.iter);
        }
        let saved = self.cur;
        self.enter(ScopeKind::Comprehension, pos);
        self.scope().add_var(".0");
        self.scope().nparams = 1;
        self.scope().is_generator = is_gen;
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            self.target(&g.target);
            self.exprs(&g.ifs);
            if g.is_async {
                self.scope().is_async = true;
            }
        }
        for e in elts {
            self.expr(e);
        }
        self.cur = saved;
    }

    fn exprs(&mut self, v: &[Expr]) {
        v.iter().for_each(|e| self.expr(e));
    }

    fn opt(&mut self, e: &Option<Expr>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    fn stmts(&mut self, b: &[Stmt]) {
        b.iter().for_each(|s| self.stmt(s));
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign(ts, v) => {
                self.expr(v);
                ts.iter().for_each(|t| self.target(t));
            }
            StmtKind::AugAssign(t, _, v) => {
                self.expr(v);
                if let ExprKind::Name(n) = &t.kind {
                    self.use_name(n);
                }
                self.target(t);
            }
            StmtKind::AnnAssign(t, v) => {
                if let ExprKind::Name(n) = &t.kind {
                    push_unique(&mut self.scope().annotated, n);
                }
                if let Some(v) = v {
                    self.expr(v);
                    self.target(t);
                } else if let ExprKind::Name(n) = &t.kind {
                    // `x: int` alone makes x local in a function.
                    if self.scopes.at(self.cur).kind == ScopeKind::Function {
                        self.assign(n);
                    }
                }
            }
            StmtKind::Del(ts) => ts.iter().for_each(|t| self.target(t)),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(v) => self.opt(v),
            StmtKind::If(c, a, b) | StmtKind::While(c, a, b) => {
                self.expr(c);
                self.stmts(a);
                self.stmts(b);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(iter);
                self.target(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body);
                for h in handlers {
                    self.opt(&h.typ);
                    if let Some(n) = &h.name {
                        self.assign(n);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                let fin = finalbody.take();
                self.stmts(&fin);
                finalbody.set(fin);
            }
            StmtKind::Raise(a, b) => {
                self.opt(a);
                self.opt(b);
            }
            StmtKind::Assert(a, b) => {
                self.expr(a);
                self.opt(b);
            }
            StmtKind::With { items, body, .. } => {
                for (e, t) in items {
                    self.expr(e);
                    if let Some(t) = t {
                        self.target(t);
                    }
                }
                self.stmts(body);
            }
            StmtKind::FunctionDef(f) => {
                self.exprs(&f.decorators);
                self.func(&f.params, FuncBody::Stmts(&f.body), f.is_async, s.pos);
                self.assign(&f.name);
            }
            StmtKind::ClassDef(c) => {
                self.exprs(&c.decorators);
                self.exprs(&c.bases);
                c.keywords.iter().for_each(|(_, d)| self.expr(d));
                let saved = self.cur;
                self.enter(ScopeKind::Class, s.pos);
                self.stmts(&c.body);
                self.cur = saved;
                self.assign(&c.name);
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(""),
                    };
                    self.assign(bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.scopes.at(self.cur).kind != ScopeKind::Module {
                            self.error("import * only allowed at module level".to_string(), s.pos);
                        }
                        continue;
                    }
                    self.assign(a.asname.as_deref().unwrap_or(&a.name));
                }
            }
            StmtKind::Global(ns) => {
                for n in ns {
                    if let Some(msg) = self.declared_late(n, "global") {
                        self.error(msg, s.pos);
                    }
                    push_unique(&mut self.scope().globals, n);
                }
            }
            StmtKind::Nonlocal(ns) => {
                if self.scopes.at(self.cur).kind == ScopeKind::Module {
                    self.error(
                        "nonlocal declaration not allowed at module level".to_string(),
                        s.pos,
                    );
                }
                for n in ns {
                    if let Some(msg) = self.declared_late(n, "nonlocal") {
                        self.error(msg, s.pos);
                    }
                    push_unique(&mut self.scope().nonlocals, n);
                    self.scope().nonlocal_pos.push((n.clone(), s.pos));
                }
            }
        }
    }

    /// CPython's error for a `global`/`nonlocal` declaration of a name the
    /// scope has already bound or used, checked in CPython's order.
    fn declared_late(&self, n: &str, what: &str) -> Option<String> {
        let sc = self.scopes.at(self.cur);
        let msg = if find(&sc.varnames, n).is_some_and(|i| i < sc.nparams) {
            alloc::format!("name '{}' is parameter and {}", n, what)
        } else if has(&sc.used, n) {
            alloc::format!("name '{}' is used prior to {} declaration", n, what)
        } else if has(&sc.annotated, n) {
            alloc::format!("annotated name '{}' can't be {}", n, what)
        } else if has(&sc.assigned, n) {
            alloc::format!("name '{}' is assigned to before {} declaration", n, what)
        } else {
            return None;
        };
        Some(msg)
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => {
                self.use_name(n);
                if n == "super" {
                    self.use_name("__class__");
                }
            }
            ExprKind::Const(_) => {}
            ExprKind::JoinedStr(parts) => self.fparts(parts),
            ExprKind::BinOp(a, _, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::UnaryOp(_, a)
            | ExprKind::Starred(a)
            | ExprKind::YieldFrom(a)
            | ExprKind::Await(a) => {
                if matches!(e.kind, ExprKind::YieldFrom(_)) {
                    self.scope().is_generator = true;
                }
                // `await` in a comprehension makes it an async comprehension.
                if matches!(e.kind, ExprKind::Await(_))
                    && self.scope().kind == ScopeKind::Comprehension
                {
                    self.scope().is_async = true;
                }
                self.expr(a)
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::Compare(a, rest) => {
                self.expr(a);
                rest.iter().for_each(|(_, v)| self.expr(v));
            }
            ExprKind::Call { func, args } => {
                self.expr(func);
                for a in args {
                    match a {
                        Arg::Pos(v) | Arg::Star(v) | Arg::Kw(_, v) | Arg::StarStar(v) => {
                            self.expr(v)
                        }
                    }
                }
            }
            ExprKind::Attribute(a, _) => self.expr(a),
            ExprKind::Subscript(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Slice(a, b, c) => {
                self.opt(a);
                self.opt(b);
                self.opt(c);
            }
            ExprKind::Tuple(v) | ExprKind::List(v) | ExprKind::Set(v) => self.exprs(v),
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    self.opt(k);
                    self.expr(v);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Lambda { params, body } => {
                self.func(params, FuncBody::Expr(body), false, e.pos)
            }
            ExprKind::ListComp(elt, gens) | ExprKind::SetComp(elt, gens) => {
                self.comprehension(gens, &[elt], e.pos, false)
            }
            ExprKind::GenExp(elt, gens) => self.comprehension(gens, &[elt], e.pos, true),
            ExprKind::DictComp(k, v, gens) => self.comprehension(gens, &[k, v], e.pos, false),
            ExprKind::Yield(v) => {
                self.scope().is_generator = true;
                self.opt(v);
            }
            ExprKind::NamedExpr(n, v) => {
                self.expr(v);
                // Binds in the nearest enclosing non-comprehension scope.
                let mut s = self.cur;
                while self.scopes.at(s).kind == ScopeKind::Comprehension {
                    match self.scopes.at(s).parent {
                        Some(p) => s = p,
                        None => break,
                    }
                }
                if s != self.cur {
                    push_unique(&mut self.scopes.at_mut(s).assigned, n);
                    // Inside the comprehension the name is free (a
                    // nonlocal of the enclosing function) or global.
                    if self.scopes.at(s).kind == ScopeKind::Module {
                        push_unique(&mut self.scopes.at_mut(self.cur).globals, n);
                    } else {
                        let mut c = self.cur;
                        while c != s {
                            push_unique(&mut self.scopes.at_mut(c).nonlocals, n);
                            c = self.scopes.at(c).parent.unwrap_or(s);
                        }
                    }
                    self.use_name(n);
                } else {
                    self.assign(n);
                }
            }
        }
    }

    fn fparts(&mut self, parts: &[FPart]) {
        for p in parts {
            if let FPart::Field { expr, spec, .. } = p {
                self.expr(expr);
                if let Some(s) = spec {
                    self.fparts(s);
                }
            }
        }
    }
}

enum FuncBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

impl SymTable {
    fn finish(&mut self) -> Result<(), SymError> {
        // Locals: assigned names that are not declared global/nonlocal.
        for s in self.scopes.iter_mut() {
            if matches!(s.kind, ScopeKind::Function | ScopeKind::Comprehension) {
                for n in &s.assigned {
                    if !has(&s.globals, n) && !has(&s.nonlocals, n) {
                        push_unique(&mut s.varnames, n);
                    }
                }
            }
        }
        // Resolve free names innermost-last: a scope's frees are decided
        // before its children need them, since ids are pre-order.
        for id in 0..self.scopes.len() {
            let s = self.scopes.at(id);
            if s.kind == ScopeKind::Module {
                continue;
            }
            // The names to find in enclosing scopes: the `nonlocal` ones
            // (required), then the used names that are not local here.
            let nreq = s.nonlocals.len();
            for k in 0..nreq + s.used.len() {
                let s = self.scopes.at(id);
                let required = k < nreq;
                let name = if required {
                    s.nonlocals.at(k).clone()
                } else {
                    let n = s.used.at(k - nreq);
                    let local = has(&s.globals, n)
                        || match s.kind {
                            ScopeKind::Class => has(&s.assigned, n) && n != "__class__",
                            _ => has(&s.varnames, n) || has(&s.nonlocals, n),
                        };
                    if local {
                        continue;
                    }
                    n.clone()
                };
                let found = self.find_enclosing(id, &name);
                match found {
                    Some(owner) => {
                        if name == "__class__" && self.scopes.at(owner).kind == ScopeKind::Class {
                            self.scopes.at_mut(owner).needs_class_cell = true;
                            self.scopes.at_mut(owner).add_var("__class__");
                        }
                        push_unique(&mut self.scopes.at_mut(owner).cells, &name);
                        // Every scope between the owner and this one passes it down.
                        let mut c = id;
                        while c != owner {
                            push_unique(&mut self.scopes.at_mut(c).frees, &name);
                            match self.scopes.at(c).parent {
                                Some(p) => c = p,
                                None => break,
                            }
                        }
                    }
                    None if required => {
                        let sc = self.scopes.at(id);
                        let pos = sc
                            .nonlocal_pos
                            .iter()
                            .find(|(n, _)| *n == name)
                            .map(|p| p.1)
                            .unwrap_or(sc.pos);
                        return Err(SymError {
                            msg: alloc::format!("no binding for nonlocal '{}' found", name),
                            pos,
                            late: true,
                        });
                    }
                    None => {}
                }
            }
        }
        Ok(())
    }

    /// The nearest enclosing function scope where `name` is a local (class
    /// bodies are skipped, except that `__class__` is provided by the class).
    fn find_enclosing(&self, id: usize, name: &str) -> Option<usize> {
        let mut cur = self.scopes.at(id).parent;
        while let Some(p) = cur {
            let s = self.scopes.at(p);
            match s.kind {
                ScopeKind::Module => return None,
                ScopeKind::Class => {
                    if name == "__class__" {
                        return Some(p);
                    }
                }
                _ => {
                    if has(&s.globals, name) {
                        return None;
                    }
                    if has(&s.varnames, name) {
                        return Some(p);
                    }
                }
            }
            cur = s.parent;
        }
        None
    }
}
