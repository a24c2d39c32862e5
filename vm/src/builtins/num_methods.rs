//! (being written)

use crate::vm::Vm;

pub fn register(_vm: &mut Vm) {}
