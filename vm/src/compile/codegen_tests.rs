//! Golden bytecode: the exact instructions the compiler emits for small
//! functions, pinned through the disassembler (as wasmi pins its
//! translations). A change here is a deliberate change to code generation.

use alloc::boxed::Box;
use alloc::string::String;

use crate::hal::NullBoard;
use crate::vm::{Config, Vm};

fn dis(src: &str) -> String {
    let mut vm = Vm::new(Config::default(), Box::new(NullBoard));
    match vm.disassemble(src, "t.py") {
        Ok(s) => s,
        Err(e) => e,
    }
}

/// The disassembly of the first function defined in `src`.
fn dis_fn(src: &str) -> String {
    let all = dis(src);
    let start = all.find("\ncode ").map(|i| i + 1).unwrap_or(0);
    let rest = &all[start..];
    let end = rest[1..]
        .find("\ncode ")
        .map(|i| i + 2)
        .unwrap_or(rest.len());
    String::from(&rest[..end])
}

#[test]
fn arithmetic_and_return() {
    assert_eq!(
        dis_fn("def f(a, b):\n    return a * 2 + b\n"),
        "code f (args=2, kwonly=0, locals=2, flags=0x10)
   2    0 LoadFast(0) ('a')
        1 LoadInt(2)
        2 Binary(Mul)
        3 LoadFast(1) ('b')
        4 Binary(Add)
        5 Return
        6 LoadNone
        7 Return
"
    );
}

#[test]
fn for_loop_with_break_pops_the_iterator() {
    assert_eq!(
        dis_fn("def f(xs):\n    for x in xs:\n        if x:\n            break\n    return x\n"),
        "code f (args=1, kwonly=0, locals=2, flags=0x10)
   2    0 LoadFast(0) ('xs')
        1 GetIter
        2 ForIter(9)
        3 StoreFast(1) ('x')
   3    4 LoadFast(1) ('x')
        5 PopJumpIfFalse(8)
   4    6 Pop
        7 Jump(9)
        8 Jump(2)
   5    9 LoadFast(1) ('x')
       10 Return
       11 LoadNone
       12 Return
"
    );
}

#[test]
fn method_call_uses_load_method() {
    assert_eq!(
        dis_fn("def f(o):\n    return o.m(1)\n"),
        "code f (args=1, kwonly=0, locals=1, flags=0x10)
   2    0 LoadFast(0) ('o')
        1 LoadMethod(0) ('m')
        2 LoadInt(1)
        3 CallMethod(1)
        4 Return
        5 LoadNone
        6 Return
"
    );
}

#[test]
fn try_except_has_an_exception_table() {
    assert_eq!(
        dis_fn("def f():\n    try:\n        g()\n    except E:\n        pass\n"),
        "code f (args=0, kwonly=0, locals=0, flags=0x10)
   3    0 LoadGlobal(0) ('g')
        1 Call(0)
        2 Pop
        3 Jump(11)
   4    4 LoadGlobal(1) ('E')
        5 CheckExcMatch
        6 PopJumpIfFalse(10)
        7 Pop
   5    8 PopExcept
        9 Jump(11)
       10 Reraise
       11 LoadNone
       12 Return
  exc 0..3 -> 4 depth 0 level 0
"
    );
}

#[test]
fn closures_use_cells() {
    let d = dis("def outer():\n    n = 0\n    def inner():\n        return n\n    return inner\n");
    assert!(d.contains("StoreDeref(0) ('n')"), "{d}");
    assert!(d.contains("LoadCell(0) ('n')\n        3 BuildTuple(1)\n        4 MakeFunction outer.<locals>.inner (flags 4)"), "{d}");
    assert!(d.contains("LoadDeref(0) ('n')"), "{d}");
}

#[test]
fn syntax_errors_from_the_compiler() {
    for (src, msg) in [
        ("return 1\n", "'return' outside function"),
        ("break\n", "'break' outside loop"),
        (
            "def f():\n    nonlocal x\n",
            "no binding for nonlocal 'x' found",
        ),
        (
            "def f():\n    x = 1\n    global x\n",
            "name 'x' is assigned to before global declaration",
        ),
        ("yield 1\n", "'yield' outside function"),
        (
            "def f():\n    await g()\n",
            "'await' outside async function",
        ),
    ] {
        let e = dis(src);
        assert!(
            e.contains(&alloc::format!("SyntaxError: {}", msg)),
            "{src:?} gave {e}"
        );
    }
}
