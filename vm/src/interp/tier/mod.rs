//! The two loops that run ops, behind one module: [`Vm::run`] picks the main loop
//! (`main_loop.rs`), which runs every op, and that hands a frame of a lean sub to the lean
//! loop (`lean.rs`), which runs integer and number subs with planned calls from ops decoded at
//! load time. Both call the same handlers (`interp/<family>.rs`), count fuel with the same
//! `jump!` (`fuel.rs`) and share the load-time lowering (`prepare.rs`); `lean.rs`, "Why two
//! loops", has the measurements that keep them two.

mod lean;
mod main_loop;

use super::state::{Task, Vm};
use crate::host::Step;

impl Vm {
    /// Runs `task` for at most `fuel` instructions (more only to finish a straight-line run).
    /// A task that waited for a request gets its answer first.
    pub fn run(&mut self, task: &mut Task, fuel: u64) -> Step {
        // A safe point: the host's interrupt flag (`interrupt.rs`), once per slice.
        if self.heap.meter.interrupt.pending().0 != 0 {
            return Step::Interrupted;
        }
        if let Some(req) = task.waiting.take() {
            if let Err(step) = self.deliver_answer(task, req) {
                return step;
            }
        }
        let step =
            if self.trace.is_some() { self.run_loop::<true>(task, fuel) } else { self.run_loop::<false>(task, fuel) };
        task.waiting = step.waits_on();
        // Fuel that long ops charged for their work (`interrupt.rs`).
        task.ops += self.heap.meter.take_owed();
        step
    }
}
