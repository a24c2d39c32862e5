//! "Did you mean" in tracebacks of NameError and AttributeError, as CPython
//! 3.10+ prints them (`Python/suggestions.c`):
//!
//! ```text
//! NameError: name 'prnt' is not defined. Did you mean: 'print'?
//! AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?
//! ```
//!
//! Only the printed traceback changes; `str(e)` is the plain message. The
//! exceptions the VM raises carry what the search needs: `name` (and
//! `obj` for AttributeError) as attributes, as in CPython, and a NameError
//! the globals it looked in (`ExcObj::globals`). Candidates: for an
//! AttributeError the names `dir(obj)` lists; for a NameError the local
//! variable names of the innermost traceback entry's code, then the
//! globals, then the builtins, the first group with a close match winning.
//! A close match is a Levenshtein distance (case-only changes cost 1, other
//! edits 2) of at most a third of the characters involved; groups of 750
//! names or more are skipped (CPython's limits, so suggestions agree).
//!
//! Cost: ~1.5 KB of flash (feature `suggestions`, in `all`); the search runs
//! only when a traceback is printed.

use crate::at::At;
use crate::types::ty;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::objects::Obj;
use crate::value::Value;
use crate::vm::Vm;

const MAX_CANDIDATES: usize = 750;
const MAX_LEN: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance of `a` and `b` in bytes (as CPython measures UTF-8),
/// or `max + 1` once it is certain to exceed `max`.
fn distance<'a>(mut a: &'a [u8], mut b: &'a [u8], max: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        (a, b) = (a.tail(1), b.tail(1));
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        (a, b) = (&a[..a.len() - 1], &b[..b.len() - 1]);
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return max + 1;
    }
    if b.len() < a.len() {
        (a, b) = (b, a);
    }
    if (b.len() - a.len()) * MOVE_COST > max {
        return max + 1;
    }
    // One row of the matrix, updated in place: row[i] = cost(b[..j], a[..=i]).
    let mut row = [0usize; MAX_LEN];
    for (i, r) in row.iter_mut().take(a.len()).enumerate() {
        *r = (i + 1) * MOVE_COST;
    }
    let mut result = 0;
    for (j, &code) in b.iter().enumerate() {
        let mut diag = j * MOVE_COST;
        result = diag;
        let mut minimum = usize::MAX;
        for (i, &ca) in a.iter().enumerate() {
            let substitute = diag + substitution_cost(code, ca);
            diag = *row.at(i);
            result = (result.min(diag) + MOVE_COST).min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max {
            return max + 1;
        }
    }
    result
}

/// The closest candidate to `name`, if one is close enough. Ties go to the
/// first candidate (CPython's order), or with `by_name` to the smallest
/// name (CPython searches `dir()`'s sorted list).
fn closest<'a>(name: &str, cands: impl Iterator<Item = &'a str>, by_name: bool) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for c in cands {
        if c == name {
            continue;
        }
        let limit = (name.len() + c.len() + 3) * MOVE_COST / 6;
        let limit = match best {
            Some((d, b)) if by_name && c < b => limit.min(d),
            Some((d, _)) => limit.min(d.saturating_sub(1)),
            None => limit,
        };
        let d = distance(name.as_bytes(), c.as_bytes(), limit);
        if d <= limit && best.is_none_or(|(bd, b)| d < bd || (by_name && d == bd && c < b)) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

impl Vm {
    /// ". Did you mean: 'x'?" for a traceback of `exc`, if it has one.
    pub(crate) fn suggestion(&mut self, exc: Value) -> Option<String> {
        let Value::Obj(r) = exc else { return None };
        let is_name = self.isinstance_class(exc, ty::NAME_ERROR);
        if !is_name && !self.isinstance_class(exc, ty::ATTRIBUTE_ERROR) {
            return None;
        }
        // The instance's own attributes only: no user code runs here.
        let get = |vm: &mut Vm, k: &'static str| {
            let k = vm.intern_static(k);
            vm.own_attr(exc, k)
        };
        let name = get(self, "name")?;
        let name = String::from(self.str_of(name)?);
        let mut groups: Vec<Vec<String>> = Vec::new();
        if is_name {
            let (globals, code) = match self.heap.get(r) {
                Obj::Exception(x) => (x.globals, x.traceback.first().map(|t| t.code.clone())),
                _ => return None,
            };
            let Value::Obj(g) = globals else { return None };
            let code = code?;
            let strs = |vm: &Vm, vs: &mut dyn Iterator<Item = Value>| -> Vec<String> {
                vs.filter_map(|v| vm.str_of(v).map(String::from)).collect()
            };
            groups.push(strs(self, &mut code.varnames.iter().copied()));
            for d in [Value::Obj(g), Value::Obj(self.builtins)] {
                groups.push(strs(
                    self,
                    &mut self.dict_items(d).into_iter().map(|(k, _)| k),
                ));
            }
        } else {
            let obj = get(self, "obj")?;
            let mut names = Vec::new();
            crate::builtins::iterfuncs::dir_names(self, obj, &mut names);
            groups.push(names);
        }
        let hit = groups
            .iter()
            .filter(|g| g.len() < MAX_CANDIDATES)
            .find_map(|g| closest(&name, g.iter().map(String::as_str), !is_name))?;
        Some(format!(". Did you mean: '{}'?", hit))
    }
}

#[cfg(test)]
mod tests {
    use super::{closest, distance};

    #[test]
    fn distances_as_cpython() {
        // Values from CPython's _testinternalcapi._PyUnicode_... levenshtein
        // definition: case-only substitutions cost 1, other edits 2.
        assert_eq!(distance(b"prnt", b"print", 100), 2);
        assert_eq!(distance(b"apend", b"append", 100), 2);
        assert_eq!(distance(b"Print", b"print", 100), 1);
        assert_eq!(distance(b"abc", b"xyz", 100), 6);
        assert_eq!(distance(b"", b"abc", 100), 6);
        assert_eq!(distance(b"kitten", b"sitting", 100), 6);
        assert_eq!(distance(b"abc", b"xyz", 3), 4);
    }

    #[test]
    fn closest_respects_limits_and_ties() {
        let c = ["print", "pow", "repr"];
        assert_eq!(closest("prnt", c.iter().copied(), false), Some("print"));
        assert_eq!(closest("zzzz", c.iter().copied(), false), None);
        assert_eq!(closest("print", c.iter().copied(), false), None);
        // a tie: first wins, or the smallest name with `by_name`
        let t = ["bx", "ax"];
        assert_eq!(closest("cx", t.iter().copied(), false), Some("bx"));
        assert_eq!(closest("cx", t.iter().copied(), true), Some("ax"));
    }
}
