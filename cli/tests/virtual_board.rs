//! `ferrite --board virtual --virtual-time`: a busy-wait finishes, with an
//! exact pin trace (every clock read costs 10 µs of virtual time; see
//! `ferrite-board`), whatever the instruction budget.

use std::process::Command;

const BUSY_BLINK: &str = "\
from machine import Pin
import time
led = Pin('LED', Pin.OUT)
for i in range(3):
    led.toggle()
    t0 = time.ticks_ms()
    while time.ticks_diff(time.ticks_ms(), t0) < 500:
        pass
led.off()
print('done', time.ticks_ms())
";

#[test]
fn busy_wait_blink_has_an_exact_trace() {
    let dir = std::env::temp_dir().join(format!("ferrite-vb-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let prog = dir.join("busy.py");
    std::fs::write(&prog, BUSY_BLINK).expect("write");
    for budget in ["1", "17", "100000"] {
        let trace = dir.join(format!("trace-{}.txt", budget));
        let out = Command::new(env!("CARGO_BIN_EXE_ferrite"))
            .args(["--board", "virtual", "--virtual-time", "--budget", budget])
            .arg("--trace")
            .arg(&trace)
            .arg(&prog)
            .output()
            .expect("run ferrite");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{}{}", stdout, stderr);
        assert_eq!(stdout, "done 1500\n", "budget {}", budget);
        // Each wait starts 10 µs after its toggle (the t0 read) and ends on
        // the read at the next whole 500 ms after t0.
        assert_eq!(
            std::fs::read_to_string(&trace).expect("trace"),
            "0 25 1\n500010 25 0\n1000010 25 1\n1500010 25 0\n",
            "budget {}",
            budget
        );
    }
}

/// The same busy-wait on the host board's virtual clock (`_vt` tests).
#[test]
fn busy_wait_ends_on_virtual_time_without_a_board() {
    let out = Command::new(env!("CARGO_BIN_EXE_ferrite"))
        .args([
            "--virtual-time",
            "-c",
            "import time\nt0 = time.ticks_us()\nn = 0\n\
             while time.ticks_diff(time.ticks_us(), t0) < 1000:\n    n += 1\nprint(n)\n",
        ])
        .output()
        .expect("run ferrite");
    assert!(out.status.success());
    // 99 free reads (FREE_READS after t0's), then 10 µs per read: 199 turns.
    assert_eq!(String::from_utf8_lossy(&out.stdout), "199\n");
}
