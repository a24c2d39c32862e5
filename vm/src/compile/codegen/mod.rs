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

use crate::at::At;
use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::cell::Cell;

use super::ast::*;
use super::symtable::{find, has, Resolved, ScopeKind, SymTable};
use crate::bytecode::*;
use crate::value::Value;
use crate::vm::Vm;

mod expr;
mod func;
mod stmt;

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
        /// The `break` jumps (see [`CodeGen::chain`]).
        breaks: u32,
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

/// `repr(C)`, hot fields first: see `Vm`'s layout note (short offsets).
#[repr(C)]
struct Unit {
    ops: Vec<Op>,
    lines: Vec<(u32, u32)>,
    line: u32,
    blocks: Vec<Block>,
    consts: Vec<Value>,
    names: Vec<Value>,
    name_strs: Vec<String>,
    varnames: Vec<String>,
    exc_table: Vec<ExcEntry>,
    children: Vec<Rc<Code>>,
    scope: usize,
    next_child_scope: usize,
    ntemps: u32,
    qualname: String,
}

impl Unit {
    #[inline(never)]
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

/// `repr(C)`, hot fields first: see `Vm`'s layout note (short offsets).
#[repr(C)]
pub struct CodeGen<'v> {
    vm: &'v mut Vm,
    /// The unit being generated, at a fixed place (every instruction goes
    /// there); the enclosing ones in `outer`, innermost last.
    cur: Unit,
    table: SymTable,
    outer: Vec<Unit>,
    /// Positional-only parameter count for the next `pop_unit` (functions).
    posonly: u32,
    /// Names of the classes being compiled, innermost last: `__x` inside a
    /// class body or method is mangled to `_Class__x`, as CPython does.
    classes: Vec<String>,
    /// Bytes of the finished code objects (see `ModuleGen::output_bytes`).
    emitted: usize,
    filename: Rc<str>,
    mode: Mode,
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
        // A module scope has no local slots.
        CodeGen {
            vm,
            table,
            filename: Rc::from(filename),
            mode,
            cur: Unit::new(0, Vec::new(), "<module>".to_string()),
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
        let varnames = self.table.scopes.at(scope).varnames.clone();
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
        let scope = self.table.scopes.at(u.scope);
        let nvars = u.varnames.len();
        let mut varnames: Vec<Value> = Vec::with_capacity(nvars + scope.frees.len());
        let mut cellvars: Vec<u32> = Vec::new();
        for (i, n) in u.varnames.iter().chain(scope.frees.iter()).enumerate() {
            if i < nvars && has(&scope.cells, n) {
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

    /// Set the target of the jump at `at`; returns the old one.
    fn patch(&mut self, at: usize, target: u32) -> u32 {
        match self.u().ops.at_mut(at).target_mut() {
            Some(t) => core::mem::replace(t, target),
            None => 0,
        }
    }

    /// Add the jump just emitted at `at` to the list `chain` of jumps to
    /// patch later: the list is threaded through the jumps' own operands
    /// (each holds the previous one's index + 1; 0 ends it), so building
    /// it takes no vector.
    fn chain(&mut self, chain: &mut u32, at: usize) {
        self.patch(at, *chain);
        *chain = at as u32 + 1;
    }

    /// Point every jump of `chain` at `target`.
    fn patch_chain(&mut self, mut chain: u32, target: u32) {
        while chain != 0 {
            chain = self.patch(chain as usize - 1, target);
        }
    }

    fn patch_here(&mut self, at: usize) {
        let h = self.here();
        self.patch(at, h);
    }

    fn patch_chain_here(&mut self, chain: u32) {
        let h = self.here();
        self.patch_chain(chain, h);
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
        if let Some(i) = find(&self.cur.name_strs, name) {
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
        self.table.scopes.at(self.ur().scope).kind
    }

    fn next_child(&mut self) -> usize {
        let u = self.u();
        let scope = u.scope;
        let i = u.next_child_scope;
        u.next_child_scope += 1;
        self.table
            .scopes
            .at(scope)
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
        let scope = self.table.scopes.at(self.ur().scope);
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

    fn mem_err(&self, pos: Pos) -> Box<CompileError> {
        Box::new(CompileError {
            msg: "out of memory".to_string(),
            pos,
            memory: true,
        })
    }
}
