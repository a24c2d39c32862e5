//! Methods of the builtin types (the essential subset; the rest is tracked
//! on the issue).

use alloc::string::String;
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

fn str_join(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let sep = String::from(vm.str_of(a[0]).unwrap_or(""));
    let items = vm.collect_iterable(a.get(1).copied().unwrap_or(Value::None))?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match vm.str_of(*it) {
            Some(s) => out.push_str(s),
            None => {
                let t = vm.type_name(*it);
                return Err(vm.type_error(alloc::format!(
                    "sequence item {}: expected str instance, {} found",
                    i,
                    t
                )));
            }
        }
    }
    vm.new_str(out)
}

fn str_split(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let s = String::from(vm.str_of(a[0]).unwrap_or(""));
    let parts: Vec<String> = match a.get(1).and_then(|v| vm.str_of(*v)) {
        Some(sep) if !sep.is_empty() => s.split(sep).map(String::from).collect(),
        Some(_) => return Err(vm.value_error("empty separator".into())),
        None => s.split_whitespace().map(String::from).collect(),
    };
    let mut vals = Vec::new();
    for p in parts {
        let v = vm.new_str(p)?;
        vm.temp_roots.push(v);
        vals.push(v);
    }
    let n = vals.len();
    let l = vm.new_list(vals);
    let k = vm.temp_roots.len();
    vm.temp_roots.truncate(k - n);
    l
}

fn str_format(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let f = vm.prelude_fn("_str_format")?;
    let args = vm.new_tuple(a[1..].to_vec())?;
    vm.temp_roots.push(args);
    let d = vm.new_dict();
    vm.temp_roots.pop();
    let d = d?;
    for &(k, v) in kw {
        vm.dict_set(d, k, v)?;
    }
    vm.call_sync(f, &[a[0], args, d])
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
    let t = vm.types.str_;
    vm.add_methods(
        t,
        &[
            ("join", str_join),
            ("split", str_split),
            ("format", str_format),
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
