//! `cargo xtask test`: every check CI runs, ending with the QEMU firmware
//! tests (`firmware.rs`). `cargo xtask size`: firmware sizes against
//! `firmware/size-baseline.txt`. `cargo xtask play` / `bench`: see README.
//!
//! The conformance runner compares `ferrite`'s stdout for each
//! `tests/py/<topic>/<name>.py` with `<name>.exp` (hand-written) or
//! `<name>.out` (CPython 3.11). Tests listed in `tests/py/known-failures.txt`
//! are features not built yet: they may fail without failing the run, and
//! the runner says when one starts passing so it can be removed from the
//! list. Any other failure fails the run.

mod bench;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod firmware;
mod wasm_bench;
mod web;

fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

fn run(cmd: &mut Command) -> bool {
    eprintln!("+ {:?}", cmd);
    cmd.status().map(|s| s.success()).unwrap_or(false)
}

fn collect_tests(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_tests(&p, out);
        } else if p.extension().map(|e| e == "py").unwrap_or(false) {
            out.push(p);
        }
    }
}

struct RunOut {
    stdout: String,
    stderr: String,
}

fn run_one(bin: &Path, test: &Path, extra: &[&str]) -> Option<RunOut> {
    let dir = test.parent()?;
    // Tests in a folder named `*_vt` run on a virtual clock, so they can
    // print exact `ticks_ms` deltas.
    let vt = dir
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.ends_with("_vt"))
        .unwrap_or(false);
    let mut child = Command::new(bin)
        .args(extra)
        .args(if vt { &["--virtual-time"][..] } else { &[][..] })
        .arg(test.file_name()?)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    // Read both pipes on threads so a chatty program cannot block on a full pipe.
    let mut so = child.stdout.take()?;
    let mut se = child.stderr.take()?;
    let t1 = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = std::io::Read::read_to_end(&mut so, &mut s);
        s
    });
    let t2 = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = std::io::Read::read_to_end(&mut se, &mut s);
        s
    });
    let start = Instant::now();
    let mut timed_out = false;
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) => {
                // A hang, not a slow test: the GC-stress build collects at
                // every allocation and takes ~30 s of CPU on the slowest
                // programs, longer in wall time on a busy machine.
                if start.elapsed() > Duration::from_secs(180) {
                    let _ = child.kill();
                    let _ = child.wait();
                    timed_out = true;
                    break;
                }
                std::thread::sleep(Duration::from_millis(1));
            }
            Err(_) => return None,
        }
    }
    let stdout = String::from_utf8_lossy(&t1.join().unwrap_or_default()).into_owned();
    let mut stderr = String::from_utf8_lossy(&t2.join().unwrap_or_default()).into_owned();
    if timed_out {
        stderr.push_str("\n<timeout>");
    }
    Some(RunOut { stdout, stderr })
}

/// How a mode judges a run.
#[derive(Clone, Copy, PartialEq)]
enum Check {
    /// stdout equals the expected output.
    Exact,
    /// Tiny heap: the expected output, or a clean MemoryError traceback.
    ExactOrMemoryError,
}

fn judge(out: &RunOut, expected: &str, check: Check) -> bool {
    if out.stderr.contains("panicked") || out.stderr.contains("<timeout>") {
        return false;
    }
    if out.stdout == expected {
        return true;
    }
    check == Check::ExactOrMemoryError
        && out.stderr.trim_end().ends_with("MemoryError")
        && out.stderr.starts_with("Traceback (most recent call last):")
}

#[derive(Clone)]
struct Case {
    rel: String,
    path: PathBuf,
    expected: String,
}

/// The conformance programs whose path contains `filter` ("" for all).
fn cases(filter: &str) -> Vec<Case> {
    let tests_dir = root().join("tests/py");
    let mut tests = Vec::new();
    collect_tests(&tests_dir, &mut tests);
    tests.retain(|t| t.to_string_lossy().contains(filter));
    let mut out = Vec::new();
    for t in tests {
        let exp = t.with_extension("exp");
        let exp = if exp.exists() {
            exp
        } else {
            t.with_extension("out")
        };
        let Ok(expected) = std::fs::read_to_string(&exp) else {
            continue;
        };
        let rel = t
            .strip_prefix(&tests_dir)
            .unwrap_or(&t)
            .to_string_lossy()
            .to_string();
        out.push(Case {
            rel,
            path: t,
            expected,
        });
    }
    out
}

/// The cases for the board value layout (`compact`: 32-bit small ints,
/// f32 floats), run on the host: all but those in `tests/py/f64-only.txt`
/// (output that depends on double precision), each expecting its
/// `NAME.f32.exp` where one exists. The QEMU firmwares use the same rules.
fn compact_cases(all: &[Case]) -> Vec<Case> {
    let f64_only = f64_only();
    all.iter()
        .filter(|c| !f64_only.contains(&c.rel))
        .map(|c| {
            let f32_exp = c.path.with_extension("f32.exp");
            let expected = std::fs::read_to_string(f32_exp).unwrap_or_else(|_| c.expected.clone());
            Case {
                expected,
                ..c.clone()
            }
        })
        .collect()
}

/// `tests/py/f64-only.txt`: programs whose output depends on f64 floats.
pub(crate) fn f64_only() -> BTreeSet<String> {
    list_file("tests/py/f64-only.txt")
}

fn known_failures() -> BTreeSet<String> {
    list_file("tests/py/known-failures.txt")
}

fn list_file(rel: &str) -> BTreeSet<String> {
    std::fs::read_to_string(root().join(rel))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Run every case in `mode` on 2 threads; returns per-case pass/fail.
fn run_cases(bin: &Path, cases: &[Case], extra: &[&str], check: Check) -> Vec<bool> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(vec![false; cases.len()]);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                if i >= cases.len() {
                    break;
                }
                let ok = run_one(bin, &cases[i].path, extra)
                    .map(|o| judge(&o, &cases[i].expected, check))
                    .unwrap_or(false);
                if let Ok(mut r) = results.lock() {
                    r[i] = ok;
                }
            });
        }
    });
    results.into_inner().unwrap_or_default()
}

fn conformance(cases: &[Case], bin: &Path, mode: &str, extra: &[&str], check: Check) -> bool {
    let known = known_failures();
    let results = run_cases(bin, cases, extra, check);
    let (mut passed, mut failed, mut known_failed) = (0, 0, 0);
    let mut now_passing = Vec::new();
    for (c, &ok) in cases.iter().zip(results.iter()) {
        let is_known = known.contains(&c.rel);
        match (ok, is_known) {
            (true, false) => passed += 1,
            (true, true) => {
                passed += 1;
                now_passing.push(c.rel.clone());
            }
            (false, true) => known_failed += 1,
            (false, false) => {
                failed += 1;
                eprintln!("FAIL [{}] {}", mode, c.rel);
            }
        }
    }
    if !now_passing.is_empty() && mode == "default" {
        eprintln!(
            "[{}] {} known failures now pass (remove them from known-failures.txt):",
            mode,
            now_passing.len()
        );
        for p in &now_passing {
            eprintln!("  {}", p);
        }
    }
    println!(
        "conformance[{}]: {} passed, {} failed, {} known failures",
        mode, passed, failed, known_failed
    );
    failed == 0
}

fn test() -> bool {
    let root = root();
    let mut ok = true;
    ok &= run(Command::new("cargo")
        .args(["fmt", "--all", "--check"])
        .current_dir(&root));
    ok &= run(Command::new("cargo")
        .args(["test", "-p", "ferrite-vm", "--lib", "--tests"])
        .current_dir(&root));
    // The boards' smallest configuration (the 300 KB goal's, `cargo xtask
    // size`'s core image): the VM without its optional features and with
    // the boards' value layout (i32 small ints, f32 floats), with the unit
    // tests that cover what those features replace (libm math, ASCII case
    // mapping). Tests of f64 text are ignored there.
    ok &= run(Command::new("cargo")
        .args([
            "test",
            "-p",
            "ferrite-vm",
            "--no-default-features",
            "--features",
            "compact-value",
            "--lib",
        ])
        .current_dir(&root));
    ok &= run(Command::new("cargo")
        .args([
            "clippy",
            "-p",
            "ferrite-vm",
            "--no-default-features",
            "--features",
            "compact-value",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(&root));
    // The virtual board and `machine.Pin` on it.
    ok &= run(Command::new("cargo")
        .args(["test", "-p", "ferrite-board"])
        .current_dir(&root));
    ok &= run(Command::new("cargo")
        .args([
            "clippy",
            "-p",
            "ferrite-vm",
            "-p",
            "ferrite-cli",
            "-p",
            "xtask",
            "-p",
            "ferrite-board",
            "-p",
            "ferrite-wasm",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(&root));
    // The VM is no_std: it must build for the browser as it does for boards
    // (the firmware step below builds thumbv6m and riscv32imc).
    ok &= run(Command::new("cargo")
        .args([
            "build",
            "-p",
            "ferrite-vm",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .current_dir(&root));
    // The browser API (`Playground`) in Node and headless Chromium.
    ok &= web::wasm_tests();
    ok &= run(Command::new("cargo")
        .args(["test", "-p", "ferrite-cli"])
        .current_dir(&root));
    ok &= build_ferrites(&root);
    ok &= conformance_all_modes(&root, "");
    ok &= firmware::test();
    ok &= web::e2e();
    ok
}

/// The conformance programs whose path contains `filter` in the seven
/// modes; the two `ferrite` builds must exist (see `build_ferrites`).
fn conformance_all_modes(root: &Path, filter: &str) -> bool {
    let mut ok = true;
    let all = cases(filter);
    let bin = root.join("target/debug/ferrite");
    let stress = root.join("target/stress/debug/ferrite");
    ok &= conformance(&all, &bin, "default", &[], Check::Exact);
    for b in ["1", "3", "17", "1000"] {
        ok &= conformance(
            &all,
            &bin,
            &format!("budget-{}", b),
            &["--budget", b],
            Check::Exact,
        );
    }
    ok &= conformance(&all, &stress, "stress-gc", &[], Check::Exact);
    ok &= conformance(
        &compact_cases(&all),
        &root.join("target/compact/debug/ferrite"),
        "compact",
        &[],
        Check::Exact,
    );
    ok &= conformance(
        &all,
        &bin,
        "heap-32K",
        &["-X", "heapsize=32K"],
        Check::ExactOrMemoryError,
    );
    // File programs run on the host mount above (the test's folder); here
    // again on the in-memory FS the browser uses.
    let files: Vec<Case> = all
        .iter()
        .filter(|c| c.rel.starts_with("files"))
        .cloned()
        .collect();
    ok &= conformance(&files, &bin, "memfs", &["--fs", "mem"], Check::Exact);
    // Programs importing a frozen module, with the modules compiled from
    // source at import as in the browser (`ferrite_frozen::FROZEN_SOURCE`).
    let frozen = frozen_importers(root, all);
    ok &= conformance(
        &frozen,
        &bin,
        "frozen-source",
        &["--frozen-source"],
        Check::Exact,
    );
    ok
}

/// The cases whose source mentions `import NAME` or `from NAME` for a
/// module of `vm/lib` (a superset is fine: it only adds runs).
fn frozen_importers(root: &Path, all: Vec<Case>) -> Vec<Case> {
    let names: Vec<String> = std::fs::read_dir(root.join("vm/lib"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter_map(|e| {
                    let p = e.path();
                    (p.extension()? == "py").then(|| p.file_stem()?.to_str().map(String::from))?
                })
                .collect()
        })
        .unwrap_or_default();
    all.into_iter()
        .filter(|c| {
            let src = std::fs::read_to_string(&c.path).unwrap_or_default();
            names.iter().any(|n| {
                src.contains(&format!("import {}", n)) || src.contains(&format!("from {} ", n))
            })
        })
        .collect()
}

/// `cargo xtask py [FILTER]`: build both `ferrite`s and run the conformance
/// programs (those whose path contains FILTER) in all modes. For quick
/// iteration; `test` is what CI runs.
fn py(args: &[String]) -> bool {
    let root = root();
    let filter = args.first().map(String::as_str).unwrap_or("");
    build_ferrites(&root) && conformance_all_modes(&root, filter)
}

/// The `ferrite`s the conformance modes run: the debug build, the GC-stress
/// build (a collection at every allocation, freed slots poisoned; debug
/// assertions catch any use of one) and the board value layout
/// (`compact-value`: i32 small ints, f32 floats).
fn build_ferrites(root: &Path) -> bool {
    let build = |extra: &[&str]| {
        run(Command::new("cargo")
            .args(["build", "-p", "ferrite-cli"])
            .args(extra)
            .current_dir(root))
    };
    build(&[])
        && build(&["--features", "stress-gc", "--target-dir", "target/stress"])
        && build(&[
            "--features",
            "ferrite-vm/compact-value",
            "--target-dir",
            "target/compact",
        ])
}

fn update_known() {
    // Regenerate known-failures.txt from the current state (for maintainers):
    // a test is listed when it fails in the default or budget-3 mode.
    let root = root();
    let _ = run(Command::new("cargo")
        .args(["build", "-p", "ferrite-cli"])
        .current_dir(&root));
    let bin = root.join("target/debug/ferrite");
    let cases = cases("");
    let a = run_cases(&bin, &cases, &[], Check::Exact);
    let b = run_cases(&bin, &cases, &["--budget", "3"], Check::Exact);
    let mut lines = vec![
        "# Conformance tests for features not built yet. `cargo xtask test` allows these to"
            .to_string(),
        "# fail; every other test must pass. Shrink this list; never add a regression to it."
            .to_string(),
    ];
    for (i, c) in cases.iter().enumerate() {
        if !(a[i] && b[i]) {
            lines.push(c.rel.clone());
        }
    }
    let _ = std::fs::write(
        root.join("tests/py/known-failures.txt"),
        lines.join("\n") + "\n",
    );
    println!(
        "{} known failures of {} tests",
        lines.len() - 2,
        cases.len()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("test") => {
            if test() {
                println!("xtask test: all checks passed");
            } else {
                eprintln!("xtask test: FAILED");
                std::process::exit(1);
            }
        }
        Some("update-known-failures") => update_known(),
        Some("py") => {
            if !py(&args[1..]) {
                eprintln!("xtask py: FAILED");
                std::process::exit(1);
            }
        }
        Some("firmware") => {
            // Only the QEMU firmware part of `test`.
            if !firmware::test() {
                eprintln!("xtask firmware: FAILED");
                std::process::exit(1);
            }
        }
        Some("size") => {
            if !firmware::size(args.iter().any(|a| a == "--panics")) {
                eprintln!("xtask size: FAILED");
                std::process::exit(1);
            }
        }
        Some("play") => {
            if !web::play(&args[1..]) {
                std::process::exit(1);
            }
        }
        Some("wasm-test") => {
            // Only the wasm-bindgen tests of `test` (Node and Chromium).
            if !web::wasm_tests() {
                eprintln!("xtask wasm-test: FAILED");
                std::process::exit(1);
            }
        }
        Some("e2e") => {
            // Only the browser part of `test`.
            if !web::e2e() {
                eprintln!("xtask e2e: FAILED");
                std::process::exit(1);
            }
        }
        Some("bench") if args.iter().any(|a| a == "--wasm") => {
            if !wasm_bench::bench(&args[1..]) {
                eprintln!("xtask bench --wasm: FAILED");
                std::process::exit(1);
            }
        }
        Some("bench") => {
            if !bench::bench(&args[1..]) {
                eprintln!("xtask bench: FAILED");
                std::process::exit(1);
            }
        }
        _ => {
            eprintln!("usage: cargo xtask <test|py [FILTER]|firmware|size [--panics]|play [--port N]|e2e|wasm-test|bench [--wasm]|update-known-failures>");
            std::process::exit(2);
        }
    }
}
