//! Ferrite's frozen modules: every `vm/lib/<name>.py`, compiled to bytecode
//! by `build.rs` with the VM's own compiler and serialized in the format of
//! `ferrite_vm::frozen`. Hand [`FROZEN`] to the VM:
//! ```ignore
//! let config = Config { frozen: ferrite_frozen::FROZEN, ..Config::default() };
//! ```
//! Importing one of these modules then loads its bytecode (no parsing).

#![no_std]
#![forbid(unsafe_code)]

/// The blob: header, module index, code objects.
pub static FROZEN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/frozen.bin"));

/// The same modules as source without comments, compiled at import: for
/// the browser, where it is about half the gzipped download of [`FROZEN`]
/// (12.5 against 23 KB; importing then costs the compile: measured in
/// Node, `asyncio` 1.4 ms, `collections` 2.2, `io` 6.6, `re` 13 ms against
/// 0.4-3.8 ms from bytecode). Boards use
/// [`FROZEN`]: compiling would need the parser's memory in their small heap.
/// Only what an image references is linked, so each carries one blob.
pub static FROZEN_SOURCE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/frozen-source.bin"));
