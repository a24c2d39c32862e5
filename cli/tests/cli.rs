//! End-to-end tests of the `ferrite` command: exit statuses, traceback
//! text, the heap limit, syntax errors, stdin, and the REPL.

mod common;
use common::script;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn ferrite(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferrite"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ferrite");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn uncaught_exception_prints_cpython_traceback_and_exits_1() {
    let p = script(
        "tb.py",
        "def f(x):\n    return 1 / x\n\nprint('before')\nf(0)\n",
    );
    let out = ferrite(&[&p], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "before\n");
    let expected = format!(
        "Traceback (most recent call last):\n  File \"{p}\", line 5, in <module>\n    f(0)\n  File \"{p}\", line 2, in f\n    return 1 / x\nZeroDivisionError: division by zero\n"
    );
    assert_eq!(text(&out.stderr), expected);
}

#[test]
fn system_exit_sets_the_status() {
    assert_eq!(
        ferrite(&["-c", "import sys; sys.exit(3)"], "")
            .status
            .code(),
        Some(3)
    );
    assert_eq!(
        ferrite(&["-c", "raise SystemExit"], "").status.code(),
        Some(0)
    );
    let out = ferrite(&["-c", "import sys; sys.exit('bye')"], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "bye\n");
}

#[test]
fn argv_is_set() {
    let p = script("argv.py", "import sys\nprint(sys.argv[1:])\n");
    let out = ferrite(&[&p, "a", "b c"], "");
    assert_eq!(text(&out.stdout), "['a', 'b c']\n");
}

#[test]
fn uncaught_exception_message_is_its_str() {
    // The class's own __str__, as CPython prints it; a failing one still
    // gives the traceback.
    let src = "class E(Exception):\n    def __str__(self):\n        return 'custom ' + str(self.args[0])\n\
               raise E(7)\n";
    let out = ferrite(&["-c", src], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).ends_with("\nE: custom 7\n"),
        "{}",
        text(&out.stderr)
    );
    let src = "class E(Exception):\n    def __str__(self):\n        return 5\nraise E()\n";
    let out = ferrite(&["-c", src], "");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.ends_with("\nE: <exception str() failed>\n"), "{}", err);
}

#[test]
fn heap_limit_gives_memory_error_not_abort() {
    let out = ferrite(
        &[
            "-X",
            "heapsize=64K",
            "-c",
            "x = []\nwhile True:\n    x.append('y' * 100)\n",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(err.ends_with("MemoryError\n"), "{err}");
}

#[test]
fn syntax_error_reports_line_and_column() {
    let p = script("bad.py", "x = 1\nif x\n    pass\n");
    let out = ferrite(&[&p], "");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains(&format!("File \"{p}\", line 2")), "{err}");
    assert!(err.contains("    if x\n"), "{err}");
    assert!(err.contains("^"), "{err}");
    assert!(err.ends_with("SyntaxError: expected ':'\n"), "{err}");
}

#[test]
fn input_reads_stdin_and_eof_raises() {
    let out = ferrite(
        &["-c", "n = input('name? ')\nprint('hi', n)\ninput()"],
        "ada\n",
    );
    assert_eq!(text(&out.stdout), "name? hi ada\n");
    assert!(text(&out.stderr).ends_with("EOFError: EOF when reading a line\n"));
}

#[test]
fn piped_stdin_runs_as_a_script() {
    let out = ferrite(&[], "for i in range(3):\n    print(i)\n");
    assert_eq!(text(&out.stdout), "0\n1\n2\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn repl_echoes_results_and_keeps_state() {
    let input = "1 + 2\nx = 5\nx * 2\n_\ndef f():\n    return 'ok'\n\nf()\nNone\n1/0\nx\n";
    let out = ferrite(&["-i"], input);
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("Ferrite "), "{stdout}");
    let body = lines[2..].join("\n");
    assert_eq!(
        body,
        ">>> 3\n>>> >>> 10\n>>> 10\n>>> ... ... >>> 'ok'\n>>> >>> >>> 5\n>>> "
    );
    assert!(text(&out.stderr).contains("ZeroDivisionError: division by zero"));
}

#[test]
fn dis_prints_bytecode() {
    let p = script("dis.py", "def add(a, b):\n    return a + b\n");
    let out = ferrite(&["--dis", &p], "");
    let s = text(&out.stdout);
    assert!(s.contains("code add"), "{s}");
    assert!(
        s.contains("LoadFast(0) ('a')") && s.contains("Binary(Add)") && s.contains("Return"),
        "{s}"
    );
}

#[test]
fn repl_on_a_terminal_handles_ctrl_c_paste_and_history() {
    // Python's `pty` module gives the REPL a real terminal; python3 is
    // already required by the suite (expected outputs, benchmarks).
    let out = Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pty_repl.py"))
        .arg(env!("CARGO_BIN_EXE_ferrite"))
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout), "ok\n");
}

#[test]
fn dash_m_runs_a_module_as_main() {
    let dir = std::env::temp_dir().join(format!("ferrite-m-test-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pkg")).expect("tmp dir");
    std::fs::write(
        dir.join("pkg/tool.py"),
        "import sys\nprint(__name__, sys.argv[1:])\n",
    )
    .expect("write module");
    let out = Command::new(env!("CARGO_BIN_EXE_ferrite"))
        .args(["-m", "pkg.tool", "a", "b"])
        .current_dir(&dir)
        .output()
        .expect("spawn");
    assert_eq!(text(&out.stdout), "__main__ ['a', 'b']\n");
    let out = Command::new(env!("CARGO_BIN_EXE_ferrite"))
        .args(["-m", "nosuch"])
        .current_dir(&dir)
        .output()
        .expect("spawn");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "ferrite: No module named nosuch\n");
}

#[test]
fn a_file_can_outgrow_the_heap() {
    // Open files hold a small buffer, never the whole file: a data logger
    // appends 300 KB to a file with a 128 KB heap and reads it back.
    let src = "\
for k in range(10):
    with open('log.csv', 'a') as f:
        for i in range(1000):
            f.write('%d,%d,%s\\n' % (k, i, 'x' * 20))
n = 0
s = 0
with open('log.csv') as f:
    for line in f:
        n += 1
        s += int(line.split(',')[1])
print(n, s)
";
    let path = script("outgrow.py", src);
    let out = ferrite(&["-X", "heapsize=128K", "--fs", "mem", &path], "");
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "10000 4995000\n");
}

#[test]
fn traceback_through_a_frozen_module_names_it() {
    // vm/lib/heapq.py, frozen: CPython's `<frozen name>` file names, the
    // line numbers of the .py file, no source text (none is embedded).
    let out = ferrite(&["-c", "import heapq\nheapq.heappush(None, 1)\n"], "");
    assert_eq!(out.status.code(), Some(1));
    let expected = "Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\n    heapq.heappush(None, 1)\n  File \"<frozen heapq>\", line 45, in heappush\n  File \"<frozen heapq>\", line 12, in _check\nTypeError: heappush() argument 1 must be list, not None\n";
    assert_eq!(text(&out.stderr), expected);
}

#[test]
fn dis_frozen_prints_a_frozen_modules_bytecode() {
    let out = ferrite(&["--dis-frozen", "heapq"], "");
    let s = text(&out.stdout);
    assert!(s.starts_with("# <frozen heapq>\ncode <module>"), "{s}");
    assert!(
        s.contains("code heappush") && s.contains("LoadGlobal"),
        "{s}"
    );
    let out = ferrite(&["--dis-frozen", "nosuch"], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "no frozen module named 'nosuch'\n");
}

/// "Did you mean" on the last line of a NameError's or AttributeError's
/// traceback. Expected lines: CPython 3.11's stderr for the same programs.
#[test]
fn tracebacks_suggest_close_names_as_cpython() {
    let cases = [
        (
            "prnt(1)",
            "NameError: name 'prnt' is not defined. Did you mean: 'print'?",
        ),
        (
            "Print(1)",
            "NameError: name 'Print' is not defined. Did you mean: 'print'?",
        ),
        (
            "lenght = 3\nprint(length)",
            "NameError: name 'length' is not defined. Did you mean: 'lenght'?",
        ),
        (
            "value_total = 10\nprint(value_totl)",
            "NameError: name 'value_totl' is not defined. Did you mean: 'value_total'?",
        ),
        (
            "def f():\n    countr = 1\n    return count\nf()",
            "NameError: name 'count' is not defined. Did you mean: 'countr'?",
        ),
        (
            "def h(valuee):\n    return value\nh(1)",
            "NameError: name 'value' is not defined. Did you mean: 'valuee'?",
        ),
        ("zzzzzz", "NameError: name 'zzzzzz' is not defined"),
        (
            "[].apend(1)",
            "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?",
        ),
        (
            "\"abc\".uper()",
            "AttributeError: 'str' object has no attribute 'uper'. Did you mean: 'upper'?",
        ),
        (
            "import math\nmath.sqroot(2)",
            "AttributeError: module 'math' has no attribute 'sqroot'. Did you mean: 'sqrt'?",
        ),
        (
            "import math\nmath.PI",
            "AttributeError: module 'math' has no attribute 'PI'. Did you mean: 'pi'?",
        ),
        (
            "class P:\n    def __init__(self):\n        self.value = 2\nP().valeu",
            "AttributeError: 'P' object has no attribute 'valeu'. Did you mean: 'value'?",
        ),
        (
            "class P:\n    def move(self): pass\nP().mvoe()",
            "AttributeError: 'P' object has no attribute 'mvoe'",
        ),
        (
            "class P:\n    def move(self): pass\nP.mov",
            "AttributeError: type object 'P' has no attribute 'mov'. Did you mean: 'move'?",
        ),
        (
            "{}.iterms()",
            "AttributeError: 'dict' object has no attribute 'iterms'. Did you mean: 'items'?",
        ),
        (
            "class Point: pass\nPrint(1)",
            "NameError: name 'Print' is not defined. Did you mean: 'Point'?",
        ),
        ("raise NameError(\"by hand\")", "NameError: by hand"),
        (
            "raise AttributeError(\"by hand\")",
            "AttributeError: by hand",
        ),
    ];
    for (src, last) in cases {
        let out = ferrite(&["-c", src], "");
        let err = text(&out.stderr);
        assert_eq!(err.trim_end().lines().last(), Some(last), "{src}");
    }
}

#[test]
fn help_lists_the_options_and_a_bad_option_points_to_it() {
    let out = ferrite(&["--help"], "");
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for opt in [
        "-c cmd",
        "-X heapsize=N",
        "--fs DIR",
        "--board virtual",
        "--virtual-time",
    ] {
        assert!(help.contains(opt), "--help lacks {opt}: {help}");
    }
    let out = ferrite(&["--bogus"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown option --bogus (ferrite --help lists them)"));
}
