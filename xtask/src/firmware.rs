//! The QEMU test firmwares (`firmware/`): `test()` builds both, runs them
//! under QEMU and compares each built-in program's output with its expected
//! file, as the host conformance runner does; `size()` reports and checks
//! their section sizes against `firmware/size-baseline.txt`.
//!
//! Output protocol of the firmwares: see `firmware/common/src/lib.rs`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::root;

struct Firmware {
    /// Directory under `firmware/`.
    dir: &'static str,
    /// Its name in programs.txt (`only=`).
    key: &'static str,
    target: &'static str,
    bin: &'static str,
    qemu: &'static [&'static str],
}

const FIRMWARES: &[Firmware] = &[
    Firmware {
        dir: "qemu-cortexm",
        key: "cortexm",
        target: "thumbv6m-none-eabi",
        bin: "ferrite-qemu-cortexm",
        qemu: &[
            "qemu-system-arm",
            "-machine",
            "mps2-an385",
            "-display",
            "none",
            "-monitor",
            "none",
            "-serial",
            "none",
            "-semihosting-config",
            "enable=on,target=native",
            "-kernel",
        ],
    },
    Firmware {
        dir: "qemu-riscv",
        key: "riscv",
        target: "riscv32imc-unknown-none-elf",
        bin: "ferrite-qemu-riscv",
        qemu: &[
            "qemu-system-riscv32",
            "-machine",
            "virt",
            "-bios",
            "none",
            "-display",
            "none",
            "-monitor",
            "none",
            "-serial",
            "stdio",
            "-kernel",
        ],
    },
];

/// A whole firmware run (all programs); a hang ends in a kill.
const RUN_TIMEOUT: Duration = Duration::from_secs(120);

fn fw_dir(fw: &Firmware) -> PathBuf {
    root().join("firmware").join(fw.dir)
}

fn elf_path(fw: &Firmware) -> PathBuf {
    elf_path_of(fw, false)
}

/// Where the core configuration (`--no-default-features`: compiler,
/// builtins and core modules only, see vm/Cargo.toml) is built: its own
/// target directory, so it never replaces the image the tests run.
const CORE_TARGET_DIR: &str = "target/core";

fn elf_path_of(fw: &Firmware, core: bool) -> PathBuf {
    let dir = if core { CORE_TARGET_DIR } else { "target" };
    fw_dir(fw)
        .join(dir)
        .join(fw.target)
        .join("release")
        .join(fw.bin)
}

fn quiet_ok(cmd: &mut Command) -> bool {
    cmd.stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Install QEMU (Debian packages) and the Rust targets when missing.
fn ensure_tools() -> bool {
    let mut ok = true;
    let have_qemu = quiet_ok(Command::new("qemu-system-arm").arg("--version"))
        && quiet_ok(Command::new("qemu-system-riscv32").arg("--version"));
    if !have_qemu {
        eprintln!("firmware: installing QEMU (qemu-system-arm, qemu-system-misc) with apt-get");
        ok &= crate::run(Command::new("apt-get").arg("update"));
        ok &= crate::run(Command::new("apt-get").args([
            "install",
            "-y",
            "--no-install-recommends",
            "qemu-system-arm",
            "qemu-system-misc",
        ]));
    }
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .current_dir(root().join("firmware"))
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let missing: Vec<&str> = FIRMWARES
        .iter()
        .map(|f| f.target)
        .filter(|t| !installed.lines().any(|l| l.trim() == *t))
        .collect();
    if !missing.is_empty() {
        ok &= crate::run(
            Command::new("rustup")
                .args(["target", "add"])
                .args(&missing)
                .current_dir(root().join("firmware")),
        );
    }
    ok
}

fn build(fw: &Firmware) -> bool {
    build_of(fw, false)
}

/// Build the firmware: with every VM module (`full`, what the test
/// programs need), or the core configuration when `core`.
fn build_of(fw: &Firmware, core: bool) -> bool {
    let mut cmd = Command::new("cargo");
    cmd.args(["build", "--release"]);
    if core {
        cmd.args(["--no-default-features", "--target-dir", CORE_TARGET_DIR]);
    }
    cmd.current_dir(fw_dir(fw))
        // Set by `cargo xtask` for the host build; the firmware picks its
        // own target and flags from its .cargo/config.toml.
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_TARGET");
    eprintln!("+ (in firmware/{}) {:?}", fw.dir, cmd);
    // The build's warnings (the VM's too, replayed on every no-op build)
    // belong to the host build; show the output only when it fails.
    match cmd.output() {
        Ok(o) if o.status.success() => true,
        Ok(o) => {
            eprint!("{}", String::from_utf8_lossy(&o.stderr));
            false
        }
        Err(e) => {
            eprintln!("cargo: {}", e);
            false
        }
    }
}

/// Run the firmware under QEMU; its output and exit status, or None on a
/// timeout.
fn run_qemu(fw: &Firmware) -> Option<(Vec<u8>, Option<i32>)> {
    let out_path = fw_dir(fw).join("target").join("qemu-output.txt");
    let out_file = std::fs::File::create(&out_path).ok()?;
    let mut child = Command::new(fw.qemu[0])
        .args(&fw.qemu[1..])
        .arg(elf_path(fw))
        .stdin(Stdio::null())
        .stdout(out_file)
        .stderr(Stdio::inherit())
        .spawn()
        .ok()?;
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() > RUN_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                eprintln!("firmware {}: timeout after {:?}", fw.dir, RUN_TIMEOUT);
                return None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => return None,
        }
    };
    let out = std::fs::read(&out_path).ok()?;
    Some((out, status.code()))
}

/// One program's section of the output.
struct Section {
    name: String,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// `key=value` words of the `end` marker.
    stats: BTreeMap<String, String>,
}

struct Parsed {
    sections: Vec<Section>,
    done: bool,
    panic: Option<String>,
    start: String,
    /// The program that had begun but not ended when the output stopped.
    unfinished: Option<String>,
}

fn parse(out: &[u8]) -> Parsed {
    let mut p = Parsed {
        sections: Vec::new(),
        done: false,
        panic: None,
        start: String::new(),
        unfinished: None,
    };
    let mut cur: Option<Section> = None;
    let mut in_err = false;
    let mut i = 0;
    while i < out.len() {
        let b = out[i];
        if b == 0x01 {
            let end = out[i..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(out.len(), |n| i + n);
            let line = String::from_utf8_lossy(&out[i + 1..end]).into_owned();
            i = end + 1;
            let line = line.strip_prefix("=== ").unwrap_or(&line);
            if let Some(name) = line.strip_prefix("begin ") {
                cur = Some(Section {
                    name: name.to_string(),
                    stdout: Vec::new(),
                    stderr: Vec::new(),
                    stats: BTreeMap::new(),
                });
            } else if let Some(rest) = line.strip_prefix("end ") {
                if let Some(mut s) = cur.take() {
                    for w in rest.split_whitespace().skip(1) {
                        if let Some((k, v)) = w.split_once('=') {
                            s.stats.insert(k.to_string(), v.to_string());
                        }
                    }
                    p.sections.push(s);
                }
            } else if line.starts_with("done") {
                p.done = true;
            } else if let Some(msg) = line.strip_prefix("panic: ") {
                // The message may go on over more lines (up to the end).
                let rest = String::from_utf8_lossy(&out[i.min(out.len())..]);
                p.panic = Some(format!("{}{}", msg, rest.trim_end()));
                i = out.len();
            } else if let Some(s) = line.strip_prefix("start ") {
                p.start = s.to_string();
            }
            continue;
        }
        match (b, cur.as_mut()) {
            (0x02, _) => in_err = true,
            (0x03, _) => in_err = false,
            (_, Some(s)) if in_err => s.stderr.push(b),
            (_, Some(s)) => s.stdout.push(b),
            _ => {}
        }
        i += 1;
    }
    p.unfinished = cur.map(|s| s.name);
    p
}

/// The programs of firmware/programs.txt built into this firmware: path
/// relative to the repo root, and the expected `status=` if given.
fn programs(fw: &Firmware) -> Vec<(String, Option<String>)> {
    let text = std::fs::read_to_string(root().join("firmware/programs.txt")).unwrap_or_default();
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let mut words = line.split_whitespace();
        let Some(name) = words.next() else { continue };
        let mut wanted = true;
        let mut status = None;
        for w in words {
            if let Some(k) = w.strip_prefix("only=") {
                wanted &= k == fw.key;
            } else if let Some(s) = w.strip_prefix("status=") {
                status = Some(s.to_string());
            }
        }
        if wanted {
            out.push((name.to_string(), status));
        }
    }
    out
}

/// The boards' floats are f32 (`compact_value`): `NAME.f32.exp` first.
fn expected_file(name: &str) -> PathBuf {
    let p = root().join(name);
    let f32_exp = p.with_extension("f32.exp");
    if f32_exp.exists() {
        return f32_exp;
    }
    let exp = p.with_extension("exp");
    if exp.exists() {
        exp
    } else {
        p.with_extension("out")
    }
}

fn show(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes);
    let mut lines: Vec<&str> = s.lines().collect();
    if lines.len() > 12 {
        lines.truncate(12);
        lines.push("...");
    }
    lines.iter().map(|l| format!("    | {}\n", l)).collect()
}

fn stat(s: &Section, key: &str) -> usize {
    s.stats
        .get(key)
        .and_then(|v| v.split('/').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Check one firmware run against the expected files.
fn check(fw: &Firmware, out: &[u8], code: Option<i32>) -> bool {
    let parsed = parse(out);
    let wanted = programs(fw);
    let mut ok = true;
    // Known failures fail here too: they do not belong in programs.txt.
    let known =
        std::fs::read_to_string(root().join("tests/py/known-failures.txt")).unwrap_or_default();
    for (name, _) in &wanted {
        if let Some(rel) = name.strip_prefix("tests/py/") {
            if known.lines().any(|l| l.trim() == rel) {
                eprintln!(
                    "FAIL [{}] {} is in tests/py/known-failures.txt: remove it from firmware/programs.txt",
                    fw.dir, name
                );
                ok = false;
            }
            if crate::f64_only().contains(rel) {
                eprintln!(
                    "FAIL [{}] {} is in tests/py/f64-only.txt (boards have f32 floats): remove it from firmware/programs.txt",
                    fw.dir, name
                );
                ok = false;
            }
        }
    }
    if let Some(msg) = &parsed.panic {
        eprintln!("FAIL [{}] firmware panicked: {}", fw.dir, msg);
        ok = false;
    }
    if !parsed.done {
        eprintln!(
            "FAIL [{}] firmware stopped in {} after {} programs",
            fw.dir,
            parsed.unfinished.as_deref().unwrap_or("?"),
            parsed.sections.len()
        );
        ok = false;
    }
    if code != Some(0) {
        eprintln!("FAIL [{}] QEMU exit status {:?}", fw.dir, code);
        ok = false;
    }
    let by_name: BTreeMap<&str, &Section> = parsed
        .sections
        .iter()
        .map(|s| (s.name.as_str(), s))
        .collect();
    let (mut passed, mut failed) = (0, 0);
    for (name, want_status) in &wanted {
        let Some(sec) = by_name.get(name.as_str()) else {
            // After a crash the rest never ran: reported once above.
            if parsed.done {
                eprintln!("FAIL [{}] {}: no output section", fw.dir, name);
            }
            failed += 1;
            continue;
        };
        let exp_path = expected_file(name);
        let Ok(expected) = std::fs::read(&exp_path) else {
            eprintln!("FAIL [{}] {}: no expected file", fw.dir, name);
            failed += 1;
            continue;
        };
        let mut problems = Vec::new();
        if sec.stdout != expected {
            problems.push(format!(
                "output differs from {}\n  expected:\n{}  got:\n{}",
                exp_path.display(),
                show(&expected),
                show(&sec.stdout)
            ));
        }
        // Own tests may also name the last line of their traceback.
        let err_path = root().join(name).with_extension("err");
        if let Ok(want) = std::fs::read_to_string(&err_path) {
            let got = String::from_utf8_lossy(&sec.stderr);
            let last = got
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            if last.trim_end() != want.trim_end() {
                problems.push(format!(
                    "last stderr line {:?}, expected {:?}",
                    last,
                    want.trim_end()
                ));
            }
        }
        if sec.stats.get("arena_after").map(String::as_str) != Some("0") {
            problems.push(format!(
                "dropping the VM left {} bytes in the arena",
                sec.stats.get("arena_after").map_or("?", String::as_str)
            ));
        }
        let status = sec.stats.get("status").map_or("?", String::as_str);
        let status_ok = match want_status {
            Some(w) => status == w,
            None => status == "done" || status == "error",
        };
        if !status_ok {
            problems.push(format!(
                "ended with status {}, expected {}",
                status,
                want_status.as_deref().unwrap_or("done or error")
            ));
        }
        if problems.is_empty() {
            passed += 1;
        } else {
            failed += 1;
            for p in problems {
                eprintln!("FAIL [{}] {}: {}", fw.dir, name, p);
            }
            if !sec.stderr.is_empty() {
                eprintln!("  stderr:\n{}", show(&sec.stderr));
            }
        }
    }
    // Memory and stack summary: the largest users, from the firmware's own
    // measurements (arena = global allocator, heap = VM accounting).
    let mut by_arena: Vec<&Section> = parsed.sections.iter().collect();
    by_arena.sort_by_key(|s| std::cmp::Reverse(stat(s, "arena_peak")));
    if let Some(first) = parsed.sections.first() {
        println!(
            "firmware[{}] {}: boot uses {} B of VM heap, {} B of arena",
            fw.dir,
            parsed.start,
            stat(first, "heap_boot"),
            stat(first, "arena_boot"),
        );
    }
    for s in by_arena.iter().take(5) {
        println!(
            "  peak arena {:>7} B  heap {:>7} B  stack {:>6} B  {:>9} instr  {} ({})",
            stat(s, "arena_peak"),
            stat(s, "heap_max"),
            stat(s, "stack"),
            stat(s, "instr"),
            s.name,
            s.stats.get("status").map_or("?", String::as_str)
        );
    }
    let max_stack = parsed.sections.iter().map(|s| stat(s, "stack")).max();
    // The high-water mark reaching the end of the stack region means the
    // stack overflowed (on RISC-V into unused memory, so nothing faulted).
    let stack_size: usize = parsed
        .start
        .split_whitespace()
        .find_map(|w| w.strip_prefix("stack="))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    for s in &parsed.sections {
        if stack_size > 0 && stat(s, "stack") + 64 >= stack_size {
            eprintln!(
                "FAIL [{}] {}: stack overflow ({} of {} B)",
                fw.dir,
                s.name,
                stat(s, "stack"),
                stack_size
            );
            ok = false;
        }
    }
    let report = fw_dir(fw).join("target").join("programs-report.txt");
    let mut text =
        String::from("# name status instr heap_boot heap_max arena_boot arena_peak stack\n");
    for s in &parsed.sections {
        text.push_str(&format!(
            "{} {} {} {} {} {} {} {}\n",
            s.name,
            s.stats.get("status").map_or("?", String::as_str),
            stat(s, "instr"),
            stat(s, "heap_boot"),
            stat(s, "heap_max"),
            stat(s, "arena_boot"),
            stat(s, "arena_peak"),
            stat(s, "stack"),
        ));
    }
    let _ = std::fs::write(&report, text);
    println!(
        "firmware[{}]: {} passed, {} failed; max stack {} of {} B; per-program table in {}",
        fw.dir,
        passed,
        failed,
        max_stack.unwrap_or(0),
        stack_size,
        report.display()
    );
    ok && failed == 0
}

/// Build both firmwares, run them under QEMU, compare every program's
/// output with its expected file.
pub fn test() -> bool {
    if !ensure_tools() {
        eprintln!("firmware: could not install QEMU or the Rust targets");
        return false;
    }
    let mut ok = true;
    for fw in FIRMWARES {
        let start = Instant::now();
        // `cargo fmt --all` at the root does not reach these crates.
        ok &= crate::run(
            Command::new("cargo")
                .args(["fmt", "--all", "--check"])
                .current_dir(fw_dir(fw)),
        );
        if !build(fw) {
            eprintln!("FAIL [{}] build failed", fw.dir);
            ok = false;
            continue;
        }
        let built = start.elapsed();
        let Some((out, code)) = run_qemu(fw) else {
            ok = false;
            continue;
        };
        ok &= check(fw, &out, code);
        println!(
            "firmware[{}]: build {:.1} s, QEMU run {:.1} s",
            fw.dir,
            built.as_secs_f64(),
            (start.elapsed() - built).as_secs_f64()
        );
    }
    ok
}

// ---- sizes ----

/// Section sizes (bytes) of an ELF32 little-endian image, by name, plus
/// the size of the symbol whose name contains `ARENA_MEM`.
fn elf_sizes(path: &Path) -> Option<(BTreeMap<String, u64>, u64)> {
    let d = std::fs::read(path).ok()?;
    let u16_at = |o: usize| -> Option<u64> {
        Some(u16::from_le_bytes(d.get(o..o + 2)?.try_into().ok()?) as u64)
    };
    let u32_at = |o: usize| -> Option<u64> {
        Some(u32::from_le_bytes(d.get(o..o + 4)?.try_into().ok()?) as u64)
    };
    if d.get(0..4)? != b"\x7fELF" || d.get(4)? != &1 {
        return None;
    }
    let shoff = u32_at(0x20)? as usize;
    let shentsize = u16_at(0x2e)? as usize;
    let shnum = u16_at(0x30)? as usize;
    let shstrndx = u16_at(0x32)? as usize;
    let sh = |i: usize, field: usize| u32_at(shoff + i * shentsize + field);
    let strtab_off = sh(shstrndx, 0x10)? as usize;
    let cstr = |o: usize| -> String {
        let end = d[o..]
            .iter()
            .position(|&c| c == 0)
            .map_or(d.len(), |n| o + n);
        String::from_utf8_lossy(&d[o..end]).into_owned()
    };
    let mut sizes = BTreeMap::new();
    let mut arena = 0;
    for i in 0..shnum {
        let name = cstr(strtab_off + sh(i, 0)? as usize);
        let kind = sh(i, 0x04)?;
        let size = sh(i, 0x14)?;
        *sizes.entry(name).or_insert(0) += size;
        if kind == 2 {
            // SHT_SYMTAB: entries of 16 bytes; names in the linked table.
            let off = sh(i, 0x10)? as usize;
            let names = sh(sh(i, 0x18)? as usize, 0x10)? as usize;
            for s in 0..(size as usize / 16) {
                let e = off + s * 16;
                if cstr(names + u32_at(e)? as usize).contains("ARENA_MEM") {
                    arena = u32_at(e + 8)?;
                }
            }
        }
    }
    Some((sizes, arena))
}

/// The panic sites left in an image: every `core::panic::Location` record
/// in .rodata, as (file, line, column). A record is `{ file: &str, line:
/// u32, col: u32 }` (16 bytes on a 32-bit target) whose `&str` points into
/// .rodata at a path ending in `.rs`. Each costs 16 bytes plus the code
/// that passes it; VM code indexes with `At` to avoid them (vm/src/at.rs).
fn panic_sites(path: &Path) -> Option<Vec<(String, u32, u32)>> {
    let d = std::fs::read(path).ok()?;
    let u16_at = |o: usize| -> Option<usize> {
        Some(u16::from_le_bytes(d.get(o..o + 2)?.try_into().ok()?) as usize)
    };
    let u32_at = |o: usize| -> Option<usize> {
        Some(u32::from_le_bytes(d.get(o..o + 4)?.try_into().ok()?) as usize)
    };
    let (shoff, shentsize, shnum) = (u32_at(0x20)?, u16_at(0x2e)?, u16_at(0x30)?);
    let sh = |i: usize, field: usize| u32_at(shoff + i * shentsize + field);
    let names = sh(u16_at(0x32)?, 0x10)?;
    let (mut addr, mut off, mut size) = (0, 0, 0);
    for i in 0..shnum {
        let n = names + sh(i, 0)?;
        if d.get(n..n + 8)? == b".rodata\0" {
            (addr, off, size) = (sh(i, 0x0c)?, sh(i, 0x10)?, sh(i, 0x14)?);
        }
    }
    let rodata = d.get(off..off + size)?;
    let word =
        |o: usize| u32::from_le_bytes([rodata[o], rodata[o + 1], rodata[o + 2], rodata[o + 3]]);
    let mut sites = Vec::new();
    for o in (0..size.saturating_sub(15)).step_by(4) {
        let (ptr, len) = (word(o) as usize, word(o + 4) as usize);
        if ptr < addr || ptr + len > addr + size || !(4..400).contains(&len) {
            continue;
        }
        let file = &rodata[ptr - addr..ptr - addr + len];
        if file.ends_with(b".rs") && file.iter().all(|c| c.is_ascii_graphic()) {
            let file = String::from_utf8_lossy(file).into_owned();
            sites.push((file, word(o + 8), word(o + 12)));
        }
    }
    sites.sort();
    Some(sites)
}

struct Sizes {
    text: u64,
    rodata: u64,
    data: u64,
    bss: u64,
    arena: u64,
    programs: u64,
}

impl Sizes {
    /// Flash taken by the VM and firmware, without the embedded test programs.
    fn code(&self) -> u64 {
        (self.text + self.rodata + self.data).saturating_sub(self.programs)
    }
    fn line(&self, dir: &str) -> String {
        format!(
            "{} text={} rodata={} data={} bss={} heap={} programs={} code={}",
            dir,
            self.text,
            self.rodata,
            self.data,
            self.bss,
            self.arena,
            self.programs,
            self.code()
        )
    }
}

fn measure(fw: &Firmware, core: bool) -> Option<Sizes> {
    let (s, arena) = elf_sizes(&elf_path_of(fw, core))?;
    let get = |k: &str| s.get(k).copied().unwrap_or(0);
    // Each embedded program: its source, its name, and a 24-byte `Program`
    // (two `&str` and a u64 on a 32-bit target).
    let programs = programs(fw)
        .iter()
        .filter_map(|(p, _)| {
            let m = std::fs::metadata(root().join(p)).ok()?;
            Some(m.len() + p.len() as u64 + 24)
        })
        .sum();
    Some(Sizes {
        // riscv-rt puts start-up code in .init/.init.rust.
        text: get(".text") + get(".init") + get(".init.rust") + get(".vector_table"),
        rodata: get(".rodata") + get(".srodata"),
        data: get(".data") + get(".sdata"),
        bss: get(".bss") + get(".sbss"),
        arena,
        programs,
    })
}

fn kb(b: u64) -> String {
    format!("{:.1} KB", b as f64 / 1024.0)
}

/// `cargo xtask size`: build both firmwares, print their sizes, compare
/// with firmware/size-baseline.txt (growth over 5% fails unless the newest
/// commit message has a `Size-growth: <reason>` line), then record them.
pub fn size(list_panics: bool) -> bool {
    if !ensure_tools() {
        return false;
    }
    let baseline_path = root().join("firmware/size-baseline.txt");
    let baseline: BTreeMap<String, BTreeMap<String, u64>> = std::fs::read_to_string(&baseline_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            let dir = w.next()?.to_string();
            let kv = w
                .filter_map(|x| x.split_once('='))
                .filter_map(|(k, v)| Some((k.to_string(), v.parse().ok()?)))
                .collect();
            Some((dir, kv))
        })
        .collect();
    let message = Command::new("git")
        .args(["log", "-1", "--format=%B"])
        .current_dir(root())
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let growth_reason = message
        .lines()
        .find_map(|l| l.trim().strip_prefix("Size-growth:"))
        .map(|r| r.trim().to_string());
    let mut ok = true;
    let mut lines = vec![
        "# `cargo xtask size`: firmware sizes in bytes, compared by the next run.".to_string(),
        "# code = text + rodata + data - programs (the embedded test programs); heap = the arena."
            .to_string(),
        "# Growth of code or bss over 5% fails unless the newest commit message has a line"
            .to_string(),
        "# `Size-growth: <reason>`. `-core`: built with --no-default-features (no optional"
            .to_string(),
        "# VM modules), the configuration of the 300 KB goal.".to_string(),
    ];
    // The full images (what the tests run) and thumbv6m's core
    // configuration: the measure (compiler + builtins + core modules).
    let configs = [
        (&FIRMWARES[0], false),
        (&FIRMWARES[0], true),
        (&FIRMWARES[1], false),
    ];
    for (fw, core) in configs {
        let name = if core {
            format!("{}-core", fw.dir)
        } else {
            fw.dir.to_string()
        };
        if !build_of(fw, core) {
            ok = false;
            continue;
        }
        let Some(s) = measure(fw, core) else {
            eprintln!(
                "size [{}]: cannot read {}",
                name,
                elf_path_of(fw, core).display()
            );
            ok = false;
            continue;
        };
        println!(
            "{} ({}): .text {}  .rodata {}  .data {}  .bss {}  (static heap {});  embedded programs {};  flash without them {}",
            name,
            fw.target,
            kb(s.text),
            kb(s.rodata),
            kb(s.data),
            kb(s.bss),
            kb(s.arena),
            kb(s.programs),
            kb(s.code())
        );
        if let Some(sites) = panic_sites(&elf_path_of(fw, core)) {
            let vm = sites.iter().filter(|(f, ..)| f.contains("vm/src/")).count();
            println!(
                "  panic sites (Location records): {} in ferrite-vm, {} in all{}",
                vm,
                sites.len(),
                if list_panics {
                    ":"
                } else {
                    " (--panics lists them)"
                }
            );
            if list_panics {
                for (f, l, c) in &sites {
                    println!("    {}:{}:{}", f, l, c);
                }
            }
        }
        let mut grew = false;
        if let Some(old) = baseline.get(name.as_str()) {
            for (key, new) in [("code", s.code()), ("bss", s.bss)] {
                let Some(&was) = old.get(key) else { continue };
                let pct = if was == 0 {
                    0.0
                } else {
                    (new as f64 - was as f64) * 100.0 / was as f64
                };
                println!("  {}: {} -> {} ({:+.1}%)", key, was, new, pct);
                if pct > 5.0 {
                    match &growth_reason {
                        Some(r) => println!("  growth accepted (Size-growth: {})", r),
                        None => {
                            eprintln!(
                                "FAIL size [{}]: {} grew {:.1}% (> 5%); add a `Size-growth: <reason>` line to the commit message",
                                name, key, pct
                            );
                            grew = true;
                        }
                    }
                }
            }
        }
        if grew {
            ok = false;
            // Keep the old numbers so the next run still compares with them.
            if let Some(old) = baseline.get(name.as_str()) {
                let kv: Vec<String> = old.iter().map(|(k, v)| format!("{}={}", k, v)).collect();
                lines.push(format!("{} {}", name, kv.join(" ")));
            }
        } else {
            lines.push(s.line(&name));
        }
    }
    if let Err(e) = std::fs::write(&baseline_path, lines.join("\n") + "\n") {
        eprintln!("size: cannot write {}: {}", baseline_path.display(), e);
        ok = false;
    }
    ok
}
