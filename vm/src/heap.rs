//! The garbage-collected heap: a slot table of objects with a hard byte limit.
//!
//! ```text
//!  slots:  [ Obj | Obj | Free(next) | Obj | ... ]     ObjRef(i) = index i
//!  marks:  [  1  |  0  |     0      |  1  | ... ]     one byte per slot
//!  epochs: [  7  |  9  |     -      |  9  | ... ]     epoch of allocation
//! ```
//!
//! * Every Python object lives in one slot; `ObjRef` is its index, never a
//!   pointer, so the heap has no `unsafe` and a stale handle can at worst
//!   read the wrong object (debug and stress builds poison freed slots and
//!   assert on access instead).
//! * **The limit.** `used` counts the bytes of every live object: its slot
//!   plus the payload it owns (string bytes, list and dict storage, bigint
//!   limbs), estimated from capacities at allocation and growth and recounted
//!   exactly by each collection. An allocation that would pass `limit` first
//!   collects, then fails with `MemoryError`. Payload buffers come from the
//!   global allocator, always through `try_reserve`, so on a board (where the
//!   global allocator is the static arena) fragmentation also ends in
//!   `MemoryError` rather than an abort.
//! * **Mark-sweep, precise.** Roots are given by the VM (value stack, frames,
//!   modules, interned names, temporaries). Marking uses an explicit stack.
//! * **Safe points.** Native code may hold new objects in Rust locals
//!   between two allocations. A collection that starts inside an allocation
//!   (the heap is full) therefore also keeps every object allocated in the
//!   current *epoch*; the interpreter starts a new epoch at its safe points
//!   (calls, returns, backward jumps), where every live value is in VM state.
//!   Objects detached from the graph during one instruction and held only in
//!   Rust locals are the remaining hazard: natives allocate before they
//!   detach, and the `stress-gc` build (collect at every allocation, poison
//!   what is freed) checks it across the whole conformance suite.

use crate::at::At;
use alloc::vec::Vec;

use crate::objects::Obj;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjRef(pub u32);

/// Bytes charged for a slot itself (the `Obj` enum plus mark and epoch).
pub const SLOT_BYTES: usize = core::mem::size_of::<Obj>() + 5;

/// `repr(C)`: `slots` first, at a short offset from `Vm` (see `Vm`'s layout).
#[repr(C)]
pub struct Heap {
    slots: Vec<Obj>,
    marks: Vec<u8>,
    epochs: Vec<u32>,
    free_head: u32,
    pub(crate) used: usize,
    pub(crate) limit: usize,
    /// Collect at the next safe point once `used` passes this.
    pub(crate) threshold: usize,
    pub(crate) epoch: u32,
    pub(crate) enabled: bool,
    /// `gc.threshold(n)`: collect once `n` bytes were allocated since the
    /// last collection, instead of the doubling heuristic.
    pub(crate) user_threshold: Option<usize>,
    pub(crate) collections: u32,
    live_slots: usize,
}

const NO_FREE: u32 = u32::MAX;
/// The first automatic collection happens after this many bytes (or at a
/// quarter of the limit, if smaller); later ones when the heap has doubled.
const MIN_THRESHOLD: usize = 256 * 1024;

impl Heap {
    pub fn new(limit: usize) -> Heap {
        Heap {
            slots: Vec::new(),
            marks: Vec::new(),
            epochs: Vec::new(),
            free_head: NO_FREE,
            used: 0,
            limit,
            threshold: core::cmp::min(MIN_THRESHOLD, limit / 4),
            epoch: 1,
            enabled: true,
            user_threshold: None,
            collections: 0,
            live_slots: 0,
        }
    }

    #[inline]
    pub fn fits(&self, bytes: usize) -> bool {
        self.used.saturating_add(bytes) <= self.limit
    }

    #[inline]
    pub fn wants_collect(&self) -> bool {
        self.enabled && self.used > self.threshold
    }

    /// Make sure the next `insert` has a slot: a free one, or room in the
    /// table (growing it). False if the table cannot grow; on a board
    /// (arena allocator) that can happen below the limit, and a collection
    /// may free a slot instead (see `Vm::alloc`).
    pub fn reserve_slot(&mut self) -> bool {
        let len = self.slots.len();
        if self.free_head != NO_FREE
            || (len < self.slots.capacity()
                && len < self.marks.capacity()
                && len < self.epochs.capacity())
        {
            return true;
        }
        if len >= (NO_FREE - 1) as usize {
            return false;
        }
        // Double, but never past the number of slots the limit can charge
        // for (each live object costs at least SLOT_BYTES): on a board the
        // table is the largest block in RAM, and capacity beyond that could
        // never be used.
        let most = self.limit / SLOT_BYTES + 1;
        let extra = match most.checked_sub(len) {
            Some(room) if room > 0 => core::cmp::max(64, len).min(room),
            _ => 64,
        };
        self.slots.try_reserve_exact(extra).is_ok()
            && self.marks.try_reserve_exact(extra).is_ok()
            && self.epochs.try_reserve_exact(extra).is_ok()
    }

    /// Store `obj` (of `bytes` total size) in a slot. The caller has
    /// checked the limit; this only fails if the slot table itself cannot grow.
    pub fn insert(&mut self, obj: Obj, bytes: usize) -> Option<ObjRef> {
        if !self.reserve_slot() {
            return None;
        }
        self.used += bytes;
        self.live_slots += 1;
        if self.free_head != NO_FREE {
            let i = self.free_head;
            let idx = i as usize;
            self.free_head = match *self.slots.at(idx) {
                Obj::Free(next) => next,
                _ => NO_FREE,
            };
            *self.slots.at_mut(idx) = obj;
            *self.epochs.at_mut(idx) = self.epoch;
            return Some(ObjRef(i));
        }
        let i = self.slots.len() as u32;
        self.slots.push(obj);
        self.marks.push(0);
        self.epochs.push(self.epoch);
        Some(ObjRef(i))
    }

    #[inline]
    pub fn get(&self, r: ObjRef) -> &Obj {
        let o = self.slots.at(r.0 as usize);
        debug_assert!(!matches!(o, Obj::Free(_)), "use of freed object {:?}", r);
        o
    }

    #[inline]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Obj {
        let o = self.slots.at_mut(r.0 as usize);
        debug_assert!(!matches!(o, Obj::Free(_)), "use of freed object {:?}", r);
        o
    }

    /// Account for `bytes` of payload growth of an existing object.
    #[inline]
    pub fn grew(&mut self, bytes: usize) {
        self.used += bytes;
    }

    pub fn slot_count(&self) -> usize {
        self.live_slots
    }

    /// Mark everything reachable from `roots`, then free the rest. When
    /// `keep_epoch` is set, objects allocated in the current epoch are
    /// roots too (a collection from inside an allocation).
    pub fn collect(&mut self, roots: &[ObjRef], keep_epoch: bool) {
        let n = self.slots.len();
        for m in self.marks.iter_mut() {
            *m = 0;
        }
        let mut stack: Vec<ObjRef> = Vec::new();
        let _ = stack.try_reserve(roots.len() + 256);
        for &r in roots {
            self.push_mark(r, &mut stack);
        }
        if keep_epoch {
            for i in 0..n {
                if self.epochs.get(i) == Some(&self.epoch) {
                    self.push_mark(ObjRef(i as u32), &mut stack);
                }
            }
        }
        // Children are gathered into a scratch vector because `trace`
        // borrows the slot while marking needs the table; one vector for
        // the whole mark (a fresh one per object was a malloc per object).
        let mut kids: Vec<ObjRef> = Vec::new();
        while let Some(r) = stack.pop() {
            kids.clear();
            if let Some(o) = self.slots.get(r.0 as usize) {
                o.trace(&mut kids);
            }
            for &k in &kids {
                self.push_mark(k, &mut stack);
            }
        }
        let mut used = 0usize;
        let mut live = 0usize;
        for (i, (slot, &mark)) in self.slots.iter_mut().zip(&self.marks).enumerate().rev() {
            if matches!(slot, Obj::Free(_)) {
                continue;
            }
            if mark == 0 {
                *slot = Obj::Free(self.free_head);
                self.free_head = i as u32;
            } else {
                live += 1;
                used += SLOT_BYTES + slot.payload_bytes();
            }
        }
        self.used = used;
        self.live_slots = live;
        self.collections = self.collections.wrapping_add(1);
        self.threshold = self.next_threshold();
    }

    /// Where the next automatic collection triggers, given `used`.
    pub(crate) fn next_threshold(&self) -> usize {
        if let Some(t) = self.user_threshold {
            return self.used.saturating_add(t);
        }
        let next = core::cmp::max(
            MIN_THRESHOLD.min(self.limit / 4),
            self.used.saturating_mul(2),
        );
        // Near the limit this lands on the limit itself: collections then
        // happen only when an allocation does not fit, not at every safe point.
        core::cmp::min(next, self.limit)
    }

    #[inline]
    fn push_mark(&mut self, r: ObjRef, stack: &mut Vec<ObjRef>) {
        let i = r.0 as usize;
        if let (Some(m), Some(o)) = (self.marks.get_mut(i), self.slots.get(i)) {
            if *m == 0 && !matches!(o, Obj::Free(_)) {
                *m = 1;
                stack.push(r);
            }
        }
    }

    /// Protect an existing object like a new one until the next safe
    /// point (for values handed to native code detached from the graph,
    /// such as the items `collect_iterable` gathered from a generator).
    #[inline]
    pub fn refresh(&mut self, r: ObjRef) {
        if let Some(e) = self.epochs.get_mut(r.0 as usize) {
            *e = self.epoch;
        }
    }

    /// Start a new epoch: objects allocated before now are no longer
    /// protected from a collection that starts inside an allocation.
    #[inline]
    pub fn safe_point(&mut self) {
        self.epoch = self.epoch.wrapping_add(1);
    }
}
