//! Sets `cfg(compact_value)`: the 8-byte `Value` with i32 small ints and f32
//! floats, on 32-bit boards (not wasm32) or with the `compact-value` feature.

// TODO(value32): also emit for 32-bit non-wasm targets: set this to true
// when the compact `Value` lands (until then boards keep f64 floats).
const ON_BOARDS: bool = false;

fn main() {
    println!("cargo:rustc-check-cfg=cfg(compact_value)");
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let board =
        var("CARGO_CFG_TARGET_POINTER_WIDTH") == "32" && var("CARGO_CFG_TARGET_ARCH") != "wasm32";
    let feature = std::env::var_os("CARGO_FEATURE_COMPACT_VALUE").is_some();
    if feature || (ON_BOARDS && board) {
        println!("cargo:rustc-cfg=compact_value");
    }
}
