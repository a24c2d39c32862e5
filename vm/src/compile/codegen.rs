//! Code generation: AST + scopes -> `Code` objects.
//!
//! One pass per scope. The operand-stack depth at the start of a statement
//! is known from the enclosing blocks alone (each `for` keeps its iterator
//! on the stack, each `with` its `__exit__`, each exception-path `finally`
//! its exception), which is what the exception table's `depth` needs.
//!
//! `return`, `break` and `continue` leaving `finally`/`with` blocks emit the
//! cleanup inline before jumping (the finally body is compiled once more per
//! exit, as CPython 3.11 does), so the VM needs no "pending return" state.

use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::cell::Cell;

use super::ast::*;
use super::symtable::{Resolved, ScopeKind, SymTable};
use crate::bytecode::*;
use crate::value::Value;
use crate::vm::Vm;

pub struct CompileError {
    pub msg: String,
    pub pos: Pos,
    /// Out of heap while building constants: becomes MemoryError.
    pub memory: bool,
}

/// Boxed: a `Result` the size of a pointer is returned in registers.
type CResult<T = ()> = Result<T, Box<CompileError>>;

/// `repr(u8)`: see the `ast` module.
#[repr(u8)]
enum Block {
    Loop {
        cont: u32,
        breaks: Vec<usize>,
        for_loop: bool,
    },
    /// Inside `try` with a `finally`: the body to run on the way out.
    Finally(Vec<Stmt>),
    /// Running a finally body on the exception path: the exception is on the stack.
    FinallyExc,
    With {
        is_async: bool,
    },
    /// Inside an `except` body: leaving must pop the handled exception.
    Except(Option<String>),
}

impl Block {
    fn stack_items(&self) -> u32 {
        match self {
            Block::Loop { for_loop: true, .. } | Block::FinallyExc | Block::With { .. } => 1,
            _ => 0,
        }
    }
}

struct Unit {
    scope: usize,
    ops: Vec<Op>,
    consts: Vec<Value>,
    names: Vec<Value>,
    name_strs: Vec<String>,
    varnames: Vec<String>,
    lines: Vec<(u32, u32)>,
    line: u32,
    exc_table: Vec<ExcEntry>,
    blocks: Vec<Block>,
    children: Vec<Rc<Code>>,
    qualname: String,
    next_child_scope: usize,
    ntemps: u32,
}

impl Unit {
    fn new(scope: usize, varnames: Vec<String>, qualname: String) -> Unit {
        Unit {
            scope,
            ops: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            name_strs: Vec::new(),
            varnames,
            lines: Vec::new(),
            line: 0,
            exc_table: Vec::new(),
            blocks: Vec::new(),
            children: Vec::new(),
            qualname,
            next_child_scope: 0,
            ntemps: 0,
        }
    }
}

pub struct CodeGen<'v> {
    vm: &'v mut Vm,
    table: SymTable,
    filename: Rc<str>,
    mode: Mode,
    /// The unit being generated, at a fixed place (every instruction goes
    /// there); the enclosing ones in `outer`, innermost last.
    cur: Unit,
    outer: Vec<Unit>,
    /// Positional-only parameter count for the next `pop_unit` (functions).
    posonly: u32,
    /// Names of the classes being compiled, innermost last: `__x` inside a
    /// class body or method is mangled to `_Class__x`, as CPython does.
    classes: Vec<String>,
    /// Bytes of the finished code objects (see `ModuleGen::output_bytes`).
    emitted: usize,
}

fn err<T>(msg: &str, pos: Pos) -> CResult<T> {
    Err(Box::new(CompileError {
        msg: msg.to_string(),
        pos,
        memory: false,
    }))
}

/// A whole module, REPL input or `eval` expression (see [`ModuleGen`]).
pub fn compile_module(
    vm: &mut Vm,
    body: &[Stmt],
    filename: &str,
    mode: Mode,
) -> Result<Rc<Code>, StmtError> {
    let mut g = ModuleGen::new(vm, filename, mode);
    g.add(body)?;
    Ok(g.finish())
}

/// A module compiled one top-level statement at a time, fed by
/// `parser::StmtStream`: each statement gets its own scope analysis (the
/// module scope carries over) and its tree is dropped after its code is
/// generated, so the compiler's temporaries are bounded by the largest
/// statement. File and exec modes only.
pub struct ModuleGen<'v> {
    g: CodeGen<'v>,
    module: Option<super::symtable::Scope>,
}

/// Why a statement did not compile.
pub enum StmtError {
    Scope(super::symtable::SymError),
    Gen(Box<CompileError>),
}

impl<'v> ModuleGen<'v> {
    pub fn new(vm: &'v mut Vm, filename: &str, mode: Mode) -> ModuleGen<'v> {
        let g = CodeGen::for_module(vm, SymTable::empty_module(), filename, mode);
        ModuleGen { g, module: None }
    }

    /// Generate the code of `body` (one top-level statement's worth).
    pub fn add(&mut self, body: &[Stmt]) -> Result<(), StmtError> {
        let table = super::symtable::analyze_module_stmts(body, &mut self.module)
            .map_err(StmtError::Scope)?;
        self.g.table = table;
        self.g.u().next_child_scope = 0;
        let res = self.g.body(body).map_err(StmtError::Gen);
        self.module = self.g.table.take_module();
        res
    }

    /// Scope analysis of `body` alone: after a code generation error, a
    /// scope error in a later statement outranks it (CPython analyses the
    /// whole module before generating code).
    pub fn check(&mut self, body: &[Stmt]) -> Result<(), super::symtable::SymError> {
        let mut t = super::symtable::analyze_module_stmts(body, &mut self.module)?;
        self.module = t.take_module();
        Ok(())
    }

    /// Bytes of code generated so far (code objects, line tables, constant
    /// and name slots): what `Config::compile_limit` also has to cover.
    pub fn output_bytes(&self) -> usize {
        self.g.emitted
            + unit_bytes(&self.g.cur)
            + self.g.outer.iter().map(unit_bytes).sum::<usize>()
    }

    pub fn finish(mut self) -> Rc<Code> {
        // An `eval` expression has returned its value (see `stmt`).
        if self.g.mode != Mode::Eval {
            self.g.emit(Op::LoadNone);
            self.g.emit(Op::Return);
        }
        self.g.pop_unit("<module>", 0, 0, 0, 0)
    }
}

const V: usize = core::mem::size_of::<Value>();

/// What a unit's code object will take outside the heap (approximate: the
/// vectors' capacities, plus a 32-byte attribute cache per name).
fn unit_bytes(u: &Unit) -> usize {
    core::mem::size_of::<Code>()
        + u.ops.capacity() * core::mem::size_of::<Op>()
        + u.lines.capacity() * 8
        + u.consts.capacity() * V
        + u.names.capacity() * (V + 32)
        + u.exc_table.capacity() * core::mem::size_of::<ExcEntry>()
        + u.children.capacity() * 8
}

impl<'v> CodeGen<'v> {
    /// A code generator with the module's unit open.
    fn for_module(vm: &'v mut Vm, table: SymTable, filename: &str, mode: Mode) -> CodeGen<'v> {
        let varnames = table.scopes[0].varnames.clone();
        CodeGen {
            vm,
            table,
            filename: Rc::from(filename),
            mode,
            cur: Unit::new(0, varnames, "<module>".to_string()),
            outer: Vec::new(),
            classes: Vec::new(),
            posonly: 0,
            emitted: 0,
        }
    }

    fn u(&mut self) -> &mut Unit {
        &mut self.cur
    }
    fn ur(&self) -> &Unit {
        &self.cur
    }

    fn push_unit(&mut self, scope: usize, qualname: String) {
        let varnames = self.table.scopes[scope].varnames.clone();
        let u = Unit::new(scope, varnames, qualname);
        let enclosing = core::mem::replace(&mut self.cur, u);
        self.outer.push(enclosing);
    }

    fn pop_unit(
        &mut self,
        name: &str,
        argcount: u32,
        kwonly: u32,
        flags: u32,
        first_line: u32,
    ) -> Rc<Code> {
        // The module's unit has no enclosing one: an empty unit takes its place.
        let enclosing = self.outer.pop();
        let enclosing = enclosing.unwrap_or_else(|| Unit::new(0, Vec::new(), String::new()));
        let mut u = core::mem::replace(&mut self.cur, enclosing);
        // The vectors grew by doubling; the code object keeps them for the
        // program's life (on a board, in the arena).
        u.ops.shrink_to_fit();
        u.consts.shrink_to_fit();
        u.names.shrink_to_fit();
        u.lines.shrink_to_fit();
        u.exc_table.shrink_to_fit();
        u.children.shrink_to_fit();
        let scope = &self.table.scopes[u.scope];
        let nvars = u.varnames.len();
        let mut varnames: Vec<Value> = Vec::with_capacity(nvars + scope.frees.len());
        let mut cellvars: Vec<u32> = Vec::new();
        for (i, n) in u.varnames.iter().chain(scope.frees.iter()).enumerate() {
            if i < nvars && scope.cells.contains(n) {
                cellvars.push(i as u32);
            }
            varnames.push(self.vm.intern(n));
        }
        let nlocals = varnames.len() as u32;
        let freevars: Vec<u32> = (nvars as u32..nlocals).collect();
        let mut flags = flags;
        if flags & (CODE_VARARGS | CODE_VARKW) == 0 && kwonly == 0 && cellvars.is_empty() {
            flags |= CODE_SIMPLE;
        }
        let attr_ics = AttrIc::table(u.names.len());
        self.emitted += unit_bytes(&u) + varnames.len() * V;
        Rc::new(Code {
            name: name.to_string(),
            qualname: u.qualname,
            filename: self.filename.clone(),
            ops: u.ops,
            consts: u.consts,
            names: u.names,
            varnames,
            lines: u.lines,
            exc_table: u.exc_table,
            nlocals,
            argcount,
            kwonlyargcount: kwonly,
            posonlyargcount: core::mem::take(&mut self.posonly),
            flags,
            cellvars,
            freevars,
            children: u.children,
            first_line,
            attr_ics,
        })
    }

    fn emit(&mut self, op: Op) -> usize {
        let u = self.u();
        let pc = u.ops.len();
        if u.lines.last().map(|l| l.1) != Some(u.line) {
            u.lines.push((pc as u32, u.line));
        }
        u.ops.push(op);
        pc
    }

    fn here(&self) -> u32 {
        self.ur().ops.len() as u32
    }

    fn patch(&mut self, at: usize, target: u32) {
        if let Op::Jump(t)
        | Op::PopJumpIfFalse(t)
        | Op::PopJumpIfTrue(t)
        | Op::JumpIfFalseOrPop(t)
        | Op::JumpIfTrueOrPop(t)
        | Op::ForIter(t)
        | Op::Send(t)
        | Op::EndAsyncFor(t) = &mut self.u().ops[at]
        {
            *t = target;
        }
    }

    fn patch_here(&mut self, at: usize) {
        let h = self.here();
        self.patch(at, h);
    }

    fn set_line(&mut self, pos: Pos) {
        if pos.line != 0 {
            self.u().line = pos.line;
        }
    }

    fn name_idx(&mut self, name: &str) -> u32 {
        let mangled;
        let name = match self.classes.last() {
            Some(cls) if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') => {
                let c = cls.trim_start_matches('_');
                if c.is_empty() {
                    name
                } else {
                    mangled = format!("_{}{}", c, name);
                    mangled.as_str()
                }
            }
            _ => name,
        };
        if let Some(i) = self.ur().name_strs.iter().position(|n| n == name) {
            return i as u32;
        }
        let v = self.vm.intern(name);
        let u = self.u();
        u.name_strs.push(name.to_string());
        u.names.push(v);
        (u.names.len() - 1) as u32
    }

    fn const_idx(&mut self, v: Value) -> u32 {
        let u = self.u();
        if let Some(i) = u
            .consts
            .iter()
            .position(|c| c.is(v) && !matches!(c, Value::Float(_)))
        {
            return i as u32;
        }
        u.consts.push(v);
        (u.consts.len() - 1) as u32
    }

    fn load_const_value(&mut self, v: Value) {
        let i = self.const_idx(v);
        self.emit(Op::LoadConst(i));
    }

    fn temp(&mut self) -> u32 {
        let u = self.u();
        u.ntemps += 1;
        let name = format!(".t{}", u.ntemps);
        u.varnames.push(name);
        (u.varnames.len() - 1) as u32
    }

    fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.ur().scope].kind
    }

    fn next_child(&mut self) -> usize {
        let u = self.u();
        let scope = u.scope;
        let i = u.next_child_scope;
        u.next_child_scope += 1;
        self.table.scopes[scope]
            .children
            .get(i)
            .copied()
            .unwrap_or(0)
    }

    fn stack_depth(&self) -> u32 {
        self.ur().blocks.iter().map(|b| b.stack_items()).sum()
    }

    fn handler_level(&self) -> u32 {
        self.ur()
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Except(_) | Block::FinallyExc))
            .count() as u32
    }

    // ---- names ----

    fn resolve(&self, name: &str) -> Resolved {
        let scope = &self.table.scopes[self.ur().scope];
        match scope.resolve(name) {
            Resolved::Local(i, c) if scope.kind == ScopeKind::Class => {
                if c {
                    Resolved::Local(i, c)
                } else {
                    Resolved::Name
                }
            }
            r => r,
        }
    }

    fn load_name(&mut self, name: &str) {
        // `__debug__` cannot be assigned: a constant set by `micropython.opt_level`.
        if name == "__debug__" {
            self.emit(if self.vm.opt_level == 0 {
                Op::LoadTrue
            } else {
                Op::LoadFalse
            });
            return;
        }
        self.name_op(name, 0);
    }

    fn store_name(&mut self, name: &str) {
        self.name_op(name, 1);
    }

    fn delete_name(&mut self, name: &str) {
        self.name_op(name, 2);
    }

    /// Load (`what` 0), store (1) or delete (2) a variable: one body for
    /// the three, the instruction picked by how the name resolves.
    fn name_op(&mut self, name: &str, what: u32) {
        let (class, i) = match self.resolve(name) {
            Resolved::Local(i, false) => (0, i),
            Resolved::Local(i, true) | Resolved::Free(i) => (3, i),
            Resolved::Global
                if !(self.scope_kind() == ScopeKind::Module && self.mode != Mode::File) =>
            {
                (6, self.name_idx(name))
            }
            Resolved::Global | Resolved::Name => (9, self.name_idx(name)),
        };
        self.emit(match class + what {
            0 => Op::LoadFast(i),
            1 => Op::StoreFast(i),
            2 => Op::DeleteFast(i),
            3 => Op::LoadDeref(i),
            4 => Op::StoreDeref(i),
            5 => Op::DeleteDeref(i),
            6 => Op::LoadGlobal(i),
            7 => Op::StoreGlobal(i),
            8 => Op::DeleteGlobal(i),
            9 => Op::LoadName(i),
            10 => Op::StoreName(i),
            _ => Op::DeleteName(i),
        });
    }

    // ---- statements ----

    fn body(&mut self, stmts: &[Stmt]) -> CResult {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn in_function(&self) -> bool {
        matches!(
            self.scope_kind(),
            ScopeKind::Function | ScopeKind::Comprehension
        )
    }

    fn stmt(&mut self, s: &Stmt) -> CResult {
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
                if !self.unwind(true, s.pos)? {
                    return err("'break' outside loop", s.pos);
                }
                let j = self.emit(Op::Jump(0));
                let u = self.u();
                for b in u.blocks.iter_mut().rev() {
                    if let Block::Loop { breaks, .. } = b {
                        breaks.push(j);
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
                        self.unwind(false, s.pos)?;
                        self.emit(Op::Jump(t));
                    }
                    None => return err("'continue' not properly in loop", s.pos),
                }
            }
            StmtKind::Return(v) => {
                if !self.in_function() {
                    return err("'return' outside function", s.pos);
                }
                match v {
                    Some(v) => self.expr(v)?,
                    None => {
                        self.emit(Op::LoadNone);
                    }
                }
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
                    self.unwind_all(s.pos)?;
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

    /// Emit the cleanup for leaving blocks up to the innermost loop
    /// (`to_loop`) or all blocks. Returns whether a loop was found.
    fn unwind(&mut self, is_break: bool, pos: Pos) -> CResult<bool> {
        let mut i = self.ur().blocks.len();
        while i > 0 {
            i -= 1;
            if let Block::Loop { for_loop, .. } = self.ur().blocks[i] {
                if is_break && for_loop {
                    self.emit(Op::Pop);
                }
                return Ok(true);
            }
            self.leave(i, pos)?;
        }
        Ok(false)
    }

    fn unwind_all(&mut self, pos: Pos) -> CResult {
        for i in (0..self.ur().blocks.len()).rev() {
            match self.ur().blocks[i] {
                Block::Loop { for_loop, .. } => {
                    if for_loop {
                        self.emit(Op::Pop);
                    }
                }
                _ => self.leave(i, pos)?,
            }
        }
        Ok(())
    }

    /// Leave block `i` of the block stack on a jump out. The blocks from `i`
    /// on are set aside meanwhile: a finally body runs with the blocks
    /// outside it only (and is compiled from the block, not a copy).
    fn leave(&mut self, i: usize, pos: Pos) -> CResult {
        let saved = self.u().blocks.split_off(i);
        let r = match saved.first() {
            Some(b) => self.cleanup(b, pos),
            None => Ok(()),
        };
        self.u().blocks.extend(saved);
        r
    }

    /// Emit the cleanup for leaving block `b`.
    fn cleanup(&mut self, b: &Block, pos: Pos) -> CResult {
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
                    self.emit(Op::LoadNone);
                    self.store_name(n);
                    self.delete_name(n);
                }
            }
            Block::Loop { .. } => {}
        }
        Ok(())
    }

    /// An exception table entry for `start..end`; `depth` and `level` are
    /// added to the open blocks' (for a block the handler runs inside).
    fn add_handler(&mut self, start: u32, end: u32, handler: u32, depth: u32, level: u32) {
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

    fn try_except(&mut self, body: &[Stmt], handlers: &[Handler], orelse: &[Stmt]) -> CResult {
        let start = self.here();
        self.body(body)?;
        let end = self.here();
        let to_else = self.emit(Op::Jump(0));
        let handler = self.here();
        // Entries are inner-first: this try's entry goes in now, before any
        // entries for the handlers (which belong to outer levels).
        self.add_handler(start, end, handler, 0, 0);
        let mut to_end = Vec::new();
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
            to_end.push(self.emit(Op::Jump(0)));
            if let Some(n) = &h.name {
                // An exception escaping the handler body: unbind the name,
                // then re-raise (the handled exception is dropped by the
                // level of whatever handler catches it).
                let cleanup = self.here();
                // Inside an `Except` block.
                self.add_handler(hstart, hend, cleanup, 0, 1);
                self.emit(Op::LoadNone);
                self.store_name(n);
                self.delete_name(n);
                self.emit(Op::Reraise);
            }
            if let Some(j) = next {
                self.patch_here(j);
            }
        }
        self.emit(Op::Reraise);
        self.patch_here(to_else);
        self.body(orelse)?;
        for j in to_end {
            self.patch_here(j);
        }
        Ok(())
    }

    /// `fin` is the finally body, taken out of the tree (`home`): it moves
    /// into the block stack while the try body is compiled (a `return`,
    /// `break` or `continue` there compiles it once more, without copying
    /// the tree) and goes back afterwards, as an enclosing finally body may
    /// be compiled again.
    fn try_finally(
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

    fn finally_tail(&mut self, start: u32, fin: &[Stmt]) -> CResult {
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

    fn with(
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

    fn async_for(&mut self, target: &Expr, body: &[Stmt], orelse: &[Stmt], pos: Pos) -> CResult {
        let n = self.name_idx("__aiter__");
        self.emit(Op::LoadMethod(n));
        self.emit(Op::CallMethod(0));
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

    /// Open a loop block: `continue` jumps to `cont`; a `for` loop keeps
    /// its iterator on the stack.
    fn push_loop(&mut self, cont: u32, for_loop: bool) {
        self.u().blocks.push(Block::Loop {
            cont,
            breaks: Vec::new(),
            for_loop,
        });
    }

    /// Close the innermost (loop) block: the `break` jumps to patch.
    fn pop_loop(&mut self) -> Vec<usize> {
        match self.u().blocks.pop() {
            Some(Block::Loop { breaks, .. }) => breaks,
            _ => Vec::new(),
        }
    }

    /// The `else` of a loop, then where its `break`s land.
    fn loop_else(&mut self, breaks: Vec<usize>, orelse: &[Stmt]) -> CResult {
        self.body(orelse)?;
        for j in breaks {
            self.patch_here(j);
        }
        Ok(())
    }

    /// The rest of a `while`/`for` loop whose block is open: the body, the
    /// jump back to `start`, the exit jump `exit` patched to the `else` part.
    fn loop_rest(&mut self, start: u32, exit: usize, body: &[Stmt], orelse: &[Stmt]) -> CResult {
        self.body(body)?;
        self.emit(Op::Jump(start));
        let breaks = self.pop_loop();
        self.patch_here(exit);
        self.loop_else(breaks, orelse)
    }

    fn await_value(&mut self) {
        self.emit(Op::GetAwaitable);
        self.yield_from_loop();
    }

    fn yield_from_loop(&mut self) {
        self.emit(Op::LoadNone);
        let send = self.emit(Op::Send(0));
        self.emit(Op::YieldDelegate);
        self.emit(Op::Jump(send as u32));
        self.patch_here(send);
    }

    fn class(&mut self, c: &ClassDef, pos: Pos) -> CResult {
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
        let qn = self.ur().qualname.clone();
        let qv = self.vm.intern(&qn);
        self.load_const_value(qv);
        let q = self.name_idx("__qualname__");
        self.emit(Op::StoreName(q));
        self.body(&c.body)?;
        if self.table.scopes[scope].needs_class_cell {
            if let Resolved::Local(i, _) = self.table.scopes[scope].resolve("__class__") {
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
        self.make_function(code, scope, 0)?;
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

    fn mem_err(&self, pos: Pos) -> Box<CompileError> {
        Box::new(CompileError {
            msg: "out of memory".to_string(),
            pos,
            memory: true,
        })
    }

    fn child_qualname(&self, name: &str) -> String {
        let u = self.ur();
        let scope = &self.table.scopes[u.scope];
        match scope.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Push defaults/kwdefaults/closure as needed and emit MakeFunction.
    fn make_function(&mut self, code: Rc<Code>, scope: usize, mut flags: u32) -> CResult {
        let frees = self.table.scopes[scope].frees.clone();
        if !frees.is_empty() {
            for f in &frees {
                match self.resolve(f) {
                    Resolved::Local(i, _) | Resolved::Free(i) => {
                        self.emit(Op::LoadCell(i));
                    }
                    _ => {
                        self.emit(Op::LoadNone);
                    }
                }
            }
            self.emit(Op::BuildTuple(frees.len() as u32));
            flags |= 4;
        }
        let idx = self.ur().children.len() as u32;
        self.u().children.push(code);
        self.emit(Op::MakeFunction(idx << 8 | flags));
        Ok(())
    }

    fn function(
        &mut self,
        name: &str,
        params: &Params,
        body: Option<&[Stmt]>,
        lambda_body: Option<&Expr>,
        is_async: bool,
        pos: Pos,
    ) -> CResult {
        let mut flags = 0;
        let defaults: Vec<&Expr> = params
            .args
            .iter()
            .filter_map(|a| a.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwd: Vec<&Param> = params
            .kwonly
            .iter()
            .filter(|a| a.default.is_some())
            .collect();
        if !kwd.is_empty() {
            for p in &kwd {
                let k = self.vm.intern(&p.name);
                self.load_const_value(k);
                if let Some(d) = &p.default {
                    self.expr(d)?;
                }
            }
            self.emit(Op::BuildMap(kwd.len() as u32));
            flags |= 2;
        }
        let scope = self.next_child();
        let qual = self.child_qualname(name);
        self.push_unit(scope, qual);
        self.set_line(pos);
        let sc = &self.table.scopes[scope];
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
        self.make_function(code, scope, flags)
    }

    fn comprehension(
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
        let is_async = self.table.scopes[scope].is_async;
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
        self.make_function(code, scope, 0)?;
        self.expr(&gens[0].iter)?;
        if gens[0].is_async {
            let n = self.name_idx("__aiter__");
            self.emit(Op::LoadMethod(n));
            self.emit(Op::CallMethod(0));
        } else {
            self.emit(Op::GetIter);
        }
        self.emit(Op::Call(1));
        if is_async && kind != 3 {
            self.await_value();
        }
        Ok(())
    }

    fn comp_loop(
        &mut self,
        kind: u8,
        elt: &Expr,
        val: Option<&Expr>,
        gens: &[Comprehension],
        depth: usize,
    ) -> CResult {
        let g = &gens[depth];
        if depth == 0 {
            self.emit(Op::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            if !g.is_async {
                self.emit(Op::GetIter);
            } else {
                let n = self.name_idx("__aiter__");
                self.emit(Op::LoadMethod(n));
                self.emit(Op::CallMethod(0));
            }
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
        let mut skips = Vec::new();
        for c in &g.ifs {
            skips.push(self.cond_jump(c, false)?);
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
        for j in skips {
            self.patch(j, start);
        }
        self.emit(Op::Jump(start));
        if let Some(fi) = fi {
            self.patch_here(fi);
        }
        if let Some(ts) = tstart {
            let handler = self.here();
            let depth_items = depth as u32 + if kind < 3 { 1 } else { 0 };
            let level = self.handler_level();
            self.u().exc_table.push(ExcEntry {
                start: ts,
                end: tend,
                handler,
                depth: depth_items,
                level,
            });
            let e = self.emit(Op::EndAsyncFor(0));
            self.patch_here(e);
        }
        Ok(())
    }

    // ---- targets ----

    fn store(&mut self, t: &Expr) -> CResult {
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
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    None => {
                        self.emit(Op::UnpackSequence(items.len() as u32));
                    }
                    Some(i) => {
                        if items
                            .iter()
                            .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return err("multiple starred expressions in assignment", t.pos);
                        }
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

    fn delete(&mut self, t: &Expr) -> CResult {
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

    fn aug_assign(&mut self, t: &Expr, op: BinOp, v: &Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => {
                if let (BinOp::Add, super::symtable::Resolved::Local(i, false)) =
                    (op, self.resolve(n))
                {
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

    // ---- expressions ----

    /// Evaluate `e` and jump if its truth equals `when`; returns the jump to patch.
    fn cond_jump(&mut self, e: &Expr, when: bool) -> CResult<usize> {
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

    fn constant(&mut self, c: &Const, pos: Pos) -> CResult {
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
            Const::Int(i) => {
                if *i >= i32::MIN as i64 && *i <= i32::MAX as i64 {
                    self.emit(Op::LoadInt(*i as i32));
                } else {
                    self.load_const_value(Value::Int(*i));
                }
            }
            Const::BigInt { digits, radix } => {
                let v = self
                    .vm
                    .parse_bigint_const(digits, u32::from(*radix))
                    .map_err(|_| self.mem_err(pos))?;
                self.load_const_value(v);
            }
            Const::Float(f) => self.load_const_value(Value::Float(*f)),
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

    fn expr(&mut self, e: &Expr) -> CResult {
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
                            return self.constant(&Const::Int(-*i), e.pos)
                        }
                        Const::Float(f) => return self.constant(&Const::Float(-*f), e.pos),
                        _ => {}
                    }
                }
                self.expr(a)?;
                self.emit(Op::Unary(*op));
            }
            ExprKind::BoolOp { is_and, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        jumps.push(self.emit(if *is_and {
                            Op::JumpIfFalseOrPop(0)
                        } else {
                            Op::JumpIfTrueOrPop(0)
                        }));
                    }
                }
                for j in jumps {
                    self.patch_here(j);
                }
            }
            ExprKind::Compare(first, rest) => {
                self.expr(first)?;
                if rest.len() == 1 {
                    self.expr(&rest[0].1)?;
                    self.set_line(e.pos);
                    self.emit(Op::Compare(rest[0].0));
                } else {
                    let mut cleanups = Vec::new();
                    for (i, (op, v)) in rest.iter().enumerate() {
                        self.expr(v)?;
                        if i + 1 < rest.len() {
                            self.emit(Op::Dup);
                            self.emit(Op::Rot3);
                            self.emit(Op::Compare(*op));
                            cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
                        } else {
                            self.emit(Op::Compare(*op));
                        }
                    }
                    let j = self.emit(Op::Jump(0));
                    for c in cleanups {
                        self.patch_here(c);
                    }
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
                for x in [a, b] {
                    match x {
                        Some(x) => self.expr(x)?,
                        None => {
                            self.emit(Op::LoadNone);
                        }
                    }
                }
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
                match v {
                    Some(v) => self.expr(v)?,
                    None => {
                        self.emit(Op::LoadNone);
                    }
                }
                self.emit(Op::Yield);
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield(e.pos)?;
                if self.table.scopes[self.ur().scope].is_async {
                    return err("'yield from' inside async function", e.pos);
                }
                self.expr(v)?;
                self.emit(Op::GetYieldFromIter);
                self.yield_from_loop();
            }
            ExprKind::Await(v) => {
                let sc = &self.table.scopes[self.ur().scope];
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

    fn check_yield(&self, pos: Pos) -> CResult {
        if !self.in_function() {
            return err("'yield' outside function", pos);
        }
        Ok(())
    }

    /// Displays with `*x`: build incrementally. Returns false when there is
    /// no star (the caller emits a plain Build op). kind 0 = list, 1 = set.
    fn sequence(&mut self, items: &[Expr], kind: u8) -> CResult<bool> {
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
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(if kind == 1 {
                        Op::SetUpdate
                    } else {
                        Op::ListExtend
                    });
                }
                _ => {
                    self.expr(i)?;
                    self.emit(if kind == 1 {
                        Op::SetAdd(0)
                    } else {
                        Op::ListAppend(0)
                    });
                }
            }
        }
        Ok(true)
    }

    fn call(&mut self, func: &Expr, args: &[Arg], pos: Pos) -> CResult {
        let simple = args.iter().all(|a| matches!(a, Arg::Pos(_)));
        let has_kw = args.iter().any(|a| matches!(a, Arg::Kw(..)));
        let has_star = args
            .iter()
            .any(|a| matches!(a, Arg::Star(_) | Arg::StarStar(_)));
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
        let kw = args
            .iter()
            .any(|a| matches!(a, Arg::Kw(..) | Arg::StarStar(_)));
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

    fn fstring(&mut self, parts: &[FPart]) -> CResult {
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
