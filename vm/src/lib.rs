//! Ferrite: a stackless, garbage-collected, MicroPython-compatible Python 3
//! virtual machine. `no_std` + `alloc`; every Python object lives in a heap
//! with a hard byte limit.
//!
//! Drive it with [`Vm::load`] then [`Vm::run`] in budget slices:
//! ```ignore
//! let mut vm = Vm::new(Config::default(), Box::new(MyBoard));
//! vm.load("print('hi')", "main.py")?;
//! loop {
//!     match vm.run(10_000) {
//!         Status::Done | Status::Error => break,
//!         Status::Sleep { until_us } => { /* wait */ }
//!         Status::NeedInput => vm.provide_input("line"),
//!         Status::Yielded => {}
//!     }
//! }
//! ```
//! See `DESIGN.md` for the architecture.

#![no_std]
#![forbid(unsafe_code)]
// A panic reachable from Python input is a bug: outside tests the VM has no
// unwrap/expect/panic!/todo!/unreachable! at all (clippy enforces it), so
// every failure is a Python exception. No `&s[a..b]` on strs either (see
// `substr.rs`: core's panic path for it costs ~8 KB of flash).
#![cfg_attr(
    not(test),
    deny(
        clippy::string_slice,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::todo,
        clippy::unimplemented,
        clippy::unreachable
    )
)]

extern crate alloc;

mod at;
pub mod builtins;
pub mod bytecode;
pub mod compile;
pub mod complete;
pub mod dtoa;
pub mod exc;
#[cfg(test)]
mod feature_tests;
pub mod fmt;
#[cfg(feature = "frozen")]
pub mod frozen;
#[cfg(not(feature = "frozen"))]
#[path = "frozen/off.rs"]
pub(crate) mod frozen;
pub mod hal;
pub mod heap;
pub mod interp;
pub mod modules;
pub mod natives;
pub mod objects;
pub mod strtod;
pub mod substr;
pub mod types;
pub mod value;
pub mod vfs;
pub mod vm;

pub use exc::Exc;
pub use hal::{Board, BufferBoard, NullBoard};
pub use value::Value;
pub use vm::{Config, PyResult, Status, Vm};
