//! The global allocator of the test firmwares: embedded-alloc's linked-list
//! first-fit heap over a static arena, wrapped to record peak use and
//! failed requests.
//!
//! The VM's object slots and payload buffers (string bytes, list and dict
//! storage, code objects, the compiler's trees) all come from here, so the
//! arena is sized to hold `Config::heap_size` plus what the VM keeps outside
//! its accounting (see `firmware/README.md`). The VM grows its containers
//! with `try_reserve`, so a failed request there becomes a Python
//! `MemoryError`; a failed infallible request (`Vec::push`) ends in the
//! panic handler, which prints the size recorded here.

use core::alloc::{GlobalAlloc, Layout};
use core::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use embedded_alloc::LlffHeap;

pub struct Arena {
    heap: LlffHeap,
    size: AtomicUsize,
    peak: AtomicUsize,
    failures: AtomicUsize,
    last_failed: AtomicUsize,
}

impl Arena {
    pub const fn new() -> Arena {
        Arena {
            heap: LlffHeap::empty(),
            size: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
            failures: AtomicUsize::new(0),
            last_failed: AtomicUsize::new(0),
        }
    }

    /// Hand the arena its memory. Call once, before the first allocation.
    ///
    /// # Safety
    /// `start..start + size` must be memory that nothing else uses.
    pub unsafe fn init(&self, start: usize, size: usize) {
        self.size.store(size, Relaxed);
        unsafe { self.heap.init(start, size) }
    }

    pub fn size(&self) -> usize {
        self.size.load(Relaxed)
    }

    /// Bytes in use now (including the allocator's rounding).
    pub fn used(&self) -> usize {
        self.heap.used()
    }

    /// Highest `used()` since the last `reset_peak`.
    pub fn peak(&self) -> usize {
        self.peak.load(Relaxed)
    }

    pub fn reset_peak(&self) {
        self.peak.store(self.heap.used(), Relaxed);
    }

    /// Requests the arena could not satisfy since the last reset, and the
    /// size of the last one.
    pub fn failures(&self) -> (usize, usize) {
        (self.failures.load(Relaxed), self.last_failed.load(Relaxed))
    }

    pub fn reset_failures(&self) {
        self.failures.store(0, Relaxed);
        self.last_failed.store(0, Relaxed);
    }
}

impl Default for Arena {
    fn default() -> Arena {
        Arena::new()
    }
}

// The firmwares are single-threaded and never allocate from interrupts, so
// plain load/store pairs are enough for the counters (thumbv6m has no
// atomic read-modify-write).
unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { self.heap.alloc(layout) };
        if p.is_null() {
            self.failures
                .store(self.failures.load(Relaxed) + 1, Relaxed);
            self.last_failed.store(layout.size(), Relaxed);
        } else {
            let used = self.heap.used();
            if used > self.peak.load(Relaxed) {
                self.peak.store(used, Relaxed);
            }
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { self.heap.dealloc(ptr, layout) }
    }
}
