//! The browser playground: `cargo xtask play [--port N]` builds the wasm
//! (`ferrite-wasm`) and the page (`web/`) and serves it; `e2e()` (part of
//! `cargo xtask test`) drives the page in headless Chromium with Playwright
//! (`web/e2e.mjs`). Tools are installed when missing (toolchain.md §2, §4, §7):
//! the wasm32 target, wasm-bindgen-cli at the crate's pinned version (without
//! `--locked`: the registry mirror lacks some locked deps), npm packages, and
//! Debian's chromium. wasm-opt is npm binaryen's: Debian's breaks the
//! externref table.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{root, run};

/// Must equal the `wasm-bindgen = "=..."` pin in wasm/Cargo.toml.
const WASM_BINDGEN: &str = "0.2.130";

fn have(cmd: &str, version_arg: &str, want: &str) -> bool {
    Command::new(cmd)
        .arg(version_arg)
        .output()
        .map(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).contains(want))
        .unwrap_or(false)
}

fn ensure_tools(web: &Path) -> bool {
    let mut ok = run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]));
    if !have("wasm-bindgen", "--version", WASM_BINDGEN) {
        ok &= run(Command::new("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            WASM_BINDGEN,
            "--force",
        ]));
    }
    let stamp = web.join("node_modules/.package-lock.json");
    let stale = match (
        std::fs::metadata(&stamp).and_then(|m| m.modified()),
        std::fs::metadata(web.join("package.json")).and_then(|m| m.modified()),
    ) {
        (Ok(s), Ok(p)) => p > s,
        _ => true,
    };
    if stale {
        ok &= run(Command::new("npm")
            .args(["install", "--no-audit", "--no-fund"])
            .current_dir(web));
    }
    ok
}

fn file_size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn gz_size(p: &Path) -> u64 {
    Command::new("sh")
        .arg("-c")
        .arg(format!("gzip -9c '{}' | wc -c", p.display()))
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(0)
}

/// Build the wasm and the page into web/dist.
pub fn build() -> bool {
    let root = root();
    let web = root.join("web");
    if !ensure_tools(&web) {
        return false;
    }
    if !run(Command::new("cargo")
        .args([
            "build",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm-release",
            "-p",
            "ferrite-wasm",
        ])
        .current_dir(&root))
    {
        return false;
    }
    let raw = root.join("target/wasm32-unknown-unknown/wasm-release/ferrite_wasm.wasm");
    let pkg = web.join("src/pkg");
    if !run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--out-dir"])
        .arg(&pkg)
        .arg(&raw))
    {
        return false;
    }
    let bg = pkg.join("ferrite_wasm_bg.wasm");
    let before = file_size(&bg);
    if !run(Command::new(web.join("node_modules/.bin/wasm-opt"))
        .args(["-Oz", "--strip-debug", "--strip-producers"])
        .arg(&bg)
        .arg("-o")
        .arg(&bg))
    {
        return false;
    }
    println!(
        "wasm: {} B after wasm-bindgen, {} B after wasm-opt -Oz ({} B gzip -9)",
        before,
        file_size(&bg),
        gz_size(&bg)
    );
    run(Command::new("npx")
        .args(["vite", "build"])
        .current_dir(&web))
}

fn mime(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "css" => "text/css",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

fn serve_one(mut s: TcpStream, dist: &Path) {
    let mut line = String::new();
    let mut reader = BufReader::new(match s.try_clone() {
        Ok(c) => c,
        Err(_) => return,
    });
    if reader.read_line(&mut line).is_err() {
        return;
    }
    // Skip the headers.
    let mut h = String::new();
    while reader.read_line(&mut h).map(|n| n > 2).unwrap_or(false) {
        h.clear();
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split('?').next().unwrap_or("/");
    let rel = if path == "/" {
        "index.html"
    } else {
        path.trim_start_matches('/')
    };
    let file: PathBuf = dist.join(rel);
    let resp = if rel.contains("..") {
        None
    } else {
        std::fs::read(&file).ok()
    };
    let _ = match resp {
        Some(body) => write!(
            s,
            "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
            mime(&file),
            body.len()
        )
        .and_then(|_| s.write_all(&body)),
        None => write!(
            s,
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
    };
}

/// Serve web/dist on `listener` forever, one thread per connection.
fn serve(listener: TcpListener) {
    let dist = root().join("web/dist");
    for s in listener.incoming().flatten() {
        let d = dist.clone();
        std::thread::spawn(move || serve_one(s, &d));
    }
}

/// `cargo xtask play [--port N]`.
pub fn play(args: &[String]) -> bool {
    let mut port = 8000u16;
    if let Some(i) = args.iter().position(|a| a == "--port") {
        match args.get(i + 1).and_then(|p| p.parse().ok()) {
            Some(p) => port = p,
            None => {
                eprintln!("usage: cargo xtask play [--port N]");
                return false;
            }
        }
    }
    if !build() {
        return false;
    }
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("xtask play: can't listen on port {}: {}", port, e);
            return false;
        }
    };
    println!(
        "Ferrite playground at http://localhost:{}/ (Ctrl-C to stop)",
        port
    );
    serve(listener);
    true
}

fn chromium() -> Option<String> {
    let out = Command::new("sh")
        .args(["-c", "command -v chromium"])
        .output()
        .ok()?;
    let p = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (!p.is_empty()).then_some(p)
}

/// Build, serve on a free port, and run the Playwright checks.
pub fn e2e() -> bool {
    if chromium().is_none() {
        let _ = run(Command::new("apt-get").arg("update"));
        let _ = run(Command::new("apt-get").args([
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ]));
    }
    let Some(chrome) = chromium() else {
        eprintln!("e2e: no chromium");
        return false;
    };
    if !build() {
        return false;
    }
    let Ok(listener) = TcpListener::bind(("127.0.0.1", 0)) else {
        return false;
    };
    let Ok(addr) = listener.local_addr() else {
        return false;
    };
    std::thread::spawn(move || serve(listener));
    let root = root();
    let shots = root.join("target/e2e");
    let _ = std::fs::create_dir_all(&shots);
    run(Command::new("node")
        .arg(root.join("web/e2e.mjs"))
        .arg(format!("http://127.0.0.1:{}/", addr.port()))
        .env("CHROMIUM", chrome)
        .env("SHOTS", &shots)
        .current_dir(root.join("web")))
}
