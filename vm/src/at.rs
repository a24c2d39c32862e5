//! `At`: indexing for places where an index out of range can only be a VM
//! bug (a register number from the compiler, the frame stack, a length
//! checked a few lines up), never Python input.
//!
//! Why not `v[i]`: every `v[i]` that rustc cannot prove in range calls
//! `panic_bounds_check(i, len, &LOCATION)`, and each call site gets its own
//! `Location` (16 bytes of rodata, plus the file's path once) and three
//! argument loads. A release image had 429 such sites, ~11 KB of flash on
//! thumbv6m. `at`/`at_mut` test the bound inline and share one cold
//! `out_of_range()` with no arguments: a `cmp`, a branch and a `bl` per site.
//! The check is still there; only the panic message loses the location.
//!
//! Debug builds (the test suites) index with `[]` under `#[track_caller]`,
//! so a failure there still names the caller's file and line.
//!
//! Cost per call site on thumbv6m: ~6 bytes instead of ~30. Speed: the
//! same compare and branch as `[]`.

/// See the module comment. Implemented for slices (and so for `Vec`).
pub(crate) trait At<T> {
    fn at(&self, i: usize) -> &T;
    fn at_mut(&mut self, i: usize) -> &mut T;
    /// `&self[a..b]`.
    fn span(&self, a: usize, b: usize) -> &[T];
    /// `&mut self[a..b]`.
    fn span_mut(&mut self, a: usize, b: usize) -> &mut [T];
    /// `&self[a..]`.
    fn tail(&self, a: usize) -> &[T];
    /// `&mut self[a..]`.
    fn tail_mut(&mut self, a: usize) -> &mut [T];
    /// `self[a..a + src.len()].copy_from_slice(src)`.
    fn put(&mut self, a: usize, src: &[T])
    where
        T: Copy;
}

impl<T> At<T> for [T] {
    #[inline(always)]
    #[track_caller]
    fn at(&self, i: usize) -> &T {
        if cfg!(debug_assertions) {
            return &self[i];
        }
        match self.get(i) {
            Some(v) => v,
            None => out_of_range(),
        }
    }

    #[inline(always)]
    #[track_caller]
    fn at_mut(&mut self, i: usize) -> &mut T {
        if cfg!(debug_assertions) {
            return &mut self[i];
        }
        match self.get_mut(i) {
            Some(v) => v,
            None => out_of_range(),
        }
    }
    #[inline(always)]
    #[track_caller]
    fn span(&self, a: usize, b: usize) -> &[T] {
        if cfg!(debug_assertions) {
            return &self[a..b];
        }
        match self.get(a..b) {
            Some(v) => v,
            None => out_of_range(),
        }
    }

    #[inline(always)]
    #[track_caller]
    fn span_mut(&mut self, a: usize, b: usize) -> &mut [T] {
        if cfg!(debug_assertions) {
            return &mut self[a..b];
        }
        match self.get_mut(a..b) {
            Some(v) => v,
            None => out_of_range(),
        }
    }

    #[inline(always)]
    #[track_caller]
    fn tail(&self, a: usize) -> &[T] {
        if cfg!(debug_assertions) {
            return &self[a..];
        }
        match self.get(a..) {
            Some(v) => v,
            None => out_of_range(),
        }
    }

    #[inline(always)]
    #[track_caller]
    fn tail_mut(&mut self, a: usize) -> &mut [T] {
        if cfg!(debug_assertions) {
            return &mut self[a..];
        }
        match self.get_mut(a..) {
            Some(v) => v,
            None => out_of_range(),
        }
    }

    #[inline(always)]
    #[cfg_attr(debug_assertions, track_caller)]
    fn put(&mut self, a: usize, src: &[T])
    where
        T: Copy,
    {
        // The span has src's length, so copy_from_slice's own length check
        // (and its `Location`) folds away.
        self.span_mut(a, a + src.len()).copy_from_slice(src)
    }
}

/// `Vec::insert`/`remove`/`swap` whose index can only be wrong by a VM bug.
/// The std methods are `#[track_caller]`: each call site passes its own
/// `Location` to them. These wrappers are not (in release builds), so all
/// their callers share the one `Location` inside them.
pub(crate) trait VecAt<T> {
    fn insert_at(&mut self, i: usize, v: T);
    fn remove_at(&mut self, i: usize) -> T;
    fn swap_at(&mut self, i: usize, j: usize);
}

impl<T> VecAt<T> for alloc::vec::Vec<T> {
    #[inline(always)]
    #[cfg_attr(debug_assertions, track_caller)]
    fn insert_at(&mut self, i: usize, v: T) {
        self.insert(i, v)
    }

    #[inline(always)]
    #[cfg_attr(debug_assertions, track_caller)]
    fn remove_at(&mut self, i: usize) -> T {
        self.remove(i)
    }

    #[inline(always)]
    #[cfg_attr(debug_assertions, track_caller)]
    fn swap_at(&mut self, i: usize, j: usize) {
        self.swap(i, j)
    }
}

/// The one panic site of every `at`. A VM bug, not a Python error: there is
/// no exception to raise that would leave the VM's own state consistent.
#[cold]
#[inline(never)]
#[allow(clippy::panic)]
fn out_of_range() -> ! {
    panic!("ferrite: VM index out of range")
}

#[cfg(test)]
mod tests {
    use super::At;

    #[test]
    fn at_reads_and_writes_in_range() {
        let mut v = [1, 2, 3];
        assert_eq!(*v.at(2), 3);
        *v.at_mut(0) = 7;
        assert_eq!(v, [7, 2, 3]);
    }

    #[test]
    #[should_panic]
    fn at_panics_out_of_range() {
        let v = [1, 2, 3];
        let _ = v.at(3);
    }
}
