//! Freeze `vm/lib/*.py`: compile each file with the VM's compiler (the
//! `ferrite-vm` build-dependency, built for the host), serialize the code
//! objects and write one blob to `$OUT_DIR/frozen.bin`. Cargo re-runs this
//! when a file in `vm/lib` changes and when the VM itself changes (a new
//! compiler or bytecode format rebuilds the build-dependency), so the blob
//! cannot go stale. A syntax error in a module fails the build.

use std::path::PathBuf;

use ferrite_vm::frozen::{load, write};
use ferrite_vm::{Config, NullBoard, Vm};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let lib = manifest.join("../vm/lib");
    println!("cargo:rerun-if-changed={}", lib.display());

    let mut files: Vec<PathBuf> = std::fs::read_dir(&lib)
        .unwrap_or_else(|e| panic!("{}: {}", lib.display(), e))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    // Sorted: the blob is the same bytes on every machine.
    files.sort();

    let mut vm = Vm::new(Config::default(), Box::new(NullBoard));
    let mut modules = Vec::new();
    let mut sources = Vec::new();
    for path in &files {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_else(|| panic!("{}: module name is not UTF-8", path.display()));
        let src =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e));
        let m = write::freeze(&mut vm, name, &src)
            .unwrap_or_else(|e| panic!("freezing {}:\n{}", path.display(), e));
        match write::as_source(&mut vm, &m, &src) {
            Ok(s) => sources.push(s),
            Err(e) => panic!("freezing {} as source:\n{}", path.display(), e),
        }
        modules.push(m);
    }
    let blob = write::blob(&modules);
    let source_blob = write::blob(&sources);

    // Read everything back with the loader the VM uses at import time.
    for m in &modules {
        let entry = load::find(&blob, &m.name, true)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("frozen module {} not found in its own blob", m.name));
        if let Err(e) = load::load_code(&mut vm, entry.code, entry.filename) {
            panic!("frozen module {} does not load back: {:?}", m.name, e);
        }
    }

    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    for (file, bytes) in [("frozen.bin", &blob), ("frozen-source.bin", &source_blob)] {
        let out = out_dir.join(file);
        std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{}: {}", out.display(), e));
    }
}
