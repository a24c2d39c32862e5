//! A virtual board for Ferrite: a Raspberry Pi Pico-like set of GPIOs with
//! parts wired to them, a clock, and a trace of every pin change. Plain
//! `no_std` + `alloc` Rust, so the CLI (`ferrite --board virtual`) and the
//! browser (`ferrite-wasm`) share one model, and a grader can compare traces.
//!
//! # Parts
//!
//! | part | pin | wiring |
//! | --- | --- | --- |
//! | onboard LED | GPIO 25, name `"LED"` | lit while the pin level is high |
//! | LED 1–4 | GPIO 2, 3, 4, 5 | lit while the pin level is high |
//! | button A, B | GPIO 14, 15 | to ground when pressed, 10 kΩ external pull-up |
//!
//! Pins are GPIO 0–29 (also named `"GP0"`…`"GP29"`); any other number is
//! `HalError::InvalidPin`.
//!
//! # Pin semantics
//!
//! * `Out`: the level is the output latch.
//! * `OpenDrain`: latch 0 drives low; latch 1 releases the pin, which then
//!   reads like an input.
//! * `In` (and a pin never configured): an external driver (a pressed button,
//!   or [`VirtualBoard::set_external`]) wins; else the buttons' external
//!   pull-up reads 1 (it overpowers an internal pull-down, as a 10 kΩ
//!   resistor does a ~50 kΩ one); else the internal pull (`Up` 1, `Down` 0);
//!   a floating pin reads 0, so runs are deterministic.
//! * Writing an input pin sets its latch, which shows once it is an output
//!   (MicroPython's `Pin(n, Pin.OUT, value=1)` relies on this order).
//!
//! # Clock
//!
//! * Virtual time ([`VirtualBoard::new_virtual`]): the clock starts at 0 and
//!   moves in two ways. A sleep: the driver calls
//!   [`VirtualBoard::wait_until`], which jumps to the wake-up time, so a
//!   `time.sleep(0.5)` takes no real time and adds exactly 500,000 µs. And
//!   polling: every read the program makes of the clock (`time.ticks_ms()`
//!   and friends, `time.time()`) or of a pin set to `Pin.IN` or
//!   `Pin.OPEN_DRAIN` (`Pin.value()`) costs
//!   [`READ_COST_US`] of virtual time, charged *after* the read, once the
//!   program has made [`FREE_READS`] reads since its last sleep, so a
//!   busy-wait such as `while ticks_diff(ticks_ms(), t0) < 500: pass` ends
//!   after ~50,000 turns instead of spinning forever, and a loop polling a
//!   button lets time pass until the press, while programs that sleep
//!   between a few reads (blinks, asyncio's scheduler) keep exact times. Straight-line code takes no
//!   virtual time. A sleep measures from its own read, whose cost it then
//!   absorbs, so sleep-paced programs keep exact, round times (a blink
//!   toggles at exactly 0, 500,000, 1,000,000 µs ...). Traces are a pure
//!   function of the program: they never depend on the instruction budget.
//!   (Charging per executed instruction would be closer to a real CPU, but
//!   the VM counts instructions per `run` slice, so the clock would then
//!   depend on how the driver slices the run.)
//! * Real time ([`VirtualBoard::new_real`]): the clock follows a wall clock
//!   (µs) the host provides, counted from the board's creation; reads are
//!   free.
//!
//! # Trace
//!
//! Every change of a pin's level (an output write, a reconfiguration, a
//! button press) appends a [`TraceEvent`] with the current clock time.

#![no_std]
#![forbid(unsafe_code)]

extern crate alloc;

use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

pub use ferrite_vm::hal::{Board, HalError, PinMode, Pull};

/// Number of GPIOs (GPIO 0–29, as on an RP2040).
pub const NUM_PINS: u32 = 30;
/// The onboard LED (`Pin("LED")`).
pub const LED_PIN: u32 = 25;
/// The four extra LEDs.
pub const LED_PINS: [u32; 4] = [2, 3, 4, 5];
/// The two active-low buttons.
pub const BUTTON_PINS: [u32; 2] = [14, 15];
/// Virtual µs one read of the clock or of a pin costs on virtual time
/// (see the crate documentation): about one turn of a MicroPython polling
/// loop on a 125 MHz RP2040.
pub const READ_COST_US: u64 = 10;
/// Reads since the last sleep that cost nothing: a program that sleeps
/// between a few reads (a blink, an asyncio loop reading `ticks_ms` to plan
/// its next wake-up) keeps exact times; only polling loops pay.
pub const FREE_READS: u32 = 100;

/// One pin level change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TraceEvent {
    pub time_us: u64,
    pub pin: u32,
    pub high: bool,
}

#[derive(Clone, Copy, Debug)]
struct PinState {
    mode: Option<PinMode>,
    pull: Pull,
    latch: bool,
    /// Driven from outside the chip (`Some(level)`) or not.
    external: Option<bool>,
    /// The last level reported in the trace.
    level: bool,
}

/// Virtual time: jumps over sleeps; past [`FREE_READS`] reads since the
/// last sleep, each read by the program costs [`READ_COST_US`] (see the
/// crate documentation). Shared by [`VirtualBoard`] and any host driver
/// that runs on virtual time without the board (the CLI's `--virtual-time`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VirtualClock {
    now_us: u64,
    reads_since_sleep: u32,
}

impl VirtualClock {
    /// The current time (free: for drivers and traces).
    pub fn now(&self) -> u64 {
        self.now_us
    }

    /// A read by the program: the current time, then the read's cost.
    pub fn read(&mut self) -> u64 {
        let t = self.now_us;
        self.charge_read();
        t
    }

    /// A read of something else the program polls (an input pin).
    pub fn charge_read(&mut self) {
        if self.reads_since_sleep < FREE_READS {
            self.reads_since_sleep += 1;
        } else {
            self.now_us = self.now_us.saturating_add(READ_COST_US);
        }
    }

    /// A sleep until `until_us` (never backwards); reads are free again.
    pub fn sleep_until(&mut self, until_us: u64) {
        self.now_us = self.now_us.max(until_us);
        self.reads_since_sleep = 0;
    }
}

enum Clock {
    Virtual(VirtualClock),
    Real {
        wall: Box<dyn FnMut() -> u64>,
        start: u64,
        last: u64,
    },
}

/// The board model. See the crate documentation.
pub struct VirtualBoard {
    clock: Clock,
    pins: [PinState; NUM_PINS as usize],
    trace: Vec<TraceEvent>,
    /// Program output not yet taken by the driver.
    pub out: Vec<u8>,
}

fn has_pull_up_resistor(pin: u32) -> bool {
    BUTTON_PINS.contains(&pin)
}

impl VirtualBoard {
    fn with_clock(clock: Clock) -> VirtualBoard {
        let idle = PinState {
            mode: None,
            pull: Pull::None,
            latch: false,
            external: None,
            level: false,
        };
        let mut b = VirtualBoard {
            clock,
            pins: [idle; NUM_PINS as usize],
            trace: Vec::new(),
            out: Vec::new(),
        };
        // The power-on levels are the starting state, not trace events.
        for p in 0..NUM_PINS {
            let l = b.compute_level(p);
            b.pins[p as usize].level = l;
        }
        b
    }

    /// A board on virtual time, starting at 0 µs.
    pub fn new_virtual() -> VirtualBoard {
        VirtualBoard::with_clock(Clock::Virtual(VirtualClock::default()))
    }

    /// A board whose clock follows `wall` (microseconds, any origin).
    pub fn new_real(mut wall: Box<dyn FnMut() -> u64>) -> VirtualBoard {
        let start = wall();
        VirtualBoard::with_clock(Clock::Real {
            wall,
            start,
            last: 0,
        })
    }

    pub fn is_virtual_time(&self) -> bool {
        matches!(self.clock, Clock::Virtual(_))
    }

    /// The program reads the clock: the current time in µs, then on virtual
    /// time the clock moves on by [`READ_COST_US`].
    pub fn read_clock(&mut self) -> u64 {
        let t = self.now();
        self.charge_read();
        t
    }

    /// On virtual time, a read by the program takes [`READ_COST_US`],
    /// past the first [`FREE_READS`] since the last sleep.
    fn charge_read(&mut self) {
        if let Clock::Virtual(c) = &mut self.clock {
            c.charge_read();
        }
    }

    /// The current time in µs (free: for the driver and the trace).
    pub fn now(&mut self) -> u64 {
        match &mut self.clock {
            Clock::Virtual(c) => c.now(),
            Clock::Real { wall, start, last } => {
                // Monotonic even if the host clock steps back.
                let t = wall().saturating_sub(*start).max(*last);
                *last = t;
                t
            }
        }
    }

    /// The driver's answer to `Status::Sleep { until_us }`: on virtual time
    /// the clock jumps to `until_us` and 0 is returned; on real time the
    /// µs still to wait are returned (0 if the time has come).
    pub fn wait_until(&mut self, until_us: u64) -> u64 {
        match &mut self.clock {
            Clock::Virtual(c) => {
                c.sleep_until(until_us);
                0
            }
            Clock::Real { .. } => until_us.saturating_sub(self.now()),
        }
    }

    fn compute_level(&self, pin: u32) -> bool {
        let s = &self.pins[pin as usize];
        let input = || {
            if let Some(l) = s.external {
                l
            } else if has_pull_up_resistor(pin) {
                true
            } else {
                s.pull == Pull::Up
            }
        };
        match s.mode {
            Some(PinMode::Out) => s.latch,
            Some(PinMode::OpenDrain) => s.latch && input(),
            Some(PinMode::In) | None => input(),
        }
    }

    /// Recompute a pin's level and trace it if it changed.
    fn update(&mut self, pin: u32) {
        let l = self.compute_level(pin);
        if l != self.pins[pin as usize].level {
            self.pins[pin as usize].level = l;
            let time_us = self.now();
            self.trace.push(TraceEvent {
                time_us,
                pin,
                high: l,
            });
        }
    }

    fn check(pin: u32) -> Result<(), HalError> {
        if pin < NUM_PINS {
            Ok(())
        } else {
            Err(HalError::InvalidPin)
        }
    }

    /// Drive a pin from outside: `Some(level)`, or `None` to let go.
    pub fn set_external(&mut self, pin: u32, level: Option<bool>) -> Result<(), HalError> {
        Self::check(pin)?;
        self.pins[pin as usize].external = level;
        self.update(pin);
        Ok(())
    }

    /// Press (`true`) or release a button (or ground any pin).
    pub fn press(&mut self, pin: u32, pressed: bool) -> Result<(), HalError> {
        self.set_external(pin, pressed.then_some(false))
    }

    /// The current level of a pin (false for an invalid pin).
    pub fn level(&self, pin: u32) -> bool {
        pin < NUM_PINS && self.pins[pin as usize].level
    }

    /// Whether the LED on `pin` is lit (false if no LED is there).
    pub fn led_lit(&self, pin: u32) -> bool {
        (pin == LED_PIN || LED_PINS.contains(&pin)) && self.level(pin)
    }

    pub fn trace(&self) -> &[TraceEvent] {
        &self.trace
    }

    /// Remove and return the trace so far (the browser polls this).
    pub fn take_trace(&mut self) -> Vec<TraceEvent> {
        core::mem::take(&mut self.trace)
    }

    /// Remove and return the pending output.
    pub fn take_output(&mut self) -> Vec<u8> {
        core::mem::take(&mut self.out)
    }
}

impl Board for VirtualBoard {
    fn now_us(&mut self) -> u64 {
        self.read_clock()
    }
    fn stdout(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }
    fn platform(&self) -> &'static str {
        "rp2"
    }
    fn pin_by_name(&self, name: &str) -> Option<u32> {
        if name == "LED" {
            return Some(LED_PIN);
        }
        let n: u32 = name
            .strip_prefix("GPIO")
            .or_else(|| name.strip_prefix("GP"))?
            .parse()
            .ok()?;
        (n < NUM_PINS).then_some(n)
    }
    fn pin_config(&mut self, pin: u32, mode: PinMode, pull: Pull) -> Result<(), HalError> {
        Self::check(pin)?;
        let s = &mut self.pins[pin as usize];
        s.mode = Some(mode);
        s.pull = pull;
        self.update(pin);
        Ok(())
    }
    fn pin_write(&mut self, pin: u32, high: bool) -> Result<(), HalError> {
        Self::check(pin)?;
        self.pins[pin as usize].latch = high;
        self.update(pin);
        Ok(())
    }
    fn pin_read(&mut self, pin: u32) -> Result<bool, HalError> {
        Self::check(pin)?;
        let s = &self.pins[pin as usize];
        let level = s.level;
        // Polling reads inputs. Reading an output's own level (`toggle`) or
        // a pin not configured yet (`Pin()` validates its number by a read)
        // waits for nothing, and stays free so blinks keep round times.
        if matches!(s.mode, Some(PinMode::In | PinMode::OpenDrain)) {
            self.charge_read();
        }
        Ok(level)
    }
    fn name(&self) -> String {
        String::from("virtual")
    }
}

/// A [`VirtualBoard`] shared between the VM (which owns a `Box<dyn Board>`)
/// and its driver, which reads the trace and output and presses buttons.
#[derive(Clone)]
pub struct SharedBoard(pub Rc<RefCell<VirtualBoard>>);

impl SharedBoard {
    pub fn new(b: VirtualBoard) -> SharedBoard {
        SharedBoard(Rc::new(RefCell::new(b)))
    }
}

impl Board for SharedBoard {
    fn now_us(&mut self) -> u64 {
        self.0.borrow_mut().read_clock()
    }
    fn stdout(&mut self, bytes: &[u8]) {
        self.0.borrow_mut().stdout(bytes)
    }
    fn platform(&self) -> &'static str {
        "rp2"
    }
    fn pin_by_name(&self, name: &str) -> Option<u32> {
        self.0.borrow().pin_by_name(name)
    }
    fn pin_config(&mut self, pin: u32, mode: PinMode, pull: Pull) -> Result<(), HalError> {
        self.0.borrow_mut().pin_config(pin, mode, pull)
    }
    fn pin_write(&mut self, pin: u32, high: bool) -> Result<(), HalError> {
        self.0.borrow_mut().pin_write(pin, high)
    }
    fn pin_read(&mut self, pin: u32) -> Result<bool, HalError> {
        self.0.borrow_mut().pin_read(pin)
    }
    fn name(&self) -> String {
        String::from("virtual")
    }
}

#[cfg(test)]
mod tests;
