//! The parser's nesting limits on a bounded stack, and random input that
//! must give a SyntaxError, never a panic. An integration test because a
//! thread with a small stack needs std; the VM itself is no_std.

use ferrite_vm::compile::ast::{Mode, SyntaxError};
use ferrite_vm::compile::parser::parse;

fn perr(src: &str, mode: Mode) -> Box<SyntaxError> {
    match parse(src, mode) {
        Ok(_) => panic!("expected an error for {:?}", src),
        Err(e) => e,
    }
}

fn in_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn deep_nesting() {
    in_small_stack(|| {
        let n = 1000;
        let deep = [
            format!("{}1{}", "(".repeat(199), ")".repeat(199)),
            format!("x = {}1{}", "-(".repeat(150), ")".repeat(150)),
            format!("x = {}1{}", "[{".repeat(90), "}]".repeat(90)),
            format!("x = {}1{}", "f(".repeat(150), ")".repeat(150)),
            format!("x = {}1{}", "a[".repeat(150), "]".repeat(150)),
            format!("x = 2{}", "**-2".repeat(n)),
            format!("x = {}1", "lambda: ".repeat(n)),
            format!("x = {}1", "not ".repeat(100 * n)),
            format!("x = {}1", "-".repeat(100 * n)),
            format!("x = 1{}", " + 1".repeat(100 * n)),
            format!("x = a{}", ".b()[0]".repeat(100 * n)),
            format!("if x: pass\n{}", "elif y: pass\n".repeat(100 * n)),
            format!("x = {}", "a if b else ".repeat(n)) + "c",
            format!("x = {}", "[f(-(a[{lambda: 2**(".repeat(30)) + "1" + &")})]))]".repeat(30),
            format!("x = {}", "f'{f\"{(x, [".repeat(40)) + &"])}\"}'".repeat(40),
            (0..99)
                .map(|i| format!("{}if x:\n", " ".repeat(i)))
                .collect::<String>()
                + &" ".repeat(99)
                + "y = ((((1))))\n",
            (0..99)
                .map(|i| format!("{}def f(a=[(1)]):\n", " ".repeat(i)))
                .collect::<String>()
                + &" ".repeat(99)
                + "y = 1\n",
            (0..99)
                .map(|i| format!("{}try:\n", " ".repeat(i)))
                .collect::<String>()
                + &" ".repeat(99)
                + "y = 1\n",
            (0..40)
                .map(|i| format!("{}for x in [[[(1)]]]:\n", " ".repeat(i)))
                .collect::<String>()
                + &" ".repeat(40)
                + &format!("y = {}1{}\n", "(".repeat(60), ")".repeat(60)),
        ];
        for src in &deep {
            let _ = parse(src, Mode::File);
        }
        // modest nesting parses
        assert!(parse(
            &format!("x = {}1{}", "(".repeat(30), ")".repeat(30)),
            Mode::File
        )
        .is_ok());
        assert!(parse(
            &format!("x = {}1{}", "f(".repeat(20), ")".repeat(20)),
            Mode::File
        )
        .is_ok());
        assert!(parse(&format!("x = {}1", "not ".repeat(250)), Mode::File).is_ok());
        assert!(parse(&format!("x = 1{}", " + 1".repeat(250)), Mode::File).is_ok());
        let e = perr(&format!("x = 1{}", " + 1".repeat(100 * n)), Mode::File);
        assert_eq!(e.msg, "expression too deeply nested");
        let e = perr(
            &format!("x = f'{{{}}}'", "1+".repeat(400) + "1"),
            Mode::File,
        );
        assert_eq!(e.msg, "f-string: expression too deeply nested");
        let e = perr(
            &format!("x = f'{{{}}}'", "(".repeat(100) + &")".repeat(100)),
            Mode::File,
        );
        assert_eq!(e.msg, "f-string: too many nested parentheses");
        for k in 280..310 {
            let _ = parse(
                &format!(
                    "x = f'{{{}}}' f'{{a:{{{}}}}}'",
                    "1+".repeat(k) + "1",
                    "-".repeat(k) + "1"
                ),
                Mode::File,
            );
        }
        let e = perr(&format!("x = a{}", ".b".repeat(100 * n)), Mode::File);
        assert_eq!(e.msg, "expression too deeply nested");
        let blocks = (0..25)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>()
            + &" ".repeat(25)
            + "y = [(1)]\n";
        assert!(parse(&blocks, Mode::File).is_ok());
        let e = perr(
            &format!("x = {}1{}", "(".repeat(199), ")".repeat(199)),
            Mode::File,
        );
        assert_eq!(e.msg, "too many nested parentheses");
    });
}

#[test]
fn fuzz_no_panic() {
    in_small_stack(|| {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut rnd = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let alphabet: &[&str] = &[
            "(", ")", "[", "]", "{", "}", "'", "\"", "'''", "\n", "\t", " ", "  ", "\\", "#", ":",
            ",", ";", "=", "==", "+", "-", "*", "**", "/", ".", "...", "!", "@", "->", ":=", "<",
            ">", "x", "y1", "_", "\u{e9}", "\u{20ac}", "\u{a0}", "0", "1", "0x", "1e", "1_0", "2j",
            "f'", "b'", "r'", "{x}", "if", "else", "elif", "for", "in", "not", "is", "and", "or",
            "lambda", "def", "class", "return", "yield", "from", "import", "as", "try", "except",
            "finally", "with", "async", "await", "del", "pass", "global", "while", "raise", "None",
            "\r\n", "\x0c", "\0",
        ];
        let programs = [
            "def f(a, b=1, *c, d, **e):\n    return [x for x in a if x]\n",
            "class A(B):\n    def m(self):\n        try:\n            pass\n        except E as e:\n            raise X from e\n",
            "x = f'{a!r:>{w}} {b=}' + b'\\x00' + r'\\n'\nwith (a as b, c): pass\n",
            "async def g():\n    async for i in y:\n        await z(*a, **k)\n    return {k: v for k, v in d}\n",
            "if a:\n    b = c if d else lambda e=1: e ** -2\nelif f:\n    del g[1:2, ::3]\nelse:\n    h, *i = j\n",
        ];
        for n in 0..20_000 {
            let s = if n % 4 == 0 {
                let p = programs[rnd() as usize % programs.len()];
                let mut cut = rnd() as usize % (p.len() + 1);
                while !p.is_char_boundary(cut) {
                    cut -= 1;
                }
                let mut s = String::from(&p[..cut]);
                if n % 8 == 0 {
                    s.push_str(alphabet[rnd() as usize % alphabet.len()]);
                    s.push_str(&p[cut..]);
                }
                s
            } else {
                let len = rnd() as usize % 40;
                (0..len)
                    .map(|_| alphabet[rnd() as usize % alphabet.len()])
                    .collect()
            };
            for mode in [Mode::File, Mode::Single, Mode::Eval] {
                let _ = parse(&s, mode);
            }
        }
    });
}
