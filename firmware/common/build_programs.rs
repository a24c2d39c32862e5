// Shared by both firmwares' build.rs (`include!`d): copies `memory.x` next
// to the linker and turns `firmware/programs.txt` into `programs.rs`, a
// `&[Program]` with each program's source embedded by `include_str!`.
//
// programs.txt: one program per line, a path relative to the repository
// root, then optional `key=value` words:
//   only=cortexm|riscv   build the program into that firmware only
//   interrupt=N          interrupt it after N instructions (default 20M)
//   status=S             the runner's expected outcome (done, error, syntax,
//                        killed); checked by xtask, default done or error
// `#` starts a comment.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const DEFAULT_MAX_INSTRUCTIONS: u64 = 20_000_000;

fn generate(firmware: &str) {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let repo = manifest
        .parent()
        .and_then(Path::parent)
        .expect("firmware crates live in <repo>/firmware/<name>")
        .to_path_buf();

    std::fs::copy(manifest.join("memory.x"), out.join("memory.x")).unwrap();
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rerun-if-changed=memory.x");
    println!("cargo:rerun-if-changed=build.rs");

    let list = repo.join("firmware/programs.txt");
    println!("cargo:rerun-if-changed={}", list.display());
    let text = std::fs::read_to_string(&list).unwrap();
    let mut gen = String::from("pub static PROGRAMS: &[ferrite_firmware_common::Program] = &[\n");
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap().trim();
        if line.is_empty() {
            continue;
        }
        let mut words = line.split_whitespace();
        let name = words.next().unwrap();
        let mut max = DEFAULT_MAX_INSTRUCTIONS;
        let mut wanted = true;
        for w in words {
            match w.split_once('=') {
                Some(("only", v)) => wanted = v == firmware,
                Some(("interrupt", v)) => max = v.parse().expect("interrupt=N"),
                Some(("status", _)) => {}
                _ => panic!("programs.txt:{}: unknown option {}", n + 1, w),
            }
        }
        if !wanted {
            continue;
        }
        let path = repo.join(name);
        assert!(path.exists(), "programs.txt:{}: no file {}", n + 1, name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            gen,
            "    ferrite_firmware_common::Program {{ name: {:?}, src: include_str!({:?}), max_instructions: {} }},",
            name,
            path.display().to_string(),
            max
        )
        .unwrap();
    }
    gen.push_str("];\n");
    std::fs::write(out.join("programs.rs"), gen).unwrap();
}
