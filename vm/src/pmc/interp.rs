//! ParrotInterpreter: what `getinterp` gives. Its integer keys are the `interpinfo` facts
//! ([`interp_info`], Parrot's `src/pmc/parrotinterpreter.pmc`, `get_integer_keyed_int`), and
//! its methods give the standard handles.

use super::{Elem, Heap, KeyVal, PmcRef, Reply, Slots};
use crate::error::{types, Exc};
use crate::string::Str;

/// The integer `interpinfo` facts (`interpinfo.pasm`): the collector's counts, the run
/// core, the sizes of Parrot's types. Also what a ParrotInterpreter PMC answers to an
/// integer key.
pub fn interp_info(heap: &Heap, what: i64) -> Result<i64, Exc> {
    if let Some(v) = heap.info(what) {
        return Ok(v);
    }
    Ok(match what {
        15 => 1,
        16 | 17 => 8,
        18 => std::mem::size_of::<usize>() as i64,
        19 => i64::MAX,
        20 => i64::MIN,
        _ => return Err(Exc::new(types::EXCEPTION_UNIMPLEMENTED, "illegal argument in Parrot_interp_info")),
    })
}

/// ParrotInterpreter methods: the standard handles, which the VM keeps.
pub(super) fn methods(_: &mut Heap, _: PmcRef, name: &Str, _: &[Elem]) -> Option<Result<Reply, Exc>> {
    let fd = match name.as_bytes() {
        b"stdin_handle" => 0,
        b"stdout_handle" => 1,
        b"stderr_handle" => 2,
        _ => return None,
    };
    Some(Ok(Reply::StdHandle(fd)))
}

/// ParrotInterpreter's own vtable slots: an integer key (a string one as its number) is an
/// `interpinfo` fact.
pub(super) const SLOTS: Slots = Slots {
    get_keyed: Some(|heap, _, k| {
        let i = match k {
            KeyVal::Int(i) => *i,
            KeyVal::Str(s) => crate::num::parse_int(s.as_bytes()),
        };
        interp_info(heap, i).map(Elem::I)
    }),
    ..Slots::NONE
};
