//! The abstract syntax tree produced by the parser and consumed by the code
//! generator.
//!
//! It is a plain `Box` tree: a module's AST lives only while that module is
//! compiled, and is dropped before any of its code runs, so its shape favours
//! clarity over density, with one exception: every expression is boxed
//! ([`Expr`]), as moving the enum by value (and returning it in a `Result`
//! from each parser function) cost a copy call per move: -5 KB of code. Every node carries the [`Pos`] of its first token,
//! which becomes the line table of the compiled code and the position of
//! compile-time errors.
//!
//! Names are `String`s here; the code generator interns them.
//!
//! The enums with `String`/`Vec` fields are `#[repr(u8)]`: without it rustc
//! hides the variant tag in a niche of the first `String`'s capacity, and
//! every `match` must decode it (~8 instructions on Thumb instead of a byte
//! load): the explicit tag saves ~1.5 KB of the compiler's code at the cost
//! of 4 bytes in some nodes (fields are laid out in declaration order after
//! the tag, so a small field goes first, as in [`Const::BigInt`]).

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;

/// 1-based line and column (columns count characters, as CPython's do).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// An expression: boxed, so that moving one (and the parser's
/// `Result<Expr, _>`) is a pointer, not a 28-byte copy.
pub type Expr = Box<ExprNode>;

pub struct ExprNode {
    pub kind: ExprKind,
    pub pos: Pos,
}

#[repr(u8)]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    /// An integer literal too large for i64: its digits (no prefix, no `_`)
    /// in `radix`. The `u8` radix first packs next to the tag (see
    /// [`ExprKind`]'s `repr`).
    BigInt {
        radix: u8,
        digits: String,
    },
    Float(f64),
    /// An imaginary literal (`3j`) is parsed so the error is clear, but the VM
    /// has no complex type: the compiler rejects it.
    Imag(f64),
    Str(String),
    Bytes(Vec<u8>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

/// One argument at a call site, in source order.
#[repr(u8)]
pub enum Arg {
    Pos(Expr),
    /// `*iterable`
    Star(Expr),
    /// `name=value`
    Kw(String, Expr),
    /// `**mapping`
    StarStar(Expr),
}

/// A piece of an f-string.
#[repr(u8)]
pub enum FPart {
    Lit(String),
    /// `{expr!conv:spec}`. `f"{x=}"` is expanded by the parser into
    /// `Lit("x=")` followed by a field whose `conv` is `Some('r')` when no
    /// conversion and no spec were given (CPython's rule).
    Field {
        expr: Expr,
        conv: Option<char>,
        spec: Option<Vec<FPart>>,
    },
}

/// `for target in iter if cond1 if cond2`
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[repr(u8)]
pub enum ExprKind {
    Name(String),
    Const(Const),
    JoinedStr(Vec<FPart>),
    BinOp(Expr, BinOp, Expr),
    UnaryOp(UnOp, Expr),
    /// `a and b and c` (is_and = true) or `a or b or c`; at least 2 operands.
    BoolOp {
        is_and: bool,
        values: Vec<Expr>,
    },
    /// `a < b <= c`: left operand and (op, right) pairs; at least one pair.
    Compare(Expr, Vec<(CmpOp, Expr)>),
    Call {
        func: Expr,
        args: Vec<Arg>,
    },
    Attribute(Expr, String),
    Subscript(Expr, Expr),
    /// `lo:hi:step` inside a subscript; `a[1:2, 3]` is a Tuple of Slice/exprs.
    Slice(Option<Expr>, Option<Expr>, Option<Expr>),
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// Key `None` means `**mapping` spread.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*x` in a target list, a display or a call (calls use Arg::Star).
    Starred(Expr),
    IfExp {
        test: Expr,
        body: Expr,
        orelse: Expr,
    },
    Lambda {
        params: Box<Params>,
        body: Expr,
    },
    ListComp(Expr, Vec<Comprehension>),
    SetComp(Expr, Vec<Comprehension>),
    DictComp(Expr, Expr, Vec<Comprehension>),
    GenExp(Expr, Vec<Comprehension>),
    Yield(Option<Expr>),
    YieldFrom(Expr),
    Await(Expr),
    /// `name := value`
    NamedExpr(String, Expr),
}

pub struct Param {
    pub name: String,
    pub default: Option<Expr>,
    pub pos: Pos,
}

/// A parameter list. Positional-only parameters (before `/`) are folded
/// into `args` (MicroPython does not distinguish them); `posonly` counts them.
#[derive(Default)]
pub struct Params {
    pub args: Vec<Param>,
    pub posonly: usize,
    pub vararg: Option<String>,
    pub kwonly: Vec<Param>,
    pub kwarg: Option<String>,
}

pub struct FuncDef {
    pub name: String,
    pub params: Params,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub is_async: bool,
}

pub struct ClassDef {
    pub name: String,
    pub bases: Vec<Expr>,
    pub keywords: Vec<(String, Expr)>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

pub struct Handler {
    /// `None` for a bare `except:`.
    pub typ: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub pos: Pos,
}

pub struct Alias {
    /// Dotted module name for `import a.b`, or the imported name for
    /// `from m import name`; `"*"` for `from m import *`.
    pub name: String,
    pub asname: Option<String>,
}

pub struct Stmt {
    pub kind: StmtKind,
    pub pos: Pos,
}

#[repr(u8)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: targets in source order.
    Assign(Vec<Expr>, Expr),
    AugAssign(Expr, BinOp, Expr),
    /// `x: int = 5` (annotation is evaluated only for validity by nothing:
    /// the VM ignores annotations, like MicroPython).
    AnnAssign(Expr, Option<Expr>),
    Del(Vec<Expr>),
    Pass,
    Break,
    Continue,
    Return(Option<Expr>),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        /// A `Cell` so that the code generator can move it out while it
        /// compiles the try body (see `CodeGen::try_finally`).
        finalbody: Cell<Vec<Stmt>>,
    },
    /// `raise [exc [from cause]]`
    Raise(Option<Expr>, Option<Expr>),
    Assert(Expr, Option<Expr>),
    With {
        items: Vec<(Expr, Option<Expr>)>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    FunctionDef(Box<FuncDef>),
    ClassDef(Box<ClassDef>),
    Import(Vec<Alias>),
    ImportFrom {
        module: Option<String>,
        names: Vec<Alias>,
        level: u32,
    },
    Global(Vec<String>),
    Nonlocal(Vec<String>),
}

/// What the source text is: a module, one REPL input (expression statements
/// echo their value), an `eval()` expression, or `exec()` code (a module
/// whose top-level names go through the given locals, like CPython's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    File,
    Single,
    Eval,
    Exec,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    Syntax,
    Indentation,
    /// `TabError` is a subclass of IndentationError in CPython.
    Tab,
    /// The source is too big for the compiler's memory budget
    /// (`Config::compile_limit`): becomes `MemoryError`.
    Memory,
}

/// A compile-time error: becomes `SyntaxError` / `IndentationError`.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    /// CPython's wording, e.g. "invalid syntax", "expected ':'",
    /// "unterminated string literal (detected at line 3)".
    pub msg: String,
    pub pos: Pos,
    /// True when the input ended inside an open bracket, block header,
    /// triple-quoted string or after a line continuation, so a REPL should
    /// ask for more lines (`... `) instead of reporting the error.
    pub incomplete: bool,
}
