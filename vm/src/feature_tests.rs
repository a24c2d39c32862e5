//! What the optional language features change, checked in whichever
//! configuration the crate is built: `cargo xtask test` runs these with all
//! features (the host default) and with none (the boards' core image).

use alloc::boxed::Box;

use crate::hal::NullBoard;
use crate::vm::{Config, Status, Vm};

/// Run `src` (asserts inside) to completion.
fn runs(src: &str) {
    let mut vm = Vm::new(Config::default(), Box::new(NullBoard));
    vm.load(src, "t.py").expect("compiles");
    match vm.run(1_000_000) {
        Status::Done => {}
        other => panic!("{:?} running\n{}", other, src),
    }
}

#[test]
fn unicode_case() {
    runs("assert 'abc'.upper() == 'ABC' and 'Ab Cd'.istitle()\n");
    if cfg!(feature = "unicode-case") {
        runs("assert 'ça é'.upper() == 'ÇA É' and 'É'.isupper() and 'ß'.casefold() == 'ss'\n");
    } else {
        // MicroPython's behaviour: non-ASCII letters are uncased.
        runs("assert 'ça é'.upper() == 'çA é' and not 'É'.isupper() and 'É'.lower() == 'É'\n");
    }
    // Character classes stay Unicode either way (the lexer's tables).
    runs("assert 'é'.isalpha() and '٣'.isdigit()\n");
}

#[test]
fn slot_methods() {
    let has = cfg!(feature = "slot-methods");
    runs(&alloc::format!(
        "assert hasattr(int, '__add__') == {0} and hasattr([], '__len__') == {0}\n\
         assert 1 + 2 == 3 and len([1]) == 1 and -(5) == -5\n",
        if has { "True" } else { "False" }
    ));
    if has {
        runs("class D(dict):\n    def __setitem__(s, k, v):\n        super().__setitem__(k, v * 2)\nd = D()\nd[1] = 2\nassert d[1] == 4\n");
    }
}

#[test]
fn suggestions_attributes() {
    let src = "try:\n    prnt\nexcept NameError as e:\n    n = e.name\n\
               try:\n    [].apend\nexcept AttributeError as e:\n    a = (e.name, e.obj)\n";
    if cfg!(feature = "suggestions") {
        runs(&alloc::format!(
            "{}assert n == 'prnt' and a == ('apend', [])\n",
            src
        ));
    } else {
        runs(&alloc::format!(
            "{}assert n is None and a == (None, None)\n",
            src
        ));
    }
}

#[test]
fn math_either_way() {
    // Exact with `math-exact`, within an ulp of CPython's without.
    runs("import math\nassert abs(math.exp(1) - 2.718281828459045) <= 5e-16\nassert math.log(8, 2) == 3.0 or abs(math.log(8, 2) - 3) < 1e-15\n");
}

#[test]
fn math_extra() {
    // MicroPython's math is always there; CPython's other functions with
    // `math-extra`.
    runs("import math\nassert math.factorial(5) == 120 and math.isclose(0.1 + 0.2, 0.3)\n");
    if cfg!(feature = "math-extra") {
        runs("import math\nassert math.comb(5, 2) == 10 and math.gcd(12, 18) == 6 and math.hypot(3, 4) == 5.0\nassert math.fsum([0.1] * 10) == 1.0 and math.isqrt(17) == 4 and math.exp2(3) == 8.0\n");
    } else {
        runs("import math\nfor n in ('comb', 'gcd', 'hypot', 'fsum', 'isqrt', 'exp2', 'cbrt', 'log1p', 'ulp'):\n    assert not hasattr(math, n), n\n");
    }
}

/// Ranges hold machine words, as MicroPython's do: a bound or a slice
/// result beyond them raises OverflowError (CPython would give a range
/// of big ints) instead of a wrong, clamped range.
#[test]
fn range_bounds_are_machine_words() {
    runs(
        "for f in (lambda: range(10**20), lambda: range(0, 2**63, 2),\n\
         \x20         lambda: range(-2**63, 2**63 - 1, 2**62)[::3]):\n\
         \x20   try:\n\
         \x20       f()\n\
         \x20       assert False\n\
         \x20   except OverflowError as e:\n\
         \x20       assert str(e) == 'Python int too large to convert to C ssize_t'\n\
         assert range(0, 2**62, 2**61)[::2] == range(0, 2**62, 2**62)\n",
    );
}
