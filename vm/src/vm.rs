//! The `Vm`: heap, value stack, frames, builtin types and modules, and the
//! public driver API (`load`, `run`, `interrupt`, `provide_input`).

use crate::at::{At, VecAt};
use crate::types::ty;
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::bytecode::Code;
use crate::compile;
use crate::hal::Board;
use crate::heap::{Heap, ObjRef, SLOT_BYTES};
use crate::interp::{Cont, Frame};
use crate::natives::NativeDef;
use crate::objects::{Dict, Obj, PyStr};
use crate::value::Value;

pub use crate::exc::Exc;

/// The result of everything that can raise; see `exc.rs` for why the
/// error is a zero-sized `Exc` and the exception lives in `Vm::raised`.
pub type PyResult<T> = Result<T, Exc>;

/// (class slot, name slot, class epoch, lookup result); see `class_lookup`.
pub(crate) type AttrCacheEntry = (u32, u32, u32, Option<Value>);

/// What `Vm::run` returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The program finished.
    Done,
    /// The instruction budget ran out; call `run` again.
    Yielded,
    /// `time.sleep*`: call `run` again once the board clock reaches `until_us`.
    Sleep { until_us: u64 },
    /// `input()`: the prompt has been written; call `provide_input` then `run`.
    NeedInput,
    /// An uncaught exception; its traceback text is in `take_error()`.
    Error,
}

pub struct Config {
    /// Hard limit of the heap in bytes.
    pub heap_size: usize,
    /// Python frames before RecursionError (CPython's default is 1000).
    pub recursion_limit: usize,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.path` entries searched for `.py` modules.
    pub path: Vec<String>,
    /// Bytes the compiler may use outside the heap while a source
    /// compiles: the tokens and tree of the statement being compiled
    /// (modules compile one top-level statement at a time) plus the code
    /// generated so far. Past it, compiling raises MemoryError. A board sets
    /// it to what its allocator has beyond the heap. A statement needs
    /// ~40-75 bytes per source byte on 64-bit hosts (about half on 32-bit
    /// boards), code ~6-11 bytes per source byte; the default is 64 MB.
    pub compile_limit: usize,
    /// Keep the text of sources compiled from memory (the main program,
    /// `exec`/`eval` strings, REPL input) so tracebacks can show their
    /// lines. Files imported from a mounted file system are never kept:
    /// a traceback reads the line back, as CPython's linecache does.
    /// Boards turn it off (a copy of the program in RAM; MicroPython's
    /// tracebacks show no source lines either).
    pub keep_sources: bool,
    /// The frozen-module blob (`ferrite_frozen::FROZEN`, built from
    /// `vm/lib/*.py`): the modules written in Python (asyncio, collections,
    /// heapq, io, os, hashlib, ...). Empty: those modules are missing.
    pub frozen: &'static [u8],
}

impl Default for Config {
    fn default() -> Config {
        Config {
            heap_size: 16 * 1024 * 1024,
            recursion_limit: 1000,
            argv: Vec::new(),
            path: alloc::vec![String::new(), ".frozen".to_string()],
            compile_limit: 64 * 1024 * 1024,
            keep_sources: true,
            frozen: &[],
        }
    }
}

/// A request from a native function to the interpreter loop, acted on
/// right after the native returns.
pub enum Request {
    /// Call `f(*args)` and treat its result as the native's result, after
    /// `cont` has transformed it.
    Call {
        f: Value,
        args: Vec<Value>,
        kw: Vec<(Value, Value)>,
        cont: Cont,
    },
    Sleep {
        until_us: u64,
    },
    Input,
    /// Push a frame that runs `code` (module body, exec, class body).
    RunCode {
        code: Rc<Code>,
        globals: ObjRef,
        locals: Value,
        cont: Cont,
    },
    /// Resume a generator (from `send`/`throw`/`next`).
    Resume {
        gen: ObjRef,
        value: Value,
        throw: bool,
        cont: Cont,
    },
}

/// The interpreter state. Field order is part of the design (`repr(C)`):
/// a load or store at a constant offset is one 2-byte instruction on
/// thumbv6m and RV32C only up to offset 124 (words; bytes on thumbv6m up
/// to 31), and every access further out costs a literal-pool constant and
/// a register (4-8 bytes). So the fields most code touches come first, in
/// the first 124 bytes on 32-bit boards:
/// ```text
///   0 stack       12 temp_roots     24 heap (76: slots first)
/// 100 raised     104 frames        116 memory_error_obj   120 heap_locked
/// 124 ... the rest; the 2 KB `static_names` cache last
/// ```
/// Rust's default layout had put `static_names` first and the hot fields
/// past 2 KB (thumbv6m core -4.1 KB, riscv -4.3 KB when reordered).
#[repr(C)]
pub struct Vm {
    pub stack: Vec<Value>,
    /// Values that must survive collections while only Rust holds them.
    pub temp_roots: Vec<Value>,
    pub heap: Heap,
    /// The pending exception: whenever a function returns `Err(Exc)`, the
    /// raised exception instance (see `exc.rs`). A GC root.
    pub(crate) raised: ObjRef,
    /// Raises so far, in the GC-stress build's checking `Exc` (exc.rs).
    #[cfg(feature = "stress-gc")]
    pub(crate) raise_count: u32,
    pub frames: Vec<Frame>,
    /// The preallocated MemoryError, the heap's first object (see `types::init`).
    pub(crate) memory_error_obj: ObjRef,
    /// `micropython.heap_lock()` nesting: allocation fails while non-zero.
    pub(crate) heap_locked: u32,
    pub builtins: ObjRef,
    /// Interned strings: str -> same str, so names compare by identity.
    pub interned: ObjRef,
    pub(crate) class_epoch: u32,
    /// Cache of class attribute lookups; see `class_lookup`.
    pub(crate) attr_cache: Vec<core::cell::Cell<AttrCacheEntry>>,
    /// Exceptions being handled (`except` bodies), innermost last.
    pub handling: Vec<Value>,
    pub natives: Vec<NativeDef>,
    pub board: Box<dyn Board>,
    pub modules: ObjRef,
    pub(crate) main_globals: ObjRef,
    /// Nesting of Rust-level calls into Python (`call_sync`).
    pub(crate) sync_depth: u32,
    pub(crate) sync_error: Option<ObjRef>,
    pub(crate) repr_stack: Vec<Value>,
    /// `micropython.schedule` queue of (function, argument), run at the
    /// next safe point outside nested calls.
    pub(crate) scheduled: Vec<(Value, Value)>,
    pub(crate) interrupt_pending: bool,
    /// The last `run` slice ended on the budget, before executing the
    /// instruction at the top frame's `pc` (see `run`).
    pub(crate) paused_before_op: bool,
    pub(crate) awaiting_input: bool,
    /// `micropython.opt_level`: at 1 and above `assert` compiles to nothing
    /// and `__debug__` is False.
    pub(crate) opt_level: u8,
    /// The pending input request is `sys.stdin.readline()`: keep the line
    /// ending and return '' at end of input instead of raising EOFError.
    pub(crate) input_raw: bool,
    pub(crate) reraising: bool,
    /// `config.frozen`'s checksum has been checked (see `frozen::find`).
    #[cfg_attr(not(feature = "frozen"), allow(dead_code))]
    pub(crate) frozen_verified: bool,
    /// `micropython.kbd_intr`: the character the driver should turn into
    /// KeyboardInterrupt (-1: none).
    pub(crate) kbd_intr_char: i32,
    pub(crate) instructions: u64,
    pub(crate) pending_throw: Option<ObjRef>,
    pub(crate) pending_throw_at_resume: Option<ObjRef>,
    pub(crate) build_class_native: Value,
    /// The native behind every builtin type's special-method attribute
    /// (`builtins/slot_methods.rs`).
    #[cfg_attr(not(feature = "slot-methods"), allow(dead_code))]
    pub(crate) slot_native: Value,
    pub(crate) pending_locals: Value,
    pub(crate) prelude: ObjRef,
    /// State of the `random` module's xorshift64* generator.
    #[cfg_attr(not(feature = "random"), allow(dead_code))]
    pub(crate) rng_state: u64,
    pub(crate) exit_code: Option<i32>,
    pub(crate) error_text: String,
    pub config: Config,
    pub(crate) request: Option<Request>,
    /// Mounted file systems and the current directory (`vfs`).
    pub vfs: crate::vfs::Mounts,
    /// Source text of loaded programs, for traceback lines.
    pub(crate) sources: Vec<(String, String)>,
    /// (literal address, length, interned str); see `intern_static`.
    pub(crate) static_names: [(usize, usize, Value); crate::interp::attr::STATIC_NAME_CACHE],
}

impl Vm {
    pub fn new(config: Config, board: Box<dyn Board>) -> Vm {
        let cache_len = crate::interp::attr::attr_cache_size(config.heap_size);
        let mut vm = Vm {
            heap: Heap::new(config.heap_size),
            stack: Vec::new(),
            frames: Vec::new(),
            handling: Vec::new(),
            builtins: ObjRef(0),
            modules: ObjRef(0),
            interned: ObjRef(0),
            natives: Vec::new(),
            board,
            config,
            request: None,
            interrupt_pending: false,
            paused_before_op: false,
            awaiting_input: false,
            // Slot 0: `types::init` allocates the MemoryError there first.
            memory_error_obj: ObjRef(0),
            raised: ObjRef(0),
            #[cfg(feature = "stress-gc")]
            raise_count: 0,
            temp_roots: Vec::new(),
            error_text: String::new(),
            exit_code: None,
            main_globals: ObjRef(0),
            sync_depth: 0,
            sync_error: None,
            repr_stack: Vec::new(),
            heap_locked: 0,
            scheduled: Vec::new(),
            opt_level: 0,
            kbd_intr_char: 3,
            input_raw: false,
            instructions: 0,
            reraising: false,
            pending_throw: None,
            sources: Vec::new(),
            build_class_native: Value::None,
            slot_native: Value::None,
            pending_locals: Value::Undef,
            prelude: ObjRef(0),
            rng_state: 0x2545_f491_4f6c_dd1d,
            attr_cache: (0..cache_len)
                .map(|_| core::cell::Cell::new((u32::MAX, u32::MAX, 0, None)))
                .collect(),
            class_epoch: 1,
            static_names: [(0, 0, Value::None); crate::interp::attr::STATIC_NAME_CACHE],
            pending_throw_at_resume: None,
            vfs: crate::vfs::Mounts::default(),
            frozen_verified: false,
        };
        // Bootstrapping allocates a few hundred objects; a heap too small
        // for that is a configuration error, so use a floor.
        let limit = vm.heap.limit;
        vm.heap.limit = core::cmp::max(limit, 64 * 1024) + 256 * 1024;
        vm.heap.enabled = false;
        crate::types::init(&mut vm);
        vm.heap.enabled = true;
        vm.heap.limit = vm.heap.used + limit;
        vm.heap.threshold = core::cmp::min(vm.heap.threshold + vm.heap.used, vm.heap.limit);
        vm
    }

    // ---- allocation ----

    /// Allocate an object. Collects when the heap is full; MemoryError when
    /// it is still full after that.
    /// Mount a file system at `point` ("/" for the root), replacing any
    /// mounted there.
    pub fn mount(&mut self, point: &str, fs: alloc::boxed::Box<dyn crate::vfs::Vfs>) {
        self.vfs.mount(point, fs);
    }

    /// A source file for `import` or a traceback line: from the mounted
    /// file systems, falling back to the board (frozen or host files the
    /// mounts do not cover).
    pub(crate) fn read_source(&mut self, path: &str) -> Option<Vec<u8>> {
        if !self.vfs.is_empty() {
            if let Ok(b) = self.vfs.read(path) {
                return Some(b);
            }
        }
        self.board.read_file(path)
    }

    pub fn alloc(&mut self, obj: Obj) -> PyResult<Value> {
        let bytes = SLOT_BYTES + obj.payload_bytes();
        if !self.heap.fits(bytes) || cfg!(feature = "stress-gc") || self.heap_locked > 0 {
            // A collection may run: the new object is not in the heap yet,
            // so what it references must be rooted for the duration.
            let mark = self.root_refs_of(&obj);
            let r = self.ensure(bytes);
            self.temp_roots.truncate(mark);
            r?;
        }
        if !self.heap.reserve_slot() {
            // The slot table could not grow although the limit allows it
            // (a fragmented arena on a board): collect to free slots.
            if self.heap.enabled && self.heap_locked == 0 {
                let mark = self.root_refs_of(&obj);
                self.collect_garbage(true);
                self.temp_roots.truncate(mark);
            }
            if !self.heap.reserve_slot() {
                return Err(self.memory_error());
            }
        }
        match self.heap.insert(obj, bytes) {
            Some(r) => Ok(Value::Obj(r)),
            None => Err(self.memory_error()),
        }
    }

    /// Push what `obj` references on `temp_roots`; returns the length to
    /// truncate back to.
    fn root_refs_of(&mut self, obj: &Obj) -> usize {
        let mut kids = Vec::new();
        obj.trace(&mut kids);
        let mark = self.temp_roots.len();
        self.temp_roots.extend(kids.into_iter().map(Value::Obj));
        mark
    }

    /// Make room for `bytes` more (before growing a container in place).
    #[inline]
    pub fn ensure(&mut self, bytes: usize) -> PyResult<()> {
        #[cfg(feature = "stress-gc")]
        {
            if self.heap.enabled {
                self.collect_garbage(true);
            }
        }
        if self.heap.fits(bytes) && self.heap_locked == 0 {
            return Ok(());
        }
        if self.heap_locked > 0 {
            // Growth into spare capacity (0 bytes) is not an allocation.
            if bytes == 0 {
                return Ok(());
            }
            return Err(self.memory_error());
        }
        if self.heap.enabled {
            self.collect_garbage(true);
        }
        if self.heap.fits(bytes) {
            Ok(())
        } else {
            Err(self.memory_error())
        }
    }

    pub fn collect_garbage(&mut self, keep_epoch: bool) {
        let mut roots: Vec<ObjRef> = Vec::new();
        let _ = roots.try_reserve(self.stack.len() + 64);
        use crate::objects::trace_vals;
        for vs in [
            &self.stack[..],
            &self.handling[..],
            &self.temp_roots[..],
            &self.repr_stack[..],
        ] {
            trace_vals(vs, &mut roots);
        }
        for &(a, b) in &self.scheduled {
            trace_vals(&[a, b], &mut roots);
        }
        roots.extend_from_slice(&[
            self.memory_error_obj,
            self.raised,
            self.builtins,
            self.modules,
            self.interned,
            self.main_globals,
            self.prelude,
        ]);
        for e in [
            self.sync_error,
            self.pending_throw,
            self.pending_throw_at_resume,
        ]
        .into_iter()
        .flatten()
        {
            roots.push(e);
        }
        for f in &self.frames {
            roots.push(f.globals);
            roots.extend(f.gen);
            trace_vals(&[f.func, f.locals], &mut roots);
            crate::objects::trace_code(&f.code, &mut roots);
            f.cont.trace(&mut roots);
        }
        if let Some(req) = &self.request {
            crate::interp::trace_request(req, &mut roots);
        }
        roots.extend((0..crate::types::ty::FIXED_SLOTS).map(ObjRef));
        self.heap.collect(&roots, keep_epoch);
        // Freed slots may be reused by new classes or names: drop cached lookups.
        self.classes_changed();
    }

    /// A safe point for the collector only (calls): every live value is in
    /// VM state; start a new epoch and collect if due.
    #[inline]
    pub(crate) fn gc_point(&mut self) {
        self.heap.safe_point();
        #[cfg(feature = "stress-gc")]
        {
            if self.heap.enabled {
                self.collect_garbage(false);
            }
        }
        if self.heap.wants_collect() {
            self.collect_garbage(false);
        }
    }

    /// A full safe point (back-edges, returns): collection, then the
    /// callbacks queued by `micropython.schedule`, whose exceptions are
    /// raised at this point of the program.
    pub(crate) fn safe_point(&mut self) -> PyResult<()> {
        self.gc_point();
        if !self.scheduled.is_empty() && self.sync_depth == 0 {
            self.run_scheduled()?;
        }
        Ok(())
    }

    /// Run the queued `micropython.schedule` callbacks, oldest first. The
    /// queue entry is removed only after the call is set up, so the function
    /// and argument stay rooted (callbacks are arguments of `call_sync`).
    pub(crate) fn run_scheduled(&mut self) -> PyResult<()> {
        while !self.scheduled.is_empty() {
            let (f, a) = self.scheduled.remove_at(0);
            self.temp_roots.push(f);
            self.temp_roots.push(a);
            let r = self.call_sync(f, &[a]);
            let n = self.temp_roots.len();
            self.temp_roots.truncate(n - 2);
            r?;
        }
        Ok(())
    }

    /// The character `micropython.kbd_intr` selected for KeyboardInterrupt
    /// (3 is Ctrl-C; -1 disables it). The driver reads it.
    pub fn kbd_intr_char(&self) -> i32 {
        self.kbd_intr_char
    }

    // ---- strings ----

    pub fn new_str(&mut self, s: String) -> PyResult<Value> {
        self.alloc(Obj::Str(PyStr::new(s)))
    }

    pub fn str_val(&mut self, s: &str) -> PyResult<Value> {
        self.new_str(s.to_string())
    }

    /// The interned str for `name` (identifiers, attribute names, literal
    /// strings). Interned strs are never freed.
    pub fn intern(&mut self, name: &str) -> Value {
        let h = crate::objects::str::hash_bytes(name.as_bytes());
        if let Obj::Dict(d) = self.heap.get(self.interned) {
            let heap = &self.heap;
            if let Some(i) = d.find(
                h,
                |k| matches!(k, Value::Obj(r) if heap_str(heap, *r) == Some(name)),
            ) {
                return d.entries.at(i).key;
            }
        }
        let v = match self.alloc(Obj::Str(PyStr::new(name.to_string()))) {
            Ok(v) => v,
            Err(_) => return Value::None,
        };
        let interned = self.interned;
        if let Obj::Dict(d) = self.heap.get_mut(interned) {
            d.push_new(h, v, v);
        }
        v
    }

    pub fn str_of(&self, v: Value) -> Option<&str> {
        match v {
            Value::Obj(r) => heap_str(&self.heap, r),
            _ => None,
        }
    }

    // ---- constants used by the compiler ----

    pub fn const_tuple(&mut self, items: &[Value]) -> PyResult<Value> {
        self.alloc(Obj::Tuple(items.to_vec().into_boxed_slice()))
    }

    pub fn const_bytes(&mut self, b: &[u8]) -> PyResult<Value> {
        self.alloc(Obj::Bytes(b.to_vec()))
    }

    pub fn parse_bigint_const(&mut self, digits: &str, radix: u32) -> PyResult<Value> {
        match crate::objects::BigInt::parse(digits, radix) {
            Some(b) => self.int_from_big(b),
            None => Ok(Value::Int(0)),
        }
    }

    // ---- the driver API ----

    /// Compile `source` as the main program and prepare to run it.
    /// A syntax error is returned as the formatted `SyntaxError` text.
    pub fn load(&mut self, source: &str, filename: &str) -> Result<(), String> {
        self.reset_execution();
        let code = match compile::compile(self, source, filename, compile::Mode::File) {
            Ok(c) => c,
            Err(e) => {
                let text = self.format_exception(self.exc_ref(e));
                return Err(text);
            }
        };
        let globals = self.main_globals;
        self.push_code_frame(code, globals, Value::Undef, Cont::Exit);
        Ok(())
    }

    /// Compile one REPL input. `Ok(false)` means the input is incomplete.
    pub fn load_repl(&mut self, source: &str) -> Result<bool, String> {
        self.reset_execution();
        match compile::compile(self, source, "<stdin>", compile::Mode::Single) {
            Ok(code) => {
                let globals = self.main_globals;
                self.push_code_frame(code, globals, Value::Undef, Cont::Exit);
                Ok(true)
            }
            Err(e) => {
                let r = self.exc_ref(e);
                if crate::compile::is_incomplete(self, r) {
                    return Ok(false);
                }
                Err(self.format_exception(r))
            }
        }
    }

    fn reset_execution(&mut self) {
        self.stack.clear();
        self.frames.clear();
        self.handling.clear();
        self.request = None;
        self.awaiting_input = false;
        self.input_raw = false;
        // A program that ended with the heap locked must not break the next one.
        self.heap_locked = 0;
        self.error_text.clear();
        self.exit_code = None;
    }

    /// Ask the running program to stop: `KeyboardInterrupt` is raised at
    /// the start of the next `run` slice.
    pub fn interrupt(&mut self) {
        self.interrupt_pending = true;
    }

    /// Answer an `input()` call.
    pub fn provide_input(&mut self, line: &str) -> bool {
        if !self.awaiting_input {
            return false;
        }
        let raw = core::mem::take(&mut self.input_raw);
        let line = if raw {
            line
        } else {
            let line = line.strip_suffix('\n').unwrap_or(line);
            line.strip_suffix('\r').unwrap_or(line)
        };
        match self.str_val(line) {
            Ok(v) => {
                if let Some(top) = self.stack.last_mut() {
                    *top = v;
                }
                self.awaiting_input = false;
                true
            }
            Err(_) => false,
        }
    }

    pub fn is_awaiting_input(&self) -> bool {
        self.awaiting_input
    }

    /// The traceback text of the last uncaught exception.
    pub fn take_error(&mut self) -> String {
        core::mem::take(&mut self.error_text)
    }

    /// The status given to `sys.exit`, if the program ended through it.
    pub fn exit_code(&self) -> Option<i32> {
        self.exit_code
    }

    pub fn heap_used(&self) -> usize {
        self.heap.used
    }

    pub fn heap_limit(&self) -> usize {
        self.heap.limit
    }

    pub fn instructions_executed(&self) -> u64 {
        self.instructions
    }

    pub(crate) fn push_code_frame(
        &mut self,
        code: Rc<Code>,
        globals: ObjRef,
        locals: Value,
        cont: Cont,
    ) {
        let base = self.stack.len();
        for _ in 0..code.nlocals {
            self.stack.push(Value::Undef);
        }
        for &c in &code.cellvars {
            if let Ok(cell) = self.alloc(Obj::Cell(Value::Undef)) {
                *self.stack.at_mut(base + c as usize) = cell;
            }
        }
        self.frames.push(Frame {
            code,
            pc: 0,
            base,
            globals,
            func: Value::None,
            locals,
            cont,
            exc_base: self.handling.len(),
            gen: None,
            owned: 0,
        });
    }

    pub fn main_globals(&self) -> ObjRef {
        self.main_globals
    }

    pub fn new_dict(&mut self) -> PyResult<Value> {
        self.alloc(Obj::Dict(Dict::new()))
    }
}

pub fn heap_str(heap: &Heap, r: ObjRef) -> Option<&str> {
    match heap.get(r) {
        Obj::Str(s) => Some(s.s.as_str()),
        _ => None,
    }
}

impl Vm {
    /// `input()` at end of input: raise EOFError in the program.
    pub fn provide_eof(&mut self) {
        if !self.awaiting_input {
            return;
        }
        self.awaiting_input = false;
        if core::mem::take(&mut self.input_raw) {
            // `sys.stdin.readline()` returns '' at end of input.
            let v = self.intern("");
            if let Some(top) = self.stack.last_mut() {
                *top = v;
            }
            return;
        }
        let e = self.new_error(ty::EOF_ERROR, "EOF when reading a line");
        self.pending_throw_at_resume = Some(self.exc_ref(e));
    }

    /// Compile `source` and return its disassembly (`ferrite --dis`).
    pub fn disassemble(&mut self, source: &str, filename: &str) -> Result<String, String> {
        match compile::compile(self, source, filename, compile::Mode::File) {
            Ok(code) => Ok(self.dis_text(&code)),
            Err(e) => Err(self.format_exception(self.exc_ref(e))),
        }
    }

    /// The disassembly of frozen module `name` as loaded from
    /// `Config::frozen` (`ferrite --dis-frozen NAME`).
    #[cfg(not(feature = "frozen"))]
    pub fn disassemble_frozen(&mut self, _name: &str) -> Result<String, String> {
        Err(String::from(
            "frozen modules are not built in (feature `frozen`)\n",
        ))
    }

    /// The disassembly of frozen module `name` as loaded from
    /// `Config::frozen` (`ferrite --dis-frozen NAME`).
    #[cfg(feature = "frozen")]
    pub fn disassemble_frozen(&mut self, name: &str) -> Result<String, String> {
        let blob = self.config.frozen;
        let entry = match crate::frozen::load::find(blob, name, true) {
            Ok(Some(e)) => e,
            Ok(None) => return Err(alloc::format!("no frozen module named '{}'\n", name)),
            Err(e) => return Err(alloc::format!("frozen modules: {}\n", e.0)),
        };
        match crate::frozen::entry_code(self, &entry) {
            Ok(code) => Ok(alloc::format!(
                "# {}\n{}",
                entry.filename,
                self.dis_text(&code)
            )),
            Err(e) => Err(alloc::format!("frozen module '{}': {:?}\n", name, e)),
        }
    }

    fn dis_text(&self, code: &Code) -> String {
        let mut out = String::new();
        let name_of = |v: Value| -> String {
            match v {
                Value::Obj(_) => match self.str_of(v) {
                    Some(s) => crate::builtins::repr::str_repr(s),
                    None => String::from("<obj>"),
                },
                Value::Int(i) => alloc::format!("{}", i),
                Value::Float(f) => crate::fmt::float_repr(f.get()),
                other => alloc::format!("{:?}", other),
            }
        };
        crate::bytecode::disassemble(code, &mut out, &name_of);
        out
    }
}

impl Vm {
    /// A new module object named `name` whose dict holds `funcs` (as
    /// native functions) and `values`.
    pub fn new_module(
        &mut self,
        name: &str,
        funcs: &[crate::natives::Method],
        values: &[(&str, Value)],
    ) -> PyResult<Value> {
        let d = self.new_dict()?;
        let Value::Obj(dr) = d else {
            return Ok(Value::None);
        };
        self.temp_roots.push(d);
        let n = self.intern(name);
        let r = self.alloc(Obj::Module { name: n, dict: dr });
        self.temp_roots.pop();
        let m = r?;
        self.temp_roots.push(m);
        let k = self.intern("__name__");
        let res = (|| -> PyResult<()> {
            self.dict_set_str(dr, k, n)?;
            for &(fname, f) in funcs {
                let v = self.register_native(fname, f);
                let k = self.intern(fname);
                self.dict_set_str(dr, k, v)?;
            }
            for &(vname, v) in values {
                let k = self.intern(vname);
                self.dict_set_str(dr, k, v)?;
            }
            Ok(())
        })();
        self.temp_roots.pop();
        res.map(|_| m)
    }

    /// Set an attribute of a module (e.g. after creating nested objects).
    pub fn module_set(&mut self, m: Value, name: &str, v: Value) -> PyResult<()> {
        if let Value::Obj(r) = m {
            if let Obj::Module { dict, .. } = self.heap.get(r) {
                let d = *dict;
                let k = self.intern(name);
                return self.dict_set_str(d, k, v);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Config, Status, Vm};
    use alloc::boxed::Box;

    fn traceback(keep_sources: bool) -> alloc::string::String {
        let config = Config {
            keep_sources,
            ..Config::default()
        };
        let mut vm = Vm::new(config, Box::new(crate::hal::NullBoard));
        vm.load("x = 1\ny = x / 0\n", "main.py").expect("compiles");
        assert_eq!(vm.run(1000), Status::Error);
        vm.take_error()
    }

    #[test]
    fn tracebacks_show_source_lines_only_when_sources_are_kept() {
        let kept = traceback(true);
        assert!(
            kept.contains("line 2, in <module>\n    y = x / 0\n"),
            "{}",
            kept
        );
        let not_kept = traceback(false);
        assert!(
            not_kept.contains("File \"main.py\", line 2, in <module>\nZeroDivisionError"),
            "{}",
            not_kept
        );
    }
}
