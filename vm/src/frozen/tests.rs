//! The frozen format: opcode table, round trip, and a loader that never
//! panics on truncated or mutated input.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::*;
use crate::bytecode::Code;
use crate::hal::BufferBoard;
use crate::vm::{Config, Status, Vm};

const SRC: &str = r#"
import time as _t
X = (1, 'a', b'b', 2.5, None, ..., 10**30, -10**25, 1 << 40)

class A:
    k = frozenset(('x', 'y'))

    def __init__(self, n, *args, key=None, **kw):
        self.n = n

    async def run(self):
        async with self:
            pass
        return [i * 2 for i in range(self.n) if i % 2]


def gen(a, b=2, /, c=3):
    total = 0
    for i in range(a):
        try:
            total += yield i
        except ValueError as e:
            raise KeyError(str(e)) from e
        finally:
            total -= 1
    def inner():
        nonlocal total
        total = f'{total!r:>5}'
    inner()
    return total

def boom():
    x = 1
    raise ValueError('from frozen')
"#;

fn vm_with(blob: &'static [u8]) -> Vm {
    Vm::new(
        Config {
            frozen: blob,
            ..Config::default()
        },
        Box::new(BufferBoard::default()),
    )
}

fn sample(vm: &mut Vm) -> Vec<u8> {
    write::freeze(vm, "sample", SRC).map(|m| m.code).unwrap()
}

fn same(vm: &Vm, a: &Code, b: &Code) {
    assert_eq!(a.name, b.name);
    assert_eq!(a.qualname, b.qualname);
    assert_eq!(a.ops, b.ops);
    assert_eq!(a.lines, b.lines);
    assert_eq!(a.exc_table, b.exc_table);
    assert_eq!(
        (a.nlocals, a.argcount, a.kwonlyargcount, a.posonlyargcount),
        (b.nlocals, b.argcount, b.kwonlyargcount, b.posonlyargcount)
    );
    assert_eq!((a.flags, a.first_line), (b.flags, b.first_line));
    assert_eq!((&a.cellvars, &a.freevars), (&b.cellvars, &b.freevars));
    // Names are interned: the same objects.
    assert!(a.names.iter().zip(&b.names).all(|(x, y)| x.is(*y)));
    assert!(a.varnames.iter().zip(&b.varnames).all(|(x, y)| x.is(*y)));
    assert_eq!(a.consts.len(), b.consts.len());
    for (x, y) in a.consts.iter().zip(&b.consts) {
        assert_eq!(vm.repr_plain(*x), vm.repr_plain(*y));
    }
    assert_eq!(a.children.len(), b.children.len());
    for (x, y) in a.children.iter().zip(&b.children) {
        same(vm, x, y);
    }
}

impl Vm {
    /// A repr that needs no `&mut` (constants only).
    fn repr_plain(&self, v: Value) -> String {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                crate::objects::Obj::Str(s) => alloc::format!("s{:?}", s.s),
                crate::objects::Obj::Bytes(b) => alloc::format!("b{:?}", b),
                crate::objects::Obj::BigInt(b) => b.to_str_radix(10),
                crate::objects::Obj::Tuple(t) => {
                    let items: Vec<String> = t.iter().map(|x| self.repr_plain(*x)).collect();
                    alloc::format!("({})", items.join(","))
                }
                _ => String::from("?"),
            },
            other => alloc::format!("{:?}", other),
        }
    }
}

#[test]
fn opcode_table_round_trips() {
    let mut n = 0;
    for c in 0..=255u8 {
        let Some(k) = kind(c) else { continue };
        n += 1;
        let x = match k {
            Kind::None => 0,
            _ => 1,
        };
        let op = decode(c, x).unwrap();
        assert_eq!(encode(&op).0, c, "{:?}", op);
    }
    // Every `Op` variant has a number (the count of variants in bytecode.rs).
    assert_eq!(n, 34 + 47 + 5);
}

#[test]
fn code_round_trips() {
    let mut vm = vm_with(&[]);
    let code = crate::compile::compile(&mut vm, SRC, "<frozen sample>", crate::compile::Mode::File)
        .unwrap_or_else(|_| panic!("compile"));
    let bytes = write::code_bytes(&vm, &code).unwrap();
    let back = match load::load_code(&mut vm, &bytes, "<frozen sample>") {
        Ok(c) => c,
        Err(e) => panic!("{:?}", e),
    };
    same(&vm, &code, &back);
    assert_eq!(&*back.filename, "<frozen sample>");
}

/// Every prefix of a valid code blob is an error; random byte changes are
/// an error or a valid code object, never a panic.
#[test]
fn loader_never_panics() {
    let mut vm = vm_with(&[]);
    let good = sample(&mut vm);
    for n in 0..good.len() {
        assert!(
            load::load_code(&mut vm, &good[..n], "f").is_err(),
            "prefix {}",
            n
        );
    }
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let mut b = good.clone();
        for _ in 0..1 + rnd() % 4 {
            let i = (rnd() as usize) % b.len();
            match rnd() % 4 {
                0 => b[i] = rnd() as u8,
                1 => b[i] ^= 1 << (rnd() % 8),
                2 => {
                    b.remove(i);
                }
                _ => b.insert(i, rnd() as u8),
            }
        }
        let _ = load::load_code(&mut vm, &b, "f");
    }
    // The whole blob: header, index, checksum.
    let m = write::freeze(&mut vm, "sample", SRC).unwrap();
    let blob = write::blob(&[m]);
    assert!(load::find(&blob, "sample", true).unwrap().is_some());
    assert!(load::find(&blob, "other", true).unwrap().is_none());
    // (An empty blob is "no frozen modules", not an error.)
    for n in 1..blob.len() {
        assert!(
            load::find(&blob[..n], "sample", true).is_err(),
            "prefix {}",
            n
        );
        let _ = load::names(&blob[..n]);
    }
    for _ in 0..2000 {
        let mut b = blob.clone();
        let i = (rnd() as usize) % b.len();
        b[i] ^= 1 << (rnd() % 8);
        // The checksum (or the header check) catches every single-bit flip.
        assert!(load::find(&b, "sample", true).is_err(), "flip at {}", i);
        let _ = load::find(&b, "sample", false);
    }
}

#[test]
fn corrupt_versions_are_refused() {
    let mut vm = vm_with(&[]);
    let m = write::freeze(&mut vm, "sample", SRC).unwrap();
    let mut blob = write::blob(&[m]);
    blob[4] = blob[4].wrapping_add(1);
    assert_eq!(
        load::find(&blob, "sample", true).err(),
        Some(FormatError(
            "format version mismatch (rebuild the frozen modules)"
        ))
    );
}

fn run_to_end(vm: &mut Vm) -> Status {
    let mut st = vm.run(10_000);
    while st == Status::Yielded {
        st = vm.run(10_000);
    }
    st
}

/// Import module `sample` (SRC) and call its `boom`: the traceback names
/// the frozen file and line and shows no source line.
fn imports_sample_with_frozen_traceback(vm: &mut Vm) {
    let prog = "import sample\nprint(sample.X[6], sample.gen.__name__)\nsample.boom()\n";
    vm.load(prog, "main.py").unwrap();
    assert_eq!(run_to_end(vm), Status::Error);
    let err = vm.take_error();
    assert!(
        err.contains("File \"<frozen sample>\", line 34, in boom\nValueError: from frozen"),
        "{}",
        err
    );
    assert!(!err.contains("raise ValueError"), "{}", err);
}

#[test]
fn import_runs_frozen_code_with_frozen_tracebacks() {
    let mut vm = vm_with(&[]);
    let m = write::freeze(&mut vm, "sample", SRC).unwrap();
    let blob: &'static [u8] = Box::leak(write::blob(&[m]).into_boxed_slice());
    let mut vm = vm_with(blob);
    imports_sample_with_frozen_traceback(&mut vm);
}

#[test]
fn comments_are_stripped_outside_strings_only() {
    let src = "x = '#a' # c1\ny = \"\\\"#\" + r'\\'#' #c2\n# whole line\nz = '''#\n# in\n''' # c3\nw = f\"{x}#\"   \n\u{e9} = 1 # \u{e9}";
    let want =
        "x = '#a'\ny = \"\\\"#\" + r'\\'#'\n\nz = '''#\n# in\n'''\nw = f\"{x}#\"\n\u{e9} = 1";
    assert_eq!(write::strip_comments(src), want);
}

#[test]
fn source_entries_compile_to_the_same_code() {
    let mut vm = vm_with(&[]);
    let commented = SRC.replace("total = 0", "total = 0  # 'quoted' \"#\"");
    let code = write::freeze(&mut vm, "sample", &commented).unwrap();
    let m = write::as_source(&mut vm, &code, &commented).unwrap();
    assert_eq!(m.kind, KIND_SOURCE);
    assert!(!core::str::from_utf8(&m.code).unwrap().contains("quoted"));
    let blob: &'static [u8] = Box::leak(write::blob(&[m]).into_boxed_slice());
    let entry = load::find(blob, "sample", true).unwrap().unwrap();
    assert_eq!(entry.kind, KIND_SOURCE);
    // Built in another VM: `freeze` keeps the source it compiles.
    let bytes = sample(&mut vm);
    let mut vm = vm_with(blob);
    let from_source = entry_code(&mut vm, &entry).unwrap();
    let expected = load::load_code(&mut vm, &bytes, "<frozen sample>").unwrap();
    same(&vm, &from_source, &expected);
    // Imported and run: the same traceback as from bytecode (no source
    // lines: frozen modules show none).
    imports_sample_with_frozen_traceback(&mut vm);
}

#[test]
fn a_bad_source_entry_raises_instead_of_panicking() {
    let source_blob = |code: &[u8]| -> &'static [u8] {
        let m = write::Module {
            name: String::from("bad"),
            filename: filename_for("bad"),
            kind: KIND_SOURCE,
            code: code.to_vec(),
        };
        Box::leak(write::blob(&[m]).into_boxed_slice())
    };
    let mut vm = vm_with(source_blob(b"def f(:\n"));
    vm.load("import bad\n", "main.py").unwrap();
    assert_eq!(run_to_end(&mut vm), Status::Error);
    assert!(vm.take_error().contains("SyntaxError"));
    let mut vm = vm_with(source_blob(&[b'x', 0xff]));
    vm.load("import bad\n", "main.py").unwrap();
    assert_eq!(run_to_end(&mut vm), Status::Error);
    assert!(vm
        .take_error()
        .contains("ImportError: frozen module 'bad' is corrupt: invalid UTF-8"));
}
