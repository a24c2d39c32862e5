//! `time` module, as MicroPython documents it, plus CPython's `monotonic`
//! and `perf_counter` families.
//!
//! * Sleeping never blocks the VM: `sleep*` end the current `run` slice
//!   with `Status::Sleep`, and the driver waits (or, in virtual time,
//!   advances its clock). Inside a nested Rust-level call (`call_sync`) the
//!   interpreter raises RuntimeError instead.
//! * `ticks_ms/us/cpu` wrap at 2**30, like MicroPython's small-int ticks;
//!   `ticks_add`/`ticks_diff` do the modular arithmetic.
//! * `gmtime`/`localtime`/`mktime` use the Unix epoch (1970; MicroPython's
//!   bare-metal ports use 2000) and have no time zone: `localtime` is
//!   `gmtime`. Both return MicroPython's 8-tuple (year, month, mday, hour,
//!   minute, second, weekday 0=Monday, yearday 1..366); `mktime` returns an
//!   int and normalises out-of-range fields.

use crate::at::At;
use crate::modules::check_args;
use crate::objects::Obj;
use crate::types::ty;
use crate::value::{Small, Value};
use crate::vm::{PyResult, Request, Vm};

type Kw<'a> = &'a [(Value, Value)];

/// MicroPython's ticks period: values are in [0, 2**30).
const TICKS_PERIOD: i64 = 1 << 30;
const TICKS_MAX: i64 = TICKS_PERIOD - 1;
const TICKS_HALF: i64 = TICKS_PERIOD / 2;

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    let m = vm.new_module(
        "time",
        &[
            ("time", t_time),
            ("time_ns", t_time_ns),
            ("sleep", t_sleep),
            ("sleep_ms", t_sleep_ms),
            ("sleep_us", t_sleep_us),
            ("ticks_ms", t_ticks_ms),
            ("ticks_us", t_ticks_us),
            ("ticks_cpu", t_ticks_cpu),
            ("ticks_add", t_ticks_add),
            ("ticks_diff", t_ticks_diff),
            ("gmtime", t_gmtime),
            ("localtime", t_localtime),
            ("mktime", t_mktime),
            ("monotonic", t_monotonic),
            ("perf_counter", t_monotonic),
            ("monotonic_ns", t_monotonic_ns),
            ("perf_counter_ns", t_monotonic_ns),
        ],
        &[],
    )?;
    Ok(Some(m))
}

fn t_time(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    clock(vm, a, kw, Clock::Time)
}

fn t_time_ns(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    clock(vm, a, kw, Clock::TimeNs)
}

fn t_monotonic(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    clock(vm, a, kw, Clock::Monotonic)
}

fn t_monotonic_ns(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    clock(vm, a, kw, Clock::MonotonicNs)
}

fn t_ticks_ms(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    clock(vm, a, kw, Clock::TicksMs)
}

fn t_ticks_us(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    clock(vm, a, kw, Clock::TicksUs)
}

/// The highest-resolution counter the board has: its microsecond clock.
fn t_ticks_cpu(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    clock(vm, a, kw, Clock::TicksCpu)
}

/// The module's argument-less clock readers.
#[derive(Clone, Copy, PartialEq)]
enum Clock {
    Time,
    TimeNs,
    Monotonic,
    MonotonicNs,
    TicksMs,
    TicksUs,
    TicksCpu,
}

/// Read clock `c`: one argument check and board access for all of them.
#[inline(never)]
fn clock(vm: &mut Vm, a: &[Value], kw: Kw, c: Clock) -> PyResult<Value> {
    let name = match c {
        Clock::Time => "time.time",
        Clock::TimeNs => "time.time_ns",
        Clock::Monotonic => "time.monotonic",
        Clock::MonotonicNs => "time.monotonic_ns",
        Clock::TicksMs => "time.ticks_ms",
        Clock::TicksUs => "time.ticks_us",
        Clock::TicksCpu => "time.ticks_cpu",
    };
    check_args(vm, name, a, kw, 0, 0)?;
    // Only the clocks that read it (a board call).
    let us = if matches!(c, Clock::Time | Clock::TimeNs) {
        0
    } else {
        vm.board.now_us()
    };
    match c {
        Clock::Time => Ok(Value::float(vm.board.epoch_seconds())),
        Clock::TimeNs => {
            let ns = (vm.board.epoch_seconds() * 1e9) as i64;
            vm.new_int(ns)
        }
        Clock::Monotonic => Ok(Value::float(us as f64 / 1e6)),
        Clock::MonotonicNs => vm.new_int(us.saturating_mul(1000).min(i64::MAX as u64) as i64),
        Clock::TicksMs => Ok(Value::Int((((us / 1000) as i64) & TICKS_MAX) as Small)),
        Clock::TicksUs | Clock::TicksCpu => Ok(Value::Int(((us as i64) & TICKS_MAX) as Small)),
    }
}

/// An int argument the MicroPython way: floats are refused.
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let u = vm.num_unwrap(v);
    if let Some(i) = vm.int_i64(u) {
        return Ok(i);
    }
    match u {
        Value::Float(_) => Err(vm.type_err("can't convert float to int")),
        u if vm.as_int_like(u) => Err(vm.new_error(
            ty::OVERFLOW_ERROR,
            "Python int too large to convert to C long",
        )),
        _ => vm.index_value(v),
    }
}

/// End this `run` slice until the board clock has advanced `us`. Like
/// MicroPython's delays, a sleep first runs pending `micropython.schedule`
/// callbacks (where they run does not depend on the instruction budget).
fn sleep_for(vm: &mut Vm, us: u64) -> PyResult<Value> {
    if !vm.scheduled.is_empty() && vm.sync_depth == 0 {
        vm.run_scheduled()?;
    }
    let now = vm.board.now_us();
    vm.request = Some(Request::Sleep {
        until_us: now.saturating_add(us),
    });
    Ok(Value::None)
}

fn t_sleep(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "time.sleep", a, kw, 1, 1)?;
    let secs = match vm.num_unwrap(*a.at(0)) {
        Value::Float(f) => f.get(),
        Value::Int(i) => i as f64,
        Value::Bool(b) => b.get() as i64 as f64,
        u if vm.as_int_like(u) => {
            if vm.to_bigint(u).is_negative() {
                -1.0
            } else {
                f64::INFINITY
            }
        }
        _ => {
            return Err(vm.type_error_of(
                "'",
                a[0],
                "' object cannot be interpreted as an integer",
            ));
        }
    };
    if secs.is_nan() {
        return Err(vm.value_err("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_err("sleep length must be non-negative"));
    }
    let us = secs * 1e6;
    if us >= u64::MAX as f64 {
        return Err(vm.new_error(ty::OVERFLOW_ERROR, "sleep length is too large"));
    }
    sleep_for(vm, libm::round(us) as u64)
}

/// `sleep_ms`/`sleep_us`: a negative delay does not sleep (MicroPython).
fn t_sleep_ms(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "time.sleep_ms", a, kw, 1, 1)?;
    let ms = int_arg(vm, *a.at(0))?;
    sleep_for(vm, (ms.max(0) as u64).saturating_mul(1000))
}

fn t_sleep_us(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "time.sleep_us", a, kw, 1, 1)?;
    let us = int_arg(vm, *a.at(0))?;
    sleep_for(vm, us.max(0) as u64)
}

/// `ticks_add(ticks, delta)`: `delta` must be within what `ticks_diff`
/// can give back, (-2**29, 2**29).
fn t_ticks_add(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "time.ticks_add", a, kw, 2, 2)?;
    let t = int_arg(vm, *a.at(0))?;
    let d = int_arg(vm, *a.at(1))?;
    if d <= -TICKS_HALF || d >= TICKS_HALF {
        return Err(vm.new_error(ty::OVERFLOW_ERROR, "ticks interval overflow"));
    }
    Ok(Value::Int((t.wrapping_add(d) & TICKS_MAX) as Small))
}

/// `ticks_diff(end, start)`: signed, in [-2**29, 2**29).
fn t_ticks_diff(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "time.ticks_diff", a, kw, 2, 2)?;
    let end = int_arg(vm, *a.at(0))?;
    let start = int_arg(vm, *a.at(1))?;
    let d = (end.wrapping_sub(start).wrapping_add(TICKS_HALF) & TICKS_MAX) - TICKS_HALF;
    Ok(Value::Int(d as Small))
}

/// Days since 1970-01-01 of the first day of month `m` of year `y` in the
/// proleptic Gregorian calendar (any month value: it is normalised
/// arithmetically). Within a 400-year era everything fits in 32 bits,
/// which is much cheaper than 64-bit division on small targets.
pub(crate) fn days_from_civil(y: i64, m: i64) -> i64 {
    let y = y + (m - 1).div_euclid(12);
    let m = (m - 1).rem_euclid(12) as u32; // 0 = January
                                           // Count years from March so the leap day ends the year.
    let y = if m < 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = (y - era * 400) as u32;
    let mp = (m + 10) % 12;
    let doy = (153 * mp + 2) / 5;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe as i64 - 719_468
}

/// A day number since 1970-01-01 as (year, month, mday, weekday
/// 0=Monday, yearday 1..366).
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = (z - era * 146_097) as u32;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    // An era is a whole number of weeks and 1970-01-01 was a Thursday.
    let weekday = (doe + 2) % 7;
    let (m, yearday) = if mp < 10 {
        // March..December of year `yoe` of the era.
        let leap = yoe.is_multiple_of(4) && (!yoe.is_multiple_of(100) || yoe == 0);
        (mp + 3, doy + 60 + leap as u32)
    } else {
        (mp - 9, doy - 305)
    };
    let y = yoe as i64 + era * 400 + (m <= 2) as i64;
    (y, m, d, weekday, yearday)
}

/// Limit of accepted timestamps: keeps every intermediate in i64.
const MAX_SECS: i64 = 1 << 55;

/// Limit of each `mktime` field, for the same reason.
const MAX_FIELD: i64 = 1 << 40;

/// The seconds argument of gmtime/localtime: None or missing means now.
fn secs_arg(vm: &mut Vm, a: &[Value]) -> PyResult<i64> {
    let v = match a.first() {
        None | Some(Value::None) => return Ok(libm::floor(vm.board.epoch_seconds()) as i64),
        Some(&v) => v,
    };
    let range = |vm: &mut Vm| {
        vm.new_error(
            ty::OVERFLOW_ERROR,
            "timestamp out of range for platform time_t",
        )
    };
    let u = vm.num_unwrap(v);
    let secs = match u {
        u if vm.int_i64(u).is_some() => vm.int_i64(u).unwrap_or(0),
        Value::Float(f) => {
            if f.get().is_nan() {
                return Err(vm.value_err("Invalid value NaN (not a number)"));
            }
            let f = libm::floor(f.get());
            if f.abs() >= MAX_SECS as f64 {
                return Err(range(vm));
            }
            f as i64
        }
        u if vm.as_int_like(u) => return Err(range(vm)),
        _ => {
            return Err(vm.type_error_of("'", v, "' object cannot be interpreted as an integer"));
        }
    };
    if secs.abs() >= MAX_SECS {
        return Err(range(vm));
    }
    Ok(secs)
}

fn time_tuple(vm: &mut Vm, secs: i64) -> PyResult<Value> {
    let days = secs.div_euclid(86_400);
    let rem = (secs - days * 86_400) as u32;
    let (y, m, d, weekday, yearday) = civil_from_days(days);
    let mut items = alloc::vec![vm.new_int(y)?];
    items.extend(
        [m, d, rem / 3600, rem / 60 % 60, rem % 60, weekday, yearday]
            .iter()
            .map(|&x| Value::Int(x as Small)),
    );
    vm.new_tuple(items)
}

fn t_gmtime(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    broken_down(vm, a, kw, "gmtime")
}

/// No time zone: the same as `gmtime` but for the name in its errors.
fn t_localtime(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    broken_down(vm, a, kw, "localtime")
}

fn broken_down(vm: &mut Vm, a: &[Value], kw: Kw, func: &str) -> PyResult<Value> {
    check_args(vm, func, a, kw, 0, 1)?;
    let secs = secs_arg(vm, a)?;
    time_tuple(vm, secs)
}

/// `mktime((year, month, mday, hour, minute, second, wday, yday[, dst]))`:
/// the inverse of `localtime`; weekday, yearday and dst are ignored.
fn t_mktime(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "mktime", a, kw, 1, 1)?;
    let items = match *a.at(0) {
        Value::Obj(r)
            if matches!(
                vm.heap.get(vm.dict_table_ref(r)),
                Obj::Tuple(_) | Obj::List(_)
            ) =>
        {
            vm.list_items(a[0])
        }
        _ => {
            return Err(vm.type_err("Tuple or struct_time argument required"));
        }
    };
    if items.len() != 8 && items.len() != 9 {
        return Err(vm.type_err("mktime needs a tuple of length 8 or 9"));
    }
    let mut f = [0i64; 6];
    for (i, slot) in f.iter_mut().enumerate() {
        let v = int_arg(vm, *items.at(i))?;
        // Bound each field so the arithmetic below cannot overflow.
        if v.abs() > MAX_FIELD {
            return Err(vm.new_error(ty::OVERFLOW_ERROR, "mktime argument out of range"));
        }
        *slot = v;
    }
    let days = days_from_civil(f[0], f[1]) + f[2] - 1;
    let secs = days
        .checked_mul(86_400)
        .and_then(|s| s.checked_add(f[3].checked_mul(3600)?))
        .and_then(|s| s.checked_add(f[4].checked_mul(60)?))
        .and_then(|s| s.checked_add(f[5]));
    match secs {
        Some(s) => vm.new_int(s),
        None => Err(vm.new_error(ty::OVERFLOW_ERROR, "mktime argument out of range")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_leap(y: i64) -> bool {
        (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    }

    #[test]
    fn civil_round_trip() {
        for z in (-800_000..800_000).step_by(37) {
            let (y, m, d, wd, yd) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m as i64) + d as i64 - 1, z);
            assert!((1..=12).contains(&m) && (1..=31).contains(&d));
            assert_eq!(wd as i64, (z + 3).rem_euclid(7));
            assert_eq!(yd as i64, z - days_from_civil(y, 1) + 1);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1, 3, 1));
        assert_eq!(days_from_civil(2000, 3), 11_017);
        assert!(is_leap(2000) && !is_leap(1900) && is_leap(2024));
    }

    #[test]
    fn month_normalisation() {
        assert_eq!(days_from_civil(2023, 13), days_from_civil(2024, 1));
        assert_eq!(days_from_civil(2024, 0), days_from_civil(2023, 12));
        assert_eq!(days_from_civil(2024, 3) - 1, days_from_civil(2024, 2) + 28);
    }
}
