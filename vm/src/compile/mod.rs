//! Source text to bytecode: lexer, parser, scope analysis, code generation.

pub mod ast;
pub mod codegen;
#[cfg(test)]
mod codegen_tests;
pub mod lexer;
pub mod parser;
pub mod symtable;

use alloc::rc::Rc;

pub use ast::Mode;

use crate::bytecode::Code;
use crate::objects::Obj;
use crate::value::Value;
use crate::vm::{Exc, Vm};

/// Compile `src`. Errors come back as a raised-ready `SyntaxError` (or
/// `IndentationError`/`TabError`/`MemoryError`) exception value.
pub fn compile(vm: &mut Vm, src: &str, filename: &str, mode: Mode) -> Result<Rc<Code>, Exc> {
    if !vm.sources.iter().any(|(f, _)| f == filename) || filename.starts_with('<') {
        vm.sources.retain(|(f, _)| f != filename);
        vm.sources.push((
            alloc::string::String::from(filename),
            alloc::string::String::from(src),
        ));
    }
    let ast = match parser::parse_limited(src, mode, vm.config.compile_limit) {
        Ok(a) => a,
        Err(e) => {
            let cls = match e.kind {
                ast::ErrorKind::Syntax => vm.types.syntax_error,
                ast::ErrorKind::Indentation => vm.types.indentation_error,
                ast::ErrorKind::Tab => vm.types.tab_error,
                ast::ErrorKind::Memory => return Err(vm.memory_error),
            };
            return Err(syntax_error(vm, cls, &e.msg, filename, e.pos, e.incomplete));
        }
    };
    match codegen::compile_module(vm, &ast, filename, mode) {
        Ok(c) => Ok(c),
        Err(e) => {
            if e.memory {
                return Err(vm.memory_error);
            }
            let cls = vm.types.syntax_error;
            Err(syntax_error(vm, cls, &e.msg, filename, e.pos, false))
        }
    }
}

fn syntax_error(
    vm: &mut Vm,
    cls: crate::heap::ObjRef,
    msg: &str,
    file: &str,
    pos: ast::Pos,
    incomplete: bool,
) -> Exc {
    let e = vm.new_error(cls, msg);
    vm.temp_roots.push(e.value());
    let fv = vm.str_val(file).unwrap_or(Value::None);
    for (k, v) in [
        ("filename", fv),
        ("lineno", Value::Int(pos.line as i64)),
        ("offset", Value::Int(pos.col as i64)),
        ("msg", vm.str_val(msg).unwrap_or(Value::None)),
        ("_incomplete", Value::Bool(incomplete)),
    ] {
        let kk = vm.intern(k);
        let _ = vm.set_attr_direct(e.value(), kk, v);
    }
    vm.temp_roots.pop();
    e
}

/// Whether a compile error only means "the REPL needs more lines".
pub fn is_incomplete(vm: &mut Vm, e: Exc) -> bool {
    let k = vm.intern("_incomplete");
    if let Obj::Exception(x) = vm.heap.get(e.0) {
        let h = vm.str_hash(k);
        if let Some(i) = x.dict.find(h, |kk| kk.is(k)) {
            return matches!(x.dict.entries[i].value, Value::Bool(true));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::vm::{Config, Status, Vm};
    use alloc::string::String;

    #[test]
    fn compile_limit_gives_memory_error_not_growth() {
        let config = Config {
            compile_limit: 32 * 1024,
            ..Config::default()
        };
        let mut vm = Vm::new(config, alloc::boxed::Box::new(crate::hal::NullBoard));
        let big: String = "x = 1\n".repeat(2000);
        let e = vm.load(&big, "big.py").expect_err("over the limit");
        assert!(e.ends_with("MemoryError\n"), "{}", e);
        // A small program still compiles and the VM is usable.
        vm.load("y = 2 + 3\n", "small.py").expect("compiles");
        assert_eq!(vm.run(1000), Status::Done);
    }
}
