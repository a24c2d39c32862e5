//! Inline caches for attribute loads, stores and method loads.
//!
//! Each code object has one [`AttrIc`] per entry of its `names` table
//! (`Code::attr_ics`, 32 bytes each), shared by the `LoadAttr`,
//! `StoreAttr` and `LoadMethod` instructions naming it. An entry records
//! the class it was filled for and the VM's class epoch at that time; the
//! epoch moves on any class-dict change, class creation or collection, so
//! an entry whose epoch matches describes classes that have not changed
//! since (and objects that have not been freed: the cached method value is
//! not traced, and a collection always invalidates it).
//!
//! * `slot`: where the name sat in the instance dict. A hit checks that the
//!   entry there still holds that very key (dicts have unique keys, deleted
//!   entries have an Undef key), so instance-dict changes need no epoch.
//!   Filled only when the class has no property and no Python
//!   `__setattr__` for the name, so the same entry is valid for loads
//!   (instance dict wins) and stores (plain dict store).
//! * `method`: the plain function a method load found on the class; a hit
//!   on an instance still checks that its dict does not shadow the name.
//! * `LoadGlobal` uses `slot` alone, as the index of the name in the
//!   globals dict: a hit checks the key there and reads the value live, so
//!   it needs no validity tracking at all. Names found in builtins are not
//!   cached (proving that globals still lack them would need a lookup).

use crate::bytecode::{AttrIc, Code};
use crate::heap::ObjRef;
use crate::objects::Obj;
use crate::value::Value;
use crate::vm::Vm;

#[inline(always)]
fn same_obj(a: Value, b: Value) -> bool {
    matches!((a, b), (Value::Obj(x), Value::Obj(y)) if x == y)
}

impl Vm {
    /// `obj.name` from the cache, or None.
    #[inline(always)]
    pub(crate) fn ic_load_attr(&self, code: &Code, i: u32, obj: Value) -> Option<Value> {
        let Value::Obj(r) = obj else { return None };
        let Obj::Instance(inst) = self.heap.get(r) else {
            return None;
        };
        let ic = code.attr_ics.get(i as usize)?.get();
        if ic.class != inst.class.0 || ic.epoch != self.class_epoch {
            return None;
        }
        let e = inst.dict.entries.get(ic.slot as usize)?;
        if same_obj(e.key, *code.names.get(i as usize)?) {
            Some(e.value)
        } else {
            None
        }
    }

    /// `obj.name = v` through the cache; false if it missed (nothing done).
    #[inline(always)]
    pub(crate) fn ic_store_attr(&mut self, code: &Code, i: u32, obj: Value, v: Value) -> bool {
        let Value::Obj(r) = obj else { return false };
        let Some(ic) = code.attr_ics.get(i as usize) else {
            return false;
        };
        let ic = ic.get();
        let Some(&name) = code.names.get(i as usize) else {
            return false;
        };
        let epoch = self.class_epoch;
        let Obj::Instance(inst) = self.heap.get_mut(r) else {
            return false;
        };
        if ic.class != inst.class.0 || ic.epoch != epoch {
            return false;
        }
        match inst.dict.entries.get_mut(ic.slot as usize) {
            Some(e) if same_obj(e.key, name) => {
                e.value = v;
                true
            }
            _ => false,
        }
    }

    /// After a load or store of `obj.name` took the general path: cache
    /// where the name sits in the instance dict, if the class lets plain
    /// dict accesses stand for the attribute.
    pub(crate) fn ic_fill_attr(&mut self, code: &Code, i: u32, obj: Value) {
        let Value::Obj(r) = obj else { return };
        let cls = match self.heap.get(r) {
            Obj::Instance(inst) => inst.class,
            _ => return,
        };
        let (Some(cell), Some(&name)) = (code.attr_ics.get(i as usize), code.names.get(i as usize))
        else {
            return;
        };
        if !self.plain_attr_class(cls, name) {
            return;
        }
        let h = self.str_hash(name);
        let Obj::Instance(inst) = self.heap.get(r) else {
            return;
        };
        if let Some(slot) = super::attr::find_same(&inst.dict, h, name) {
            cell.set(AttrIc {
                class: cls.0,
                epoch: self.class_epoch,
                slot: slot as u32,
                method: Value::Undef,
            });
        }
    }

    /// No property and no Python `__setattr__` for `name` on `cls`.
    fn plain_attr_class(&mut self, cls: ObjRef, name: Value) -> bool {
        if let Some(Value::Obj(pr)) = self.class_lookup(cls, name) {
            if matches!(self.heap.get(pr), Obj::Property(_)) {
                return false;
            }
        }
        let sa = self.intern_static("__setattr__");
        matches!(self.class_lookup(cls, sa), Some(Value::Native(_)) | None)
    }

    /// `obj.name(...)` from the cache: the function to call with `obj` as
    /// self, or None.
    #[inline(always)]
    pub(crate) fn ic_load_method(&self, code: &Code, i: u32, obj: Value) -> Option<Value> {
        let ic = code.attr_ics.get(i as usize)?.get();
        if ic.epoch != self.class_epoch || ic.method.is_undef() {
            return None;
        }
        let cls = match obj {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Instance(inst) => {
                    if inst.class.0 != ic.class {
                        return None;
                    }
                    if !inst.dict.is_empty() {
                        let name = *code.names.get(i as usize)?;
                        let h = self.str_hash(name);
                        if self.find_name(&inst.dict, h, name).is_some() {
                            return None;
                        }
                    }
                    return Some(ic.method);
                }
                // Objects with their own attribute dicts, or whose
                // attributes are not looked up on their class.
                Obj::Module { .. }
                | Obj::Class(_)
                | Obj::Super { .. }
                | Obj::Exception(_)
                | Obj::Func(_) => return None,
                _ => self.class_of(obj),
            },
            _ => self.class_of(obj),
        };
        if cls.0 == ic.class {
            Some(ic.method)
        } else {
            None
        }
    }

    /// After `load_method` resolved `obj.name` to the class function `f`
    /// (called with `obj` as self).
    pub(crate) fn ic_fill_method(&self, code: &Code, i: u32, obj: Value, f: Value) {
        if let Value::Obj(r) = obj {
            if matches!(
                self.heap.get(r),
                Obj::Module { .. }
                    | Obj::Class(_)
                    | Obj::Super { .. }
                    | Obj::Exception(_)
                    | Obj::Func(_)
            ) {
                return;
            }
        }
        if let Some(cell) = code.attr_ics.get(i as usize) {
            cell.set(AttrIc {
                class: self.class_of(obj).0,
                epoch: self.class_epoch,
                slot: u32::MAX,
                method: f,
            });
        }
    }

    /// A global from the cache, or None.
    #[inline(always)]
    pub(crate) fn ic_load_global(&self, code: &Code, i: u32, g: ObjRef) -> Option<Value> {
        let ic = code.attr_ics.get(i as usize)?.get();
        let Obj::Dict(d) = self.heap.get(g) else {
            return None;
        };
        let e = d.entries.get(ic.slot as usize)?;
        if same_obj(e.key, *code.names.get(i as usize)?) {
            Some(e.value)
        } else {
            None
        }
    }

    /// After a global load took the general path: remember where the name
    /// sits in the globals dict (if it is there).
    pub(crate) fn ic_fill_global(&self, code: &Code, i: u32, g: ObjRef) {
        let (Some(cell), Some(&name)) = (code.attr_ics.get(i as usize), code.names.get(i as usize))
        else {
            return;
        };
        let Obj::Dict(d) = self.heap.get(g) else {
            return;
        };
        let h = self.str_hash(name);
        if let Some(slot) = super::attr::find_same(d, h, name) {
            cell.set(AttrIc {
                slot: slot as u32,
                ..AttrIc::EMPTY
            });
        }
    }
}
