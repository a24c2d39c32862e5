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
