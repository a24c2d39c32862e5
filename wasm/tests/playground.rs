//! The `Playground` API as the page's worker uses it (`web/src/worker.ts`),
//! compiled to wasm32 and run by `wasm-bindgen-test-runner`: `cargo xtask
//! test` runs this file twice, in Node (the runner's default) and in headless
//! Chromium (`WASM_BINDGEN_USE_BROWSER=1`, `CHROMEDRIVER`). No
//! `wasm_bindgen_test_configure!` here: it would pin one environment.
//!
//! Nothing here waits in real time: sleeping is tested on virtual time, and
//! on real time only the wait the driver is told to do.

use ferrite_wasm::{Playground, DONE, ERROR, NEEDS_INPUT, REPL_MORE, REPL_RUN, SLEEPING, YIELDED};
use wasm_bindgen_test::wasm_bindgen_test;

const HEAP_KB: u32 = 1024;

/// Run until the program stops for something other than the budget;
/// virtual-time sleeps are taken at once. Returns (status, slices).
fn drive(pg: &mut Playground, budget: u32) -> (u32, u32) {
    let mut slices = 0;
    loop {
        slices += 1;
        match pg.run(budget) {
            YIELDED => {}
            SLEEPING if pg.sleep_ms() == 0.0 => {}
            st => return (st, slices),
        }
        assert!(slices < 10_000_000, "runaway program");
    }
}

fn run_source(pg: &mut Playground, src: &str, budget: u32) -> (u32, String) {
    assert_eq!(pg.load(src), "");
    let (st, _) = drive(pg, budget);
    (st, pg.take_output())
}

#[wasm_bindgen_test]
fn hello_world() {
    let mut pg = Playground::new(HEAP_KB, false);
    let (st, out) = run_source(&mut pg, "print('hello, world')\n", 100_000);
    assert_eq!(st, DONE);
    assert_eq!(out, "hello, world\n");
    assert!(pg.heap_used() > 0);
}

#[wasm_bindgen_test]
fn budget_one_yields_and_resumes_to_the_same_output() {
    let src = "def f(n):\n    return n * n\n\
               for i in range(20):\n    print(i, f(i), [j for j in range(i % 4)])\n\
               print(sum(f(k) for k in range(100)))\n";
    let mut pg = Playground::new(HEAP_KB, false);
    let (st, whole) = run_source(&mut pg, src, 1_000_000);
    assert_eq!(st, DONE);
    assert!(whole.ends_with("328350\n"), "{}", whole);
    for budget in [1, 2, 7] {
        assert_eq!(pg.load(src), "");
        let mut out = String::new();
        let mut yields = 0;
        loop {
            match pg.run(budget) {
                YIELDED => yields += 1,
                DONE => break,
                st => panic!("status {} at budget {}", st, budget),
            }
            out.push_str(&pg.take_output());
        }
        out.push_str(&pg.take_output());
        assert!(yields > 50, "budget {}: only {} yields", budget, yields);
        assert_eq!(out, whole, "budget {}", budget);
    }
}

#[wasm_bindgen_test]
fn sleep_reports_the_wake_time_on_virtual_time() {
    let mut pg = Playground::new(HEAP_KB, true);
    assert_eq!(
        pg.load("import time\nprint('a')\ntime.sleep(1.5)\nprint('b')\ntime.sleep_ms(250)\nprint(time.ticks_ms())\n"),
        ""
    );
    assert_eq!(pg.run(100_000), SLEEPING);
    assert_eq!(pg.take_output(), "a\n");
    assert_eq!(pg.sleep_until_ms(), 1500.0);
    // Virtual time: no real wait, the clock jumps to the wake time.
    assert_eq!(pg.sleep_ms(), 0.0);
    assert_eq!(pg.now_ms(), 1500.0);
    assert_eq!(pg.run(100_000), SLEEPING);
    assert_eq!(pg.sleep_until_ms(), 1750.0);
    assert_eq!(pg.sleep_ms(), 0.0);
    assert_eq!(pg.run(100_000), DONE);
    assert_eq!(pg.take_output(), "b\n1750\n");
}

#[wasm_bindgen_test]
fn sleep_on_real_time_asks_the_driver_to_wait() {
    let mut pg = Playground::new(HEAP_KB, false);
    assert_eq!(
        pg.load("import time\ntime.sleep_ms(200)\nprint('woke')\n"),
        ""
    );
    assert_eq!(pg.run(100_000), SLEEPING);
    let wait = pg.sleep_ms();
    assert!(wait > 100.0 && wait <= 200.0, "wait {}", wait);
    assert!(pg.sleep_until_ms() >= 200.0);
}

#[wasm_bindgen_test]
fn interrupt_busy_loop_then_vm_is_usable() {
    let mut pg = Playground::new(HEAP_KB, false);
    assert_eq!(pg.load("n = 0\nwhile True:\n    n += 1\n"), "");
    for _ in 0..5 {
        assert_eq!(pg.run(10_000), YIELDED);
    }
    pg.interrupt();
    assert_eq!(pg.run(10_000), ERROR);
    let err = pg.take_error();
    assert!(
        err.starts_with("Traceback (most recent call last):")
            && err.contains("File \"main.py\", line 3")
            && err.trim_end().ends_with("KeyboardInterrupt"),
        "{}",
        err
    );
    let (st, out) = run_source(&mut pg, "print('again', 6 * 7)\n", 100_000);
    assert_eq!((st, out.as_str()), (DONE, "again 42\n"));
}

#[wasm_bindgen_test]
fn input_waits_then_continues() {
    let mut pg = Playground::new(HEAP_KB, false);
    assert_eq!(
        pg.load("name = input('name? ')\nprint('hello', name)\nprint(input())\n"),
        ""
    );
    assert_eq!(pg.run(100_000), NEEDS_INPUT);
    assert_eq!(pg.take_output(), "name? ");
    // Asking again without an answer keeps waiting.
    assert_eq!(pg.run(100_000), NEEDS_INPUT);
    pg.provide_input("bob");
    assert_eq!(pg.run(100_000), NEEDS_INPUT);
    assert_eq!(pg.take_output(), "hello bob\n");
    pg.provide_eof();
    assert_eq!(pg.run(100_000), ERROR);
    assert!(pg.take_error().contains("EOFError"));
}

#[wasm_bindgen_test]
fn compile_error_gives_line_and_column() {
    let mut pg = Playground::new(HEAP_KB, false);
    // The column is the one the caret marks.
    let err = pg.load("x = 1\ny = (1 +\nz = 3\n");
    assert!(err.contains("SyntaxError"), "{}", err);
    assert_eq!((pg.error_line(), pg.error_column()), (2, 6), "{}", err);
    // Indentation is not shown in the message but counts in the column.
    let err = pg.load("if 1:\n    x = 1 +\n");
    assert!(err.contains("SyntaxError"), "{}", err);
    assert_eq!(pg.error_line(), 2, "{}", err);
    assert!(pg.error_column() > 4, "{}", err);
    let err = pg.load("a = 1\nb = 2 +* 3\n");
    assert!(err.contains("SyntaxError"), "{}", err);
    assert!(err.contains("File \"main.py\", line 2"), "{}", err);
    assert_eq!((pg.error_line(), pg.error_column()), (2, 8), "{}", err);
    // A good program clears the position.
    assert_eq!(pg.load("pass\n"), "");
    assert_eq!((pg.error_line(), pg.error_column()), (0, 0));
    // Runtime errors report their line too.
    assert_eq!(pg.load("x = 1\n\nprint(1 / 0)\n"), "");
    assert_eq!(pg.run(100_000), ERROR);
    let err = pg.take_error();
    assert!(err.contains("ZeroDivisionError"), "{}", err);
    assert_eq!(pg.error_line(), 3);
}

#[wasm_bindgen_test]
fn memory_error_with_a_small_heap() {
    let mut pg = Playground::new(32, false);
    let (st, _) = run_source(
        &mut pg,
        "x = []\nwhile True:\n    x.append('ab' * 50)\n",
        100_000,
    );
    assert_eq!(st, ERROR);
    let err = pg.take_error();
    assert!(err.trim_end().ends_with("MemoryError"), "{}", err);
    // A fresh load gets a fresh heap.
    let (st, out) = run_source(&mut pg, "print(len([0] * 100))\n", 100_000);
    assert_eq!((st, out.as_str()), (DONE, "100\n"));
}

#[wasm_bindgen_test]
fn blink_reports_pin_events() {
    let mut pg = Playground::new(HEAP_KB, true);
    assert_eq!(pg.pin_by_name("LED"), 25);
    assert_eq!(pg.pin_by_name("nope"), -1);
    let src = "from machine import Pin\nimport time\nled = Pin('LED', Pin.OUT)\n\
               for i in range(2):\n    led.on()\n    time.sleep_ms(500)\n    led.off()\n    time.sleep_ms(500)\n";
    let (st, _) = run_source(&mut pg, src, 3);
    assert_eq!(st, DONE);
    assert_eq!(
        pg.board_events(),
        vec![0, 25, 1, 500, 25, 0, 1000, 25, 1, 1500, 25, 0]
    );
    assert_eq!(pg.board_events(), Vec::<u32>::new());
    assert_eq!(pg.pin_levels()[25], 0);
}

#[wasm_bindgen_test]
fn button_press_from_the_page() {
    let mut pg = Playground::new(HEAP_KB, true);
    let src = "from machine import Pin\nimport time\nb = Pin(14, Pin.IN)\n\
               while b.value():\n    pass\nprint('pressed at', time.ticks_ms())\n";
    assert_eq!(pg.load(src), "");
    // Polling a released button: the program runs on, the clock advances
    // with every read (see ferrite-board's cost model).
    for _ in 0..10 {
        assert_eq!(pg.run(1000), YIELDED);
    }
    assert_eq!(pg.pin_levels()[14], 1);
    assert!(pg.now_ms() > 0.0);
    assert!(pg.set_pin(14, 0));
    assert!(!pg.set_pin(99, 0));
    assert_eq!(drive(&mut pg, 1000).0, DONE);
    let out = pg.take_output();
    assert!(out.starts_with("pressed at "), "{}", out);
    let ev = pg.board_events();
    assert_eq!(&ev[1..], &[14, 0]);
}

/// One REPL line as the console submits it: (feed status, run status or
/// None, output + error text).
fn repl(pg: &mut Playground, line: &str) -> (u32, Option<u32>, String) {
    match pg.repl_feed(line) {
        REPL_RUN => {
            let (st, _) = drive(pg, 1000);
            let mut out = pg.take_output();
            out.push_str(&pg.take_error());
            (REPL_RUN, Some(st), out)
        }
        fed => (fed, None, pg.take_error()),
    }
}

#[wasm_bindgen_test]
fn repl_echoes_expressions_and_keeps_state() {
    let mut pg = Playground::new(HEAP_KB, false);
    assert_eq!(repl(&mut pg, "1+1"), (REPL_RUN, Some(DONE), "2\n".into()));
    // Statements print nothing; None is not echoed; strings are repr'd.
    assert_eq!(repl(&mut pg, "x = 6*7"), (REPL_RUN, Some(DONE), "".into()));
    assert_eq!(repl(&mut pg, "x"), (REPL_RUN, Some(DONE), "42\n".into()));
    assert_eq!(repl(&mut pg, "None"), (REPL_RUN, Some(DONE), "".into()));
    assert_eq!(
        repl(&mut pg, "'a' + 'b'"),
        (REPL_RUN, Some(DONE), "'ab'\n".into())
    );
    assert_eq!(repl(&mut pg, ""), (REPL_RUN, Some(DONE), "".into()));
    // A runtime error is a traceback; the next line works in the same globals.
    let (fed, st, out) = repl(&mut pg, "x / 0");
    assert_eq!((fed, st), (REPL_RUN, Some(ERROR)));
    assert!(
        out.trim_end()
            .ends_with("ZeroDivisionError: division by zero"),
        "{}",
        out
    );
    assert_eq!(
        repl(&mut pg, "x + 1"),
        (REPL_RUN, Some(DONE), "43\n".into())
    );
}

#[wasm_bindgen_test]
fn repl_blocks_need_an_empty_line() {
    let mut pg = Playground::new(HEAP_KB, false);
    assert_eq!(repl(&mut pg, "def sq(n):"), (REPL_MORE, None, "".into()));
    assert_eq!(
        repl(&mut pg, "    return n * n"),
        (REPL_MORE, None, "".into())
    );
    assert_eq!(repl(&mut pg, ""), (REPL_RUN, Some(DONE), "".into()));
    assert_eq!(
        repl(&mut pg, "for i in range(3):"),
        (REPL_MORE, None, "".into())
    );
    assert_eq!(
        repl(&mut pg, "    print(sq(i))"),
        (REPL_MORE, None, "".into())
    );
    assert_eq!(
        repl(&mut pg, ""),
        (REPL_RUN, Some(DONE), "0\n1\n4\n".into())
    );
    // An open bracket continues too, and the statement ends with it.
    assert_eq!(repl(&mut pg, "[sq(2),"), (REPL_MORE, None, "".into()));
    assert_eq!(
        repl(&mut pg, " sq(3)]"),
        (REPL_RUN, Some(DONE), "[4, 9]\n".into())
    );
    // Cancelling drops the pending lines: the next line stands alone.
    assert_eq!(repl(&mut pg, "if True:"), (REPL_MORE, None, "".into()));
    pg.repl_cancel();
    assert_eq!(
        repl(&mut pg, "sq(5)"),
        (REPL_RUN, Some(DONE), "25\n".into())
    );
}

#[wasm_bindgen_test]
fn repl_syntax_error_then_a_working_line() {
    let mut pg = Playground::new(HEAP_KB, false);
    let (fed, st, err) = repl(&mut pg, "x = = 1");
    assert_eq!((fed, st), (ERROR, None));
    assert!(
        err.contains("SyntaxError") && err.contains("<stdin>"),
        "{}",
        err
    );
    assert_eq!(pg.error_line(), 0);
    // The bad input is gone: the next line compiles on its own.
    assert_eq!(
        repl(&mut pg, "2 ** 10"),
        (REPL_RUN, Some(DONE), "1024\n".into())
    );
    // Inside a block too.
    assert_eq!(repl(&mut pg, "while True:"), (REPL_MORE, None, "".into()));
    assert_eq!(repl(&mut pg, "    )").0, ERROR);
    assert_eq!(repl(&mut pg, "3"), (REPL_RUN, Some(DONE), "3\n".into()));
}

#[wasm_bindgen_test]
fn repl_after_a_program_sees_its_globals() {
    let mut pg = Playground::new(HEAP_KB, true);
    let (st, out) = run_source(
        &mut pg,
        "from machine import Pin\nled = Pin(2, Pin.OUT)\ncount = 5\nprint('ran')\n",
        1000,
    );
    assert_eq!((st, out.as_str()), (DONE, "ran\n"));
    assert_eq!(
        repl(&mut pg, "count * 2"),
        (REPL_RUN, Some(DONE), "10\n".into())
    );
    // The board is the program's: the REPL drives its LED.
    assert_eq!(pg.board_events(), Vec::<u32>::new());
    assert_eq!(repl(&mut pg, "led.on()").1, Some(DONE));
    assert_eq!(pg.board_events()[1..], [2, 1]);
    // A new Run starts afresh; after an interrupt its globals are there.
    assert_eq!(pg.load("y = 7\nwhile True:\n    y += 0\n"), "");
    assert_eq!(pg.run(1000), YIELDED);
    pg.interrupt();
    assert_eq!(pg.run(1000), ERROR);
    assert!(pg.take_error().contains("KeyboardInterrupt"));
    assert_eq!(repl(&mut pg, "y"), (REPL_RUN, Some(DONE), "7\n".into()));
    assert_eq!(repl(&mut pg, "count").1, Some(ERROR));
    // A soft reset forgets them.
    pg.repl_reset();
    let (_, st, out) = repl(&mut pg, "y");
    assert_eq!(st, Some(ERROR));
    assert!(out.contains("NameError"), "{}", out);
}

/// `load` takes the Playground's untouched VM, or the spare that `prepare`
/// built, instead of building one; neither may carry anything over.
#[wasm_bindgen_test]
fn prepared_and_untouched_vms_start_clean() {
    let mut pg = Playground::new(HEAP_KB, true);
    // Touched before any load: an interrupt must not reach the program.
    pg.interrupt();
    let (st, out) = run_source(&mut pg, "x = 1\nprint('one')\n", 1000);
    assert_eq!((st, out.as_str()), (DONE, "one\n"));
    // A spare built while the program's VM is current: the REPL still
    // sees the program's globals; the next Run does not.
    pg.prepare();
    assert_eq!(repl(&mut pg, "x"), (REPL_RUN, Some(DONE), "1\n".into()));
    let src = "from machine import Pin\nimport time\n\
               print('x' in globals(), time.ticks_ms())\nPin(3, Pin.OUT).on()\n";
    let (st, out) = run_source(&mut pg, src, 1000);
    assert_eq!((st, out.as_str()), (DONE, "False 0\n"));
    assert_eq!(pg.board_events(), vec![0, 3, 1]);
    // Stopped while sleeping, then a reset with a spare: clock, pins and
    // globals start over.
    pg.prepare();
    assert_eq!(pg.load("import time\ny = 2\ntime.sleep(5)\n"), "");
    assert_eq!(pg.run(1000), SLEEPING);
    pg.interrupt();
    assert_eq!(pg.run(1000), ERROR);
    assert!(pg.take_error().contains("KeyboardInterrupt"));
    pg.prepare();
    pg.repl_reset();
    assert_eq!(pg.pin_levels()[3], 0);
    assert_eq!(pg.now_ms(), 0.0);
    let (_, st, out) = repl(&mut pg, "y");
    assert_eq!(st, Some(ERROR));
    assert!(out.contains("NameError"), "{}", out);
    // prepare on an untouched VM builds nothing more; it still runs.
    pg.repl_reset();
    pg.prepare();
    let (st, out) = run_source(&mut pg, "print(len(dir()))\n", 1000);
    assert_eq!(st, DONE);
    assert!(out.trim().parse::<u32>().is_ok(), "{}", out);
}

#[wasm_bindgen_test]
fn repl_statements_sleep_and_read_input_like_programs() {
    let mut pg = Playground::new(HEAP_KB, true);
    assert_eq!(pg.repl_feed("import time"), REPL_RUN);
    assert_eq!(drive(&mut pg, 1000).0, DONE);
    assert_eq!(pg.repl_feed("time.sleep_ms(300); input('? ')"), REPL_RUN);
    assert_eq!(pg.run(1000), SLEEPING);
    assert_eq!(pg.sleep_ms(), 0.0);
    assert_eq!(pg.run(1000), NEEDS_INPUT);
    pg.provide_input("hi");
    assert_eq!(pg.run(1000), DONE);
    assert_eq!(pg.take_output(), "? 'hi'\n");
    // Interrupting a running statement leaves the REPL usable.
    assert_eq!(pg.repl_feed("while True: pass"), REPL_MORE);
    assert_eq!(pg.repl_feed(""), REPL_RUN);
    assert_eq!(pg.run(1000), YIELDED);
    pg.interrupt();
    assert_eq!(pg.run(1000), ERROR);
    assert!(pg.take_error().trim_end().ends_with("KeyboardInterrupt"));
    assert_eq!(repl(&mut pg, "1"), (REPL_RUN, Some(DONE), "1\n".into()));
}

#[wasm_bindgen_test]
fn completion_candidates() {
    let mut pg = Playground::new(HEAP_KB, false);
    assert_eq!(repl(&mut pg, "import machine").1, Some(DONE));
    assert_eq!(repl(&mut pg, "counter = 1; countdown = 2").1, Some(DONE));
    assert_eq!(
        pg.complete("x = coun"),
        vec!["coun", "countdown", "counter"]
    );
    assert_eq!(pg.complete("pri"), vec!["pri", "print"]);
    // Attributes, found without running code; keywords too.
    let c = pg.complete("machine.Pi");
    assert_eq!(c[0], "Pi");
    assert!(c[1..].iter().any(|n| n == "Pin"), "{:?}", c);
    assert!(pg.complete("whi").contains(&"while".into()));
    assert_eq!(pg.complete("nothing_like_this"), vec!["nothing_like_this"]);
    // Globals of a program count.
    assert_eq!(
        pg.load(
            "zebra_count = 3
"
        ),
        ""
    );
    assert_eq!(drive(&mut pg, 1000).0, DONE);
    assert_eq!(pg.complete("zeb"), vec!["zeb", "zebra_count"]);
}
