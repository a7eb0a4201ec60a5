//! Collector ops: `sweep collect sweepoff sweepon collectoff collecton needs_destroy
//! finalize`, on Kea's tracing collector (`pmc/heap.rs`).
//!
//! ## Why a collection is a yield
//! Only the host knows every root (the scheduler's tasks, pending requests, armed timers), so
//! an op cannot collect by itself. `sweep 1` and `collect` mark a collection as due and end
//! the slice; the scheduler collects before it runs anything else (`Heap::wants_gc`), and the
//! task goes on with the next op. `sweepoff` and `collectoff` hold every collection off,
//! the due one included, until their `on`.

use super::flow::Flow;
use super::{Frame, Step, Vm};
use crate::error::Exc;
use crate::op::PReg;

/// Ends the slice if a collection is now due, so the scheduler runs it at once.
fn collect_now(vm: &mut Vm, lazy: bool) -> Flow {
    if vm.heap.request_gc(lazy) {
        Flow::Leave(Step::Yielded)
    } else {
        Flow::Next
    }
}

/// `sweep Ic`: 1 collects now; 0 only if a PMC asked for it with `needs_destroy`.
pub(super) fn sweep_ic(vm: &mut Vm, _: &mut Frame, kind: i64) -> Flow {
    collect_now(vm, kind == 0)
}

/// `collect`: Parrot compacts its string pools; Kea has none to compact, so it collects.
pub(super) fn collect(vm: &mut Vm, _: &mut Frame) -> Flow {
    collect_now(vm, false)
}

/// `sweepoff`
pub(super) fn sweepoff(vm: &mut Vm, _: &mut Frame) -> Flow {
    vm.heap.block_gc(true);
    Flow::Next
}

/// `sweepon`
pub(super) fn sweepon(vm: &mut Vm, _: &mut Frame) -> Flow {
    vm.heap.block_gc(false);
    Flow::Next
}

/// `collectoff`
pub(super) fn collectoff(vm: &mut Vm, _: &mut Frame) -> Flow {
    vm.heap.block_gc(true);
    Flow::Next
}

/// `collecton`
pub(super) fn collecton(vm: &mut Vm, _: &mut Frame) -> Flow {
    vm.heap.block_gc(false);
    Flow::Next
}

/// `needs_destroy P`
pub(super) fn needs_destroy_p(vm: &mut Vm, f: &mut Frame, obj: PReg) -> Flow {
    match f.p[obj.0 as usize] {
        Some(r) => {
            vm.heap.needs_early_collection(r);
            Flow::Next
        }
        None => Flow::Raise(Exc::null_access("needs_destroy")),
    }
}

/// `finalize P`: Parrot unwinds the C run loops nested above the exception's handler. Kea
/// runs every sub in one loop, so a handler already runs in it: there is nothing to unwind.
pub(super) fn finalize_p(_: &mut Vm, _: &mut Frame, _: PReg) -> Flow {
    Flow::Next
}
