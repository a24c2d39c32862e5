//! `ferrite-wasm`: the VM and the virtual board (`ferrite-board`) for the
//! browser, as one `Playground` class. The page's Web Worker drives it in
//! budget slices (`web/src/worker.ts`):
//!
//! ```text
//! load(src) -> "" | SyntaxError text (error_line(), error_column())
//! loop: status = run(budget)
//!   0 done | 4 error (take_error())      -> stop
//!   1 yielded                            -> run again (after a message check)
//!   2 sleeping                           -> timer for sleep_ms(), then run
//!   3 needs input                        -> provide_input(line), then run
//! interrupt() + run()                    -> KeyboardInterrupt at once
//!
//! REPL, in the globals of the last program (or a fresh VM before any):
//! repl_feed(line) -> 0 compiled: run it as above (results are printed)
//!                    1 incomplete: feed the next line ("... ")
//!                    4 SyntaxError (take_error()); the input is dropped
//! repl_cancel()     drop the pending lines (Ctrl-C at the prompt)
//! repl_reset()      fresh VM and board (soft reset)
//! prepare()         build the next load's VM now (call when idle)
//! complete(text)  -> [word, candidates...] for Tab
//! ```
//! Output, board events and errors are polled (`take_output`,
//! `board_events`, `take_error`), so no JS callbacks cross the boundary.
//! On virtual time the board's clock also advances 10 µs per clock or
//! input-pin read, so busy-waits end (see `ferrite-board`).
//! `wasm/tests/playground.rs` tests this API in Node and Chromium.
//! Flat arrays instead of serde keep the wasm small.

use ferrite_board::{Board, SharedBoard, VirtualBoard};
use ferrite_vm::{Config, Status, Vm};
use wasm_bindgen::prelude::*;

pub const DONE: u32 = 0;
pub const YIELDED: u32 = 1;
pub const SLEEPING: u32 = 2;
pub const NEEDS_INPUT: u32 = 3;
pub const ERROR: u32 = 4;
/// `repl_feed`: the input is a whole statement, compiled; `run` it.
pub const REPL_RUN: u32 = 0;
/// `repl_feed`: the input is incomplete; feed another line.
pub const REPL_MORE: u32 = 1;

/// The host's clock in µs: `performance.now()` where there is one (worker,
/// window, Node), else `Date.now()`.
fn wall_us() -> u64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .filter(|p| p.is_object());
    if let Some(p) = perf {
        if let Ok(f) = js_sys::Reflect::get(&p, &JsValue::from_str("now")) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                if let Some(ms) = f.call0(&p).ok().and_then(|v| v.as_f64()) {
                    return (ms * 1000.0) as u64;
                }
            }
        }
    }
    (js_sys::Date::now() * 1000.0) as u64
}

#[wasm_bindgen]
pub struct Playground {
    heap_kb: u32,
    virtual_time: bool,
    vm: Vm,
    /// True while `vm` is as `new_vm` made it (nothing loaded, run or
    /// interrupted): `load` then uses it instead of building another.
    fresh: bool,
    /// A fresh VM built ahead by `prepare` (while the page is idle), which
    /// the next `load`/`repl_reset` takes: building one costs ~0.2 ms of
    /// wasm (types, method tables, interned names), as long as a whole
    /// `print(1)` run, so a Run click should not pay it.
    spare: Option<Vm>,
    /// One board for the Playground's life: a reset replaces what it holds
    /// (pins, clock, trace), so every VM, spare or not, shares this handle.
    board: SharedBoard,
    /// Board-clock µs the program sleeps until (after status 2).
    sleep_until_us: u64,
    error: String,
    /// The loaded source, for the error column.
    source: String,
    /// (line, column) of the last error in `main.py`, 1-based; 0 if unknown.
    error_pos: (u32, u32),
    /// The REPL lines fed so far of an incomplete statement.
    repl_buf: String,
}

/// The position of an error in `main.py` from its text: the last
/// `File "main.py", line N` of the traceback, and for a SyntaxError the
/// column of the caret under the source line (which is shown without its
/// indentation, hence `source`). Bytes, without `&str` patterns or
/// `lines()`: with them this function was 3.7 KB of wasm, now 1.1 KB.
fn error_position(text: &str, source: &str) -> (u32, u32) {
    const MARK: &[u8] = b"File \"main.py\", line ";
    let lines: Vec<&[u8]> = text.as_bytes().split(|&b| b == b'\n').collect();
    let found = lines.iter().enumerate().rev().find_map(|(i, l)| {
        let l = l.trim_ascii_start();
        l.strip_prefix(MARK).map(|rest| (i, rest))
    });
    let Some((i, rest)) = found else {
        return (0, 0);
    };
    let line = rest
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .fold(0u32, |n, &d| {
            n.saturating_mul(10).saturating_add((d - b'0') as u32)
        });
    let col = match lines.get(i + 2) {
        Some(c) if c.trim_ascii() == b"^" && line > 0 => {
            let indent = source
                .as_bytes()
                .split(|&b| b == b'\n')
                .nth(line as usize - 1)
                .map(|l| l.len() - l.trim_ascii_start().len())
                .unwrap_or(0);
            // "    " + (column - 1 - indent) spaces + "^".
            (c.len().saturating_sub(4) + indent) as u32
        }
        _ => 0,
    };
    (line, col)
}

fn new_board(virtual_time: bool) -> VirtualBoard {
    if virtual_time {
        VirtualBoard::new_virtual()
    } else {
        VirtualBoard::new_real(Box::new(wall_us))
    }
}

fn new_vm(heap_kb: u32, board: &SharedBoard) -> Vm {
    let config = Config {
        heap_size: (heap_kb.max(16) as usize) * 1024,
        argv: vec![String::from("main.py")],
        // Source, compiled at import: 10.4 KB less to download (gzipped)
        // than the bytecode, for 1-13 ms of compiling per imported module.
        frozen: ferrite_frozen::FROZEN_SOURCE,
        ..Config::default()
    };
    Vm::new(config, Box::new(board.clone()))
}

#[wasm_bindgen]
impl Playground {
    /// A VM with a heap of `heap_kb` KiB on a fresh virtual board;
    /// `virtual_time`: sleeps take no real time (see `ferrite-board`).
    #[wasm_bindgen(constructor)]
    pub fn new(heap_kb: u32, virtual_time: bool) -> Playground {
        console_error_panic_hook::set_once();
        let board = SharedBoard::new(new_board(virtual_time));
        let vm = new_vm(heap_kb, &board);
        Playground {
            heap_kb,
            virtual_time,
            vm,
            fresh: true,
            spare: None,
            board,
            sleep_until_us: 0,
            error: String::new(),
            source: String::new(),
            error_pos: (0, 0),
            repl_buf: String::new(),
        }
    }

    /// Compile `source` as `main.py` on a fresh VM and board (all pins
    /// low, clock at 0). Returns "" or the SyntaxError text (with
    /// `line N` and a caret under the column; see `error_line` and
    /// `error_column`).
    pub fn load(&mut self, source: &str) -> String {
        self.repl_reset();
        self.fresh = false;
        self.source = String::from(source);
        match self.vm.load(source, "main.py") {
            Ok(()) => String::new(),
            Err(e) => {
                self.error_pos = error_position(&e, source);
                e
            }
        }
    }

    /// A fresh VM and board, as before any `load`: MicroPython's soft
    /// reset (Ctrl-D at the REPL's prompt).
    pub fn repl_reset(&mut self) {
        *self.board.0.borrow_mut() = new_board(self.virtual_time);
        if !self.fresh {
            self.vm = match self.spare.take() {
                Some(vm) => vm,
                None => new_vm(self.heap_kb, &self.board),
            };
            self.fresh = true;
        }
        self.error.clear();
        self.source.clear();
        self.error_pos = (0, 0);
        self.repl_buf.clear();
    }

    /// Build the VM that the next `load` or `repl_reset` will use, unless
    /// one is ready. The page calls it when a program ends, so Run and
    /// soft reset cost no VM construction. Memory: one more boot-sized
    /// heap (~50 KB).
    pub fn prepare(&mut self) {
        if !self.fresh && self.spare.is_none() {
            self.spare = Some(new_vm(self.heap_kb, &self.board));
        }
    }

    /// Add one line (without its newline) to the REPL input and compile
    /// what has been fed so far, in "single" mode in the program's
    /// globals: 0 (`REPL_RUN`) a whole statement, now loaded: `run` it
    /// like a program (an expression's value is printed); 1 (`REPL_MORE`)
    /// incomplete, as after `if x:` until an empty line; 4 (`ERROR`) a
    /// SyntaxError, see `take_error`. After 0 and 4 the input is empty.
    pub fn repl_feed(&mut self, line: &str) -> u32 {
        self.fresh = false;
        self.repl_buf.push_str(line);
        self.repl_buf.push('\n');
        self.error_pos = (0, 0);
        match self.vm.load_repl(&self.repl_buf) {
            Ok(false) => REPL_MORE,
            Ok(true) => {
                self.repl_buf.clear();
                REPL_RUN
            }
            Err(e) => {
                self.repl_buf.clear();
                self.error = e;
                ERROR
            }
        }
    }

    /// Drop the lines fed of an incomplete REPL statement.
    pub fn repl_cancel(&mut self) {
        self.repl_buf.clear();
    }

    /// Tab completion of the name or attribute ending `text` (the line up
    /// to the cursor), from the VM's globals, builtins and keywords; no
    /// Python code runs. Returns the word being completed, then the
    /// sorted names that extend it.
    pub fn complete(&self, text: &str) -> Vec<String> {
        let (start, names) = self.vm.complete(text);
        let mut out = Vec::with_capacity(names.len() + 1);
        out.push(String::from(text.get(start..).unwrap_or("")));
        out.extend(names);
        out
    }

    /// The `main.py` line (1-based) of the last SyntaxError from `load` or
    /// of the innermost `main.py` frame of the last runtime error; 0 if none.
    pub fn error_line(&self) -> u32 {
        self.error_pos.0
    }

    /// The column (1-based) of the last SyntaxError; 0 for runtime errors.
    pub fn error_column(&self) -> u32 {
        self.error_pos.1
    }

    /// Run at most `budget` instructions: 0 done, 1 yielded, 2 sleeping
    /// (see `sleep_ms`), 3 needs input, 4 error (see `take_error`).
    pub fn run(&mut self, budget: u32) -> u32 {
        self.fresh = false;
        match self.vm.run(budget.max(1)) {
            Status::Done => DONE,
            Status::Yielded => YIELDED,
            Status::Sleep { until_us } => {
                self.sleep_until_us = until_us;
                SLEEPING
            }
            Status::NeedInput => NEEDS_INPUT,
            Status::Error => {
                self.error = self.vm.take_error();
                self.error_pos = (error_position(&self.error, &self.source).0, 0);
                ERROR
            }
        }
    }

    /// The board-clock time (ms) the sleeping program wakes at.
    pub fn sleep_until_ms(&self) -> f64 {
        self.sleep_until_us as f64 / 1000.0
    }

    /// How long to wait (ms) before the next `run` after status 2. On
    /// virtual time the clock jumps to the wake-up time and this is 0.
    pub fn sleep_ms(&mut self) -> f64 {
        self.board.0.borrow_mut().wait_until(self.sleep_until_us) as f64 / 1000.0
    }

    /// The board clock in ms.
    pub fn now_ms(&mut self) -> f64 {
        self.board.0.borrow_mut().now() as f64 / 1000.0
    }

    /// Program output since the last call (invalid UTF-8 is replaced).
    pub fn take_output(&mut self) -> String {
        let out = self.board.0.borrow_mut().take_output();
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The traceback of the uncaught exception (after status 4).
    pub fn take_error(&mut self) -> String {
        core::mem::take(&mut self.error)
    }

    /// Raise KeyboardInterrupt at the start of the next `run`.
    pub fn interrupt(&mut self) {
        self.fresh = false;
        self.vm.interrupt();
    }

    /// Answer `input()` (status 3) with `line` (no newline needed).
    pub fn provide_input(&mut self, line: &str) {
        self.fresh = false;
        self.vm.provide_input(line);
    }

    /// Answer `input()` with end of input (EOFError).
    pub fn provide_eof(&mut self) {
        self.fresh = false;
        self.vm.provide_eof();
    }

    /// Pin changes since the last call, flat: `[time_ms, pin, level, ...]`.
    pub fn board_events(&mut self) -> Vec<u32> {
        let trace = self.board.0.borrow_mut().take_trace();
        let mut out = Vec::with_capacity(trace.len() * 3);
        for e in trace {
            out.push((e.time_us / 1000).min(u32::MAX as u64) as u32);
            out.push(e.pin);
            out.push(e.high as u32);
        }
        out
    }

    /// Drive a pin from outside (a button): 0 low (pressed), 1 high,
    /// anything else releases it. Returns false for an invalid pin.
    pub fn set_pin(&mut self, pin: u32, value: u32) -> bool {
        let level = match value {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        };
        self.board.0.borrow_mut().set_external(pin, level).is_ok()
    }

    /// The current level of every GPIO, one byte each (for a first paint).
    pub fn pin_levels(&self) -> Vec<u8> {
        let b = self.board.0.borrow();
        (0..ferrite_board::NUM_PINS)
            .map(|p| b.level(p) as u8)
            .collect()
    }

    /// The pin a name maps to (`"LED"` → 25), or -1.
    pub fn pin_by_name(&self, name: &str) -> i32 {
        self.board.pin_by_name(name).map(|p| p as i32).unwrap_or(-1)
    }

    /// Heap bytes in use / limit, for the page's status line.
    pub fn heap_used(&self) -> u32 {
        self.vm.heap_used() as u32
    }
}
