//! Methods of the builtin types (the essential subset; the rest is tracked
//! on the issue).

use alloc::string::String;
use alloc::vec::Vec;

use crate::value::Value;
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

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

pub fn register(vm: &mut Vm) {
    let t = vm.types.str_;
    vm.add_methods(
        t,
        &[
            ("join", str_join),
            ("split", str_split),
            ("format", str_format),
        ],
    );
    crate::builtins::list_methods::register(vm);
    crate::builtins::dict_methods::register(vm);
    crate::builtins::set_methods::register(vm);
    crate::builtins::num_methods::register(vm);
    crate::builtins::iterfuncs::register(vm);
}
