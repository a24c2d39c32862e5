//! Ferrite on a Cortex-M (built for thumbv6m-none-eabi, the RP2040's
//! target), run by `cargo xtask test` on QEMU's mps2-an385 machine:
//! compiles and runs each built-in Python program on a fresh VM and prints
//! its output over semihosting (protocol: `ferrite_firmware_common`).
//! Exit status 0 when every program ran and gave back its memory; the
//! panic and HardFault handlers print what happened and exit with 1.

#![no_std]
#![no_main]

extern crate alloc;

use core::cell::Cell;
use core::mem::MaybeUninit;

// Also links cortex-m's critical-section implementation (used by the
// allocator).
use cortex_m::interrupt::Mutex;
use cortex_m_rt::{entry, exception, ExceptionFrame};
use cortex_m_semihosting::{debug, hio};
use ferrite_firmware_common::{run_all, Arena, Settings};

include!(concat!(env!("OUT_DIR"), "/programs.rs"));

/// The global allocator's arena: the VM's heap limit plus what it keeps
/// outside its accounting (see firmware/README.md).
const ARENA_SIZE: usize = 200 * 1024;
/// `Config::heap_size`: what Python programs may allocate.
const HEAP_SIZE: usize = 64 * 1024;

#[global_allocator]
static ARENA: Arena = Arena::new();
static mut ARENA_MEM: [MaybeUninit<u8>; ARENA_SIZE] = [MaybeUninit::uninit(); ARENA_SIZE];

/// The host's stdout, opened once (each semihosting open makes a new
/// host file descriptor).
static STDOUT: Mutex<Cell<Option<hio::HostStream>>> = Mutex::new(Cell::new(None));

fn stdout() -> Option<hio::HostStream> {
    cortex_m::interrupt::free(|cs| {
        let out = STDOUT.borrow(cs);
        if out.get().is_none() {
            out.set(hio::hstdout().ok());
        }
        out.get()
    })
}

fn write(bytes: &[u8]) {
    if let Some(mut out) = stdout() {
        let _ = out.write_all(bytes);
    }
}

unsafe extern "C" {
    static _stack_start: u8;
    static _stack_end: u8;
}

#[entry]
fn main() -> ! {
    // SAFETY: called once, before the first allocation; ARENA_MEM is used
    // by nothing else.
    unsafe { ARENA.init(&raw mut ARENA_MEM as usize, ARENA_SIZE) };
    let stack = (
        &raw const _stack_end as usize,
        &raw const _stack_start as usize,
    );
    let settings = Settings {
        machine: "mps2-an385 (thumbv6m-none-eabi)",
        heap_size: HEAP_SIZE,
        // Frames (128 B each) and the value stack live outside the heap.
        recursion_limit: 100,
        // Arena 200 KB - bootstrap ~58 KB - heap 64 KB, with a margin.
        compile_limit: 64 * 1024,
        slice: 10_000,
        stack: Some(stack),
    };
    let leaks = run_all(PROGRAMS, &settings, &ARENA, write);
    debug::exit(if leaks == 0 {
        debug::EXIT_SUCCESS
    } else {
        debug::EXIT_FAILURE
    });
    loop {
        cortex_m::asm::wfi();
    }
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    use core::fmt::Write as _;
    if let Some(mut out) = stdout() {
        let (n, size) = ARENA.failures();
        let _ = write!(
            out,
            "\n\x01=== panic: {} (arena failures {}, last request {} bytes)\n",
            info, n, size
        );
    }
    debug::exit(debug::EXIT_FAILURE);
    loop {
        cortex_m::asm::wfi();
    }
}

#[exception]
unsafe fn HardFault(ef: &ExceptionFrame) -> ! {
    use core::fmt::Write as _;
    if let Some(mut out) = stdout() {
        let _ = write!(out, "\n\x01=== panic: HardFault at pc={:#x}\n", ef.pc());
    }
    debug::exit(debug::EXIT_FAILURE);
    loop {
        cortex_m::asm::wfi();
    }
}
