//! The `Board` trait: everything the VM needs from the world outside it.
//!
//! Non-blocking only. The VM never sleeps or waits: `time.sleep` and
//! `input()` end the current `run` slice with a status, and the driver (CLI,
//! browser worker, firmware main loop) does the waiting. Every method has a
//! default, so a test board implements only what it uses. Used as
//! `Box<dyn Board>`: board calls are not hot, and one vtable costs less flash
//! than monomorphised copies of the VM.

use alloc::string::String;
use alloc::vec::Vec;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HalError {
    Unsupported,
    InvalidPin,
    Io,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinMode {
    In,
    Out,
    OpenDrain,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pull {
    None,
    Up,
    Down,
}

pub trait Board {
    /// Monotonic time in microseconds (virtual in graded and test modes).
    fn now_us(&mut self) -> u64 {
        0
    }
    /// Wall-clock seconds since the Unix epoch, for `time.time()`; boards
    /// without a clock count from power-on.
    fn epoch_seconds(&mut self) -> f64 {
        self.now_us() as f64 / 1e6
    }
    fn stdout(&mut self, bytes: &[u8]);
    fn stderr(&mut self, bytes: &[u8]) {
        self.stdout(bytes)
    }
    /// Read a source file for `import` (path relative to the working
    /// directory). `None` if there is no such file.
    fn read_file(&mut self, _path: &str) -> Option<Vec<u8>> {
        None
    }
    /// Seed for `random` and `os.urandom`.
    fn random_seed(&mut self) -> u64 {
        0x9e37_79b9_7f4a_7c15
    }
    /// `sys.platform`.
    fn platform(&self) -> &'static str {
        "ferrite"
    }
    /// Map a pin name ("LED", "GP2") to its number.
    fn pin_by_name(&self, _name: &str) -> Option<u32> {
        None
    }
    fn pin_config(&mut self, _pin: u32, _mode: PinMode, _pull: Pull) -> Result<(), HalError> {
        Err(HalError::Unsupported)
    }
    fn pin_write(&mut self, _pin: u32, _high: bool) -> Result<(), HalError> {
        Err(HalError::Unsupported)
    }
    fn pin_read(&mut self, _pin: u32) -> Result<bool, HalError> {
        Err(HalError::Unsupported)
    }
    /// Let a board downcast itself for its driver (e.g. the virtual board).
    fn name(&self) -> String {
        String::from("generic")
    }
}

/// A board that discards output and has a clock stuck at zero: for tests
/// and for embedding without I/O.
pub struct NullBoard;

impl Board for NullBoard {
    fn stdout(&mut self, _bytes: &[u8]) {}
}

/// A board that collects output in memory (tests, firmware self-checks).
#[derive(Default)]
pub struct BufferBoard {
    pub out: Vec<u8>,
    pub time_us: u64,
}

impl Board for BufferBoard {
    fn now_us(&mut self) -> u64 {
        self.time_us
    }
    fn stdout(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }
}
