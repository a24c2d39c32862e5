//! Ferrite on RISC-V (riscv32imc-unknown-none-elf, the ESP32-C3's target),
//! run by `cargo xtask test` on QEMU's `virt` machine: compiles and runs
//! each built-in Python program on a fresh VM and prints its output on the
//! 16550 UART (protocol: `ferrite_firmware_common`). Exits through the
//! sifive_test device: 0 when every program ran and gave back its memory;
//! the panic and exception handlers print what happened and exit with 1.

#![no_std]
#![no_main]

extern crate alloc;

use core::mem::MaybeUninit;

use ferrite_firmware_common::{run_all, Arena, Settings};
// Links riscv's critical-section implementation (used by the allocator).
use riscv as _;

include!(concat!(env!("OUT_DIR"), "/programs.rs"));

/// The global allocator's arena: the VM's heap limit plus what it keeps
/// outside its accounting (see firmware/README.md).
const ARENA_SIZE: usize = 448 * 1024;
/// `Config::heap_size`: what Python programs may allocate.
const HEAP_SIZE: usize = 128 * 1024;

#[global_allocator]
static ARENA: Arena = Arena::new();
static mut ARENA_MEM: [MaybeUninit<u8>; ARENA_SIZE] = [MaybeUninit::uninit(); ARENA_SIZE];

const UART: usize = 0x1000_0000;
const UART_LSR: usize = UART + 5;
const LSR_THR_EMPTY: u8 = 1 << 5;
const TEST_DEVICE: usize = 0x10_0000;

fn write(bytes: &[u8]) {
    for &b in bytes {
        // SAFETY: the virt machine's 16550 registers.
        unsafe {
            while core::ptr::read_volatile(UART_LSR as *const u8) & LSR_THR_EMPTY == 0 {}
            core::ptr::write_volatile(UART as *mut u8, b);
        }
    }
}

fn exit(code: u32) -> ! {
    let v = if code == 0 {
        0x5555
    } else {
        (code << 16) | 0x3333
    };
    // SAFETY: the virt machine's sifive_test device; the write ends QEMU.
    unsafe { core::ptr::write_volatile(TEST_DEVICE as *mut u32, v) };
    loop {
        riscv::asm::wfi();
    }
}

unsafe extern "C" {
    static __estack: u8;
    static __sstack: u8;
}

#[riscv_rt::entry]
fn main() -> ! {
    // SAFETY: called once, before the first allocation; ARENA_MEM is used
    // by nothing else.
    unsafe { ARENA.init(&raw mut ARENA_MEM as usize, ARENA_SIZE) };
    let stack = (&raw const __estack as usize, &raw const __sstack as usize);
    let settings = Settings {
        machine: "virt (riscv32imc-unknown-none-elf)",
        heap_size: HEAP_SIZE,
        // Frames (128 B each) and the value stack live outside the heap.
        recursion_limit: 200,
        // Arena 448 KB - bootstrap ~58 KB - heap 128 KB, with a margin.
        compile_limit: 192 * 1024,
        slice: 10_000,
        stack: Some(stack),
    };
    let leaks = run_all(PROGRAMS, &settings, &ARENA, write);
    exit(if leaks == 0 { 0 } else { 1 })
}

struct Uart;

impl core::fmt::Write for Uart {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        write(s.as_bytes());
        Ok(())
    }
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    use core::fmt::Write as _;
    let (n, size) = ARENA.failures();
    let _ = write!(
        Uart,
        "\n\x01=== panic: {} (arena failures {}, last request {} bytes)\n",
        info, n, size
    );
    exit(1)
}

#[unsafe(export_name = "ExceptionHandler")]
fn exception_handler(frame: &riscv_rt::TrapFrame) -> ! {
    use core::fmt::Write as _;
    let _ = write!(
        Uart,
        "\n\x01=== panic: exception mcause={:#x} mepc={:#x} ra={:#x}\n",
        riscv::register::mcause::read().bits(),
        riscv::register::mepc::read(),
        frame.ra
    );
    exit(1)
}
