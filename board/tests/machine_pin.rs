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
    assert!(matches!(vm.run(1000), Status::Sleep { until_us: 10_000 }));
    board.0.borrow_mut().press(14, true).unwrap();
    assert_eq!(vm.run(1000), Status::Done);
    assert_eq!(board.0.borrow_mut().take_output(), b"1\n0\n");
}
