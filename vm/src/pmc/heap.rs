//! The heap every PMC lives in, and its tracing collector.

use super::{PmcData, PmcRef};
use std::num::NonZeroU32;

/// Where every PMC lives, and the tracing collector that frees the unreachable ones.
///
/// ## Why collection happens only between slices
/// The host calls [`crate::interp::Vm::collect`] between `run` slices, when every live handle
/// is in a task's registers, a task's call scratch, or the VM's tables; no op is half-done
/// with a handle in a Rust local. So the collector needs no stack maps and no pinning.
pub struct Heap {
    /// Slot `i` holds the PMC whose handle is `i + 1`; `None` is a free slot.
    objs: Vec<Option<PmcData>>,
    /// Free slots, reused before the heap grows.
    free: Vec<u32>,
    /// Allocations since the last collection.
    since_gc: usize,
    /// Bytes of data (IO buffers) handed to PMCs since the last collection: a program that
    /// reads megabytes per request must not wait for 65,536 allocations to get them back.
    bytes_since_gc: usize,
    /// Collect once `since_gc` passes this; it follows the live size (twice it, at least
    /// [`MIN_GC_THRESHOLD`]), so the cost of collecting stays proportional to allocation.
    threshold: usize,
    /// Objects alive after the last collection.
    live_after_gc: usize,
    /// Collections run.
    pub gc_runs: u64,
    /// The most slots ever in use at once.
    pub peak: usize,
    /// Open `sweepoff`s and `collectoff`s: no collection runs while any is open.
    blocked: u32,
    /// A collection was asked for (`sweep 1`, `collect`): the next safe point runs it.
    forced: bool,
    /// PMCs that asked to be collected as soon as they are unreachable (`needs_destroy`);
    /// `sweep 0` collects only while there are some.
    impatient: Vec<PmcRef>,
    /// The interrupt flag and the fuel long work owes (`interrupt.rs`): here so that code
    /// that sees only the heap (sprintf, conversions, array resizes) can reach it.
    pub meter: crate::interrupt::Meter,
}

/// What one open handle counts toward a collection (see `Heap::note_bytes`): 128 of them
/// make one due.
pub const HANDLE_WEIGHT: usize = 64 * 1024;

/// Data bytes (see `Heap::note_bytes`) that make a collection due.
pub const GC_BYTES: usize = 8 << 20;

/// The fewest allocations between two collections.
pub const MIN_GC_THRESHOLD: usize = 1 << 16;

impl Default for Heap {
    fn default() -> Self {
        Heap {
            objs: Vec::new(),
            free: Vec::new(),
            since_gc: 0,
            bytes_since_gc: 0,
            threshold: MIN_GC_THRESHOLD,
            live_after_gc: 0,
            gc_runs: 0,
            peak: 0,
            blocked: 0,
            forced: false,
            impatient: Vec::new(),
            meter: crate::interrupt::Meter::default(),
        }
    }
}

/// What a dangling handle reads as. A correct collector never leaves one; this keeps a bug
/// from becoming a crash.
const UNDEF: &PmcData = &PmcData::Undef;

impl Heap {
    /// Allocates a PMC.
    pub fn alloc(&mut self, data: PmcData) -> PmcRef {
        self.since_gc += 1;
        let index = match self.free.pop() {
            Some(i) => {
                self.objs[i as usize] = Some(data);
                i as usize
            }
            None => {
                self.objs.push(Some(data));
                self.objs.len() - 1
            }
        };
        let used = self.objs.len() - self.free.len();
        if used > self.peak {
            self.peak = used;
        }
        // Handles are u32: a heap of four billion PMCs is far past any memory limit.
        PmcRef(NonZeroU32::new(index as u32 + 1).unwrap_or(NonZeroU32::MIN))
    }
    /// Counts `n` bytes of data that just went into a PMC (an IO read's result).
    pub fn note_bytes(&mut self, n: usize) {
        self.bytes_since_gc += n;
    }
    /// How many PMCs are alive (or not yet found dead).
    pub fn len(&self) -> usize {
        self.objs.len() - self.free.len()
    }
    /// Is the heap empty?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Has enough been allocated since the last collection to collect again?
    pub fn wants_gc(&self) -> bool {
        (self.forced || self.since_gc >= self.threshold || self.bytes_since_gc >= GC_BYTES) && self.blocked == 0
    }
    /// Asks for a collection at the next safe point (`sweep 1`, `collect`); with `lazy`
    /// (`sweep 0`), only if a PMC asked for early collection. Returns whether one is due.
    pub fn request_gc(&mut self, lazy: bool) -> bool {
        if !lazy || !self.impatient.is_empty() {
            self.forced = true;
        }
        self.wants_gc()
    }
    /// `sweepoff`/`collectoff` (`true`) and `sweepon`/`collecton` (`false`): nestable; an
    /// `on` without an `off` does nothing.
    pub fn block_gc(&mut self, block: bool) {
        if block {
            self.blocked = self.blocked.saturating_add(1);
        } else {
            self.blocked = self.blocked.saturating_sub(1);
        }
    }
    /// `needs_destroy`: collect `r` as soon as it is unreachable.
    pub fn needs_early_collection(&mut self, r: PmcRef) {
        if !self.impatient.contains(&r) {
            self.impatient.push(r);
        }
    }
    /// Parrot's integer `interpinfo` facts about the collector (`interpinfo.pasm`), or `None`
    /// for a number that is not one of them. Kea's collector does not move or copy, and keeps
    /// strings outside the heap: buffers and copies count 0.
    pub fn info(&self, what: i64) -> Option<i64> {
        let pmc_bytes = std::mem::size_of::<Option<PmcData>>() as i64;
        Some(match what {
            1 => self.objs.len() as i64 * pmc_bytes,
            2 => self.len() as i64 * pmc_bytes,
            3 | 4 => self.gc_runs as i64,
            5 => self.len() as i64,
            6 | 8 | 11 | 13 | 14 | 35 => 0,
            7 => self.objs.len() as i64,
            9 => self.since_gc as i64,
            10 => self.bytes_since_gc as i64,
            12 => self.impatient.len() as i64,
            _ => return None,
        })
    }
    /// The PMC's data.
    pub fn get(&self, r: PmcRef) -> &PmcData {
        self.objs.get(r.0.get() as usize - 1).and_then(Option::as_ref).unwrap_or(UNDEF)
    }
    /// The PMC's data, mutably.
    pub fn get_mut(&mut self, r: PmcRef) -> &mut PmcData {
        let i = r.0.get() as usize - 1;
        if i >= self.objs.len() {
            self.objs.resize_with(i + 1, || None);
        }
        self.objs[i].get_or_insert(PmcData::Undef)
    }

    /// [`Heap::get_mut`] with the meter beside it, for work that grows with its operands.
    pub(crate) fn get_mut_metered(&mut self, r: PmcRef) -> (&mut PmcData, &crate::interrupt::Meter) {
        let i = r.0.get() as usize - 1;
        if i >= self.objs.len() {
            self.objs.resize_with(i + 1, || None);
        }
        (self.objs[i].get_or_insert(PmcData::Undef), &self.meter)
    }

    /// Marks everything reachable from `roots`, frees the rest. Host handle ids of open
    /// FileHandles and Sockets it freed go to `closed`: the host closes them (a server that
    /// drops a connection without `close` leaks no descriptor). Returns how many were freed.
    pub fn collect(&mut self, roots: impl IntoIterator<Item = PmcRef>, closed: &mut Vec<u32>) -> usize {
        let mut marked = vec![false; self.objs.len()];
        let mut stack: Vec<PmcRef> = roots.into_iter().collect();
        // An explicit stack, not recursion: a million-deep nest of arrays is just data.
        while let Some(r) = stack.pop() {
            let i = r.0.get() as usize - 1;
            if i >= marked.len() || marked[i] {
                continue;
            }
            marked[i] = true;
            let Some(d) = &self.objs[i] else { continue };
            d.trace(&mut stack);
        }
        let mut freed = 0;
        for (i, m) in marked.iter().enumerate() {
            if !m && self.objs[i].is_some() {
                match self.objs[i].take() {
                    Some(PmcData::String(s)) => s.recycle(),
                    // An open handle nobody can reach any more: the runtime closes it.
                    Some(d) => closed.extend(d.slots().host_handle.and_then(|f| f(&d))),
                    None => {}
                }
                self.free.push(i as u32);
                freed += 1;
            }
        }
        self.gc_runs += 1;
        self.forced = false;
        self.impatient.retain(|r| marked.get(r.0.get() as usize - 1).copied().unwrap_or(false));
        self.since_gc = 0;
        self.bytes_since_gc = 0;
        self.live_after_gc = self.len();
        self.threshold = (self.live_after_gc * 2).max(MIN_GC_THRESHOLD);
        freed
    }
    /// The class name of a PMC.
    pub fn class_name(&self, r: PmcRef) -> &'static str {
        self.get(r).class_name()
    }
}
