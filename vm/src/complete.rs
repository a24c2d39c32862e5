//! REPL tab completion, as MicroPython's `mp_repl_autocomplete`: the
//! dotted name at the end of a line (`pri`, `os.li`, `obj.attr.me`) is
//! completed from the REPL's globals, the builtins and the keywords, or
//! from the attributes of the object the dotted prefix names.
//!
//! Completion runs no Python code: it follows only module, class and
//! instance dictionaries (never `__getattr__`, properties or `__dir__`), so
//! pressing Tab can neither hang nor change the program. It allocates
//! nothing in the heap (the names are compared as Rust strings).

use alloc::string::String;
use alloc::vec::Vec;

use crate::heap::ObjRef;
use crate::objects::{Dict, Obj};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Completions for the end of `line`: the byte offset where the word
    /// being completed starts, and the sorted names that extend it. Names
    /// starting with `_` are offered only when the word does.
    pub fn complete(&self, line: &str) -> (usize, Vec<String>) {
        let start = line
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c == '.' || c == '_' || c.is_alphanumeric())
            .last()
            .map(|(i, _)| i)
            .unwrap_or(line.len());
        let expr = crate::substr::sub(line, start..);
        let (chain, prefix) = match expr.rfind('.') {
            Some(dot) => (
                Some(crate::substr::sub(expr, ..dot)),
                crate::substr::sub(expr, dot + 1..),
            ),
            None => (None, expr),
        };
        let word_start = line.len() - prefix.len();
        let mut names: Vec<String> = Vec::new();
        let mut add = |n: &str| {
            let hidden = n.starts_with('_') && !prefix.starts_with('_');
            if n.starts_with(prefix) && !hidden {
                // Kept sorted and unique as they come: no separate sort
                // (core's stable sort is 3 KB of wasm).
                if let Err(i) = names.binary_search_by(|m| m.as_str().cmp(n)) {
                    names.insert(i, String::from(n));
                }
            }
        };
        match chain {
            None => {
                for d in [self.main_globals, self.builtins] {
                    self.dict_names(d, &mut add);
                }
                for (k, _) in crate::compile::lexer::KWS {
                    add(k);
                }
            }
            Some(chain) => {
                let Some(v) = self.resolve_chain(chain) else {
                    return (word_start, Vec::new());
                };
                self.attr_names(v, &mut add);
            }
        }
        (word_start, names)
    }

    /// The value a dotted name refers to, found without running code.
    fn resolve_chain(&self, chain: &str) -> Option<Value> {
        let mut parts = chain.split('.');
        let first = parts.next()?;
        let mut v = self
            .dict_lookup_str(self.main_globals, first)
            .or_else(|| self.dict_lookup_str(self.builtins, first))?;
        for p in parts {
            v = self.static_attr(v, p)?;
        }
        Some(v)
    }

    /// `v.name` from dictionaries only: a module's, an instance's, then its
    /// class's MRO.
    fn static_attr(&self, v: Value, name: &str) -> Option<Value> {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Obj::Module { dict, .. } => return self.dict_lookup_str(*dict, name),
                Obj::Instance(i) => {
                    if let Some(x) = dict_find(self, &i.dict, name) {
                        return Some(x);
                    }
                }
                Obj::Class(c) => {
                    return c.mro.iter().find_map(|&k| self.class_dict_find(k, name));
                }
                _ => {}
            }
        }
        let cls = self.class_of(v);
        let Obj::Class(c) = self.heap.get(cls) else {
            return None;
        };
        c.mro.iter().find_map(|&k| self.class_dict_find(k, name))
    }

    fn attr_names(&self, v: Value, add: &mut dyn FnMut(&str)) {
        let mut classes: Vec<ObjRef> = Vec::new();
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Obj::Module { dict, .. } => return self.dict_names(*dict, add),
                Obj::Instance(i) => dict_keys(self, &i.dict, add),
                Obj::Exception(e) => dict_keys(self, &e.dict, add),
                Obj::Class(c) => classes.extend(c.mro.iter().copied()),
                _ => {}
            }
        }
        if classes.is_empty() {
            if let Obj::Class(c) = self.heap.get(self.class_of(v)) {
                classes.extend(c.mro.iter().copied());
            }
        }
        for k in classes {
            if let Obj::Class(c) = self.heap.get(k) {
                dict_keys(self, &c.dict, add);
            }
            for (n, _) in self.class_natives(k) {
                add(n);
            }
        }
    }

    fn dict_names(&self, d: ObjRef, add: &mut dyn FnMut(&str)) {
        if let Obj::Dict(d) = self.heap.get(d) {
            dict_keys(self, d, add);
        }
    }

    fn dict_lookup_str(&self, d: ObjRef, name: &str) -> Option<Value> {
        match self.heap.get(d) {
            Obj::Dict(d) => dict_find(self, d, name),
            _ => None,
        }
    }

    fn class_dict_find(&self, k: ObjRef, name: &str) -> Option<Value> {
        match self.heap.get(k) {
            Obj::Class(c) => dict_find(self, &c.dict, name).or_else(|| self.class_native(k, name)),
            _ => None,
        }
    }
}

fn dict_keys(vm: &Vm, d: &Dict, add: &mut dyn FnMut(&str)) {
    for e in d.iter() {
        if let Some(s) = vm.str_of(e.key) {
            add(s);
        }
    }
}

fn dict_find(vm: &Vm, d: &Dict, name: &str) -> Option<Value> {
    d.iter()
        .find(|e| vm.str_of(e.key) == Some(name))
        .map(|e| e.value)
}

#[cfg(test)]
mod tests {
    use crate::vm::{Config, Status, Vm};

    fn vm_after(src: &str) -> Vm {
        let mut vm = Vm::new(
            Config::default(),
            alloc::boxed::Box::new(crate::hal::NullBoard),
        );
        vm.load(src, "<test>").unwrap();
        assert_eq!(vm.run(1_000_000), Status::Done);
        vm
    }

    #[test]
    fn completes_globals_builtins_keywords_and_attributes() {
        let vm = vm_after(
            "import math\nsum = 0\nclass Point:\n  def __init__(s): s.xval = 1\n  def norm(s): pass\np = Point()\n",
        );
        let (at, names) = vm.complete("x = pri");
        assert_eq!(
            (at, names),
            (4, alloc::vec![alloc::string::String::from("print")])
        );
        assert_eq!(vm.complete("wh").1, ["while"]);
        assert_eq!(vm.complete("Poi").1, ["Point"]);
        assert_eq!(vm.complete("math.sq").1, ["sqrt"]);
        assert_eq!(vm.complete("p.").1, ["norm", "xval"]);
        assert_eq!(vm.complete("p.x").0, 2);
        assert!(vm.complete("p.__").1.contains(&"__init__".into()));
        // Only names are followed, never expressions.
        assert!(vm.complete("'a'.up").1.is_empty());
        assert!(vm.complete("nosuch.a").1.is_empty());
        assert!(vm.complete("[1].app").1.is_empty());
        let (_, strs) = vm.complete("str.sp");
        assert_eq!(strs, ["split", "splitlines"]);
        // A global shadowing a builtin is offered once; all come sorted.
        let (_, s) = vm.complete("s");
        let mut want = s.clone();
        want.sort();
        want.dedup();
        assert_eq!(s, want);
        assert_eq!(s.iter().filter(|n| *n == "sum").count(), 1);
        assert!(s.len() > 5, "{:?}", s);
    }
}
