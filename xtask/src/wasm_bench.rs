//! `cargo xtask bench --wasm [--quick]`: Ferrite's wasm, built as the page
//! ships it (`web::build_wasm`), against MicroPython's WebAssembly port in
//! Node: download size (gzip -9 of wasm + JS glue), time to first print, and
//! four programs, Ferrite run in the page's driver loop. The measuring is
//! `web/bench/bench.mjs` (its own package.json, so the page never ships
//! MicroPython); the table also goes to `target/bench-wasm.txt`. Fails when
//! a program fails or the outputs differ, not when a line is slower.

use std::process::Command;

use crate::{root, run, web};

pub fn bench(args: &[String]) -> bool {
    let quick = args.iter().any(|a| a == "--quick");
    let root = root();
    if !web::build_wasm() {
        return false;
    }
    let dir = root.join("web/bench");
    if !dir.join("node_modules/@micropython").is_dir()
        && !run(Command::new("npm")
            .args(["install", "--no-audit", "--no-fund"])
            .current_dir(&dir))
    {
        return false;
    }
    let mut cmd = Command::new("node");
    cmd.arg(dir.join("bench.mjs"))
        .arg(root.join("web/src/pkg"))
        .args(["--runs", if quick { "1" } else { "5" }])
        .current_dir(&dir);
    eprintln!("+ {:?}", cmd);
    let Ok(out) = cmd.output() else {
        eprintln!("bench --wasm: can't run node");
        return false;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    print!("{}", text);
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::write(root.join("target/bench-wasm.txt"), text.as_bytes());
    out.status.success()
}
