//! `ferrite`: run a Python file, `-c CODE`, or the REPL, on the host.
//!
//! The driver loop runs the VM in budget slices; `time.sleep` comes back
//! as `Status::Sleep` and is slept here, `input()` as `Status::NeedInput`
//! and is read from stdin here.

mod hostfs;

use std::cell::RefCell;
use std::io::{BufRead, IsTerminal, Read, Write};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use ferrite_board::{SharedBoard, VirtualBoard, VirtualClock};
use ferrite_vm::{Board, Config, Status, Vm};

/// `ferrite --help`.
const USAGE: &str = "\
usage: ferrite [option] ... [file | -c cmd | -m mod | -] [arg] ...
With no file, an interactive REPL (Ctrl-D exits).
  -c cmd            run the program in cmd
  -m mod            run module mod from the current directory
  -i                the REPL even when stdin is not a terminal
  -X heapsize=N     the VM heap's hard limit (e.g. 256K, 8M, 2G)
  --fs DIR          mount DIR at / (default: the current directory);
                    --fs mem: an empty in-memory file system
  --board virtual   the virtual board (pins, LEDs, buttons) as machine
  --virtual-time    sleeps advance a virtual clock instantly
  --trace FILE      write the board's pin trace to FILE
  --budget N        instructions per run slice (default 100000)
  --dis             print the bytecode instead of running
  --dis-frozen NAME print a frozen module's bytecode
  --frozen-source   frozen modules as source, compiled at import
  -h, --help        this text
";

/// Capacity of `--fs mem`.
const MEM_FS_SIZE: usize = 1024 * 1024;

/// Set by the Ctrl-C handler; the driver raises KeyboardInterrupt between slices.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

struct HostBoard {
    start: Instant,
    /// `--virtual-time`: the virtual board's clock model without the board
    /// (sleeps jump, polling reads cost time); shared with `drive`.
    virtual_clock: Option<Rc<RefCell<VirtualClock>>>,
    /// Wall-clock seconds at start, the base of virtual `time.time()`.
    start_epoch: f64,
}

fn wall_clock() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

impl Board for HostBoard {
    fn now_us(&mut self) -> u64 {
        match &self.virtual_clock {
            Some(c) => c.borrow_mut().read(),
            None => self.start.elapsed().as_micros() as u64,
        }
    }
    fn stdout(&mut self, bytes: &[u8]) {
        let mut o = std::io::stdout().lock();
        let _ = o.write_all(bytes);
    }
    fn stderr(&mut self, bytes: &[u8]) {
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().write_all(bytes);
    }
    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(path).ok()
    }
    fn epoch_seconds(&mut self) -> f64 {
        match &self.virtual_clock {
            Some(_) => self.start_epoch + self.now_us() as f64 / 1e6,
            None => wall_clock(),
        }
    }
    fn platform(&self) -> &'static str {
        "linux"
    }
}

fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim();
    let (num, mul) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1024),
        'm' | 'M' => (&s[..s.len() - 1], 1024 * 1024),
        'g' | 'G' => (&s[..s.len() - 1], 1024 * 1024 * 1024),
        _ => (s, 1),
    };
    num.parse::<usize>().ok().map(|n| n * mul)
}

/// How the driver reaches the board: the host board's virtual clock, or
/// the virtual board (`--board virtual`), whose output and clock it handles.
struct Host {
    clock: Option<Rc<RefCell<VirtualClock>>>,
    virtual_board: Option<SharedBoard>,
}

impl Host {
    /// Write the virtual board's pending output.
    fn flush(&self) {
        if let Some(b) = &self.virtual_board {
            let out = b.0.borrow_mut().take_output();
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(&out);
            let _ = o.flush();
        }
    }
}

/// Sleep `us` of real time in short steps, so Ctrl-C stays prompt.
fn sleep_interruptibly(mut us: u64) {
    while us > 0 && !INTERRUPTED.load(Ordering::SeqCst) {
        let step = us.min(10_000);
        std::thread::sleep(std::time::Duration::from_micros(step));
        us -= step;
    }
}

/// Drive the VM until the program ends. Returns the process exit status.
fn drive(vm: &mut Vm, budget: u32, host: &Host) -> i32 {
    let stdin = std::io::stdin();
    let clock = &host.clock;
    loop {
        if INTERRUPTED.swap(false, Ordering::SeqCst) {
            vm.interrupt();
        }
        let status = vm.run(budget);
        host.flush();
        match status {
            Status::Yielded => {}
            Status::Sleep { until_us } if host.virtual_board.is_some() => {
                if let Some(b) = &host.virtual_board {
                    loop {
                        let wait = b.0.borrow_mut().wait_until(until_us);
                        if wait == 0 || INTERRUPTED.load(Ordering::SeqCst) {
                            break;
                        }
                        sleep_interruptibly(wait.min(10_000));
                    }
                }
            }
            Status::Sleep { until_us } => {
                if let Some(c) = clock {
                    c.borrow_mut().sleep_until(until_us);
                } else {
                    // Short steps, so Ctrl-C interrupts a long sleep promptly.
                    let mut now = vm.board.now_us();
                    while until_us > now && !INTERRUPTED.load(Ordering::SeqCst) {
                        let step = (until_us - now).min(10_000);
                        std::thread::sleep(std::time::Duration::from_micros(step));
                        now = vm.board.now_us();
                    }
                }
            }
            Status::NeedInput => {
                let _ = std::io::stdout().flush();
                let mut line = String::new();
                match stdin.lock().read_line(&mut line) {
                    Ok(0) | Err(_) => {
                        vm.provide_eof();
                    }
                    Ok(_) => {
                        vm.provide_input(&line);
                    }
                }
            }
            Status::Done => {
                let _ = std::io::stdout().flush();
                return vm.exit_code().unwrap_or(0);
            }
            Status::Error => {
                let _ = std::io::stdout().flush();
                let e = vm.take_error();
                let _ = std::io::stderr().write_all(e.as_bytes());
                return vm.exit_code().unwrap_or(1);
            }
        }
    }
}

fn main() {
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
    let args: Vec<String> = std::env::args().collect();
    let mut config = Config {
        frozen: ferrite_frozen::FROZEN,
        ..Config::default()
    };
    let mut i = 1;
    let mut code: Option<(String, String)> = None;
    let mut dis = false;
    let mut force_repl = false;
    let mut budget: u32 = 100_000;
    let mut virtual_time = false;
    let mut virtual_board = false;
    let mut trace_file: Option<String> = None;
    // `--fs DIR` mounts DIR at "/"; `--fs mem` an empty in-memory FS.
    let mut fs_root: Option<String> = None;
    while i < args.len() {
        let a = &args[i];
        if a == "-X" && i + 1 < args.len() {
            if let Some(v) = args[i + 1].strip_prefix("heapsize=") {
                match parse_size(v) {
                    Some(n) => config.heap_size = n,
                    None => {
                        eprintln!("ferrite: bad heapsize: {}", v);
                        std::process::exit(2);
                    }
                }
            }
            i += 2;
        } else if a == "--budget" && i + 1 < args.len() {
            budget = args[i + 1].parse().unwrap_or(100_000).max(1);
            i += 2;
        } else if a == "--board" && i + 1 < args.len() {
            if args[i + 1] != "virtual" {
                eprintln!("ferrite: unknown board {} (known: virtual)", args[i + 1]);
                std::process::exit(2);
            }
            virtual_board = true;
            i += 2;
        } else if a == "--trace" && i + 1 < args.len() {
            trace_file = Some(args[i + 1].clone());
            i += 2;
        } else if a == "--fs" && i + 1 < args.len() {
            fs_root = Some(args[i + 1].clone());
            i += 2;
        } else if a == "--virtual-time" {
            virtual_time = true;
            i += 1;
        } else if a == "--frozen-source" {
            // The frozen modules as the browser embeds them: source,
            // compiled at import (tests that path on the host).
            config.frozen = ferrite_frozen::FROZEN_SOURCE;
            i += 1;
        } else if a == "-i" {
            // Interactive REPL even when stdin is not a terminal (tests, pipes).
            force_repl = true;
            i += 1;
        } else if a == "--dis" {
            dis = true;
            i += 1;
        } else if a == "--dis-frozen" && i + 1 < args.len() {
            // The bytecode of a frozen module (vm/lib/NAME.py) as loaded.
            let mut vm = Vm::new(config, Box::new(ferrite_vm::NullBoard));
            match vm.disassemble_frozen(&args[i + 1]) {
                Ok(t) => print!("{}", t),
                Err(e) => {
                    eprint!("{}", e);
                    std::process::exit(1);
                }
            }
            return;
        } else if a == "-c" && i + 1 < args.len() {
            code = Some((args[i + 1].clone(), "<string>".into()));
            config.argv = std::iter::once("-c".to_string())
                .chain(args[i + 2..].iter().cloned())
                .collect();
            break;
        } else if a == "-m" && i + 1 < args.len() {
            let name = &args[i + 1];
            let Some(path) = find_module(name) else {
                eprintln!("ferrite: No module named {}", name);
                std::process::exit(1);
            };
            let src = match std::fs::read(&path) {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(e) => {
                    eprintln!("ferrite: can't open file '{}': {}", path, e);
                    std::process::exit(2);
                }
            };
            config.argv = std::iter::once(path.clone())
                .chain(args[i + 2..].iter().cloned())
                .collect();
            code = Some((src, path));
            break;
        } else if a == "-h" || a == "--help" {
            print!("{}", USAGE);
            return;
        } else if a.starts_with('-') && a != "-" {
            eprintln!("ferrite: unknown option {} (ferrite --help lists them)", a);
            std::process::exit(2);
        } else {
            let src = match std::fs::read(a) {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(e) => {
                    eprintln!("ferrite: can't open file '{}': {}", a, e);
                    std::process::exit(2);
                }
            };
            code = Some((src, a.clone()));
            config.argv = args[i..].to_vec();
            break;
        }
    }
    if trace_file.is_some() && !virtual_board {
        eprintln!("ferrite: --trace needs --board virtual");
        std::process::exit(2);
    }
    let host = if virtual_board {
        let vb = if virtual_time {
            VirtualBoard::new_virtual()
        } else {
            let start = Instant::now();
            VirtualBoard::new_real(Box::new(move || start.elapsed().as_micros() as u64))
        };
        Host {
            clock: None,
            virtual_board: Some(SharedBoard::new(vb)),
        }
    } else {
        Host {
            clock: virtual_time.then(|| Rc::new(RefCell::new(VirtualClock::default()))),
            virtual_board: None,
        }
    };
    let board: Box<dyn Board> = match &host.virtual_board {
        Some(b) => Box::new(b.clone()),
        None => Box::new(HostBoard {
            start: Instant::now(),
            virtual_clock: host.clock.clone(),
            start_epoch: wall_clock(),
        }),
    };
    let mut vm = Vm::new(config, board);
    match fs_root.as_deref() {
        Some("mem") => vm.mount("/", Box::new(ferrite_vm::vfs::MemFs::new(MEM_FS_SIZE))),
        Some(dir) => {
            if !std::path::Path::new(dir).is_dir() {
                eprintln!("ferrite: --fs {}: not a directory", dir);
                std::process::exit(2);
            }
            vm.mount("/", Box::new(hostfs::HostFs::new(dir.into())));
        }
        None => vm.mount("/", Box::new(hostfs::HostFs::new(".".into()))),
    }
    let finish = |host: &Host, status: i32| -> ! {
        if let (Some(path), Some(b)) = (&trace_file, &host.virtual_board) {
            let mut text = String::new();
            for e in b.0.borrow().trace() {
                text.push_str(&format!("{} {} {}\n", e.time_us, e.pin, e.high as u8));
            }
            if let Err(e) = std::fs::write(path, text) {
                eprintln!("ferrite: can't write trace '{}': {}", path, e);
                std::process::exit(2);
            }
        }
        std::process::exit(status)
    };
    match code {
        Some((src, file)) => {
            if dis {
                match vm.disassemble(&src, &file) {
                    Ok(t) => print!("{}", t),
                    Err(e) => {
                        eprint!("{}", e);
                        std::process::exit(1);
                    }
                }
                return;
            }
            if let Err(e) = vm.load(&src, &file) {
                eprint!("{}", e);
                std::process::exit(1);
            }
            let status = drive(&mut vm, budget, &host);
            finish(&host, status);
        }
        None if !force_repl && !std::io::stdin().is_terminal() => {
            // Piped input runs as a script, as `python3 < file` does.
            let src = read_all();
            if let Err(e) = vm.load(&src, "<stdin>") {
                eprint!("{}", e);
                std::process::exit(1);
            }
            let status = drive(&mut vm, budget, &host);
            finish(&host, status);
        }
        None => {
            repl(vm, budget, &host);
            finish(&host, 0);
        }
    }
}

fn repl(mut vm: Vm, budget: u32, host: &Host) {
    println!(
        "Ferrite {} on {}; Python 3 (MicroPython-compatible)",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS
    );
    println!("Use Ctrl-D to exit, Ctrl-C to interrupt a running statement.");
    if std::io::stdin().is_terminal() {
        let config = rustyline::Config::builder()
            .completion_type(rustyline::CompletionType::List)
            .build();
        if let Ok(rl) = Editor::with_config(config) {
            return repl_edit(Rc::new(RefCell::new(vm)), budget, host, rl);
        }
    }
    let vm = &mut vm;
    let mut input = String::new();
    let stdin = std::io::stdin();
    let mut buf = String::new();
    loop {
        print!("{}", if buf.is_empty() { ">>> " } else { "... " });
        let _ = std::io::stdout().flush();
        input.clear();
        match stdin.lock().read_line(&mut input) {
            Ok(0) | Err(_) => {
                println!();
                return;
            }
            Ok(_) => {}
        }
        buf.push_str(&input);
        repl_feed(vm, &mut buf, budget, host);
    }
}

/// Compile the pending REPL input and run it if it is a whole statement.
fn repl_feed(vm: &mut Vm, buf: &mut String, budget: u32, host: &Host) {
    match vm.load_repl(buf) {
        Ok(false) => {}
        Ok(true) => {
            buf.clear();
            INTERRUPTED.store(false, Ordering::SeqCst);
            drive(vm, budget, host);
        }
        Err(e) => {
            buf.clear();
            eprint!("{}", e);
        }
    }
}

type Editor = rustyline::Editor<ReplHelper, rustyline::history::DefaultHistory>;

/// Tab completion from the VM's names (`Vm::complete`); Tab in leading
/// white space indents, as in MicroPython's REPL.
struct ReplHelper {
    vm: Rc<RefCell<Vm>>,
}

impl rustyline::completion::Completer for ReplHelper {
    type Candidate = String;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let before = &line[..pos];
        if before.trim().is_empty() {
            return Ok((pos, vec!["    ".to_string()]));
        }
        match self.vm.try_borrow() {
            Ok(vm) => Ok(vm.complete(before)),
            Err(_) => Ok((pos, Vec::new())),
        }
    }
}
impl rustyline::hint::Hinter for ReplHelper {
    type Hint = String;
}
impl rustyline::highlight::Highlighter for ReplHelper {}
impl rustyline::validate::Validator for ReplHelper {}
impl rustyline::Helper for ReplHelper {}

/// The REPL on a terminal: line editing, history and completion. While a
/// line is being edited the terminal is in raw mode, so Ctrl-C arrives as a
/// key: it drops the pending input and prints `KeyboardInterrupt`, as
/// CPython does; while a statement runs it is a signal, turned into the
/// Python exception.
fn repl_edit(vm: Rc<RefCell<Vm>>, budget: u32, host: &Host, mut rl: Editor) {
    use rustyline::error::ReadlineError;
    rl.set_helper(Some(ReplHelper { vm: vm.clone() }));
    let mut buf = String::new();
    loop {
        let prompt = if buf.is_empty() { ">>> " } else { "... " };
        match rl.readline(prompt) {
            Ok(text) => {
                if !text.trim().is_empty() {
                    let _ = rl.add_history_entry(text.as_str());
                }
                // A bracketed paste arrives as one result with newlines in
                // it: feed it a line at a time, as if typed.
                for line in text.split('\n') {
                    buf.push_str(line.trim_end_matches('\r'));
                    buf.push('\n');
                    repl_feed(&mut vm.borrow_mut(), &mut buf, budget, host);
                }
            }
            Err(ReadlineError::Interrupted) => {
                buf.clear();
                println!("KeyboardInterrupt");
            }
            Err(_) => {
                println!();
                return;
            }
        }
    }
}

/// `-m MODULE`: the file `import MODULE` would load from the current
/// directory (`sys.path[0]` for `-m`, as in CPython): `a/b.py`, or
/// `a/b/__main__.py` for a package.
fn find_module(name: &str) -> Option<String> {
    if name.is_empty() || name.split('.').any(|p| p.is_empty()) {
        return None;
    }
    let base = name.replace('.', "/");
    [format!("{}.py", base), format!("{}/__main__.py", base)]
        .into_iter()
        .find(|p| std::path::Path::new(p).is_file())
}

fn read_all() -> String {
    let mut s = String::new();
    let _ = std::io::stdin().read_to_string(&mut s);
    s
}
