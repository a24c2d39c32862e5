//! Lexer unit tests.

use super::*;
use alloc::vec;

fn toks(s: &str) -> Vec<Tok> {
    let l = tokenize(s);
    assert!(l.err.is_none(), "{:?}", l.err);
    l.toks.into_iter().map(|t| t.tok).collect()
}
fn err(s: &str) -> SyntaxError {
    tokenize(s).err.expect("expected a lexer error")
}
fn name(s: &str) -> Tok {
    Tok::Name(s.into())
}

#[test]
fn simple_line() {
    assert_eq!(
        toks("x = 1\n"),
        vec![
            name("x"),
            Tok::Op(Op::Equal),
            Tok::Int(1),
            Tok::Newline,
            Tok::Eof
        ]
    );
    assert_eq!(toks("x"), vec![name("x"), Tok::Newline, Tok::Eof]);
    assert_eq!(toks(""), vec![Tok::Eof]);
    assert_eq!(toks("\n\n  # c\n"), vec![Tok::Eof]);
}

#[test]
fn indentation() {
    let t = toks("if x:\n  y\n\n    # c\n  z\nw\n");
    assert_eq!(
        t,
        vec![
            Tok::Kw(Kw::If),
            name("x"),
            Tok::Op(Op::Colon),
            Tok::Newline,
            Tok::Indent,
            name("y"),
            Tok::Newline,
            name("z"),
            Tok::Newline,
            Tok::Dedent,
            name("w"),
            Tok::Newline,
            Tok::Eof
        ]
    );
    let t = toks("if x:\n  if y:\n    z");
    assert_eq!(t.iter().filter(|t| **t == Tok::Dedent).count(), 2);
    let e = err("if 1:\n\tx\n        y");
    assert_eq!((e.kind, e.pos.line), (ErrorKind::Tab, 3));
    let e = err("if 1:\n    a\n  b");
    assert_eq!(
        (e.kind, e.msg.as_str(), e.pos.line),
        (
            ErrorKind::Indentation,
            "unindent does not match any outer indentation level",
            3
        )
    );
}

#[test]
fn brackets_and_continuation() {
    assert_eq!(toks("(1,\n 2)").len(), 7);
    assert_eq!(
        toks("x = 1 + \\\n  2"),
        vec![
            name("x"),
            Tok::Op(Op::Equal),
            Tok::Int(1),
            Tok::Op(Op::Plus),
            Tok::Int(2),
            Tok::Newline,
            Tok::Eof
        ]
    );
    let e = err("x = (1,\n");
    assert_eq!(e.msg, "'(' was never closed");
    assert!(e.incomplete);
    assert!(err("x = 1 + \\").incomplete);
    assert_eq!(
        err("(]").msg,
        "closing parenthesis ']' does not match opening parenthesis '('"
    );
    assert_eq!(err("x = )").msg, "unmatched ')'");
    let deep = "(".repeat(201);
    assert_eq!(err(&deep).msg, "too many nested parentheses");
}

#[test]
fn operators() {
    let t = toks("a**=b//c->d...e:=f!=g<<=h@i");
    let ops: Vec<Op> = t
        .iter()
        .filter_map(|t| if let Tok::Op(o) = t { Some(*o) } else { None })
        .collect();
    assert_eq!(
        ops,
        vec![
            Op::DoubleStarEq,
            Op::DoubleSlash,
            Op::Arrow,
            Op::Ellipsis,
            Op::ColonEq,
            Op::NotEqual,
            Op::LShiftEq,
            Op::At
        ]
    );
    assert_eq!(toks("$")[0], Tok::Bad('$'));
}

#[test]
#[cfg_attr(compact_value, ignore = "f64 expectations; boards have f32 floats")]
fn numbers() {
    assert_eq!(toks("0xFF_FF")[0], Tok::Int(0xffff));
    assert_eq!(toks("0o17 0B101")[..2], [Tok::Int(15), Tok::Int(5)]);
    assert_eq!(toks("1_000.5e-3")[0], Tok::Float(1.0005));
    assert_eq!(
        toks("1. .5 1e5")[..3],
        [Tok::Float(1.0), Tok::Float(0.5), Tok::Float(1e5)]
    );
    assert_eq!(toks("2j")[0], Tok::Imag(2.0));
    assert_eq!(toks("00")[0], Tok::Int(0));
    assert_eq!(toks("0777.5")[0], Tok::Float(777.5));
    assert_eq!(
        toks("99999999999999999999")[0],
        Tok::BigInt(10, "99999999999999999999".into())
    );
    assert_eq!(
        toks("0x_ffffffffffffffffff")[0],
        Tok::BigInt(16, "ffffffffffffffffff".into())
    );
    assert_eq!(toks("1if x else 2")[..2], [Tok::Int(1), Tok::Kw(Kw::If)]);
    assert_eq!(toks("1else")[..2], [Tok::Int(1), Tok::Kw(Kw::Else)]);
    assert_eq!(err("1__0").msg, "invalid decimal literal");
    assert_eq!(err("1abc").msg, "invalid decimal literal");
    assert_eq!(err("1e").msg, "invalid decimal literal");
    assert_eq!(err("0x").msg, "invalid hexadecimal literal");
    assert_eq!(err("0b2").msg, "invalid digit '2' in binary literal");
    assert_eq!(err("0o8").msg, "invalid digit '8' in octal literal");
    assert_eq!(err("0o1_8").msg, "invalid digit '8' in octal literal");
    assert!(err("012").msg.starts_with("leading zeros"));
}

#[test]
fn strings() {
    assert_eq!(
        toks(r#"'a\n\x41\101\u00e9\q'"#)[0],
        Tok::Str("a\nAA\u{e9}\\q".into())
    );
    assert_eq!(toks(r#"r'a\n'"#)[0], Tok::Str("a\\n".into()));
    assert_eq!(toks(r#"Rb'\x00'"#)[0], Tok::Bytes(b"\\x00".to_vec()));
    assert_eq!(
        toks(r#"b'\x00\xff\u1234'"#)[0],
        Tok::Bytes(b"\x00\xff\\u1234".to_vec())
    );
    assert_eq!(toks("'''a\nb'''")[0], Tok::Str("a\nb".into()));
    assert_eq!(toks("'a\\\nb'")[0], Tok::Str("ab".into()));
    assert_eq!(toks("\"it's\"")[0], Tok::Str("it's".into()));
    assert_eq!(
        toks("x\r\ny\r"),
        vec![name("x"), Tok::Newline, name("y"), Tok::Newline, Tok::Eof]
    );
    assert_eq!(
        err("'abc").msg,
        "unterminated string literal (detected at line 1)"
    );
    let e = err("x = '''a\nb\nc");
    assert_eq!(
        (e.msg.as_str(), e.incomplete),
        (
            "unterminated triple-quoted string literal (detected at line 3)",
            true
        )
    );
    assert_eq!(
        err("b'\u{e9}'").msg,
        "bytes can only contain ASCII literal characters"
    );
    assert!(err(r"'\N{DASH}'")
        .msg
        .contains("unknown Unicode character name"));
    assert!(err(r"'\xZ'").msg.contains("truncated \\xXX escape"));
}

#[test]
fn fstrings() {
    let t = toks("f'a{x!r:>{w}}b{{c}}'");
    let Tok::FStr(parts) = &t[0] else { panic!() };
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[0], FRaw::Lit("a".into()));
    let FRaw::Field {
        src,
        pos,
        conv,
        spec,
        ..
    } = &parts[1]
    else {
        panic!()
    };
    assert_eq!(
        (src.as_str(), *pos, *conv),
        ("x", Pos { line: 1, col: 5 }, Some('r'))
    );
    assert_eq!(spec.as_ref().map(|s| s.len()), Some(2));
    assert_eq!(parts[2], FRaw::Lit("b{c}".into()));
    let t = toks("f'{x = }'");
    let Tok::FStr(parts) = &t[0] else { panic!() };
    assert_eq!(parts[0], FRaw::Lit("x = ".into()));
    assert!(matches!(
        &parts[1],
        FRaw::Field {
            conv: Some('r'),
            ..
        }
    ));
    assert_eq!(err("f'{x'").msg, "f-string: expecting '}'");
    assert_eq!(err("f'{}'").msg, "f-string: empty expression not allowed");
    assert_eq!(err("f'}'").msg, "f-string: single '}' is not allowed");
    assert_eq!(
        err("f'{a#}'").msg,
        "f-string expression part cannot include '#'"
    );
    assert_eq!(
        err("f'{x!z}'").msg,
        "f-string: invalid conversion character: expected 's', 'r', or 'a'"
    );
    assert_eq!(
        err("f'{x:{y:{z}}}'").msg,
        "f-string: expressions nested too deeply"
    );
    assert_eq!(err("f'{)}'").msg, "f-string: unmatched ')'");
}

#[test]
fn characters_and_positions() {
    assert_eq!(
        err("x = 1 \u{20ac}").msg,
        "invalid character '\u{20ac}' (U+20AC)"
    );
    assert_eq!(err("x = 1 \u{20ac}").pos, Pos { line: 1, col: 7 });
    assert_eq!(
        err("x = \u{a0}").msg,
        "invalid non-printable character U+00A0"
    );
    assert_eq!(toks("\u{e9}t\u{e9} = 1")[0], name("\u{e9}t\u{e9}"));
    let l = tokenize("\u{e9}\u{e9} + b\n  c");
    assert_eq!(l.toks[2].pos, Pos { line: 1, col: 6 });
    let l = tokenize("'''\n\n''' + z");
    assert_eq!(l.toks[2].pos, Pos { line: 3, col: 7 });
    let l = tokenize_sub("a +\n b", Pos { line: 4, col: 10 });
    assert_eq!(l.toks[0].pos, Pos { line: 4, col: 10 });
    assert_eq!(l.toks[2].pos, Pos { line: 5, col: 2 });
}
