//! Registration of the builtin types' methods: each type family has its own
//! file with a `register` function.

use crate::vm::Vm;

pub fn register(vm: &mut Vm) {
    super::gen_methods::register(vm);
    super::str_methods::register(vm);
    super::bytes_methods::register(vm);
    super::list_methods::register(vm);
    super::dict_methods::register(vm);
    super::set_methods::register(vm);
    super::num_methods::register(vm);
    super::iterfuncs::register(vm);
}
