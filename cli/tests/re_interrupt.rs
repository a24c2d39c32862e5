//! The `re` engine under the interpreter's control: a pathological
//! pattern finishes in linear time, and a long match is interrupted by
//! Ctrl-C (SIGINT) with KeyboardInterrupt, because the match advances in
//! bounded chunks called from a Python loop.

mod common;
use common::script;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Wait for `child` to exit, killing it after `limit`.
fn wait_for(child: &mut std::process::Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let t0 = Instant::now();
    loop {
        if let Ok(Some(st)) = child.try_wait() {
            return Some(st);
        }
        if t0.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn pathological_patterns_are_linear() {
    // Exponential for a backtracking matcher; a few seconds at most here
    // (debug build, 20 000 characters).
    let p = script(
        "lin.py",
        "import re\n\
         s = 'a' * 20000\n\
         print(re.match('(a*)*b', s), re.match('(a|aa)*c', s))\n\
         print(re.search('(x+x+)+y', 'x' * 20000))\n",
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferrite"))
        .arg(&p)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn ferrite");
    let st = wait_for(&mut child, Duration::from_secs(60)).expect("finishes");
    assert!(st.success());
    let mut out = String::new();
    if let Some(mut o) = child.stdout.take() {
        use std::io::Read;
        let _ = o.read_to_string(&mut out);
    }
    assert_eq!(out, "None None\nNone\n");
}

#[test]
fn ctrl_c_interrupts_a_long_match() {
    let p = script(
        "intr.py",
        "import re\n\
         print('start')\n\
         while True:\n    re.search('(x+x+)+y', 'x' * 100000)\n",
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferrite"))
        .arg(&p)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ferrite");
    let mut line = String::new();
    if let Some(o) = child.stdout.take() {
        let _ = BufReader::new(o).read_line(&mut line);
    }
    assert_eq!(line, "start\n");
    std::thread::sleep(Duration::from_millis(300));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    let st = wait_for(&mut child, Duration::from_secs(20)).expect("interrupted promptly");
    assert!(!st.success());
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        use std::io::Read;
        let _ = e.read_to_string(&mut err);
    }
    assert!(err.contains("KeyboardInterrupt"), "stderr: {err}");
}
