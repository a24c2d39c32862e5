//! `machine.Pin` in the VM against the virtual board.

use ferrite_board::{SharedBoard, TraceEvent, VirtualBoard};
use ferrite_vm::{Config, Status, Vm};

/// Run `src` to the end on virtual time; returns (output, error, trace).
fn run(src: &str, budget: u32) -> (String, String, Vec<TraceEvent>) {
    let board = SharedBoard::new(VirtualBoard::new_virtual());
    let mut vm = Vm::new(Config::default(), Box::new(board.clone()));
    vm.load(src, "main.py").expect("compiles");
    let mut err = String::new();
    for _ in 0..1_000_000 {
        match vm.run(budget) {
            Status::Yielded => {}
            Status::Sleep { until_us } => {
                assert_eq!(board.0.borrow_mut().wait_until(until_us), 0);
            }
            Status::NeedInput => {
                vm.provide_input("x");
            }
            Status::Done => break,
            Status::Error => {
                err = vm.take_error();
                break;
            }
        }
    }
    let mut b = board.0.borrow_mut();
    let out = String::from_utf8(b.take_output()).unwrap();
    (out, err, b.take_trace())
}

fn ev(time_us: u64, pin: u32, high: bool) -> TraceEvent {
    TraceEvent { time_us, pin, high }
}

#[test]
fn blink_1hz_exact_trace() {
    let src = "from machine import Pin\nimport time\nled = Pin('LED', Pin.OUT)\n\
               for i in range(3):\n    led.on()\n    time.sleep(0.5)\n    led.off()\n    time.sleep(0.5)\n\
               print(time.ticks_ms())\n";
    for budget in [1, 3, 100_000] {
        let (out, err, trace) = run(src, budget);
        assert_eq!(err, "");
        assert_eq!(out, "3000\n");
        let want: Vec<TraceEvent> = (0..6).map(|i| ev(i * 500_000, 25, i % 2 == 0)).collect();
        assert_eq!(trace, want, "budget {}", budget);
    }
}

#[test]
fn pin_methods() {
    let src = "import machine\nP = machine.Pin\n\
               print(P.IN, P.OUT, P.OPEN_DRAIN, P.PULL_UP, P.PULL_DOWN)\n\
               p = P(2, P.OUT, value=1)\nprint(p, p.value(), p())\n\
               p.toggle(); print(p.value())\np(1); p.off(); p.high(); p.low(); p.value(True)\n\
               p.init(P.IN, P.PULL_DOWN); print(p.value())\n\
               b = P('GP15', P.IN, P.PULL_UP); print(b.value())\n\
               q = P(7, mode=P.IN, pull=P.PULL_UP); print(q.value())\n\
               for bad in [(30,), ('X',), (2, 9), (2, 0, 5)]:\n    try:\n        P(*bad)\n    except ValueError as e:\n        print(e)\n";
    let (out, err, trace) = run(src, 100_000);
    assert_eq!(err, "");
    assert_eq!(
        out,
        "0 1 2 1 2\nPin(GPIO2) 1 1\n0\n0\n1\n1\ninvalid pin\nunknown named pin \"X\"\n\
         invalid pin mode: 9\ninvalid pin pull: 5\n"
    );
    let t: Vec<(u32, bool)> = trace.iter().map(|e| (e.pin, e.high)).collect();
    assert_eq!(
        t,
        [
            (2, true),
            (2, false),
            (2, true),
            (2, false),
            (2, true),
            (2, false),
            (2, true),
            (2, false),
            (7, true)
        ]
    );
}

#[test]
fn buttons_read_through_python() {
    let board = SharedBoard::new(VirtualBoard::new_virtual());
    let mut vm = Vm::new(Config::default(), Box::new(board.clone()));
    vm.load(
        "from machine import Pin\nimport time\nb = Pin(14, Pin.IN, Pin.PULL_UP)\n\
         print(b.value())\ntime.sleep_ms(10)\nprint(b.value())\n",
        "main.py",
    )
    .unwrap();
    // The first `b.value()` polled an input, one of the free reads (see
    // FREE_READS): the sleep starts at 0.
    assert!(matches!(vm.run(1000), Status::Sleep { until_us: 10_000 }));
    board.0.borrow_mut().press(14, true).unwrap();
    assert_eq!(vm.run(1000), Status::Done);
    assert_eq!(board.0.borrow_mut().take_output(), b"1\n0\n");
}

/// A busy-wait on virtual time ends, with the same exact trace and output
/// whatever the budget: past the first `FREE_READS` (100) reads, every
/// `ticks_ms()` costs `READ_COST_US` (10 µs).
#[test]
fn busy_wait_ends_with_an_exact_trace() {
    let src = "from machine import Pin\nimport time\nled = Pin('LED', Pin.OUT)\n\
               for i in range(2):\n    led.toggle()\n    t0 = time.ticks_ms()\n    n = 0\n\
               \x20   while time.ticks_diff(time.ticks_ms(), t0) < 100:\n        n += 1\n\
               \x20   print(n, time.ticks_us())\n";
    for budget in [1, 3, 17, 100_000] {
        let (out, err, trace) = run(src, budget);
        assert_eq!(err, "");
        // t0 is read at 0 µs and the first 99 loop tests are free (no
        // sleep yet); then the reads at 10, 20, ... 100,000 µs: 10,099
        // turns, then ticks_us() reads 100,010 µs. The second t0 is read at
        // 100,020 µs (100 ms): the loop ends at the read at 200,000 µs
        // after 9,997 turns.
        assert_eq!(out, "10099 100010\n9997 200010\n", "budget {}", budget);
        assert_eq!(
            trace,
            vec![ev(0, 25, true), ev(100_020, 25, false)],
            "budget {}",
            budget
        );
    }
}

/// Polling a button without sleeping lets virtual time pass, so a press
/// the driver makes at a virtual time is seen.
#[test]
fn polling_a_button_lets_time_pass() {
    let board = SharedBoard::new(VirtualBoard::new_virtual());
    let mut vm = Vm::new(Config::default(), Box::new(board.clone()));
    vm.load(
        "from machine import Pin\nimport time\nb = Pin(15, Pin.IN)\nn = 0\n\
         while b.value():\n    n += 1\nprint(n > 0, time.ticks_ms() >= 200)\n",
        "main.py",
    )
    .unwrap();
    let mut pressed = false;
    loop {
        match vm.run(100) {
            Status::Yielded => {}
            Status::Done => break,
            s => panic!("{:?}", s),
        }
        let mut b = board.0.borrow_mut();
        if !pressed && b.now() >= 200_000 {
            b.press(15, true).unwrap();
            pressed = true;
        }
    }
    let mut b = board.0.borrow_mut();
    assert_eq!(b.take_output(), b"True True\n");
    let t = b.take_trace();
    assert_eq!(t.len(), 1);
    assert!(t[0].time_us >= 200_000 && t[0].time_us < 210_000 && !t[0].high);
}
