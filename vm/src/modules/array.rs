//! `array` (alias `uarray`): `array.array(typecode[, initializer])` with
//! typecodes `b B h H i I l L q Q f d`, items packed little-endian in a
//! bytearray in the VM heap. Sizes are CPython's on 64-bit Linux (`l`/`L`
//! are 8 bytes), so `tobytes()` matches CPython byte for byte.
//!
//! The class is Python (`vm/lib/array.py`, frozen) over the natives here:
//! an instance is an `Obj::Instance` of that class whose `base` is the
//! `Obj::ByteArray` holding the items, made by `_new`. The base makes the
//! array a buffer wherever the VM accepts one (`bytes(a)`, `bytearray(a)`,
//! `memoryview(a)`, `struct.pack_into`/`unpack_from`), while every Python
//! operation goes through the class's methods (the interpreter dispatches
//! an instance's Python-level dunders before looking at its base). The
//! typecode is the instance attribute `typecode` (an interned str).
//! Errors carry CPython 3.11's messages, including its cascade of C range
//! checks (`array('b', [40000])` reports the `short` range first).

use crate::at::At;
use crate::types::ty;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::heap::ObjRef;
use crate::objects::{Dict, Instance, Obj};
use crate::value::{Small, Value};
use crate::vm::{Exc, PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

pub fn make(vm: &mut Vm) -> PyResult<Option<Value>> {
    if !crate::frozen::contains(vm, "array") {
        return Ok(None);
    }
    let m = vm.new_module(
        "array",
        &[
            ("_new", a_new),
            ("_len", a_len),
            ("_get", a_get),
            ("_set", a_set),
            ("_del", a_del),
            ("_contains", a_contains),
            ("_cmp", a_cmp),
            ("_add", a_add),
            ("_iadd", a_iadd),
            ("_mul", a_mul),
            ("_imul", a_imul),
            ("_repr", a_repr),
            ("_itemsize", a_itemsize),
            ("_append", a_append),
            ("_extend", a_extend),
            ("_frombytes", a_frombytes),
            ("_tobytes", a_tobytes),
            ("_tolist", a_tolist),
            ("_pop", a_pop),
        ],
        &[],
    )?;
    Ok(Some(m))
}

const BAD_TYPECODE: &str = "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)";

fn itemsize(tc: u8) -> Option<usize> {
    Some(match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

/// The bytearray and typecode of an array instance.
fn this(vm: &mut Vm, v: Value) -> PyResult<(ObjRef, u8)> {
    let k = vm.intern_static("typecode");
    let h = vm.str_hash(k);
    if let Value::Obj(r) = v {
        if let Obj::Instance(i) = vm.heap.get(r) {
            if let (Value::Obj(b), Some(e)) =
                (i.base, crate::interp::attr::find_same(&i.dict, h, k))
            {
                let tc = i.dict.entries.at(e).value;
                if let (Obj::ByteArray(_), Some(s)) = (vm.heap.get(b), vm.str_of(tc)) {
                    if let [c] = s.as_bytes() {
                        if itemsize(*c).is_some() {
                            return Ok((b, *c));
                        }
                    }
                }
            }
        }
    }
    Err(vm.type_error_of(
        "descriptor requires a 'array.array' object but received '",
        v,
        "'",
    ))
}

fn is_array(vm: &mut Vm, v: Value) -> bool {
    this(vm, v).is_ok()
}

fn data(vm: &Vm, b: ObjRef) -> &[u8] {
    match vm.heap.get(b) {
        Obj::ByteArray(d) => d,
        _ => &[],
    }
}

fn with_data<R>(vm: &mut Vm, b: ObjRef, f: impl FnOnce(&mut Vec<u8>) -> R) -> Option<R> {
    match vm.heap.get_mut(b) {
        Obj::ByteArray(d) => Some(f(d)),
        _ => None,
    }
}

fn count(vm: &Vm, b: ObjRef, tc: u8) -> usize {
    data(vm, b).len() / itemsize(tc).unwrap_or(1)
}

/// Item `i` (in range) of `bytes` as a Python value.
fn unpack(vm: &mut Vm, tc: u8, bytes: &[u8], i: usize) -> PyResult<Value> {
    let n = itemsize(tc).unwrap_or(1);
    let mut w = [0u8; 8];
    if let Some(s) = bytes.get(i * n..i * n + n) {
        w.put(0, s);
    }
    let u = u64::from_le_bytes(w);
    Ok(match tc {
        b'b' => Value::Int(Small::from(u as u8 as i8)),
        b'h' => Value::Int(Small::from(u as u16 as i16)),
        b'i' => vm.new_int(i64::from(u as u32 as i32))?,
        b'l' | b'q' => vm.new_int(u as i64)?,
        b'B' | b'H' | b'I' => vm.new_int(u as i64)?,
        b'L' | b'Q' => match i64::try_from(u) {
            Ok(x) => vm.new_int(x)?,
            Err(_) => vm.int_from_big(crate::objects::BigInt::from_u64(u))?,
        },
        b'f' => Value::float(f64::from(f32::from_bits(u as u32))),
        _ => Value::float(f64::from_bits(u)),
    })
}

fn overflow(vm: &mut Vm, msg: &str) -> Exc {
    vm.new_error(ty::OVERFLOW_ERROR, msg)
}

/// An integer item, with CPython's checks in CPython's order: the C `long`
/// (or `long long`) conversion first, then each narrower range its
/// `PyArg_Parse` format goes through.
fn int_item(vm: &mut Vm, tc: u8, v: Value) -> PyResult<u64> {
    let u = vm.num_unwrap(v);
    if !vm.as_int_like(u) {
        return Err(vm.type_error_of("'", v, "' object cannot be interpreted as an integer"));
    }
    let b = vm.to_bigint(u);
    let neg = b.is_negative();
    let (small, usmall) = (b.to_i64(), b.to_u64());
    let range = |x: i64, lo: i64, hi: i64, what: &str| -> Option<String> {
        if x > hi {
            Some(format!("{} is greater than maximum", what))
        } else if x < lo {
            Some(format!("{} is less than minimum", what))
        } else {
            None
        }
    };
    let checks: &[(i64, i64, &str)] = match tc {
        b'b' => &[
            (-32768, 32767, "signed short integer"),
            (-128, 127, "signed char"),
        ],
        b'B' => &[(0, 255, "unsigned byte integer")],
        b'h' => &[(-32768, 32767, "signed short integer")],
        b'H' => &[
            (i32::MIN as i64, i32::MAX as i64, "signed integer"),
            (0, 65535, "unsigned short"),
        ],
        b'i' => &[(i32::MIN as i64, i32::MAX as i64, "signed integer")],
        _ => &[],
    };
    match tc {
        b'b' | b'B' | b'h' | b'H' | b'i' | b'l' => {
            let Some(x) = small else {
                return Err(overflow(vm, "Python int too large to convert to C long"));
            };
            for &(lo, hi, what) in checks {
                if let Some(m) = range(x, lo, hi, what) {
                    return Err(overflow(vm, &m));
                }
            }
            Ok(x as u64)
        }
        b'I' | b'L' => {
            if neg {
                return Err(overflow(vm, "can't convert negative value to unsigned int"));
            }
            let Some(x) = usmall else {
                return Err(overflow(
                    vm,
                    "Python int too large to convert to C unsigned long",
                ));
            };
            if tc == b'I' && x > u64::from(u32::MAX) {
                return Err(overflow(vm, "unsigned int is greater than maximum"));
            }
            Ok(x)
        }
        b'q' => small
            .map(|x| x as u64)
            .ok_or_else(|| overflow(vm, "int too big to convert")),
        _ => {
            if neg {
                return Err(overflow(vm, "can't convert negative int to unsigned"));
            }
            usmall.ok_or_else(|| overflow(vm, "int too big to convert"))
        }
    }
}

/// Append item `v`, packed per `tc`, to `out`.
fn pack(vm: &mut Vm, tc: u8, v: Value, out: &mut Vec<u8>) -> PyResult<()> {
    let n = itemsize(tc).unwrap_or(1);
    let bits = match tc {
        b'f' | b'd' => {
            let u = vm.num_unwrap(v);
            let f = match u {
                Value::Float(f) => f.get(),
                _ if vm.as_int_like(u) => match vm.to_bigint(u).to_f64() {
                    Some(f) if f.is_finite() => f,
                    _ => return Err(overflow(vm, "int too large to convert to float")),
                },
                _ => {
                    return Err(vm.type_error_of("must be real number, not ", v, ""));
                }
            };
            if tc == b'f' {
                u64::from((f as f32).to_bits())
            } else {
                f.to_bits()
            }
        }
        _ => int_item(vm, tc, v)?,
    };
    out.extend_from_slice(&bits.to_le_bytes()[..n]);
    Ok(())
}

/// Pack every item of `items`, rooted while `pack` may run Python
/// (`__index__`-less here, but a bigint conversion error allocates).
fn pack_all(vm: &mut Vm, tc: u8, items: &[Value]) -> PyResult<Vec<u8>> {
    let n = itemsize(tc).unwrap_or(1);
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(items);
    let mut out = Vec::new();
    let r = (|| {
        vm.ensure(items.len().saturating_mul(n))?;
        for &v in items {
            pack(vm, tc, v, &mut out)?;
        }
        Ok(())
    })();
    vm.temp_roots.truncate(mark);
    r.map(|_| out)
}

/// A new array of class `cls` holding `bytes`.
fn new_array(vm: &mut Vm, cls: ObjRef, tc: u8, bytes: Vec<u8>) -> PyResult<Value> {
    vm.ensure(bytes.len())?;
    let base = vm.alloc(Obj::ByteArray(bytes))?;
    let tcs = vm.intern(core::str::from_utf8(&[tc]).unwrap_or("b"));
    let k = vm.intern_static("typecode");
    let h = vm.str_hash(k);
    let mut dict = Dict::new();
    dict.push_new(h, k, tcs);
    vm.alloc(Obj::Instance(Box::new(Instance {
        class: cls,
        dict,
        base,
    })))
}

fn class_ref(vm: &Vm, v: Value) -> ObjRef {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Instance(i) => i.class,
            Obj::Class(_) => r,
            _ => r,
        },
        _ => ObjRef(0),
    }
}

/// The packed items of an initializer or `extend` argument (not an array).
fn items_from(vm: &mut Vm, tc: u8, v: Value) -> PyResult<Vec<u8>> {
    let items = vm.collect_iterable(v)?;
    pack_all(vm, tc, &items)
}

/// `_new(cls, args, kw)`: `array(typecode[, initializer])`.
fn a_new(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let (Some(&cls), Some(&args), Some(&kw)) = (a.first(), a.get(1), a.get(2)) else {
        return Err(vm.type_err("_new(cls, args, kw)"));
    };
    if !vm.dict_items(kw).is_empty() {
        return Err(vm.type_err("array.array() takes no keyword arguments"));
    }
    let args = vm.tuple_items(args);
    if args.is_empty() || args.len() > 2 {
        let msg = if args.is_empty() {
            String::from("array() takes at least 1 argument (0 given)")
        } else {
            format!("array() takes at most 2 arguments ({} given)", args.len())
        };
        return Err(vm.type_error(msg));
    }
    let tc = match vm.str_of(*args.at(0)) {
        Some(s) if s.chars().count() == 1 => match s.as_bytes() {
            [c] if itemsize(*c).is_some() => *c,
            _ => return Err(vm.value_error(String::from(BAD_TYPECODE))),
        },
        _ => {
            return Err(vm.type_error_of(
                "array() argument 1 must be a unicode character, not ",
                *args.at(0),
                "",
            ));
        }
    };
    let cls = class_ref(vm, cls);
    let bytes = match args.get(1) {
        None => Vec::new(),
        Some(&init) => {
            if vm.is_str(init) {
                return Err(vm.type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    tc as char
                )));
            }
            if let Ok((b, itc)) = this(vm, init) {
                if itc == tc {
                    data(vm, b).to_vec()
                } else {
                    items_from(vm, tc, init)?
                }
            } else if let Some(raw) = bytes_like(vm, init) {
                check_multiple(vm, raw.len(), tc)?;
                raw
            } else {
                items_from(vm, tc, init)?
            }
        }
    };
    new_array(vm, cls, tc, bytes)
}

/// bytes, bytearray or memoryview contents (not an array: arrays convert
/// item by item).
fn bytes_like(vm: &mut Vm, v: Value) -> Option<Vec<u8>> {
    if let Value::Obj(r) = v {
        if matches!(
            vm.heap.get(r),
            Obj::Bytes(_) | Obj::ByteArray(_) | Obj::MemoryView { .. }
        ) {
            return vm.bytes_of(v);
        }
    }
    None
}

fn check_multiple(vm: &mut Vm, len: usize, tc: u8) -> PyResult<()> {
    if !len.is_multiple_of(itemsize(tc).unwrap_or(1)) {
        return Err(vm.value_err("bytes length not a multiple of item size"));
    }
    Ok(())
}

fn arg(a: &[Value], i: usize) -> Value {
    a.get(i).copied().unwrap_or(Value::None)
}

fn a_len(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let (b, tc) = this(vm, arg(a, 0))?;
    Ok(Value::from_len(count(vm, b, tc)))
}

fn a_itemsize(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let (_, tc) = this(vm, arg(a, 0))?;
    Ok(Value::from_len(itemsize(tc).unwrap_or(1)))
}

fn slice_ref(vm: &Vm, v: Value) -> Option<ObjRef> {
    match v {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Slice(_)) => Some(r),
        _ => None,
    }
}

/// A normalised item index, or the IndexError with `msg`.
fn item_index(vm: &mut Vm, v: Value, len: usize, msg: &str) -> PyResult<usize> {
    let i = vm
        .index_value(v)
        .map_err(|_| vm.type_err("array indices must be integers"))?;
    let j = if i < 0 {
        i.saturating_add(len as i64)
    } else {
        i
    };
    if j < 0 || j >= len as i64 {
        return Err(vm.new_error(ty::INDEX_ERROR, msg));
    }
    Ok(j as usize)
}

fn a_get(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let s = arg(a, 0);
    let (b, tc) = this(vm, s)?;
    let n = count(vm, b, tc);
    let size = itemsize(tc).unwrap_or(1);
    if let Some(sl) = slice_ref(vm, arg(a, 1)) {
        let (start, _, step, cnt) = vm.slice_indices(sl, n as i64)?;
        let d = data(vm, b);
        let mut out = Vec::with_capacity(cnt * size);
        for k in 0..cnt {
            let i = (start + k as i64 * step) as usize;
            if let Some(x) = d.get(i * size..i * size + size) {
                out.extend_from_slice(x);
            }
        }
        let cls = class_ref(vm, s);
        return new_array(vm, cls, tc, out);
    }
    let i = item_index(vm, arg(a, 1), n, "array index out of range")?;
    let d = data(vm, b).to_vec();
    unpack(vm, tc, &d, i)
}

fn a_set(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let (b, tc) = this(vm, arg(a, 0))?;
    let n = count(vm, b, tc);
    let size = itemsize(tc).unwrap_or(1);
    let v = arg(a, 2);
    if let Some(sl) = slice_ref(vm, arg(a, 1)) {
        let src = match this(vm, v) {
            Ok((vb, vtc)) if vtc == tc => data(vm, vb).to_vec(),
            Ok(_) => return Err(vm.type_err("bad argument type for built-in operation")),
            Err(_) => {
                return Err(vm.type_error_of(
                    "can only assign array (not \"",
                    v,
                    "\") to array slice",
                ));
            }
        };
        let (start, stop, step, cnt) = vm.slice_indices(sl, n as i64)?;
        let m = src.len() / size;
        if step == 1 {
            let lo = start as usize * size;
            let hi = (stop.max(start) as usize) * size;
            vm.ensure(src.len())?;
            with_data(vm, b, |d| {
                d.splice(lo..hi, src);
            });
            return Ok(Value::None);
        }
        if m != cnt {
            return Err(vm.value_error(format!(
                "attempt to assign array of size {} to extended slice of size {}",
                m, cnt
            )));
        }
        with_data(vm, b, |d| {
            for k in 0..cnt {
                let i = (start + k as i64 * step) as usize * size;
                if let (Some(dst), Some(x)) =
                    (d.get_mut(i..i + size), src.get(k * size..k * size + size))
                {
                    dst.put(0, x);
                }
            }
        });
        return Ok(Value::None);
    }
    let i = item_index(vm, arg(a, 1), n, "array assignment index out of range")?;
    let mut item = Vec::new();
    pack(vm, tc, v, &mut item)?;
    with_data(vm, b, |d| {
        if let Some(dst) = d.get_mut(i * size..(i + 1) * size) {
            dst.put(0, &item);
        }
    });
    Ok(Value::None)
}

fn a_del(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let (b, tc) = this(vm, arg(a, 0))?;
    let n = count(vm, b, tc);
    let size = itemsize(tc).unwrap_or(1);
    if let Some(sl) = slice_ref(vm, arg(a, 1)) {
        let (start, _, step, cnt) = vm.slice_indices(sl, n as i64)?;
        let mut gone = alloc::vec![false; n];
        for k in 0..cnt {
            if let Some(g) = gone.get_mut((start + k as i64 * step) as usize) {
                *g = true;
            }
        }
        with_data(vm, b, |d| {
            let mut out = Vec::with_capacity(d.len());
            for (i, chunk) in d.chunks(size).enumerate() {
                if !gone.get(i).copied().unwrap_or(false) {
                    out.extend_from_slice(chunk);
                }
            }
            *d = out;
        });
        return Ok(Value::None);
    }
    let i = item_index(vm, arg(a, 1), n, "array assignment index out of range")?;
    with_data(vm, b, |d| {
        d.drain(i * size..(i + 1) * size);
    });
    Ok(Value::None)
}

fn a_pop(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let (b, tc) = this(vm, arg(a, 0))?;
    let n = count(vm, b, tc);
    let size = itemsize(tc).unwrap_or(1);
    if n == 0 {
        return Err(vm.new_error(ty::INDEX_ERROR, "pop from empty array"));
    }
    let i = match a.get(1) {
        Some(&v) => {
            vm.index_value(v)?;
            item_index(vm, v, n, "pop index out of range")?
        }
        None => n - 1,
    };
    let d = data(vm, b).to_vec();
    let v = unpack(vm, tc, &d, i)?;
    with_data(vm, b, |d| {
        d.drain(i * size..(i + 1) * size);
    });
    Ok(v)
}

/// All items of an array as values.
fn values(vm: &mut Vm, b: ObjRef, tc: u8) -> PyResult<Vec<Value>> {
    let d = data(vm, b).to_vec();
    let n = d.len() / itemsize(tc).unwrap_or(1);
    let mut out = Vec::with_capacity(n);
    let mark = vm.temp_roots.len();
    for i in 0..n {
        match unpack(vm, tc, &d, i) {
            Ok(v) => {
                // Q/L items above i64 are fresh bigints: keep them rooted.
                vm.temp_roots.push(v);
                out.push(v);
            }
            Err(e) => {
                vm.temp_roots.truncate(mark);
                return Err(e);
            }
        }
    }
    vm.temp_roots.truncate(mark);
    Ok(out)
}

fn a_tolist(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let (b, tc) = this(vm, arg(a, 0))?;
    let items = values(vm, b, tc)?;
    vm.new_list(items)
}

fn a_contains(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let (b, tc) = this(vm, arg(a, 0))?;
    // A snapshot: `==` may run Python code that changes the array.
    let d = data(vm, b).to_vec();
    for i in 0..d.len() / itemsize(tc).unwrap_or(1) {
        let x = unpack(vm, tc, &d, i)?;
        if vm.eq(x, arg(a, 1))? {
            return Ok(Value::from_bool(true));
        }
    }
    Ok(Value::from_bool(false))
}

/// `_cmp(a, b, op)`: op 0 ==, 1 <, 2 <=, 3 >, 4 >=; NotImplemented when
/// `b` is not an array.
fn a_cmp(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let (x, y) = (arg(a, 0), arg(a, 1));
    let op = vm.small_int(arg(a, 2)).unwrap_or(0);
    let (xb, xtc) = this(vm, x)?;
    let Ok((yb, ytc)) = this(vm, y) else {
        return Ok(Value::NotImplemented);
    };
    let xs = values(vm, xb, xtc)?;
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&xs);
    let r = (|| {
        let ys = values(vm, yb, ytc)?;
        vm.temp_roots.extend_from_slice(&ys);
        if op == 0 && xs.len() != ys.len() {
            return Ok(false);
        }
        for (p, q) in xs.iter().zip(&ys) {
            if !vm.eq(*p, *q)? {
                return match op {
                    0 => Ok(false),
                    1 | 2 => vm.less_than(*p, *q),
                    _ => vm.less_than(*q, *p),
                };
            }
        }
        let (m, n) = (xs.len(), ys.len());
        Ok(match op {
            0 => true,
            1 => m < n,
            2 => m <= n,
            3 => m > n,
            _ => m >= n,
        })
    })();
    vm.temp_roots.truncate(mark);
    Ok(Value::from_bool(r?))
}

fn a_add(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let s = arg(a, 0);
    let (b, tc) = this(vm, s)?;
    let o = arg(a, 1);
    let other = match this(vm, o) {
        Ok((ob, otc)) if otc == tc => data(vm, ob).to_vec(),
        Ok(_) => return Err(vm.type_err("bad argument type for built-in operation")),
        Err(_) => {
            return Err(vm.type_error_of("can only append array (not \"", o, "\") to array"));
        }
    };
    let mut out = data(vm, b).to_vec();
    out.extend_from_slice(&other);
    let cls = class_ref(vm, s);
    new_array(vm, cls, tc, out)
}

fn a_iadd(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let o = arg(a, 1);
    if !is_array(vm, o) {
        return Err(vm.type_error_of("can only extend array with array (not \"", o, "\")"));
    }
    a_extend(vm, a, &[])
}

fn repeat_count(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let n = vm.index_value(v).map_err(|_| {
        let t = vm.type_name(v);
        vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            t
        ))
    })?;
    Ok(n.max(0) as usize)
}

fn a_mul(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let s = arg(a, 0);
    let (b, tc) = this(vm, s)?;
    let n = repeat_count(vm, arg(a, 1))?;
    let d = data(vm, b);
    let total = d.len().checked_mul(n).ok_or_else(|| vm.memory_error())?;
    vm.ensure(total)?;
    let out = data(vm, b).repeat(n);
    let cls = class_ref(vm, s);
    new_array(vm, cls, tc, out)
}

fn a_imul(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let (b, _) = this(vm, arg(a, 0))?;
    let n = repeat_count(vm, arg(a, 1))?;
    let total = data(vm, b)
        .len()
        .checked_mul(n)
        .ok_or_else(|| vm.memory_error())?;
    vm.ensure(total)?;
    with_data(vm, b, |d| *d = d.repeat(n));
    Ok(Value::None)
}

fn a_repr(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let (b, tc) = this(vm, arg(a, 0))?;
    let items = values(vm, b, tc)?;
    let mut out = format!("array('{}'", tc as char);
    if !items.is_empty() {
        let mark = vm.temp_roots.len();
        vm.temp_roots.extend_from_slice(&items);
        let mut parts = Vec::with_capacity(items.len());
        for v in &items {
            match vm.repr(*v) {
                Ok(s) => parts.push(s),
                Err(e) => {
                    vm.temp_roots.truncate(mark);
                    return Err(e);
                }
            }
        }
        vm.temp_roots.truncate(mark);
        out.push_str(", [");
        out.push_str(&parts.join(", "));
        out.push(']');
    }
    out.push(')');
    vm.new_str(out)
}

fn a_append(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    crate::modules::check_args(vm, "append", a.tail(a.len().min(1)), kw, 1, 1)?;
    let (b, tc) = this(vm, arg(a, 0))?;
    let mut item = Vec::new();
    pack(vm, tc, arg(a, 1), &mut item)?;
    vm.ensure(item.len())?;
    with_data(vm, b, |d| d.extend_from_slice(&item));
    Ok(Value::None)
}

fn a_extend(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    crate::modules::check_args(vm, "extend", a.tail(a.len().min(1)), kw, 1, 1)?;
    let (b, tc) = this(vm, arg(a, 0))?;
    let o = arg(a, 1);
    let add = match this(vm, o) {
        Ok((ob, otc)) if otc == tc => data(vm, ob).to_vec(),
        Ok(_) => return Err(vm.type_err("can only extend with array of same kind")),
        Err(_) => items_from(vm, tc, o)?,
    };
    vm.ensure(add.len())?;
    with_data(vm, b, |d| d.extend_from_slice(&add));
    Ok(Value::None)
}

fn a_frombytes(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    crate::modules::check_args(vm, "frombytes", a.tail(a.len().min(1)), kw, 1, 1)?;
    let (b, tc) = this(vm, arg(a, 0))?;
    let o = arg(a, 1);
    let raw = match vm.bytes_of(o) {
        Some(r) if !vm.is_str(o) => r,
        _ => {
            return Err(vm.type_error_of("a bytes-like object is required, not '", o, "'"));
        }
    };
    check_multiple(vm, raw.len(), tc)?;
    vm.ensure(raw.len())?;
    with_data(vm, b, |d| d.extend_from_slice(&raw));
    Ok(Value::None)
}

fn a_tobytes(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    crate::modules::check_args(vm, "tobytes", a.tail(a.len().min(1)), kw, 0, 0)?;
    let (b, _) = this(vm, arg(a, 0))?;
    let d = data(vm, b).to_vec();
    vm.ensure(d.len())?;
    vm.alloc(Obj::Bytes(d))
}
