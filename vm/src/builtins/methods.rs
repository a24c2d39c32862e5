//! Methods of the builtin types (the essential subset; the rest is tracked
//! on the issue).

use alloc::vec::Vec;

use crate::objects::Obj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

fn list_append(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    if a.len() != 2 {
        return Err(vm.type_error(alloc::format!(
            "list.append() takes exactly one argument ({} given)",
            a.len().saturating_sub(1)
        )));
    }
    vm.list_append(a[0], a[1])?;
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let Value::Obj(r) = a[0] else {
        return Ok(Value::None);
    };
    let r = vm.dict_table_ref(r);
    let idx = if a.len() > 1 {
        Some(vm.index_value(a[1])?)
    } else {
        None
    };
    let res = match vm.heap.get_mut(r) {
        Obj::List(l) => {
            if l.is_empty() {
                Err("pop from empty list")
            } else {
                let n = l.len() as i64;
                let i = idx.unwrap_or(n - 1);
                let i = if i < 0 { i + n } else { i };
                if i < 0 || i >= n {
                    Err("pop index out of range")
                } else {
                    Ok(l.remove(i as usize))
                }
            }
        }
        _ => Ok(Value::None),
    };
    res.map_err(|m| vm.new_error(vm.types.index_error, m))
}

fn list_extend(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    vm.list_extend(a[0], a.get(1).copied().unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn dict_get(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    Ok(vm
        .dict_get(a[0], a.get(1).copied().unwrap_or(Value::None))?
        .unwrap_or(a.get(2).copied().unwrap_or(Value::None)))
}

fn dict_view(vm: &mut Vm, d: Value, part: crate::objects::iter::DictPart) -> PyResult<Value> {
    let items = vm.dict_items(d);
    let mut out = Vec::new();
    for (k, v) in items {
        out.push(match part {
            crate::objects::iter::DictPart::Keys => k,
            crate::objects::iter::DictPart::Values => v,
            crate::objects::iter::DictPart::Items => {
                let t = vm.new_pair(k, v)?;
                vm.temp_roots.push(t);
                t
            }
        });
    }
    let n = if part == crate::objects::iter::DictPart::Items {
        out.len()
    } else {
        0
    };
    let l = vm.new_list(out);
    let k = vm.temp_roots.len();
    vm.temp_roots.truncate(k - n);
    l
}

fn dict_keys(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    dict_view(vm, a[0], crate::objects::iter::DictPart::Keys)
}
fn dict_values(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    dict_view(vm, a[0], crate::objects::iter::DictPart::Values)
}
fn dict_items(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    dict_view(vm, a[0], crate::objects::iter::DictPart::Items)
}

pub fn register(vm: &mut Vm) {
    let t = vm.types.list;
    vm.add_methods(
        t,
        &[
            ("append", list_append),
            ("pop", list_pop),
            ("extend", list_extend),
        ],
    );
    let t = vm.types.dict;
    vm.add_methods(
        t,
        &[
            ("get", dict_get),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
        ],
    ); // Each file registers its own; later registrations replace these.
    super::gen_methods::register(vm);
    super::str_methods::register(vm);
    super::bytes_methods::register(vm);
    super::list_methods::register(vm);
    super::dict_methods::register(vm);
    super::set_methods::register(vm);
    super::num_methods::register(vm);
    super::iterfuncs::register(vm);
}
