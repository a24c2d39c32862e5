//! The builtin types and exception classes, created once per VM as class
//! objects whose dicts hold native methods, so builtin and user classes share
//! one attribute lookup (MRO walk) and can be subclassed the same way.

use crate::at::At;
use alloc::vec::Vec;

use crate::heap::ObjRef;
use crate::natives::{Method, NativeDef};
use crate::objects::func::{Class, Layout};
use crate::objects::{Dict, Obj};
use crate::value::Value;
use crate::vm::Vm;

/// The builtin classes live in fixed heap slots, so their handles are
/// constants: `ty::LIST` is an immediate where a field of `Vm` would be a
/// load (on thumbv6m a far one: the 70 handles cannot all sit in the first
/// 124 bytes). `types::init` fills slots 1..FIXED_SLOTS in this order,
/// right after the preallocated MemoryError in slot 0; the collector marks
/// them all as roots.
macro_rules! builtin_classes {
    ($($name:ident),* $(,)?) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u32)]
        enum Slot { MemoryErrorInstance, $($name,)* End }
        $(pub const $name: ObjRef = ObjRef(Slot::$name as u32);)*
        /// The fixed slots: the MemoryError instance and the classes.
        pub const FIXED_SLOTS: u32 = Slot::End as u32;
        /// Rust's `Slot` variant names are never read.
        const _: Slot = Slot::MemoryErrorInstance;
    };
}

/// Handles of the builtin classes (see `builtin_classes!`).
pub mod ty {
    use crate::heap::ObjRef;
    builtin_classes!(
        OBJECT,
        TYPE,
        INT,
        BOOL,
        FLOAT,
        STR,
        BYTES,
        BYTEARRAY,
        LIST,
        TUPLE,
        DICT,
        SET,
        FROZENSET,
        RANGE,
        SLICE,
        NONE_TYPE,
        NOT_IMPLEMENTED_TYPE,
        ELLIPSIS_TYPE,
        FUNCTION,
        BUILTIN_FUNCTION,
        BOUND_METHOD,
        MODULE,
        GENERATOR,
        COROUTINE,
        PROPERTY,
        CLASSMETHOD,
        STATICMETHOD,
        SUPER,
        CELL,
        ITERATOR,
        MEMORYVIEW,
        CODE,
        DICT_KEYS,
        DICT_VALUES,
        DICT_ITEMS,
        BASE_EXCEPTION,
        EXCEPTION,
        STOP_ITERATION,
        STOP_ASYNC_ITERATION,
        GENERATOR_EXIT,
        KEYBOARD_INTERRUPT,
        SYSTEM_EXIT,
        ARITHMETIC_ERROR,
        OVERFLOW_ERROR,
        ZERO_DIVISION_ERROR,
        ASSERTION_ERROR,
        ATTRIBUTE_ERROR,
        EOF_ERROR,
        IMPORT_ERROR,
        MODULE_NOT_FOUND_ERROR,
        LOOKUP_ERROR,
        INDEX_ERROR,
        KEY_ERROR,
        MEMORY_ERROR,
        NAME_ERROR,
        UNBOUND_LOCAL_ERROR,
        OS_ERROR,
        TIMEOUT_ERROR,
        RUNTIME_ERROR,
        NOT_IMPLEMENTED_ERROR,
        RECURSION_ERROR,
        SYNTAX_ERROR,
        INDENTATION_ERROR,
        TAB_ERROR,
        TYPE_ERROR,
        VALUE_ERROR,
        UNICODE_ERROR,
        UNICODE_DECODE_ERROR,
        UNICODE_ENCODE_ERROR,
        CANCELLED_ERROR,
    );
}

/// Builtin type tags (`Class::builtin`): which native layout a value of the
/// type (or of a subclass) has.
pub mod tag {
    pub const OBJECT: u8 = 0;
    pub const INT: u8 = 1;
    pub const BOOL: u8 = 2;
    pub const FLOAT: u8 = 3;
    pub const STR: u8 = 4;
    pub const BYTES: u8 = 5;
    pub const BYTEARRAY: u8 = 6;
    pub const LIST: u8 = 7;
    pub const TUPLE: u8 = 8;
    pub const DICT: u8 = 9;
    pub const SET: u8 = 10;
    pub const FROZENSET: u8 = 11;
    pub const EXCEPTION: u8 = 12;
    pub const TYPE: u8 = 13;
    pub const OTHER: u8 = 14;
}

impl Vm {
    pub(crate) fn register_native(
        &mut self,
        name: &'static str,
        f: crate::natives::NativeFn,
    ) -> Value {
        let i = self.natives.len();
        self.natives.push(NativeDef { name, f });
        Value::Native(i as u32)
    }

    /// A new builtin class object with single base `base` (none for
    /// `object`).
    fn new_class_raw(
        &mut self,
        name: &str,
        base: Option<ObjRef>,
        layout: Layout,
        tag: u8,
    ) -> ObjRef {
        match self.alloc(Obj::Tuple(alloc::boxed::Box::new([]))) {
            Ok(Value::Obj(r)) => {
                self.fill_class(r, name, base, layout, tag);
                r
            }
            _ => ObjRef(0),
        }
    }

    /// Make slot `r` (an empty tuple, reserved by the caller) the class
    /// `name`. Builtin hierarchies are single inheritance: the MRO is the
    /// chain of first bases, which must already be filled.
    fn fill_class(&mut self, r: ObjRef, name: &str, base: Option<ObjRef>, layout: Layout, tag: u8) {
        let n = self.intern(name);
        let module = self.intern("builtins");
        let mut mro = alloc::vec![r];
        let mut cur = base;
        while let Some(b) = cur {
            mro.push(b);
            cur = match self.heap.get(b) {
                Obj::Class(c) => c.bases.first().copied(),
                _ => None,
            };
        }
        let cls = Obj::Class(alloc::boxed::Box::new(Class {
            name: n,
            module,
            bases: base.into_iter().collect(),
            mro,
            dict: Dict::new(),
            layout,
            builtin: tag,
            native: true,
            version: 0,
            natives: [(0, 0); 2],
        }));
        self.heap.grew(cls.payload_bytes());
        *self.heap.get_mut(r) = cls;
    }

    /// A builtin class (not subclassable) with native methods, for objects
    /// that builtin modules create (`sys.stdout`, `sys.implementation`).
    /// Instances are `Obj::Instance`s of it.
    pub(crate) fn new_builtin_class(
        &mut self,
        name: &str,
        methods: &[Method],
    ) -> crate::vm::PyResult<ObjRef> {
        let r = self.new_class_raw(name, Some(ty::OBJECT), Layout::Final, tag::OTHER);
        if r == ObjRef(0) {
            return Err(self.memory_error());
        }
        self.add_methods(r, methods);
        Ok(r)
    }

    /// Put native functions into the `builtins` namespace.
    pub(crate) fn add_builtins(&mut self, funcs: &[Method]) {
        let b = self.builtins;
        for &(name, f) in funcs {
            let v = self.register_native(name, f);
            let k = self.intern(name);
            let _ = self.dict_set_str(b, k, v);
        }
    }

    /// Give a builtin class its native methods: the first two calls record
    /// them as runs of the native table (see `Class::natives`); methods
    /// added by later calls go into the class dict.
    pub(crate) fn add_methods(&mut self, cls: ObjRef, methods: &[Method]) {
        let start = self.natives.len();
        let free = match self.heap.get(cls) {
            Obj::Class(c) => c.natives.iter().position(|r| r.1 == 0),
            _ => None,
        };
        let Some(slot) = free.filter(|_| start + methods.len() <= u16::MAX as usize) else {
            for &(name, f) in methods {
                let v = self.register_native(name, f);
                self.class_set(cls, name, v);
            }
            return;
        };
        for &(name, f) in methods {
            self.register_native(name, f);
        }
        if let Obj::Class(c) = self.heap.get_mut(cls) {
            c.natives[slot] = (start as u16, methods.len() as u16);
            c.version = c.version.wrapping_add(1);
        }
        self.classes_changed();
    }

    /// Class `cls`'s native runs, as slices of the native table with
    /// their first index, the later one first (a method registered again
    /// replaces the earlier one, as a dict entry would).
    fn native_runs(&self, cls: ObjRef) -> impl Iterator<Item = (usize, &[NativeDef])> + '_ {
        let runs = match self.heap.get(cls) {
            Obj::Class(c) => c.natives,
            _ => [(0, 0); 2],
        };
        runs.into_iter().rev().filter_map(move |(start, n)| {
            let (start, n) = (start as usize, n as usize);
            Some((start, self.natives.get(start..start + n)?)).filter(|r| n != 0 && !r.1.is_empty())
        })
    }

    /// The native method `name` of class `cls`'s own runs, if any.
    pub(crate) fn class_native(&self, cls: ObjRef, name: &str) -> Option<Value> {
        self.native_runs(cls).find_map(|(start, run)| {
            run.iter()
                .position(|d| d.name == name)
                .map(|i| Value::Native((start + i) as u32))
        })
    }

    /// Class `cls`'s native methods as (name, function), in registration
    /// order (a later run's method replaces an earlier one of the same
    /// name): for `dir()`, completion and `__dict__`.
    pub(crate) fn class_natives(
        &self,
        cls: ObjRef,
    ) -> impl Iterator<Item = (&'static str, Value)> + '_ {
        let mut runs: Vec<(usize, &[NativeDef])> = self.native_runs(cls).collect();
        runs.reverse();
        runs.into_iter().flat_map(|(start, run)| {
            run.iter()
                .enumerate()
                .map(move |(i, d)| (d.name, Value::Native((start + i) as u32)))
        })
    }

    pub(crate) fn class_set(&mut self, cls: ObjRef, name: &str, v: Value) {
        let k = self.intern(name);
        let h = crate::objects::str::hash_bytes(name.as_bytes());
        if let Obj::Class(c) = self.heap.get_mut(cls) {
            if let Some(i) = crate::interp::attr::find_same(&c.dict, h, k) {
                c.dict.entries.at_mut(i).value = v;
            } else {
                c.dict.push_new(h, k, v);
            }
            c.version = c.version.wrapping_add(1);
        }
        self.classes_changed();
    }
}

/// The builtin classes other than `object` and the exceptions: (handle,
/// name, base, layout, tag, bound to its name in `builtins`), bases first,
/// in the order `builtins` lists them.
pub(crate) const CLASSES: &[(ObjRef, &str, ObjRef, Layout, u8, bool)] = {
    use ty::*;
    use Layout::{Builtin as B, Final as F};
    &[
        (TYPE, "type", OBJECT, F, tag::TYPE, true),
        (INT, "int", OBJECT, B, tag::INT, true),
        (BOOL, "bool", INT, F, tag::BOOL, true),
        (FLOAT, "float", OBJECT, B, tag::FLOAT, true),
        (STR, "str", OBJECT, B, tag::STR, true),
        (BYTES, "bytes", OBJECT, B, tag::BYTES, true),
        (BYTEARRAY, "bytearray", OBJECT, B, tag::BYTEARRAY, true),
        (LIST, "list", OBJECT, B, tag::LIST, true),
        (TUPLE, "tuple", OBJECT, B, tag::TUPLE, true),
        (DICT, "dict", OBJECT, B, tag::DICT, true),
        (SET, "set", OBJECT, B, tag::SET, true),
        (FROZENSET, "frozenset", OBJECT, B, tag::FROZENSET, true),
        (RANGE, "range", OBJECT, F, tag::OTHER, true),
        (SLICE, "slice", OBJECT, F, tag::OTHER, true),
        (NONE_TYPE, "NoneType", OBJECT, F, tag::OTHER, false),
        (
            NOT_IMPLEMENTED_TYPE,
            "NotImplementedType",
            OBJECT,
            F,
            tag::OTHER,
            false,
        ),
        (ELLIPSIS_TYPE, "ellipsis", OBJECT, F, tag::OTHER, false),
        (FUNCTION, "function", OBJECT, F, tag::OTHER, false),
        (
            BUILTIN_FUNCTION,
            "builtin_function_or_method",
            OBJECT,
            F,
            tag::OTHER,
            false,
        ),
        (BOUND_METHOD, "method", OBJECT, F, tag::OTHER, false),
        (MODULE, "module", OBJECT, F, tag::OTHER, false),
        (GENERATOR, "generator", OBJECT, F, tag::OTHER, false),
        (COROUTINE, "coroutine", OBJECT, F, tag::OTHER, false),
        (PROPERTY, "property", OBJECT, F, tag::OTHER, true),
        (CLASSMETHOD, "classmethod", OBJECT, F, tag::OTHER, true),
        (STATICMETHOD, "staticmethod", OBJECT, F, tag::OTHER, true),
        (SUPER, "super", OBJECT, F, tag::OTHER, true),
        (CELL, "cell", OBJECT, F, tag::OTHER, false),
        (ITERATOR, "iterator", OBJECT, F, tag::OTHER, false),
        (MEMORYVIEW, "memoryview", OBJECT, F, tag::OTHER, true),
        (CODE, "code", OBJECT, F, tag::OTHER, false),
        (DICT_KEYS, "dict_keys", OBJECT, F, tag::OTHER, false),
        (DICT_VALUES, "dict_values", OBJECT, F, tag::OTHER, false),
        (DICT_ITEMS, "dict_items", OBJECT, F, tag::OTHER, false),
    ]
};

/// The builtin exception classes: (handle, name, base), bases first, in
/// the order `builtins` lists them.
pub(crate) const EXCEPTIONS: &[(ObjRef, &str, ObjRef)] = {
    use ty::*;
    &[
        (BASE_EXCEPTION, "BaseException", OBJECT),
        (SYSTEM_EXIT, "SystemExit", BASE_EXCEPTION),
        (KEYBOARD_INTERRUPT, "KeyboardInterrupt", BASE_EXCEPTION),
        (GENERATOR_EXIT, "GeneratorExit", BASE_EXCEPTION),
        (EXCEPTION, "Exception", BASE_EXCEPTION),
        (STOP_ITERATION, "StopIteration", EXCEPTION),
        (STOP_ASYNC_ITERATION, "StopAsyncIteration", EXCEPTION),
        (ARITHMETIC_ERROR, "ArithmeticError", EXCEPTION),
        (OVERFLOW_ERROR, "OverflowError", ARITHMETIC_ERROR),
        (ZERO_DIVISION_ERROR, "ZeroDivisionError", ARITHMETIC_ERROR),
        (ASSERTION_ERROR, "AssertionError", EXCEPTION),
        (ATTRIBUTE_ERROR, "AttributeError", EXCEPTION),
        (EOF_ERROR, "EOFError", EXCEPTION),
        (IMPORT_ERROR, "ImportError", EXCEPTION),
        (MODULE_NOT_FOUND_ERROR, "ModuleNotFoundError", IMPORT_ERROR),
        (LOOKUP_ERROR, "LookupError", EXCEPTION),
        (INDEX_ERROR, "IndexError", LOOKUP_ERROR),
        (KEY_ERROR, "KeyError", LOOKUP_ERROR),
        (MEMORY_ERROR, "MemoryError", EXCEPTION),
        (NAME_ERROR, "NameError", EXCEPTION),
        (UNBOUND_LOCAL_ERROR, "UnboundLocalError", NAME_ERROR),
        (OS_ERROR, "OSError", EXCEPTION),
        (TIMEOUT_ERROR, "TimeoutError", OS_ERROR),
        (RUNTIME_ERROR, "RuntimeError", EXCEPTION),
        (NOT_IMPLEMENTED_ERROR, "NotImplementedError", RUNTIME_ERROR),
        (RECURSION_ERROR, "RecursionError", RUNTIME_ERROR),
        (SYNTAX_ERROR, "SyntaxError", EXCEPTION),
        (INDENTATION_ERROR, "IndentationError", SYNTAX_ERROR),
        (TAB_ERROR, "TabError", INDENTATION_ERROR),
        (TYPE_ERROR, "TypeError", EXCEPTION),
        (VALUE_ERROR, "ValueError", EXCEPTION),
        (UNICODE_ERROR, "UnicodeError", VALUE_ERROR),
        (UNICODE_DECODE_ERROR, "UnicodeDecodeError", UNICODE_ERROR),
        (UNICODE_ENCODE_ERROR, "UnicodeEncodeError", UNICODE_ERROR),
        // asyncio.CancelledError derives from BaseException, as in CPython 3.8+.
        (CANCELLED_ERROR, "CancelledError", BASE_EXCEPTION),
    ]
};

pub fn init(vm: &mut Vm) {
    // The preallocated MemoryError (raising it never allocates) is the
    // first object, in slot 0, where `Vm::new` already points
    // `vm.memory_error`: every `Err(vm.memory_error())` names a real
    // exception. Its class and args are filled in below, once they exist;
    // until then (bootstrap, heap collection disabled) nothing raises.
    let first = vm.alloc(Obj::Exception(alloc::boxed::Box::new(
        crate::objects::ExcObj::new(ObjRef(0), Value::None),
    )));
    debug_assert!(matches!(first, Ok(Value::Obj(r)) if r == vm.memory_error_obj));
    // The classes' fixed slots (`ty`), empty tuples until filled below.
    for i in 1..ty::FIXED_SLOTS {
        let r = vm.alloc(Obj::Tuple(alloc::boxed::Box::new([])));
        debug_assert!(matches!(r, Ok(Value::Obj(r)) if r == ObjRef(i)));
    }
    vm.interned = match vm.alloc(Obj::Dict(Dict::new())) {
        Ok(Value::Obj(r)) => r,
        _ => ObjRef(0),
    };
    vm.fill_class(ty::OBJECT, "object", None, Layout::Object, tag::OBJECT);
    for &(r, name, base, layout, t, _) in CLASSES {
        vm.fill_class(r, name, Some(base), layout, t);
    }
    for &(r, name, base) in EXCEPTIONS {
        vm.fill_class(r, name, Some(base), Layout::Exception, tag::EXCEPTION);
    }
    // CPython's `NameError.name`, `AttributeError.name` and `.obj` are None
    // unless the interpreter raised the error (interp/suggest.rs).
    for (cls, attr) in [
        (ty::NAME_ERROR, "name"),
        (ty::ATTRIBUTE_ERROR, "name"),
        (ty::ATTRIBUTE_ERROR, "obj"),
    ] {
        let k = vm.intern(attr);
        let _ = vm.set_attr_direct(Value::Obj(cls), k, Value::None);
    }

    // The preallocated MemoryError gets its class and (empty) args now
    // that they exist.
    let empty = vm.const_tuple(&[]).unwrap_or(Value::None);
    if first.is_ok() {
        if let Obj::Exception(x) = vm.heap.get_mut(vm.memory_error_obj) {
            x.class = ty::MEMORY_ERROR;
            x.args = empty;
        }
    }

    crate::builtins::init(vm);
}
