//! Operators: arithmetic, comparison, truth, hashing, equality.
//!
//! Small ints and floats take the inline fast paths; everything else goes
//! through out-of-line functions. User-class dunders run through
//! `call_sync`.

use crate::at::At;
use crate::types::ty;
use alloc::format;
use alloc::string::String;

use crate::compile::ast::{BinOp, CmpOp, UnOp};
use crate::objects::{BigInt, Obj};
use crate::value::{narrow, wide, Small, Value};
use crate::vm::{Exc, PyResult, Vm};

pub(crate) fn binop_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
    }
}

/// See [`Vm::ensure_bigint_scratch`]: result + two operand copies +
/// Karatsuba scratch, measured under 4x the result on the QEMU boards.
pub(crate) const BIGINT_SCRATCH: usize = 4;

impl Vm {
    #[inline]
    pub(crate) fn binary_op(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        inplace: bool,
    ) -> PyResult<Value> {
        match binary_fast(op, a, b) {
            Some(v) => Ok(v),
            None => self.binary_slow(op, a, b, inplace),
        }
    }

    #[inline(never)]
    pub(crate) fn binary_slow(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        inplace: bool,
    ) -> PyResult<Value> {
        let user = self.is_instance_obj(a) || self.is_instance_obj(b);
        if !user {
            if let Some(r) = self.numeric_binop(op, a, b)? {
                return Ok(r);
            }
            if let Some(r) = self.sequence_binop(op, a, b, inplace)? {
                return Ok(r);
            }
        }
        // CPython's order (binary_op1): the reflected method of a subclass
        // of a's type that overrides it; a's own method, else the builtin
        // number slots (and str %, set and dict operators) of the builtin
        // type a is or inherits; b's reflected method; last, sequence
        // concat and repeat (list + x, x * n), which are not number slots.
        let (fwd, rev, inp) = dunder(op);
        if inplace {
            if let Some(r) = self.call_dunder(a, inp, b)? {
                return Ok(r);
            }
        }
        let b_first = self.reflected_first(a, b, rev, false);
        if b_first {
            if let Some(r) = self.call_dunder(b, rev, a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.call_dunder(a, fwd, b)? {
            return Ok(r);
        }
        let (ua, ub) = (self.base_value(a), self.base_value(b));
        let seq_slot = matches!(op, BinOp::Add | BinOp::Mul);
        if !self.is_instance_obj(ua) {
            if let Some(r) = self.numeric_binop(op, ua, ub)? {
                return Ok(r);
            }
            if !seq_slot {
                if let Some(r) = self.sequence_binop(op, ua, ub, false)? {
                    return Ok(r);
                }
            }
        }
        if !b_first {
            if let Some(r) = self.call_dunder(b, rev, a)? {
                return Ok(r);
            }
        }
        if seq_slot {
            if let Some(r) = self.sequence_binop(op, ua, ub, false)? {
                return Ok(r);
            }
            // A sequence times any object with __index__ (sq_repeat).
            if op == BinOp::Mul {
                let seq_left = self.is_builtin_seq(ua);
                let other = if seq_left { ub } else { ua };
                if (seq_left || self.is_builtin_seq(ub)) && self.is_instance_obj(other) {
                    if let Some(n) = crate::modules::math::index_of(self, other)? {
                        let (x, y) = if seq_left { (ua, n) } else { (n, ub) };
                        if let Some(r) = self.sequence_binop(op, x, y, inplace && seq_left)? {
                            return Ok(r);
                        }
                    }
                }
            }
        }
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        if op == BinOp::Mul
            && (self.is_builtin_seq(a) || self.is_builtin_seq(b))
            && !(self.as_int_like(a) || self.as_int_like(b))
        {
            let other = if self.is_builtin_seq(a) { b } else { a };
            return Err(self.type_error_of(
                "can't multiply sequence by non-int of type '",
                other,
                "'",
            ));
        }
        if op == BinOp::Add
            && matches!(a, Value::Obj(r) if matches!(self.heap.get(r), Obj::Bytes(_) | Obj::ByteArray(_)))
            && self.is_str(b)
        {
            return Err(self.type_err("can't concat str to bytes"));
        }
        let kind = if op != BinOp::Add {
            None
        } else if self.is_str(a) {
            Some(("can only concatenate str (not \"", "\") to str"))
        } else if ta == "list" && self.is_list_like(a) {
            Some(("can only concatenate list (not \"", "\") to list"))
        } else if ta == "tuple" {
            Some(("can only concatenate tuple (not \"", "\") to tuple"))
        } else {
            None
        };
        if let Some((pre, post)) = kind {
            return Err(self.type_error_of(pre, b, post));
        }
        Err(self.unsupported_operands(op, inplace, &ta, &tb))
    }

    /// `x.name(y)` if `x`'s type defines it; None when missing or it
    /// returned NotImplemented.
    fn call_dunder(&mut self, x: Value, name: &'static str, y: Value) -> PyResult<Option<Value>> {
        let n = self.intern_static(name);
        match self.lookup_special(x, n) {
            Some(m) => {
                let r = self.call_sync(m, &[x, y])?;
                Ok((!matches!(r, Value::NotImplemented)).then_some(r))
            }
            None => Ok(None),
        }
    }

    /// A rich comparison's user methods: `a.fwd(b)`, then the reflected
    /// `b.rev(a)`, or the other way round when `b`'s type is a subclass of
    /// `a`'s with `rev` (binary operators order theirs in `binary_slow`).
    fn call_dunder_pair(
        &mut self,
        a: Value,
        fwd: &'static str,
        rev: &'static str,
        b: Value,
    ) -> PyResult<Option<Value>> {
        if self.reflected_first(a, b, rev, true) {
            if let Some(r) = self.call_dunder(b, rev, a)? {
                return Ok(Some(r));
            }
            return self.call_dunder(a, fwd, b);
        }
        match self.call_dunder(a, fwd, b)? {
            Some(r) => Ok(Some(r)),
            None => self.call_dunder(b, rev, a),
        }
    }

    /// Whether `b`'s reflected method `rev` runs before `a`'s: `b`'s type
    /// is a proper subclass of `a`'s and has `rev` (a comparison), or
    /// overrides it (a binary operator: `method_is_overloaded`).
    fn reflected_first(&mut self, a: Value, b: Value, rev: &'static str, cmp: bool) -> bool {
        let (ca, cb) = (self.class_of(a), self.class_of(b));
        if ca == cb || !self.is_subclass(cb, ca) {
            return false;
        }
        let n = self.intern_static(rev);
        match (self.lookup_special(b, n), self.lookup_special(a, n)) {
            (None, _) => false,
            (Some(_), _) if cmp => true,
            (Some(fb), Some(fa)) => !fb.is(fa),
            (Some(_), None) => true,
        }
    }

    /// "unsupported operand type(s) for +: 'A' and 'B'" (`+=` in place).
    #[inline(never)]
    fn unsupported_operands(&mut self, op: BinOp, inplace: bool, ta: &str, tb: &str) -> Exc {
        let (sym, eq) = match (inplace, op) {
            (true, BinOp::Pow) => ("**", "="),
            (true, _) => (binop_symbol(op), "="),
            _ => (binop_symbol(op), ""),
        };
        self.type_error(format!(
            "unsupported operand type(s) for {}{}: '{}' and '{}'",
            sym, eq, ta, tb
        ))
    }

    /// int/float/bool/bigint arithmetic. Ok(None) if not numeric.
    pub(crate) fn numeric_binop(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
    ) -> PyResult<Option<Value>> {
        // No number has `@`: the caller reports the operand types.
        if op == BinOp::MatMul {
            return Ok(None);
        }
        // bool & | ^ bool stays a bool.
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            let (x, y) = (x.get(), y.get());
            match op {
                BinOp::BitAnd => return Ok(Some(Value::from_bool(x & y))),
                BinOp::BitOr => return Ok(Some(Value::from_bool(x | y))),
                BinOp::BitXor => return Ok(Some(Value::from_bool(x ^ y))),
                _ => {}
            }
        }
        let a = self.num_unwrap(a);
        let b = self.num_unwrap(b);
        let (ai, bi) = (self.as_int_like(a), self.as_int_like(b));
        if ai && bi {
            return self.int_binop(op, a, b).map(Some);
        }
        if matches!(
            op,
            BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::LShift | BinOp::RShift
        ) {
            return Ok(None);
        }
        let fa = self.as_f64(a);
        let fb = self.as_f64(b);
        match (fa, fb) {
            (Some(x), Some(y)) => {
                if (ai || bi) && self.heap_bigint_overflow(a, b) {
                    return Err(
                        self.new_error(ty::OVERFLOW_ERROR, "int too large to convert to float")
                    );
                }
                self.float_binop(op, x, y).map(Some)
            }
            _ => Ok(None),
        }
    }

    fn heap_bigint_overflow(&self, a: Value, b: Value) -> bool {
        for v in [a, b] {
            if let Value::Obj(r) = v {
                if let Obj::BigInt(bi) = self.heap.get(r) {
                    if bi.to_f64().is_none() {
                        return true;
                    }
                }
            }
        }
        false
    }

    pub(crate) fn float_binop(&mut self, op: BinOp, x: f64, y: f64) -> PyResult<Value> {
        Ok(Value::float(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::Div => {
                if y == 0.0 {
                    return Err(self.new_error(ty::ZERO_DIVISION_ERROR, "float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(
                        self.new_error(ty::ZERO_DIVISION_ERROR, "float floor division by zero")
                    );
                }
                float_divmod(x, y).0
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.new_error(ty::ZERO_DIVISION_ERROR, "float modulo"));
                }
                float_divmod(x, y).1
            }
            BinOp::Pow => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.new_error(
                        ty::ZERO_DIVISION_ERROR,
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                if x < 0.0 && y != libm::floor(y) && y.is_finite() {
                    return Err(self.new_error(ty::VALUE_ERROR, "math domain error"));
                }
                let r = crate::modules::math_dd::pow(x, y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(
                        self.new_error(ty::OVERFLOW_ERROR, "(34, 'Numerical result out of range')")
                    );
                }
                r
            }
            _ => return Err(self.unsupported_operands(op, false, "float", "float")),
        }))
    }

    pub(crate) fn int_binop(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (self.small_int(a), self.small_int(b)) {
            match op {
                BinOp::Add => {
                    if let Some(r) = x.checked_add(y) {
                        return Ok(Value::Int(r));
                    }
                }
                BinOp::Sub => {
                    if let Some(r) = x.checked_sub(y) {
                        return Ok(Value::Int(r));
                    }
                }
                BinOp::Mul => {
                    if let Some(r) = x.checked_mul(y) {
                        return Ok(Value::Int(r));
                    }
                }
                // Division by zero and negative shifts: the bigint path
                // raises the same errors.
                BinOp::FloorDiv | BinOp::Mod if y != 0 && !(x == Small::MIN && y == -1) => {
                    let (q, r) = int_divmod(x, y);
                    return Ok(Value::Int(if op == BinOp::Mod { r } else { q }));
                }
                BinOp::Div
                    if y != 0
                        && wide(x).unsigned_abs() < (1 << 53)
                        && wide(y).unsigned_abs() < (1 << 53) =>
                {
                    return Ok(Value::float(x as f64 / y as f64));
                }
                BinOp::BitAnd => return Ok(Value::Int(x & y)),
                BinOp::BitOr => return Ok(Value::Int(x | y)),
                BinOp::BitXor => return Ok(Value::Int(x ^ y)),
                BinOp::LShift if (0..Small::BITS as Small - 1).contains(&y) => {
                    let r = x.checked_shl(y as u32).filter(|r| (r >> y) == x);
                    if let Some(r) = r {
                        return Ok(Value::Int(r));
                    }
                }
                BinOp::RShift if y >= 0 => {
                    return Ok(Value::Int(if y >= Small::BITS as Small {
                        if x < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        x >> y
                    }));
                }
                BinOp::Pow => {
                    // (0 ** -n raises in the float path.)
                    if y < 0 && x != 0 {
                        return Ok(Value::float(crate::modules::math_dd::pow(
                            x as f64, y as f64,
                        )));
                    }
                    if let Ok(e) = u32::try_from(y) {
                        if let Some(r) = x.checked_pow(e) {
                            return Ok(Value::Int(r));
                        }
                    }
                }
                _ => {}
            }
        }
        self.bigint_binop(op, a, b)
    }

    /// Bigint arithmetic builds its result, operand copies and scratch
    /// (Karatsuba halves, squarings in `pow`) outside the heap before the
    /// result is charged: it needs [`BIGINT_SCRATCH`] times the result's
    /// size free in the heap, so on a board the allocator (sized from the
    /// heap limit) cannot run out first. Costs nothing for small ints.
    pub(crate) fn ensure_bigint_scratch(&mut self, result_bytes: usize) -> PyResult<()> {
        self.ensure(result_bytes.saturating_mul(BIGINT_SCRATCH))
    }

    #[inline(never)]
    fn bigint_binop(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        let x = self.to_bigint(a);
        let y = self.to_bigint(b);
        let zero_div = |vm: &mut Vm, msg: &str| -> crate::exc::Exc {
            vm.new_error(ty::ZERO_DIVISION_ERROR, msg)
        };
        let r = match op {
            BinOp::Add => x.add(&y),
            BinOp::Sub => x.sub(&y),
            BinOp::Mul => {
                let bits = x.bit_length() + y.bit_length();
                self.ensure_bigint_scratch((bits / 8) as usize)?;
                x.mul(&y)
            }
            BinOp::FloorDiv | BinOp::Mod => match x.divmod_floor(&y) {
                Some((q, r)) => {
                    if op == BinOp::Mod {
                        r
                    } else {
                        q
                    }
                }
                None => {
                    let msg = if op == BinOp::Mod {
                        "integer modulo by zero"
                    } else {
                        "integer division or modulo by zero"
                    };
                    return Err(zero_div(self, msg));
                }
            },
            BinOp::Div => {
                return match x.truediv(&y) {
                    Ok(f) => Ok(Value::float(f)),
                    Err(crate::objects::bigint::DivError::ZeroDivision) => {
                        Err(zero_div(self, "division by zero"))
                    }
                    Err(_) => Err(self.new_error(
                        ty::OVERFLOW_ERROR,
                        "integer division result too large for a float",
                    )),
                };
            }
            BinOp::BitAnd => x.and(&y),
            BinOp::BitOr => x.or(&y),
            BinOp::BitXor => x.xor(&y),
            BinOp::LShift | BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.new_error(ty::VALUE_ERROR, "negative shift count"));
                }
                let n = y.to_u64().unwrap_or(u64::MAX);
                if op == BinOp::RShift {
                    x.shr(n)
                } else {
                    if !x.is_zero() {
                        self.ensure((n / 8) as usize)?;
                    }
                    match x.checked_shl(n) {
                        Some(r) => r,
                        None => return Err(self.memory_error()),
                    }
                }
            }
            BinOp::Pow => {
                if y.is_negative() {
                    let (fx, fy) = (x.to_f64(), y.to_f64());
                    return match (fx, fy) {
                        (Some(fx), Some(fy)) => self.float_binop(BinOp::Pow, fx, fy),
                        _ => {
                            Err(self
                                .new_error(ty::OVERFLOW_ERROR, "int too large to convert to float"))
                        }
                    };
                }
                let e = y.to_u64().unwrap_or(u64::MAX);
                let est = (x.bit_length() as u128) * (e as u128) / 8;
                if est > (self.heap.limit as u128) {
                    return Err(self.memory_error());
                }
                self.ensure_bigint_scratch(est as usize)?;
                match x.checked_pow(e) {
                    Some(r) => r,
                    None => return Err(self.memory_error()),
                }
            }
            BinOp::MatMul => return Err(self.unsupported_operands(op, false, "int", "int")),
        };
        self.int_from_big(r)
    }

    pub(crate) fn is_exact_str(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Obj::Str(_)))
    }

    /// Append str `b` to the uniquely owned str `a` in place. Ok(false) if
    /// either is not an exact str (the caller falls back to `+`).
    pub(crate) fn append_str_in_place(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let (Value::Obj(ra), Value::Obj(rb)) = (a, b) else {
            return Ok(false);
        };
        let (add, add_chars) = match self.heap.get(rb) {
            Obj::Str(s) => {
                let mut t = String::new();
                if t.try_reserve(s.s.len()).is_err() {
                    return Err(self.memory_error());
                }
                t.push_str(&s.s);
                (t, s.chars)
            }
            _ => return Ok(false),
        };
        let grow = match self.heap.get(ra) {
            Obj::Str(s) => {
                if s.s.capacity() - s.s.len() >= add.len() {
                    0
                } else {
                    (s.s.len() + add.len()).max(2 * s.s.capacity()) - s.s.capacity()
                }
            }
            _ => return Ok(false),
        };
        if grow > 0 {
            self.ensure(grow)?;
        }
        if let Obj::Str(s) = self.heap.get_mut(ra) {
            if grow > 0 && s.s.try_reserve(grow).is_err() {
                return Err(self.memory_error());
            }
            s.s.push_str(&add);
            s.chars += add_chars;
            s.hash.set(0);
        }
        self.heap.grew(grow);
        Ok(true)
    }

    /// str, list, tuple, bytes or bytearray (not a subclass instance).
    fn is_builtin_seq(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Obj::Str(_) | Obj::List(_) | Obj::Tuple(_) | Obj::Bytes(_) | Obj::ByteArray(_)))
    }

    pub(crate) fn is_instance_obj(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Obj::Instance(_)))
    }

    /// The builtin value wrapped by an instance of a builtin subclass, or `v`.
    pub(crate) fn base_value(&self, v: Value) -> Value {
        if let Value::Obj(r) = v {
            if let Obj::Instance(i) = self.heap.get(r) {
                if !i.base.is_undef() {
                    return i.base;
                }
            }
        }
        v
    }

    /// `int(f)` for a float: truncation toward zero; ValueError for NaN,
    /// OverflowError for infinities (int(), math.floor/ceil/trunc, round()).
    pub(crate) fn float_to_int(&mut self, f: f64) -> PyResult<Value> {
        if f.is_nan() {
            return Err(self.value_err("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(self.new_error(
                ty::OVERFLOW_ERROR,
                "cannot convert float infinity to integer",
            ));
        }
        if f.abs() < 9.0e18 {
            return self.new_int(f as i64);
        }
        match BigInt::from_f64(f) {
            Some(b) => self.int_from_big(b),
            None => Ok(Value::Int(0)),
        }
    }

    /// An int value; a BigInt only where `i` does not fit in `Small` (on
    /// 32-bit boards), so it allocates nothing on the host.
    #[inline]
    pub fn new_int(&mut self, i: i64) -> PyResult<Value> {
        match narrow(i) {
            Some(s) => Ok(Value::Int(s)),
            None => self.alloc(Obj::BigInt(BigInt::from_i64(i))),
        }
    }

    pub fn int_from_big(&mut self, b: BigInt) -> PyResult<Value> {
        match b.to_i64().and_then(narrow) {
            Some(i) => Ok(Value::Int(i)),
            None => self.alloc(Obj::BigInt(b)),
        }
    }

    pub(crate) fn to_bigint(&self, v: Value) -> BigInt {
        match v {
            Value::Int(i) => BigInt::from_i64(wide(i)),
            Value::Bool(b) => BigInt::from_i64(b.get() as i64),
            Value::Obj(r) => match self.heap.get(r) {
                Obj::BigInt(b) => b.clone(),
                Obj::Instance(i) => self.to_bigint(i.base),
                _ => BigInt::zero(),
            },
            _ => BigInt::zero(),
        }
    }

    /// An int's (or bool's) value, if it fits in i64: a small int, or on a
    /// board a heap BigInt past 32 bits.
    pub(crate) fn int_i64(&self, v: Value) -> Option<i64> {
        self.small_int(v).map(wide).or_else(|| self.big_i64(v))
    }

    /// A heap BigInt's value, if it fits in i64: never on the host (an int
    /// that fits is a small int there), but past 32 bits on a board.
    pub(crate) fn big_i64(&self, v: Value) -> Option<i64> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::BigInt(b) if cfg!(compact_value) => b.to_i64(),
                _ => None,
            },
            _ => None,
        }
    }

    /// The int value of a bool/int/int-subclass as a small int, if it is
    /// one.
    #[inline]
    pub(crate) fn small_int(&self, v: Value) -> Option<Small> {
        match v {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(b.get() as Small),
            _ => None,
        }
    }

    /// Unwrap instances of int/float subclasses to their value.
    pub(crate) fn num_unwrap(&self, v: Value) -> Value {
        if let Value::Obj(r) = v {
            if let Obj::Instance(i) = self.heap.get(r) {
                if matches!(i.base, Value::Int(_) | Value::Float(_) | Value::Bool(_)) {
                    return i.base;
                }
                if let Value::Obj(b) = i.base {
                    if matches!(self.heap.get(b), Obj::BigInt(_)) {
                        return i.base;
                    }
                }
            }
        }
        v
    }

    pub(crate) fn as_int_like(&self, v: Value) -> bool {
        match v {
            Value::Int(_) | Value::Bool(_) => true,
            Value::Obj(r) => matches!(self.heap.get(r), Obj::BigInt(_)),
            _ => false,
        }
    }

    pub(crate) fn as_f64(&self, v: Value) -> Option<f64> {
        match v {
            Value::Float(f) => Some(f.get()),
            Value::Int(i) => Some(i as f64),
            Value::Bool(b) => Some(b.get() as i64 as f64),
            Value::Obj(r) => match self.heap.get(r) {
                Obj::BigInt(b) => Some(b.to_f64().unwrap_or(f64::INFINITY)),
                _ => None,
            },
            _ => None,
        }
    }

    #[inline(never)]
    pub(crate) fn unary_op(&mut self, op: UnOp, a: Value) -> PyResult<Value> {
        if op == UnOp::Not {
            return Ok(Value::from_bool(!self.truthy(a)?));
        }
        if self.is_instance_obj(a) {
            // A subclass's own `__neg__` before the int/float it wraps.
            if let Some(r) = self.unary_dunder(op, a)? {
                return Ok(r);
            }
        }
        let a2 = self.num_unwrap(a);
        match (op, a2) {
            (UnOp::Neg, Value::Int(i)) if i != Small::MIN => return Ok(Value::Int(-i)),
            (UnOp::Neg, Value::Bool(b)) => return Ok(Value::Int(-(b.get() as Small))),
            (UnOp::Neg, Value::Float(f)) => return Ok(Value::float(-f.get())),
            (UnOp::Pos, Value::Int(_) | Value::Float(_)) => return Ok(a2),
            (UnOp::Pos, Value::Bool(b)) => return Ok(Value::Int(b.get() as Small)),
            (UnOp::Invert, Value::Int(i)) => return Ok(Value::Int(!i)),
            (UnOp::Invert, Value::Bool(b)) => return Ok(Value::Int(!(b.get() as Small))),
            _ => {}
        }
        if self.as_int_like(a2) {
            let b = self.to_bigint(a2);
            let r = match op {
                UnOp::Neg => b.neg(),
                UnOp::Pos => b,
                _ => b.not(),
            };
            return self.int_from_big(r);
        }
        if let Some(r) = self.unary_dunder(op, a)? {
            return Ok(r);
        }
        let pre = match op {
            UnOp::Neg => "bad operand type for unary -: '",
            UnOp::Pos => "bad operand type for unary +: '",
            _ => "bad operand type for unary ~: '",
        };
        Err(self.type_error_of(pre, a, "'"))
    }

    /// A user class's `__neg__`/`__pos__`/`__invert__` applied to `a`.
    fn unary_dunder(&mut self, op: UnOp, a: Value) -> PyResult<Option<Value>> {
        let name = match op {
            UnOp::Neg => "__neg__",
            UnOp::Pos => "__pos__",
            _ => "__invert__",
        };
        let n = self.intern_static(name);
        match self.lookup_special(a, n) {
            Some(m) if !matches!(m, Value::Native(_)) => self.call_sync(m, &[a]).map(Some),
            _ => Ok(None),
        }
    }

    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        Ok(match v {
            Value::None | Value::Undef => false,
            Value::Bool(b) => b.get(),
            Value::Int(i) => i != 0,
            Value::Float(f) => f.get() != 0.0,
            Value::NotImplemented | Value::Ellipsis | Value::Native(_) => true,
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(s) => !s.s.is_empty(),
                Obj::List(l) => !l.is_empty(),
                Obj::Tuple(t) => !t.is_empty(),
                Obj::Dict(d) | Obj::Set { d, .. } => !d.is_empty(),
                Obj::DictView { .. } => self.seq_len(v).unwrap_or(0) > 0,
                Obj::Bytes(b) | Obj::ByteArray(b) => !b.is_empty(),
                Obj::BigInt(b) => !b.is_zero(),
                Obj::Range { start, stop, step } => {
                    crate::builtins::range_len(*start, *stop, *step) > 0
                }
                Obj::Instance(_) => return self.instance_truthy(v),
                _ => true,
            },
        })
    }

    fn instance_truthy(&mut self, v: Value) -> PyResult<bool> {
        let n = self.intern_static("__bool__");
        if let Some(m) = self.lookup_special(v, n) {
            let r = self.call_sync(m, &[v])?;
            return match r {
                Value::Bool(b) => Ok(b.get()),
                _ => Err(self.type_error_of("__bool__ should return bool, returned ", r, "")),
            };
        }
        let n = self.intern_static("__len__");
        if let Some(m) = self.lookup_special(v, n) {
            let r = self.call_sync(m, &[v])?;
            let n = self.index_value(r)?;
            return Ok(n != 0);
        }
        if let Value::Obj(r) = v {
            if let Obj::Instance(i) = self.heap.get(r) {
                let base = i.base;
                if !base.is_undef() {
                    return self.truthy(base);
                }
            }
        }
        Ok(true)
    }

    // ---- comparison ----

    pub(crate) fn compare_op(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        match compare_fast(op, a, b) {
            Some(r) => Ok(Value::from_bool(r)),
            None => self.compare_slow(op, a, b),
        }
    }

    #[inline(never)]
    pub(crate) fn compare_slow(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => Ok(Value::from_bool(a.is(b))),
            CmpOp::IsNot => Ok(Value::from_bool(!a.is(b))),
            CmpOp::In => Ok(Value::from_bool(self.contains(b, a)?)),
            CmpOp::NotIn => Ok(Value::from_bool(!self.contains(b, a)?)),
            CmpOp::Eq => self.rich_eq(a, b),
            CmpOp::Ne => {
                let r = self.rich_ne(a, b)?;
                Ok(r)
            }
            _ => self.rich_order(op, a, b),
        }
    }

    /// `a == b` with Python semantics (may call `__eq__`).
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a.is(b) && !matches!(a, Value::Float(f) if f.get().is_nan()) {
            return Ok(true);
        }
        let r = self.rich_eq(a, b)?;
        self.truthy(r)
    }

    fn rich_eq(&mut self, a: Value, b: Value) -> PyResult<Value> {
        if let Some(r) = self.native_eq(a, b)? {
            return Ok(Value::from_bool(r));
        }
        if let Some(r) = self.call_dunder_pair(a, "__eq__", "__eq__", b)? {
            return Ok(r);
        }
        Ok(Value::from_bool(a.is(b)))
    }

    fn rich_ne(&mut self, a: Value, b: Value) -> PyResult<Value> {
        // (A builtin subclass may define `__ne__`: the loop below looks.)
        let plain = self.subclass_value(a).is_none() && self.subclass_value(b).is_none();
        if plain {
            if let Some(r) = self.native_eq(a, b)? {
                return Ok(Value::from_bool(!r));
            }
        }
        let n = self.intern_static("__ne__");
        for (x, y) in [(a, b), (b, a)] {
            let m = self.lookup_special(x, n);
            let user = matches!(m, Some(Value::Obj(f)) if matches!(self.heap.get(f), Obj::Func(_)));
            if let (false, Some(bx)) = (user, self.subclass_value(x)) {
                // A builtin subclass without its own `__ne__` inherits the
                // builtin's (str.__ne__), not object's negated `__eq__`,
                // even when it defines `__eq__`.
                let by = self.subclass_value(y).unwrap_or(y);
                if let Some(r) = self.native_eq(bx, by)? {
                    return Ok(Value::from_bool(!r));
                }
            } else if let Some(m) = m {
                let r = self.call_sync(m, &[x, y])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        let r = self.rich_eq(a, b)?;
        Ok(Value::from_bool(!self.truthy(r)?))
    }

    /// What `native_eq` compares for `v`: a builtin subclass instance's
    /// builtin value, unless the subclass defines `__eq__` in Python (None:
    /// that method decides).
    fn eq_operand(&mut self, v: Value) -> Option<Value> {
        let Some(base) = self.subclass_value(v) else {
            return Some(v);
        };
        let n = self.intern_static("__eq__");
        let cls = self.class_of(v);
        match self.class_lookup(cls, n) {
            Some(Value::Obj(f)) if matches!(self.heap.get(f), Obj::Func(_)) => None,
            _ => Some(base),
        }
    }

    /// The builtin value inside an instance of a builtin type's subclass.
    fn subclass_value(&self, v: Value) -> Option<Value> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Instance(i) if !i.base.is_undef() => Some(i.base),
                _ => None,
            },
            _ => None,
        }
    }

    /// Equality of builtin values without running Python code; None when a
    /// user `__eq__` may be involved.
    pub(crate) fn native_eq(&mut self, a: Value, b: Value) -> PyResult<Option<bool>> {
        let (Some(a), Some(b)) = (self.eq_operand(a), self.eq_operand(b)) else {
            return Ok(None);
        };
        if let Some(o) = self.num_cmp(a, b) {
            return Ok(Some(o == Some(core::cmp::Ordering::Equal)));
        }
        let (ra, rb) = match (a, b) {
            (Value::Obj(ra), Value::Obj(rb)) => (ra, rb),
            (Value::Obj(r), _) | (_, Value::Obj(r)) => {
                return Ok(match self.heap.get(r) {
                    Obj::Instance(_) => None,
                    _ => Some(false),
                });
            }
            _ => return Ok(Some(a.is(b))),
        };
        if ra == rb {
            if let Obj::Instance(_) = self.heap.get(ra) {
                return Ok(None);
            }
        }
        match (self.heap.get(ra), self.heap.get(rb)) {
            (Obj::Str(x), Obj::Str(y)) => Ok(Some(x.s == y.s)),
            (Obj::Bytes(x) | Obj::ByteArray(x), Obj::Bytes(y) | Obj::ByteArray(y)) => {
                Ok(Some(x == y))
            }
            (Obj::BigInt(x), Obj::BigInt(y)) => Ok(Some(x == y)),
            (Obj::Tuple(x), Obj::Tuple(y)) => {
                if x.len() != y.len() {
                    return Ok(Some(false));
                }
                let (x, y) = (x.to_vec(), y.to_vec());
                self.seq_eq(&x, &y).map(Some)
            }
            (Obj::List(x), Obj::List(y)) => {
                if x.len() != y.len() {
                    return Ok(Some(false));
                }
                let (x, y) = (x.clone(), y.clone());
                self.seq_eq(&x, &y).map(Some)
            }
            (Obj::Dict(_), Obj::Dict(_)) => self.dict_eq(ra, rb).map(Some),
            (Obj::Set { .. }, Obj::Set { .. }) => self.set_eq(ra, rb).map(Some),
            (Obj::Range { .. }, Obj::Range { .. }) => {
                let (x, y) = (
                    crate::builtins::range_tuple(self, ra),
                    crate::builtins::range_tuple(self, rb),
                );
                Ok(Some(x == y))
            }
            (Obj::Instance(_), _) | (_, Obj::Instance(_)) => Ok(None),
            (Obj::DictView { .. }, _) | (_, Obj::DictView { .. }) => {
                crate::builtins::dict_methods::view_eq(self, a, b).map(|r| Some(r.unwrap_or(false)))
            }
            (Obj::Exception(_), _) | (_, Obj::Exception(_)) => Ok(None),
            (Obj::Class(_), _) => Ok(None),
            (Obj::Iter(_), _) | (Obj::Slice(_), _) => {
                if let (Obj::Slice(a), Obj::Slice(b)) = (self.heap.get(ra), self.heap.get(rb)) {
                    let (a, b) = (**a, **b);
                    return self.seq_eq(&a, &b).map(Some);
                }
                Ok(Some(ra == rb))
            }
            (Obj::BoundMethod { this: t1, func: f1 }, Obj::BoundMethod { this: t2, func: f2 }) => {
                Ok(Some(t1.is(*t2) && f1.is(*f2)))
            }
            _ => Ok(Some(false)),
        }
    }

    pub(crate) fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for i in 0..x.len() {
            if !self.eq(x[i], y[i])? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn rich_order(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        if let Some(o) = self.native_cmp(a, b)? {
            use core::cmp::Ordering::*;
            let r = match o {
                Some(o) => match op {
                    CmpOp::Lt => o == Less,
                    CmpOp::Le => o != Greater,
                    CmpOp::Gt => o == Greater,
                    _ => o != Less,
                },
                None => false, // NaN
            };
            return Ok(Value::from_bool(r));
        }
        if let Some(r) = self.sequence_order(op, a, b)? {
            return Ok(Value::from_bool(r));
        }
        if let Some(r) = crate::builtins::set_methods::set_order(self, op, a, b)? {
            return Ok(Value::from_bool(r));
        }
        let (f, rf, sym) = match op {
            CmpOp::Lt => ("__lt__", "__gt__", "<"),
            CmpOp::Le => ("__le__", "__ge__", "<="),
            CmpOp::Gt => ("__gt__", "__lt__", ">"),
            _ => ("__ge__", "__le__", ">="),
        };
        if let Some(r) = self.call_dunder_pair(a, f, rf, b)? {
            return Ok(r);
        }
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        Err(self.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            sym, ta, tb
        )))
    }

    /// Ordering of numbers and strings/bytes: Some(None) for NaN, None if
    /// not natively comparable.
    pub(crate) fn native_cmp(
        &mut self,
        a: Value,
        b: Value,
    ) -> PyResult<Option<Option<core::cmp::Ordering>>> {
        let a = self.num_unwrap(a);
        let b = self.num_unwrap(b);
        if let Some(o) = self.num_cmp(a, b) {
            return Ok(Some(o));
        }
        if let (Value::Obj(ra), Value::Obj(rb)) = (a, b) {
            match (self.heap.get(ra), self.heap.get(rb)) {
                (Obj::Str(x), Obj::Str(y)) => return Ok(Some(Some(x.s.cmp(&y.s)))),
                (Obj::Bytes(x) | Obj::ByteArray(x), Obj::Bytes(y) | Obj::ByteArray(y)) => {
                    return Ok(Some(Some(x.cmp(y))))
                }
                _ => {}
            }
        }
        Ok(None)
    }

    /// Exact order of two numbers (a bool is the int 0 or 1; a heap int
    /// may not fit a float): Some(None) for NaN, None if either is not a
    /// number. One path for `==` and the orderings.
    fn num_cmp(&self, a: Value, b: Value) -> Option<Option<core::cmp::Ordering>> {
        let n = |v: Value| match v {
            Value::Bool(x) => Value::Int(x.get() as Small),
            v => v,
        };
        let big = |v: Value| match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::BigInt(b) => Some(b),
                _ => None,
            },
            _ => None,
        };
        let (a, b) = (n(a), n(b));
        Some(match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x.cmp(&y)),
            (Value::Float(x), Value::Float(y)) => x.partial_cmp(&y),
            (Value::Int(i), Value::Float(f)) => cmp_int_float(wide(i), f.get()),
            (Value::Float(f), Value::Int(i)) => {
                cmp_int_float(wide(i), f.get()).map(|o| o.reverse())
            }
            (Value::Float(f), o) => cmp_big_float(big(o)?, f.get()).map(|o| o.reverse()),
            (o, Value::Float(f)) => cmp_big_float(big(o)?, f.get()),
            _ => match (big(a), big(b), a, b) {
                (Some(x), Some(y), ..) => Some(x.cmp(y)),
                (Some(x), None, _, Value::Int(i)) => Some(x.cmp(&BigInt::from_i64(wide(i)))),
                (None, Some(y), Value::Int(i), _) => Some(BigInt::from_i64(wide(i)).cmp(y)),
                _ => return None,
            },
        })
    }

    fn sequence_order(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
        let (x, y) = match (a, b) {
            (Value::Obj(ra), Value::Obj(rb)) => match (self.heap.get(ra), self.heap.get(rb)) {
                (Obj::List(x), Obj::List(y)) => (x.clone(), y.clone()),
                (Obj::Tuple(x), Obj::Tuple(y)) => (x.to_vec(), y.to_vec()),
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        for i in 0..x.len().min(y.len()) {
            if !self.eq(*x.at(i), *y.at(i))? {
                let r = self.rich_order(op, *x.at(i), *y.at(i))?;
                return Ok(Some(self.truthy(r)?));
            }
        }
        let (lx, ly) = (x.len(), y.len());
        Ok(Some(match op {
            CmpOp::Lt => lx < ly,
            CmpOp::Le => lx <= ly,
            CmpOp::Gt => lx > ly,
            _ => lx >= ly,
        }))
    }

    /// `a < b` as a bool (sorting, min, max).
    pub fn less_than(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        if let (Value::Float(x), Value::Float(y)) = (a, b) {
            return Ok(x < y);
        }
        let r = self.rich_order(CmpOp::Lt, a, b)?;
        self.truthy(r)
    }

    // ---- hashing ----

    /// Python's `hash()`; the dict hash is this value as u64.
    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        Ok(match v {
            Value::Int(i) => hash_int(wide(i)),
            Value::Bool(b) => b.get() as i64,
            Value::Float(f) => hash_float(f.get()),
            Value::None => 0x5f_8a_93,
            Value::Ellipsis => 0x6e_11_07,
            Value::NotImplemented => 0x71_42_51,
            Value::Native(i) => 0x1000 + i as i64,
            Value::Undef => 0,
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(s) => s.hash() as i64,
                Obj::Bytes(b) => crate::objects::str::hash_bytes(b) as i64,
                Obj::BigInt(b) => b.py_hash(),
                Obj::Tuple(t) => {
                    let items = t.to_vec();
                    self.hash_tuple(&items)?
                }
                Obj::Set { frozen: true, d } => {
                    let mut h: i64 = 0x3a_f1_91;
                    for e in d.iter() {
                        h ^= (e.hash as i64).wrapping_mul(0x5bd1e995);
                    }
                    h
                }
                Obj::List(_)
                | Obj::Dict(_)
                | Obj::Set { .. }
                | Obj::ByteArray(_)
                | Obj::DictView { .. }
                | Obj::Slice(_) => {
                    return Err(self.type_error_of("unhashable type: '", v, "'"));
                }
                Obj::Instance(_) => return self.instance_hash(v, r),
                _ => r.0 as i64 * 16 + 7,
            },
        })
    }

    fn instance_hash(&mut self, v: Value, r: crate::heap::ObjRef) -> PyResult<i64> {
        let n = self.intern_static("__hash__");
        let m = self.lookup_special(v, n);
        match m {
            Some(Value::None) => Err(self.type_error_of("unhashable type: '", v, "'")),
            Some(m) if !matches!(m, Value::Native(_)) => {
                let h = self.call_sync(m, &[v])?;
                let u = self.num_unwrap(h);
                // CPython keeps a returned hash that fits as is (so a tuple
                // subclass can return `hash(tuple(self))`), but -1.
                if let Some(i) = self.int_i64(u) {
                    return Ok(if i == -1 { -2 } else { i });
                }
                match u {
                    // (A heap int: its own hash.)
                    other if self.as_int_like(other) => self.hash(other),
                    _ => Err(self.type_err("__hash__ method should return an integer")),
                }
            }
            _ => {
                // A class defining __eq__ but not __hash__ is unhashable.
                let eqn = self.intern_static("__eq__");
                let cls = self.class_of(v);
                if self.class_defines_without(cls, eqn, n) {
                    return Err(self.type_error_of("unhashable type: '", v, "'"));
                }
                if let Obj::Instance(i) = self.heap.get(r) {
                    let b = i.base;
                    if !b.is_undef() {
                        return self.hash(b);
                    }
                }
                Ok(r.0 as i64 * 16 + 7)
            }
        }
    }

    pub(crate) fn hash_tuple(&mut self, items: &[Value]) -> PyResult<i64> {
        // CPython's xxHash-based tuple hash (64-bit).
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        let mut acc: u64 = P5;
        for &it in items {
            let lane = self.hash(it)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
        if acc == u64::MAX {
            return Ok(1546275796);
        }
        Ok(acc as i64)
    }
}

pub(crate) fn hash_int(i: i64) -> i64 {
    // |i| mod 2**61-1 by folding the bits above 61 (2**61 = 1 mod M):
    // no 128-bit division (a libcall on small targets).
    const M: u64 = (1 << 61) - 1;
    let u = i.unsigned_abs();
    let mut a = (u & M) + (u >> 61);
    if a >= M {
        a -= M;
    }
    let h = if i < 0 { -(a as i64) } else { a as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub(crate) fn hash_float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f == libm::trunc(f) && f.abs() < 9.2e18 {
        return hash_int(f as i64);
    }
    // CPython's algorithm: reduce the mantissa modulo 2**61 - 1.
    const BITS: u32 = 61;
    const M: u64 = (1 << BITS) - 1;
    let (mut m, mut e) = libm::frexp(f.abs());
    let sign = if f < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & M) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= M {
            x -= M;
        }
    }
    let e = if e >= 0 {
        (e as u32) % BITS
    } else {
        BITS - 1 - ((-1 - e) as u32 % BITS)
    };
    x = ((x << e) & M) | (x >> (BITS - e));
    let h = x as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Exact order of a heap int (|b| >= 2**63) and a float.
fn cmp_big_float(b: &BigInt, f: f64) -> Option<core::cmp::Ordering> {
    use core::cmp::Ordering::*;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Less } else { Greater });
    }
    if let Some(i) = b.to_i64() {
        // (Only on a board, whose small ints are 32-bit.)
        return cmp_int_float(i, f);
    }
    if f.abs() < 9.2e18 {
        // |b| is larger than any such float: its sign decides.
        return Some(if b.is_negative() { Less } else { Greater });
    }
    // Floats this large are integers: compare as ints.
    BigInt::from_f64(f).map(|fb| b.cmp(&fb))
}

fn cmp_int_float(i: i64, f: f64) -> Option<core::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            core::cmp::Ordering::Less
        } else {
            core::cmp::Ordering::Greater
        });
    }
    let t = libm::trunc(f);
    if t >= 9.223_372_036_854_776e18 {
        return Some(core::cmp::Ordering::Less);
    }
    if t < -9.223_372_036_854_776e18 {
        return Some(core::cmp::Ordering::Greater);
    }
    let ti = t as i64;
    match i.cmp(&ti) {
        core::cmp::Ordering::Equal => (0.0f64).partial_cmp(&(f - t)),
        o => Some(o),
    }
}

/// Floor division and modulo. Callers rule out `y == 0` and `MIN / -1`;
/// `checked_*` keeps rustc's overflow panic (and its `Location`) out of
/// the image where it cannot see that (i32 on boards).
#[inline]
pub(crate) fn int_divmod(x: Small, y: Small) -> (Small, Small) {
    let q = x.checked_div(y).unwrap_or(0);
    let r = x.checked_rem(y).unwrap_or(0);
    if r != 0 && ((r < 0) != (y < 0)) {
        (q - 1, r + y)
    } else {
        (q, r)
    }
}

pub(crate) fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = crate::modules::math::fmod(x, y);
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = libm::copysign(0.0, y);
    }
    let floordiv = if div != 0.0 {
        let mut f = libm::floor(div);
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        libm::copysign(0.0, x / y)
    };
    (floordiv, m)
}

/// The small-int and float cases of a binary operator, or None. Inlined
/// into the dispatch loop: a `PyResult<Value>` returned from an out-of-line
/// call comes back through memory, and reloading it cost more than the
/// arithmetic.
#[inline(always)]
pub(crate) fn binary_fast(op: BinOp, a: Value, b: Value) -> Option<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return match op {
            BinOp::Add => x.checked_add(y).map(Value::Int),
            BinOp::Sub => x.checked_sub(y).map(Value::Int),
            BinOp::Mul => x.checked_mul(y).map(Value::Int),
            BinOp::FloorDiv | BinOp::Mod if y > 0 => {
                let (q, r) = int_divmod(x, y);
                Some(Value::Int(if op == BinOp::Mod { r } else { q }))
            }
            BinOp::BitAnd => Some(Value::Int(x & y)),
            BinOp::BitOr => Some(Value::Int(x | y)),
            BinOp::BitXor => Some(Value::Int(x ^ y)),
            BinOp::RShift if (0..Small::BITS as Small).contains(&y) => Some(Value::Int(x >> y)),
            BinOp::LShift if (0..Small::BITS as Small - 1).contains(&y) && (x << y) >> y == x => {
                Some(Value::Int(x << y))
            }
            _ => None,
        };
    }
    let (x, y) = match (a, b) {
        (Value::Float(x), Value::Float(y)) => (x.get(), y.get()),
        (Value::Float(x), Value::Int(y)) if wide(y).unsigned_abs() < (1 << 53) => {
            (x.get(), y as f64)
        }
        (Value::Int(x), Value::Float(y)) if wide(x).unsigned_abs() < (1 << 53) => {
            (x as f64, y.get())
        }
        _ => return None,
    };
    match op {
        BinOp::Add => Some(Value::float(x + y)),
        BinOp::Sub => Some(Value::float(x - y)),
        BinOp::Mul => Some(Value::float(x * y)),
        BinOp::Div if y != 0.0 => Some(Value::float(x / y)),
        _ => None,
    }
}

/// Comparisons of two small ints or two floats, or None.
#[inline(always)]
pub(crate) fn compare_fast(op: CmpOp, a: Value, b: Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match op {
            CmpOp::Lt => Some(x < y),
            CmpOp::Le => Some(x <= y),
            CmpOp::Gt => Some(x > y),
            CmpOp::Ge => Some(x >= y),
            CmpOp::Eq | CmpOp::Is => Some(x == y),
            CmpOp::Ne | CmpOp::IsNot => Some(x != y),
            CmpOp::In | CmpOp::NotIn => None,
        },
        (Value::Float(x), Value::Float(y)) => match op {
            CmpOp::Lt => Some(x < y),
            CmpOp::Le => Some(x <= y),
            CmpOp::Gt => Some(x > y),
            CmpOp::Ge => Some(x >= y),
            CmpOp::Eq => Some(x == y),
            CmpOp::Ne => Some(x != y),
            _ => None,
        },
        _ => None,
    }
}

/// Truth of a value that is not a heap object, or None.
#[inline(always)]
pub(crate) fn truthy_fast(v: Value) -> Option<bool> {
    match v {
        Value::None | Value::Undef => Some(false),
        Value::Bool(b) => Some(b.get()),
        Value::Int(i) => Some(i != 0),
        Value::Float(f) => Some(f.get() != 0.0),
        Value::NotImplemented | Value::Ellipsis | Value::Native(_) => Some(true),
        Value::Obj(_) => None,
    }
}
