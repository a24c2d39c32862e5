//! `cargo xtask test`: every check CI runs. `cargo xtask play` / `bench`:
//! see README.
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

fn run_one(bin: &Path, test: &Path, extra: &[&str]) -> Option<String> {
    let dir = test.parent()?;
    let mut child = Command::new(bin)
        .args(extra)
        .arg(test.file_name()?)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) => {
                if start.elapsed() > Duration::from_secs(20) {
                    let _ = child.kill();
                    return Some(String::from("<timeout>"));
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            Err(_) => return None,
        }
    }
    let out = child.wait_with_output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn conformance(bin: &Path, mode: &str, extra: &[&str]) -> bool {
    let root = root();
    let tests_dir = root.join("tests/py");
    let mut tests = Vec::new();
    collect_tests(&tests_dir, &mut tests);
    let known: BTreeSet<String> = std::fs::read_to_string(tests_dir.join("known-failures.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let (mut passed, mut failed, mut known_failed, mut now_passing) = (0, 0, 0, Vec::new());
    let mut failures = Vec::new();
    for t in &tests {
        let rel = t
            .strip_prefix(&tests_dir)
            .unwrap_or(t)
            .to_string_lossy()
            .to_string();
        let exp_path = t.with_extension("exp");
        let exp_path = if exp_path.exists() {
            exp_path
        } else {
            t.with_extension("out")
        };
        let Ok(expected) = std::fs::read_to_string(&exp_path) else {
            continue;
        };
        let got = run_one(bin, t, extra).unwrap_or_default();
        let ok = got == expected;
        let is_known = known.contains(&rel);
        match (ok, is_known) {
            (true, false) => passed += 1,
            (true, true) => {
                passed += 1;
                now_passing.push(rel);
            }
            (false, true) => known_failed += 1,
            (false, false) => {
                failed += 1;
                failures.push(rel);
            }
        }
    }
    for f in &failures {
        eprintln!("FAIL [{}] {}", mode, f);
    }
    if !now_passing.is_empty() {
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
    // `deep_nesting` (parser) overflows its 256 KB test thread in this build: tracked on issue 2.
    ok &= run(Command::new("cargo")
        .args([
            "test",
            "-p",
            "ferrite-vm",
            "--lib",
            "--",
            "--skip",
            "deep_nesting",
        ])
        .current_dir(&root));
    ok &= run(Command::new("cargo")
        .args(["build", "-p", "ferrite-cli"])
        .current_dir(&root));
    let bin = root.join("target/debug/ferrite");
    ok &= conformance(&bin, "default", &[]);
    ok &= conformance(&bin, "budget-3", &["--budget", "3"]);
    ok
}

fn update_known() {
    // Regenerate known-failures.txt from the current state (for maintainers).
    let root = root();
    let _ = run(Command::new("cargo")
        .args(["build", "-p", "ferrite-cli"])
        .current_dir(&root));
    let bin = root.join("target/debug/ferrite");
    let tests_dir = root.join("tests/py");
    let mut tests = Vec::new();
    collect_tests(&tests_dir, &mut tests);
    let mut lines = vec![
        "# Conformance tests for features not built yet. `cargo xtask test` allows these to"
            .to_string(),
        "# fail; every other test must pass. Shrink this list; never add a regression to it."
            .to_string(),
    ];
    for t in &tests {
        let exp = t.with_extension("exp");
        let exp = if exp.exists() {
            exp
        } else {
            t.with_extension("out")
        };
        let Ok(expected) = std::fs::read_to_string(&exp) else {
            continue;
        };
        let ok = run_one(&bin, t, &[])
            .map(|g| g == expected)
            .unwrap_or(false)
            && run_one(&bin, t, &["--budget", "3"])
                .map(|g| g == expected)
                .unwrap_or(false);
        if !ok {
            lines.push(
                t.strip_prefix(&tests_dir)
                    .unwrap_or(t)
                    .to_string_lossy()
                    .to_string(),
            );
        }
    }
    let _ = std::fs::write(
        tests_dir.join("known-failures.txt"),
        lines.join("\n") + "\n",
    );
    println!(
        "{} known failures of {} tests",
        lines.len() - 2,
        tests.len()
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
        Some("play") => {
            eprintln!(
                "cargo xtask play: the browser playground arrives with the browser issue (#4)."
            );
            std::process::exit(2);
        }
        Some("bench") => {
            if !bench::bench(&args[1..]) {
                eprintln!("xtask bench: FAILED");
                std::process::exit(1);
            }
        }
        _ => {
            eprintln!("usage: cargo xtask <test|play|bench|update-known-failures>");
            std::process::exit(2);
        }
    }
}
