//! Fuel: how both loops (`run_loop` in `tier/main_loop.rs` and the lean loop in `tier/lean.rs`) count the
//! ops they run, so that [`super::Vm::run`] stops after its `fuel` and `Task::ops` is exact.
//!
//! Neither loop counts in its head. A [`Charge`] remembers where the straight-line run being
//! executed started (`seg`); a control transfer (the [`jump!`] macro, or a call or return)
//! charges the run that ended at its op in one addition, starts a new run at the target and
//! only then compares with the fuel. So straight-line code costs nothing to count, and a task
//! cannot overrun its slice by more than the length of its sub. An op left to another loop
//! or handler is charged up to but not including it ([`Charge::before`]); ops a fused step
//! ran beyond the one it started at are added as a number ([`Charge::add`]).
//!
//! ## Ops that cost more than one
//! An op whose work grows with its operands (sprintf padding, `repeat`, BigInt arithmetic,
//! array resizes) charges fuel in proportion through the heap's [`Meter`](crate::interrupt::Meter)
//! (`interrupt.rs`), which also looks at the host's interrupt flag inside the work. The
//! charge joins `Task::ops` when `Vm::run` returns; [`Vm::paid`] ends the slice after an op
//! that ran up [`YIELD_OWED`] or more, so the scheduler's slices and `--max-ops` see it. The
//! loops themselves never look: their cost stays as it was.
//!
//! ## Why one macro
//! Missing one charge is silent: the counts drift and a slice runs long. Both loops go
//! through the same [`jump!`], and `tests/ops.rs` runs the same programs in both loops at many
//! slice sizes and demands the same op counts.

use super::flow::Flow;
use super::{Step, Vm};

/// An op that charged this much fuel for long work ends the slice after it: a default slice.
pub(super) const YIELD_OWED: u64 = 10_000;

impl Vm {
    /// What a handler that may have charged for long work returns: `flow`, or the end of
    /// the slice after the op when the charge reached [`YIELD_OWED`].
    #[inline]
    pub(super) fn paid(&self, flow: Flow) -> Flow {
        match flow {
            Flow::Next if self.heap.meter.owed() >= YIELD_OWED => Flow::Leave(Step::Yielded),
            flow => flow,
        }
    }
}

/// The ops charged in this slice and where the current straight-line run started.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Charge {
    /// The pc of the first op of the run not yet charged.
    pub(super) seg: usize,
    /// Ops charged so far in this slice.
    pub(super) executed: u64,
}

impl Charge {
    /// Ends the run at the op at `pc`, charging it and every op since `seg`.
    #[inline(always)]
    pub(super) fn through(&mut self, pc: usize) {
        // `seg <= pc` always: `seg` is only ever set to the pc about to run.
        self.executed += (pc + 1).wrapping_sub(self.seg) as u64;
    }

    /// Ends the run before the op at `pc`, which is left uncharged (another loop runs it).
    #[inline(always)]
    pub(super) fn before(&mut self, pc: usize) {
        self.executed += pc.wrapping_sub(self.seg) as u64;
    }

    /// Charges `n` ops run by a fused step beyond the op it started at.
    #[inline(always)]
    pub(super) fn add(&mut self, n: u64) {
        self.executed += n;
    }

    /// Starts a new run at `pc`.
    #[inline(always)]
    pub(super) fn start(&mut self, pc: usize) {
        self.seg = pc;
    }

    /// The slice's fuel is spent.
    #[inline(always)]
    pub(super) fn spent(&self, fuel: u64) -> bool {
        self.executed >= fuel
    }
}

/// A control transfer from the op at `$pc` to `$target`, in a loop whose `$pc` is a `usize`
/// local and whose [`Charge`] is `$charge`: charges the run that ended, moves, and when the
/// fuel is spent evaluates `$spent` (which must leave the loop), else goes round the loop.
macro_rules! jump {
    ($charge:ident, $pc:ident, $target:expr, $fuel:expr, $spent:expr) => {{
        $charge.through($pc);
        $pc = $target as usize;
        $charge.start($pc);
        if $charge.spent($fuel) {
            $spent
        }
        continue;
    }};
}
pub(super) use jump;
