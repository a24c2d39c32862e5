//! Helpers shared by the CLI's integration tests.

/// Write `src` to a fresh per-process temporary directory as `name`.
pub fn script(name: &str, src: &str) -> String {
    let dir = std::env::temp_dir().join(format!("ferrite-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p = dir.join(name);
    std::fs::write(&p, src).expect("write script");
    p.to_string_lossy().into_owned()
}
