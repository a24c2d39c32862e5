//! Sets `cfg(compact_value)`: the 8-byte `Value` (i32 small ints, f32
//! floats; see `src/value.rs`) of 32-bit boards. wasm32 keeps the 16-byte
//! Value (the browser's floats are CPython's doubles); the `compact-value`
//! feature selects the board layout on the host, for testing.
fn main() {
    println!("cargo:rustc-check-cfg=cfg(compact_value)");
    println!("cargo:rerun-if-changed=build.rs");
    let width = std::env::var("CARGO_CFG_TARGET_POINTER_WIDTH").unwrap_or_default();
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let board = width == "32" && arch != "wasm32";
    if board || std::env::var_os("CARGO_FEATURE_COMPACT_VALUE").is_some() {
        println!("cargo:rustc-cfg=compact_value");
    }
}
