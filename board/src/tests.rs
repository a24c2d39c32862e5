use super::*;
use alloc::vec;

fn ev(time_us: u64, pin: u32, high: bool) -> TraceEvent {
    TraceEvent { time_us, pin, high }
}

#[test]
fn names() {
    let b = VirtualBoard::new_virtual();
    assert_eq!(b.pin_by_name("LED"), Some(25));
    assert_eq!(b.pin_by_name("GP14"), Some(14));
    assert_eq!(b.pin_by_name("GPIO3"), Some(3));
    assert_eq!(b.pin_by_name("GP30"), None);
    assert_eq!(b.pin_by_name("FOO"), None);
}

#[test]
fn output_and_latch() {
    let mut b = VirtualBoard::new_virtual();
    // Writing before configuring only sets the latch.
    b.pin_write(25, true).unwrap();
    assert!(!b.pin_read(25).unwrap());
    assert!(b.trace().is_empty());
    b.pin_config(25, PinMode::Out, Pull::None).unwrap();
    assert!(b.pin_read(25).unwrap());
    assert!(b.led_lit(25));
    b.pin_write(25, false).unwrap();
    assert!(!b.led_lit(25));
    // Writing the same level again is not a change.
    b.pin_write(25, false).unwrap();
    assert_eq!(b.trace(), &[ev(0, 25, true), ev(0, 25, false)]);
}

#[test]
fn invalid_pins() {
    let mut b = VirtualBoard::new_virtual();
    assert_eq!(b.pin_write(30, true), Err(HalError::InvalidPin));
    assert_eq!(b.pin_read(99), Err(HalError::InvalidPin));
    assert_eq!(
        b.pin_config(1000, PinMode::In, Pull::None),
        Err(HalError::InvalidPin)
    );
    assert!(!b.led_lit(7));
}

/// Use up the reads that are free after a (virtual) sleep, so the next
/// ones cost `READ_COST_US`.
fn spend_free_reads(b: &mut VirtualBoard) {
    let t = b.now();
    for _ in 0..FREE_READS {
        b.now_us();
    }
    assert_eq!(b.now(), t, "the first FREE_READS reads are free");
}

#[test]
fn pulls_on_a_free_pin() {
    let mut b = VirtualBoard::new_virtual();
    spend_free_reads(&mut b);
    assert!(!b.pin_read(7).unwrap(), "floating reads 0");
    b.pin_config(7, PinMode::In, Pull::Up).unwrap();
    assert!(b.pin_read(7).unwrap());
    b.pin_config(7, PinMode::In, Pull::Down).unwrap();
    assert!(!b.pin_read(7).unwrap());
    b.set_external(7, Some(true)).unwrap();
    assert!(b.pin_read(7).unwrap(), "an external driver beats the pull");
    assert_eq!(
        b.trace(),
        &[ev(0, 7, true), ev(10, 7, false), ev(20, 7, true)],
        "each read of the input cost 10 µs (not the unconfigured one)"
    );
}

#[test]
fn buttons_are_active_low_with_pull_ups() {
    let mut b = VirtualBoard::new_virtual();
    spend_free_reads(&mut b);
    for p in BUTTON_PINS {
        assert!(b.pin_read(p).unwrap(), "released reads 1 without config");
        b.pin_config(p, PinMode::In, Pull::Down).unwrap();
        assert!(b.pin_read(p).unwrap(), "the external pull-up wins");
        b.pin_config(p, PinMode::In, Pull::Up).unwrap();
        b.press(p, true).unwrap();
        assert!(!b.pin_read(p).unwrap());
        b.press(p, false).unwrap();
        assert!(b.pin_read(p).unwrap());
    }
    // Each read of a configured input cost 10 µs: 6 reads so far.
    b.wait_until(1000);
    b.press(14, true).unwrap();
    assert_eq!(
        b.trace(),
        &[
            ev(10, 14, false),
            ev(20, 14, true),
            ev(40, 15, false),
            ev(50, 15, true),
            ev(1000, 14, false)
        ]
    );
}

#[test]
fn open_drain() {
    let mut b = VirtualBoard::new_virtual();
    b.pin_config(8, PinMode::OpenDrain, Pull::Up).unwrap();
    b.pin_write(8, true).unwrap();
    assert!(b.pin_read(8).unwrap(), "released: the pull-up");
    b.pin_write(8, false).unwrap();
    assert!(!b.pin_read(8).unwrap());
    b.pin_write(8, true).unwrap();
    b.set_external(8, Some(false)).unwrap();
    assert!(!b.pin_read(8).unwrap(), "another device pulls the line low");
}

/// The 1 Hz blink (`led.toggle(); time.sleep(0.5)`) on virtual time:
/// each sleep advances the clock by exactly 500 ms.
#[test]
fn blink_trace_on_virtual_time() {
    let mut b = VirtualBoard::new_virtual();
    b.pin_config(LED_PIN, PinMode::Out, Pull::None).unwrap();
    for _ in 0..4 {
        let l = b.pin_read(LED_PIN).unwrap();
        b.pin_write(LED_PIN, !l).unwrap();
        let now = b.now();
        assert_eq!(b.wait_until(now + 500_000), 0);
    }
    assert_eq!(b.now(), 2_000_000);
    assert_eq!(
        b.take_trace(),
        vec![
            ev(0, 25, true),
            ev(500_000, 25, false),
            ev(1_000_000, 25, true),
            ev(1_500_000, 25, false)
        ]
    );
    assert!(b.trace().is_empty());
}

#[test]
fn real_time_follows_the_wall_clock() {
    let wall = Rc::new(core::cell::Cell::new(5_000u64));
    let w = wall.clone();
    let mut b = VirtualBoard::new_real(Box::new(move || w.get()));
    assert_eq!(b.now(), 0);
    wall.set(7_500);
    assert_eq!(b.now(), 2_500);
    assert_eq!(b.wait_until(3_000), 500, "the driver must still wait");
    wall.set(1_000);
    assert_eq!(b.now(), 2_500, "monotonic");
    b.pin_config(3, PinMode::Out, Pull::None).unwrap();
    b.pin_write(3, true).unwrap();
    assert_eq!(b.trace(), &[ev(2_500, 3, true)]);
}

#[test]
fn shared_board_delegates() {
    let s = SharedBoard::new(VirtualBoard::new_virtual());
    let mut boxed: Box<dyn Board> = Box::new(s.clone());
    boxed.pin_config(4, PinMode::Out, Pull::None).unwrap();
    boxed.pin_write(4, true).unwrap();
    boxed.stdout(b"hi");
    assert!(s.0.borrow().led_lit(4));
    assert_eq!(s.0.borrow_mut().take_output(), b"hi".to_vec());
}

/// Virtual time: past `FREE_READS` reads since the last sleep, reads by the
/// program cost `READ_COST_US`, after the read; the driver's `now()` is
/// free; a sleep absorbs the cost of its own read and makes reads free again.
#[test]
fn reads_cost_virtual_time() {
    let mut b = VirtualBoard::new_virtual();
    spend_free_reads(&mut b);
    assert_eq!(b.now_us(), 0);
    assert_eq!(b.now_us(), READ_COST_US);
    assert_eq!(b.now(), 2 * READ_COST_US);
    assert_eq!(b.now(), 2 * READ_COST_US, "the driver's reads are free");
    // time.sleep(1): until = the read + 1 s; the read's cost is inside.
    let until = b.now_us() + 1_000_000;
    assert_eq!(b.wait_until(until), 0);
    assert_eq!(b.now(), 1_000_020);
    spend_free_reads(&mut b);
    // An input pin costs a read; an unconfigured or output pin does not.
    b.pin_read(14).unwrap();
    assert_eq!(b.now(), 1_000_020);
    b.pin_config(14, PinMode::In, Pull::Up).unwrap();
    b.pin_read(14).unwrap();
    assert_eq!(b.now(), 1_000_030);
    b.pin_config(2, PinMode::Out, Pull::None).unwrap();
    b.pin_read(2).unwrap();
    assert_eq!(b.now(), 1_000_030);
    b.pin_config(2, PinMode::OpenDrain, Pull::None).unwrap();
    b.pin_read(2).unwrap();
    assert_eq!(b.now(), 1_000_040);
    // Through the shared board too.
    let s = SharedBoard::new(VirtualBoard::new_virtual());
    let mut boxed: Box<dyn Board> = Box::new(s.clone());
    for _ in 0..FREE_READS {
        assert_eq!(boxed.now_us(), 0);
    }
    assert_eq!((boxed.now_us(), boxed.now_us()), (0, READ_COST_US));
    assert_eq!(s.0.borrow_mut().now(), 2 * READ_COST_US);
}

/// A few reads between sleeps (a blink, asyncio's scheduler) cost nothing:
/// times stay round.
#[test]
fn sleep_paced_reads_are_free() {
    let mut b = VirtualBoard::new_virtual();
    for k in 1..=1000u64 {
        for _ in 0..5 {
            b.now_us();
        }
        let until = b.now_us() + 500_000;
        b.wait_until(until);
        assert_eq!(b.now(), k * 500_000);
    }
}

/// `while ticks_diff(ticks_us(), t0) < 500_000: pass` in Rust: it ends.
#[test]
fn busy_wait_on_virtual_time_ends() {
    let mut b = VirtualBoard::new_virtual();
    let t0 = b.now_us();
    let mut turns = 0u64;
    while b.now_us() - t0 < 500_000 {
        turns += 1;
    }
    assert_eq!(turns, 500_000 / READ_COST_US - 1 + FREE_READS as u64);
    assert_eq!(b.now(), 500_000 + READ_COST_US);
}

#[test]
fn real_time_reads_are_free() {
    let mut b = VirtualBoard::new_real(Box::new(|| 42));
    assert_eq!((b.now_us(), b.now_us()), (0, 0));
    b.pin_read(14).unwrap();
    assert_eq!(b.now(), 0);
}
