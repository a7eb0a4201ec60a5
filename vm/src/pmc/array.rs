//! The array types (`ResizablePMCArray`, `FixedIntegerArray`, ...) and the iterator: their
//! element rules (Parrot's negative indices, the growth cap) and `shift` on an iterator.

use super::{Elem, Heap, KeyVal, PmcData, PmcRef};
use crate::error::{types, Exc};
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

pub(super) fn resize_fixed<T: Clone>(a: &mut Vec<T>, v: i64, fill: T) -> Result<(), Exc> {
    if !a.is_empty() {
        return Err(Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, "Can't resize"));
    }
    a.resize(size_arg(v)?, fill);
    Ok(())
}

pub(super) fn grow(d: &mut PmcData, n: usize) -> Result<(), Exc> {
    if n > MAX_GROW {
        return Err(Exc::out_of_bounds());
    }
    match d {
        PmcData::ResizablePMCArray(a) => a.resize(n, None),
        PmcData::ResizableIntegerArray(a) => a.resize(n, 0),
        PmcData::ResizableStringArray(a) => a.resize(n, Str::null()),
        PmcData::ResizableFloatArray(a) => a.resize(n, 0.0),
        _ => return Err(Exc::out_of_bounds()),
    }
    Ok(())
}

/// The PMCs a PMC array or an iterator holds (the collector's trace).
pub(super) fn trace(d: &PmcData, out: &mut Vec<PmcRef>) {
    match d {
        PmcData::ResizablePMCArray(a) | PmcData::FixedPMCArray(a) => out.extend(a.iter().flatten()),
        PmcData::Iterator(it) => out.push(it.target),
        _ => {}
    }
}
