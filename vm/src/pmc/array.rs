//! The array types (`ResizablePMCArray`, `FixedIntegerArray`, ...) and the iterator: their
//! element rules (Parrot's negative indices, the growth cap) and `shift` on an iterator.

use super::{Elem, Heap, KeyVal, PmcData, PmcRef};
use crate::error::{types, Exc};
use crate::interrupt::Meter;
use crate::string::Str;

/// What an iterator walks.
#[derive(Clone, Debug)]
pub struct IterData {
    /// The container.
    pub target: PmcRef,
    /// The next position.
    pub pos: usize,
}

impl Heap {
    pub(super) fn iter_next(&mut self, r: PmcRef, it: IterData) -> Result<Elem, Exc> {
        let target = it.target;
        let stop = || Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, "StopIteration");
        // A hash iterator walks slots (its position is a slot number); an array's, indices.
        let (item, next) = match self.get(target) {
            PmcData::Hash(h) => {
                let (slot, k) = h.next_from(it.pos).ok_or_else(stop)?;
                (Elem::S(k.clone()), slot + 1)
            }
            _ => {
                if it.pos >= self.iter_len(target) {
                    return Err(stop());
                }
                (self.get_keyed(Some(target), &KeyVal::Int(it.pos as i64))?, it.pos + 1)
            }
        };
        if let PmcData::Iterator(i) = self.get_mut(r) {
            i.pos = next;
        }
        Ok(item)
    }
}

pub(super) fn empty_elem(d: &PmcData) -> Elem {
    match d {
        PmcData::ResizableIntegerArray(_) | PmcData::FixedIntegerArray(_) => Elem::I(0),
        PmcData::ResizableStringArray(_) | PmcData::String(_) => Elem::S(Str::null()),
        PmcData::ResizableFloatArray(_) => Elem::N(0.0),
        _ => Elem::P(None),
    }
}

/// Parrot's error for `pop`/`shift` on an empty array.
pub(super) fn non_empty(len: usize, front: bool, class: &str) -> Result<(), Exc> {
    if len == 0 {
        let what = if front { "shift" } else { "pop" };
        let _ = class;
        return Err(Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, format!("Can't {what} from an empty array")));
    }
    Ok(())
}

/// The number of elements of a container PMC (0 for anything else).
pub fn elements_of(d: &PmcData) -> usize {
    match d {
        PmcData::ResizablePMCArray(a) | PmcData::FixedPMCArray(a) => a.len(),
        PmcData::ResizableIntegerArray(a) | PmcData::FixedIntegerArray(a) => a.len(),
        PmcData::ResizableStringArray(a) => a.len(),
        PmcData::ResizableFloatArray(a) => a.len(),
        PmcData::Hash(h) => h.len(),
        PmcData::String(s) => s.char_len(),
        PmcData::ByteBuffer(b) => b.len(),
        _ => 0,
    }
}

/// A Parrot index (negative counts from the end) into `len` elements, if it is inside.
pub(super) fn index_of(i: i64, len: usize) -> Option<usize> {
    let ix = if i < 0 { i.checked_add(len as i64)? } else { i };
    if ix >= 0 && (ix as usize) < len {
        Some(ix as usize)
    } else {
        None
    }
}

/// Containers are capped at 2^28 elements by a single keyed store so that a stray index
/// cannot ask for terabytes (spec/pmc/err/huge-index.pasm).
const MAX_GROW: usize = 1 << 28;

pub(super) fn size_arg(v: i64) -> Result<usize, Exc> {
    match usize::try_from(v) {
        Ok(n) if n <= MAX_GROW => Ok(n),
        _ => Err(Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, format!("illegal array size {v}"))),
    }
}

pub(super) fn resize_fixed<T: Clone>(a: &mut Vec<T>, v: i64, fill: T, meter: &Meter) -> Result<(), Exc> {
    if !a.is_empty() {
        return Err(Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, "Can't resize"));
    }
    resize(a, size_arg(v)?, fill, meter)
}

/// `a.resize(n, fill)`, growing in chunks that charge fuel and look at the interrupt flag
/// (`interrupt.rs`): a resize to 2^28 elements cannot outlast `--max-time`. Interrupted, the
/// array is left as it was.
pub(super) fn resize<T: Clone>(a: &mut Vec<T>, n: usize, fill: T, meter: &Meter) -> Result<(), Exc> {
    let old = a.len();
    if n <= old {
        a.truncate(n);
        return Ok(());
    }
    let size = std::mem::size_of::<T>().max(1);
    let per = (Meter::CHUNK / size).max(1);
    a.reserve_exact(n - old);
    while a.len() < n {
        let k = (n - a.len()).min(per);
        if let Err(e) = meter.work(k * size) {
            a.truncate(old);
            a.shrink_to(old);
            return Err(e);
        }
        a.resize(a.len() + k, fill.clone());
    }
    Ok(())
}

pub(super) fn grow(d: &mut PmcData, n: usize, meter: &Meter) -> Result<(), Exc> {
    if n > MAX_GROW {
        return Err(Exc::out_of_bounds());
    }
    match d {
        PmcData::ResizablePMCArray(a) => resize(a, n, None, meter),
        PmcData::ResizableIntegerArray(a) => resize(a, n, 0, meter),
        PmcData::ResizableStringArray(a) => resize(a, n, Str::null(), meter),
        PmcData::ResizableFloatArray(a) => resize(a, n, 0.0, meter),
        _ => Err(Exc::out_of_bounds()),
    }
}

/// The PMCs a PMC array or an iterator holds (the collector's trace).
pub(super) fn trace(d: &PmcData, out: &mut Vec<PmcRef>) {
    match d {
        PmcData::ResizablePMCArray(a) | PmcData::FixedPMCArray(a) => out.extend(a.iter().flatten()),
        PmcData::Iterator(it) => out.push(it.target),
        _ => {}
    }
}
