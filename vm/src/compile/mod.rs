//! Source text to bytecode: lexer, parser, scope analysis, code generation.

pub mod ast;
pub mod codegen;
#[cfg(test)]
mod codegen_tests;
pub mod lexer;
pub mod parser;
pub mod symtable;

use crate::types::ty;
use alloc::rc::Rc;

pub use ast::Mode;

use crate::bytecode::Code;
use crate::value::Value;
use crate::vm::{Exc, Vm};

/// Compile `src`, keeping a copy of it for tracebacks when
/// `Config::keep_sources` says so. Errors come back as a raised-ready
/// `SyntaxError` (or `IndentationError`/`TabError`/`MemoryError`).
pub fn compile(vm: &mut Vm, src: &str, filename: &str, mode: Mode) -> Result<Rc<Code>, Exc> {
    if vm.config.keep_sources {
        vm.sources.retain(|(f, _)| f != filename);
        vm.sources.push((
            alloc::string::String::from(filename),
            alloc::string::String::from(src),
        ));
    }
    compile_unkept(vm, src, filename, mode)
}

/// [`compile`] without keeping the source: for files, whose lines a
/// traceback reads back from the file system.
pub(crate) fn compile_unkept(
    vm: &mut Vm,
    src: &str,
    filename: &str,
    mode: Mode,
) -> Result<Rc<Code>, Exc> {
    if matches!(mode, Mode::File | Mode::Exec) {
        return compile_stream(vm, src, filename, mode);
    }
    let source = Source {
        file: filename,
        src,
        mode,
    };
    let ast = match parser::parse_limited(src, mode, vm.config.compile_limit) {
        Ok(a) => a,
        Err(e) => return Err(parse_error(vm, &e, source)),
    };
    codegen::compile_module(vm, &ast, filename, mode).map_err(|e| match e {
        codegen::StmtError::Scope(e) => scope_error(vm, &e, source),
        codegen::StmtError::Gen(e) => gen_error(vm, &e, source),
    })
}

/// A module, one top-level statement at a time (see `parser::StmtStream`).
/// Which error is reported is as if the file were parsed whole, then
/// analysed, then compiled, as CPython does: a syntax error anywhere
/// outranks a scope error, which outranks a code generation error.
fn compile_stream(vm: &mut Vm, src: &str, filename: &str, mode: Mode) -> Result<Rc<Code>, Exc> {
    let norm = parser::normalize_newlines(src);
    let src = norm.as_deref().unwrap_or(src);
    let source = Source {
        file: filename,
        src,
        mode,
    };
    let limit = vm.config.compile_limit;
    let mut stream = parser::StmtStream::new(src, limit);
    let mut gen = codegen::ModuleGen::new(vm, filename, mode);
    // The first error of each kind found so far: a scope error found by the
    // walk, one found after it (an unresolved nonlocal), a codegen error.
    let mut walk_err: Option<symtable::SymError> = None;
    let mut late_err: Option<symtable::SymError> = None;
    let mut gen_err: Option<alloc::boxed::Box<codegen::CompileError>> = None;
    // Past the limit (a MemoryError, ranked as a syntax error).
    let mut over = false;
    let parse_err = loop {
        let used = gen.output_bytes();
        if used > limit {
            over = true;
            break None;
        }
        stream.set_limit(limit - used);
        let body = match stream.next_statements() {
            Ok(b) if b.is_empty() => break None,
            Ok(b) => b,
            Err(e) => break Some(*e),
        };
        if walk_err.is_some() {
            continue;
        }
        let res = if late_err.is_some() || gen_err.is_some() {
            gen.check(&body).map_err(codegen::StmtError::Scope)
        } else {
            gen.add(&body)
        };
        match res {
            Ok(()) => {}
            Err(codegen::StmtError::Scope(e)) if e.late => {
                late_err.get_or_insert(e);
            }
            Err(codegen::StmtError::Scope(e)) => walk_err = Some(e),
            Err(codegen::StmtError::Gen(e)) => {
                gen_err.get_or_insert(e);
            }
        }
    };
    let code = gen.finish();
    if over {
        return Err(vm.memory_error());
    }
    if let Some(e) = parse_err {
        return Err(parse_error(vm, &e, source));
    }
    if let Some(e) = walk_err.or(late_err) {
        return Err(scope_error(vm, &e, source));
    }
    if let Some(e) = gen_err {
        return Err(gen_error(vm, &e, source));
    }
    Ok(code)
}

/// What was being compiled, for a SyntaxError's attributes.
#[derive(Clone, Copy)]
struct Source<'a> {
    file: &'a str,
    src: &'a str,
    mode: Mode,
}

/// The exception for a lexer or parser error.
fn parse_error(vm: &mut Vm, e: &ast::SyntaxError, source: Source) -> Exc {
    let cls = match e.kind {
        ast::ErrorKind::Syntax => ty::SYNTAX_ERROR,
        ast::ErrorKind::Indentation => ty::INDENTATION_ERROR,
        ast::ErrorKind::Tab => ty::TAB_ERROR,
        ast::ErrorKind::Memory => return vm.memory_error(),
    };
    syntax_error(vm, cls, &e.msg, source, e.pos, e.incomplete)
}

/// The exception for a scope analysis error.
fn scope_error(vm: &mut Vm, e: &symtable::SymError, source: Source) -> Exc {
    let cls = ty::SYNTAX_ERROR;
    syntax_error(vm, cls, &e.msg, source, e.pos, false)
}

/// The exception for a code generation error.
fn gen_error(vm: &mut Vm, e: &codegen::CompileError, source: Source) -> Exc {
    if e.memory {
        return vm.memory_error();
    }
    let cls = ty::SYNTAX_ERROR;
    syntax_error(vm, cls, &e.msg, source, e.pos, false)
}

fn syntax_error(
    vm: &mut Vm,
    cls: crate::heap::ObjRef,
    msg: &str,
    source: Source,
    pos: ast::Pos,
    incomplete: bool,
) -> Exc {
    let Source { file, src, mode } = source;
    // The attributes below allocate, and a MemoryError there would
    // overwrite the pending exception: take it out, root it, raise it again.
    let e = vm.new_error(cls, msg);
    let e = vm.exc_ref(e);
    vm.temp_roots.push(Value::Obj(e));
    let fv = vm.str_val(file).unwrap_or(Value::None);
    // CPython's `text`: the offending line, ending in a newline (its
    // tokenizer adds one at the end of input), except after an
    // unterminated string and in `eval` input.
    let line = (pos.line as usize)
        .checked_sub(1)
        .and_then(|i| src.split('\n').nth(i));
    let text = match line {
        Some(l) if !l.is_empty() => {
            let mut t = alloc::string::String::from(l.trim_end_matches('\r'));
            if mode != Mode::Eval && !msg.starts_with("unterminated string literal") {
                t.push('\n');
            }
            vm.new_str(t).unwrap_or(Value::None)
        }
        _ => Value::None,
    };
    for (k, v) in [
        ("text", text),
        ("filename", fv),
        ("lineno", Value::from_len(pos.line as usize)),
        ("offset", Value::from_len(pos.col as usize)),
        ("msg", vm.str_val(msg).unwrap_or(Value::None)),
        ("_incomplete", Value::from_bool(incomplete)),
    ] {
        let kk = vm.intern(k);
        let _ = vm.set_attr_direct(Value::Obj(e), kk, v);
    }
    vm.temp_roots.pop();
    vm.raise(e)
}

/// Whether a compile error (the exception `e`, taken out of `raised`)
/// only means "the REPL needs more lines".
pub fn is_incomplete(vm: &mut Vm, e: crate::heap::ObjRef) -> bool {
    // `intern` may collect (and raise, overwriting `raised`): root `e`.
    vm.temp_roots.push(Value::Obj(e));
    let k = vm.intern("_incomplete");
    vm.temp_roots.pop();
    matches!(vm.own_attr(Value::Obj(e), k), Some(Value::Bool(b)) if b.get())
}

#[cfg(test)]
mod tests {
    use crate::vm::{Config, Status, Vm};
    use alloc::string::String;

    fn vm_with_compile_limit(compile_limit: usize) -> Vm {
        let config = Config {
            compile_limit,
            ..Config::default()
        };
        Vm::new(config, alloc::boxed::Box::new(crate::hal::NullBoard))
    }

    #[test]
    fn compile_limit_gives_memory_error_not_growth() {
        let mut vm = vm_with_compile_limit(32 * 1024);
        let big: String = "x = 1\n".repeat(2000);
        let e = vm.load(&big, "big.py").expect_err("over the limit");
        assert!(e.ends_with("MemoryError\n"), "{}", e);
        // A small program still compiles and the VM is usable.
        vm.load("y = 2 + 3\n", "small.py").expect("compiles");
        assert_eq!(vm.run(1000), Status::Done);
    }

    #[test]
    fn compile_limit_bounds_a_statement_not_the_file() {
        // Each function is compiled and its tokens and tree dropped before
        // the next is parsed: the limit must hold the largest statement and
        // the code, not the whole file's tokens (which take ~5x this here).
        let mut vm = vm_with_compile_limit(48 * 1024);
        let mut src = String::new();
        for i in 0..40 {
            src.push_str(&alloc::format!(
                "def f{i}(a, b=2):\n    # a comment that takes room\n    total = a * {i} + b\n    \
                 for k in range(3):\n        total += k\n    return total\n\n"
            ));
        }
        src.push_str("print(f39(1))\n");
        let full = crate::compile::lexer::tokenize(&src).toks.len()
            * core::mem::size_of::<crate::compile::lexer::Token>()
            * crate::compile::lexer::COMPILE_BYTES_PER_TOKEN_BYTE;
        assert!(
            full > 48 * 1024,
            "the whole file's tokens alone would pass the limit: {}",
            full
        );
        vm.load(&src, "many.py")
            .expect("compiles statement by statement");
        assert_eq!(vm.run(100_000), Status::Done);

        // Past the limit in the middle of a statement, after others were
        // compiled (and inside a string run and a bracket): MemoryError.
        for tail in ["x = [", "y = ('a' 'b', ", "z = f(1, "] {
            let mut big = src.clone();
            big.push_str(tail);
            for i in 0..3000 {
                big.push_str(&alloc::format!("{i}, "));
            }
            big.push_str("0)\n");
            let e = vm.load(&big, "big.py").expect_err("over the limit");
            assert!(e.ends_with("MemoryError\n"), "{}", e);
        }
        vm.load("y = 2 + 3\n", "small.py").expect("compiles");
        assert_eq!(vm.run(1000), Status::Done);
    }
}
