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

macro_rules! types {
    ($($field:ident),* $(,)?) => {
        /// Handles of the builtin classes.
        #[derive(Default)]
        pub struct Types { $(pub $field: ObjRef,)* pub exceptions: Vec<(&'static str, ObjRef)> }
        impl Types {
            pub fn trace(&self, out: &mut Vec<ObjRef>) {
                $(out.push(self.$field);)*
                for (_, r) in &self.exceptions { out.push(*r); }
            }
        }
    };
}

types!(
    object,
    type_,
    int,
    bool_,
    float,
    str_,
    bytes,
    bytearray,
    list,
    tuple,
    dict,
    set,
    frozenset,
    range,
    slice,
    none_type,
    not_implemented_type,
    ellipsis_type,
    function,
    builtin_function,
    bound_method,
    module,
    generator,
    coroutine,
    property,
    classmethod,
    staticmethod,
    super_,
    cell,
    iterator,
    memoryview,
    code,
    dict_keys,
    dict_values,
    dict_items,
    base_exception,
    exception,
    stop_iteration,
    stop_async_iteration,
    generator_exit,
    keyboard_interrupt,
    system_exit,
    arithmetic_error,
    overflow_error,
    zero_division_error,
    assertion_error,
    attribute_error,
    eof_error,
    import_error,
    module_not_found_error,
    lookup_error,
    index_error,
    key_error,
    memory_error,
    name_error,
    unbound_local_error,
    os_error,
    timeout_error,
    runtime_error,
    not_implemented_error,
    recursion_error,
    syntax_error,
    indentation_error,
    tab_error,
    type_error,
    value_error,
    unicode_error,
    unicode_decode_error,
    unicode_encode_error,
    cancelled_error,
);

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

    fn new_class_raw(&mut self, name: &str, bases: &[ObjRef], layout: Layout, tag: u8) -> ObjRef {
        let n = self.intern(name);
        let module = self.intern("builtins");
        let cls = Class {
            name: n,
            module,
            bases: bases.to_vec(),
            mro: Vec::new(),
            dict: Dict::new(),
            layout,
            builtin: tag,
            native: true,
            version: 0,
            natives: [(0, 0); 2],
        };
        let r = match self.alloc(Obj::Class(alloc::boxed::Box::new(cls))) {
            Ok(Value::Obj(r)) => r,
            _ => ObjRef(0),
        };
        // Builtin hierarchies are single inheritance: the MRO is the chain.
        let mut mro = alloc::vec![r];
        let mut cur = bases.first().copied();
        while let Some(b) = cur {
            mro.push(b);
            cur = match self.heap.get(b) {
                Obj::Class(c) => c.bases.first().copied(),
                _ => None,
            };
        }
        if let Obj::Class(c) = self.heap.get_mut(r) {
            c.mro = mro;
        }
        r
    }

    /// A builtin class (not subclassable) with native methods, for objects
    /// that builtin modules create (`sys.stdout`, `sys.implementation`).
    /// Instances are `Obj::Instance`s of it.
    pub(crate) fn new_builtin_class(
        &mut self,
        name: &str,
        methods: &[Method],
    ) -> crate::vm::PyResult<ObjRef> {
        let obj = self.types.object;
        let r = self.new_class_raw(name, &[obj], Layout::Final, tag::OTHER);
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

    fn exc_class(&mut self, name: &'static str, base: ObjRef) -> ObjRef {
        let r = self.new_class_raw(name, &[base], Layout::Exception, tag::EXCEPTION);
        self.types.exceptions.push((name, r));
        r
    }
}

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
    vm.interned = match vm.alloc(Obj::Dict(Dict::new())) {
        Ok(Value::Obj(r)) => r,
        _ => ObjRef(0),
    };
    let obj = vm.new_class_raw("object", &[], Layout::Object, tag::OBJECT);
    vm.types.object = obj;
    let b =
        |vm: &mut Vm, name: &str, layout: Layout, t: u8| vm.new_class_raw(name, &[obj], layout, t);
    vm.types.type_ = b(vm, "type", Layout::Final, tag::TYPE);
    vm.types.int = b(vm, "int", Layout::Builtin, tag::INT);
    let int = vm.types.int;
    vm.types.bool_ = vm.new_class_raw("bool", &[int], Layout::Final, tag::BOOL);
    vm.types.float = b(vm, "float", Layout::Builtin, tag::FLOAT);
    vm.types.str_ = b(vm, "str", Layout::Builtin, tag::STR);
    vm.types.bytes = b(vm, "bytes", Layout::Builtin, tag::BYTES);
    vm.types.bytearray = b(vm, "bytearray", Layout::Builtin, tag::BYTEARRAY);
    vm.types.list = b(vm, "list", Layout::Builtin, tag::LIST);
    vm.types.tuple = b(vm, "tuple", Layout::Builtin, tag::TUPLE);
    vm.types.dict = b(vm, "dict", Layout::Builtin, tag::DICT);
    vm.types.set = b(vm, "set", Layout::Builtin, tag::SET);
    vm.types.frozenset = b(vm, "frozenset", Layout::Builtin, tag::FROZENSET);
    vm.types.range = b(vm, "range", Layout::Final, tag::OTHER);
    vm.types.slice = b(vm, "slice", Layout::Final, tag::OTHER);
    vm.types.none_type = b(vm, "NoneType", Layout::Final, tag::OTHER);
    vm.types.not_implemented_type = b(vm, "NotImplementedType", Layout::Final, tag::OTHER);
    vm.types.ellipsis_type = b(vm, "ellipsis", Layout::Final, tag::OTHER);
    vm.types.function = b(vm, "function", Layout::Final, tag::OTHER);
    vm.types.builtin_function = b(vm, "builtin_function_or_method", Layout::Final, tag::OTHER);
    vm.types.bound_method = b(vm, "method", Layout::Final, tag::OTHER);
    vm.types.module = b(vm, "module", Layout::Final, tag::OTHER);
    vm.types.generator = b(vm, "generator", Layout::Final, tag::OTHER);
    vm.types.coroutine = b(vm, "coroutine", Layout::Final, tag::OTHER);
    vm.types.property = b(vm, "property", Layout::Final, tag::OTHER);
    vm.types.classmethod = b(vm, "classmethod", Layout::Final, tag::OTHER);
    vm.types.staticmethod = b(vm, "staticmethod", Layout::Final, tag::OTHER);
    vm.types.super_ = b(vm, "super", Layout::Final, tag::OTHER);
    vm.types.cell = b(vm, "cell", Layout::Final, tag::OTHER);
    vm.types.iterator = b(vm, "iterator", Layout::Final, tag::OTHER);
    vm.types.memoryview = b(vm, "memoryview", Layout::Final, tag::OTHER);
    vm.types.code = b(vm, "code", Layout::Final, tag::OTHER);
    vm.types.dict_keys = b(vm, "dict_keys", Layout::Final, tag::OTHER);
    vm.types.dict_values = b(vm, "dict_values", Layout::Final, tag::OTHER);
    vm.types.dict_items = b(vm, "dict_items", Layout::Final, tag::OTHER);

    let be = vm.new_class_raw("BaseException", &[obj], Layout::Exception, tag::EXCEPTION);
    vm.types.exceptions.push(("BaseException", be));
    vm.types.base_exception = be;
    vm.types.system_exit = vm.exc_class("SystemExit", be);
    vm.types.keyboard_interrupt = vm.exc_class("KeyboardInterrupt", be);
    vm.types.generator_exit = vm.exc_class("GeneratorExit", be);
    let ex = vm.exc_class("Exception", be);
    vm.types.exception = ex;
    vm.types.stop_iteration = vm.exc_class("StopIteration", ex);
    vm.types.stop_async_iteration = vm.exc_class("StopAsyncIteration", ex);
    let ar = vm.exc_class("ArithmeticError", ex);
    vm.types.arithmetic_error = ar;
    vm.types.overflow_error = vm.exc_class("OverflowError", ar);
    vm.types.zero_division_error = vm.exc_class("ZeroDivisionError", ar);
    vm.types.assertion_error = vm.exc_class("AssertionError", ex);
    vm.types.attribute_error = vm.exc_class("AttributeError", ex);
    vm.types.eof_error = vm.exc_class("EOFError", ex);
    let ie = vm.exc_class("ImportError", ex);
    vm.types.import_error = ie;
    vm.types.module_not_found_error = vm.exc_class("ModuleNotFoundError", ie);
    let le = vm.exc_class("LookupError", ex);
    vm.types.lookup_error = le;
    vm.types.index_error = vm.exc_class("IndexError", le);
    vm.types.key_error = vm.exc_class("KeyError", le);
    vm.types.memory_error = vm.exc_class("MemoryError", ex);
    let ne = vm.exc_class("NameError", ex);
    vm.types.name_error = ne;
    vm.types.unbound_local_error = vm.exc_class("UnboundLocalError", ne);
    let oe = vm.exc_class("OSError", ex);
    vm.types.os_error = oe;
    vm.types.timeout_error = vm.exc_class("TimeoutError", oe);
    let re = vm.exc_class("RuntimeError", ex);
    vm.types.runtime_error = re;
    vm.types.not_implemented_error = vm.exc_class("NotImplementedError", re);
    vm.types.recursion_error = vm.exc_class("RecursionError", re);
    let se = vm.exc_class("SyntaxError", ex);
    vm.types.syntax_error = se;
    let ind = vm.exc_class("IndentationError", se);
    vm.types.indentation_error = ind;
    vm.types.tab_error = vm.exc_class("TabError", ind);
    vm.types.type_error = vm.exc_class("TypeError", ex);
    let ve = vm.exc_class("ValueError", ex);
    vm.types.value_error = ve;
    let ue = vm.exc_class("UnicodeError", ve);
    vm.types.unicode_error = ue;
    vm.types.unicode_decode_error = vm.exc_class("UnicodeDecodeError", ue);
    vm.types.unicode_encode_error = vm.exc_class("UnicodeEncodeError", ue);
    // CPython's `NameError.name`, `AttributeError.name` and `.obj` are None
    // unless the interpreter raised the error (interp/suggest.rs).
    for (cls, attr) in [
        (vm.types.name_error, "name"),
        (vm.types.attribute_error, "name"),
        (vm.types.attribute_error, "obj"),
    ] {
        let k = vm.intern(attr);
        let _ = vm.set_attr_direct(Value::Obj(cls), k, Value::None);
    }
    // asyncio.CancelledError derives from BaseException, as in CPython 3.8+.
    vm.types.cancelled_error = vm.exc_class("CancelledError", be);
    vm.exc_class("StopIterationError", ex);
    let _ = vm.types.exceptions.pop();

    // The preallocated MemoryError gets its class and (empty) args now
    // that they exist.
    let empty = vm.const_tuple(&[]).unwrap_or(Value::None);
    let me = vm.types.memory_error;
    if first.is_ok() {
        if let Obj::Exception(x) = vm.heap.get_mut(vm.memory_error_obj) {
            x.class = me;
            x.args = empty;
        }
    }

    crate::builtins::init(vm);
}
