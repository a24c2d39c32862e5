//! Methods of generators and coroutines (`send`, `throw`, `close`,
//! `__next__`, `__await__`), and of `property` (`setter`, `getter`,
//! `deleter`).
//!
//! `send`/`throw`/`__next__` resume the generator stacklessly through
//! `Request::Resume`; `close` runs it to its next suspension synchronously,
//! since its outcome decides the result.

use super::arg;
use crate::interp::Cont;
use crate::objects::{GenState, Obj};
use crate::types::ty;
use crate::value::Value;
use crate::vm::{PyResult, Request, Vm};

type Kw<'a> = &'a [(Value, Value)];

fn gen_ref(vm: &mut Vm, v: Value) -> PyResult<crate::heap::ObjRef> {
    match v {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Generator(_)) => Ok(r),
        _ => Err(vm.type_err("descriptor requires a 'generator' object")),
    }
}

fn g_send(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    if a.len() != 2 {
        return Err(super::list_methods::arity_error(
            vm,
            "send",
            super::list_methods::Arity::One,
            1,
            a.len().saturating_sub(1),
        ));
    }
    let g = gen_ref(vm, arg(a, 0))?;
    vm.request = Some(Request::Resume {
        gen: g,
        value: arg(a, 1),
        throw: false,
        cont: Cont::GenNext,
    });
    Ok(Value::None)
}

fn g_next(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let g = gen_ref(vm, a.first().copied().unwrap_or(Value::None))?;
    vm.request = Some(Request::Resume {
        gen: g,
        value: Value::None,
        throw: false,
        cont: Cont::GenNext,
    });
    Ok(Value::None)
}

fn g_iter(_vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    Ok(a.first().copied().unwrap_or(Value::None))
}

/// `throw(exc)` or the legacy `throw(type, value)`.
fn g_throw(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    if a.len() < 2 {
        return Err(vm.type_err("throw expected at least 1 argument, got 0"));
    }
    let g = gen_ref(vm, arg(a, 0))?;
    let exc = if a.len() >= 3 && !arg(a, 2).is_none() {
        let e = vm.call_sync(arg(a, 1), &[arg(a, 2)])?;
        vm.make_raisable(e)?
    } else {
        vm.make_raisable(arg(a, 1))?
    };
    vm.request = Some(Request::Resume {
        gen: g,
        value: Value::Obj(exc),
        throw: true,
        cont: Cont::GenNext,
    });
    Ok(Value::None)
}

fn g_close(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let g = gen_ref(vm, a.first().copied().unwrap_or(Value::None))?;
    let state = match vm.heap.get(g) {
        Obj::Generator(x) => x.state,
        _ => GenState::Done,
    };
    if state != GenState::Suspended {
        if let Obj::Generator(x) = vm.heap.get_mut(g) {
            if x.state == GenState::Created {
                x.state = GenState::Done;
                x.stack = alloc::vec::Vec::new();
            }
        }
        return Ok(Value::None);
    }
    let ge = ty::GENERATOR_EXIT;
    let exc = Value::Obj(vm.new_exception_obj(ge, &[])?);
    let pos = vm.stack.len();
    let floor = vm.frames.len();
    let r = vm.sync_request_pub(
        Request::Resume {
            gen: g,
            value: exc,
            throw: true,
            cont: Cont::Sync,
        },
        pos,
        floor,
    );
    match r {
        Ok(_) => Err(vm.new_error(ty::RUNTIME_ERROR, "generator ignored GeneratorExit")),
        Err(e) => {
            let si = ty::STOP_ITERATION;
            if vm.exc_is(&e, ge) || vm.exc_is(&e, si) {
                Ok(Value::None)
            } else {
                Err(e)
            }
        }
    }
}

fn prop_with(vm: &mut Vm, a: &[Value], which: u8) -> PyResult<Value> {
    let (p, f) = (
        a.first().copied().unwrap_or(Value::None),
        a.get(1).copied().unwrap_or(Value::None),
    );
    let (mut get, mut set, mut del, doc) = match p {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Property(p) => (p.get, p.set, p.del, p.doc),
            _ => return Err(vm.type_err("descriptor requires a 'property' object")),
        },
        _ => return Err(vm.type_err("descriptor requires a 'property' object")),
    };
    match which {
        0 => get = f,
        1 => set = f,
        _ => del = f,
    }
    vm.alloc(Obj::Property(alloc::boxed::Box::new(
        crate::objects::Property { get, set, del, doc },
    )))
}

fn p_getter(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    prop_with(vm, a, 0)
}
fn p_setter(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    prop_with(vm, a, 1)
}
fn p_deleter(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    prop_with(vm, a, 2)
}

fn o_delattr(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    if a.len() != 2 {
        return Err(vm.type_err("expected 2 arguments"));
    }
    let name = vm.intern(&alloc::string::String::from(
        vm.str_of(arg(a, 1)).unwrap_or(""),
    ));
    let h = vm.str_hash(name);
    let removed = match arg(a, 0) {
        Value::Obj(r) => match vm.heap.get_mut(r) {
            Obj::Instance(i) => match crate::interp::attr::find_same(&i.dict, h, name) {
                Some(ix) => {
                    i.dict.remove_at(ix);
                    true
                }
                None => false,
            },
            _ => false,
        },
        _ => false,
    };
    if removed {
        Ok(Value::None)
    } else {
        Err(vm.attr_error(arg(a, 0), name))
    }
}

fn o_ne(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let (x, y) = (
        a.first().copied().unwrap_or(Value::None),
        a.get(1).copied().unwrap_or(Value::None),
    );
    let eqn = vm.intern("__eq__");
    if let Some(f) = vm.lookup_special(x, eqn) {
        let r = vm.call_sync(f, &[x, y])?;
        if matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
        return Ok(Value::from_bool(!vm.truthy(r)?));
    }
    Ok(Value::NotImplemented)
}

/// `it.__next__()` of a builtin iterator (list_iterator, zip, map, ...):
/// what `next(it)` does, StopIteration at the end.
fn it_next(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let it = a.first().copied().unwrap_or(Value::None);
    match vm.next_sync(it)? {
        Some(v) => Ok(v),
        None => Err(vm.new_exception(ty::STOP_ITERATION, &[])),
    }
}

pub fn register(vm: &mut Vm) {
    // Builtin iterators are their own iterators, as in CPython.
    let it = ty::ITERATOR;
    vm.add_methods(it, &[("__next__", it_next), ("__iter__", g_iter)]);
    let methods: &[crate::natives::Method] = &[
        ("send", g_send),
        ("throw", g_throw),
        ("close", g_close),
        ("__next__", g_next),
        ("__iter__", g_iter),
        ("__await__", g_iter),
    ];
    let (g, c) = (ty::GENERATOR, ty::COROUTINE);
    vm.add_methods(g, methods);
    vm.add_methods(c, methods);
    let p = ty::PROPERTY;
    vm.add_methods(
        p,
        &[
            ("getter", p_getter),
            ("setter", p_setter),
            ("deleter", p_deleter),
        ],
    );
    let o = ty::OBJECT;
    vm.add_methods(o, &[("__delattr__", o_delattr), ("__ne__", o_ne)]);
}
