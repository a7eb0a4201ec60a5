//! The way from an op to its handler, projected from the op table.
//!
//! Every row of `op/table.rs` names its family, and [`slow`] is generated from the table: one
//! arm per op, each calling `<family>::<full_name>` in `interp/<family>.rs`. There is no `_`
//! arm, so a row without a handler does not compile. Every handler returns a [`Flow`], which
//! `run_loop` turns into the next step (`interp/mod.rs`).
//!
//! A handler takes the VM, then one of two contexts, then the op's operands by name:
//! - `f: &mut Frame` when it needs only the running frame (most ops);
//! - `t: &mut Task` when it needs the whole task (handlers, calls, IO destinations). Its top
//!   frame's `pc` is the op's own: `run_loop` records it before calling [`slow`].
//!
//! The type of that parameter picks the context ([`At`]), so the generated arm is one line
//! whatever the handler needs.
//!
//! ## Why `run_loop` keeps a match of its own
//! The hot register ops (`set`, `add`, `sub`, `mul`, `inc`, `dec` on I and N registers, the
//! integer compare-and-branch ops, `if`, `unless`, `branch`) and the calls are also written
//! out in `run_loop`'s own `match`, with the same semantics (`arith.rs`: `int_add` ...).
//! Everything else comes here, out of line: in the same `match` as the hot arms, the other
//! ops cost the hot ones a third (bench/mops_intval, 0.30 s vs 0.44 s). Under `--trace` every
//! op comes here, so tests/ops.rs (traced against untraced) checks the hot arms against these
//! handlers.
//!
//! Against the string-keyed family tables this replaces (a lookup to pick the family, then a
//! `match` over the op again, then `exec_io`, then `exec_sched`), the instruction counts under
//! callgrind fell: bench/mops_intval 2.7%, bench/hash 6.1%, bench/strings 19.3%, bench/fib
//! unchanged.
//!
//! ## Why [`slow`] takes `pc`, not the op
//! It reads the op again from the frame's code. Passing the `Op` makes the loop keep every op
//! in memory (bench/mops_intval).

use super::{arith, cmp, control, exception, io, pmcops, string, task, Frame, Step, Task, Vm};
use crate::error::Exc;
use crate::op::Op;

/// What the run loop does after an op.
#[derive(Debug)]
pub(super) enum Flow {
    /// Go on with the next op.
    Next,
    /// Go to this pc in the same sub (a control transfer: charged, may end the slice).
    Jump(u32),
    /// The frame stack changed under the loop (a caught throw): reload the hot state.
    Reload,
    /// A call-protocol op: the loop runs it in `call.rs` (it knows whether to fuse ops).
    Call,
    /// Leave the loop with this step; the task goes on after this op.
    Leave(Step),
    /// Leave the loop with this step; the handler already set the task's state (`end`,
    /// an uncaught throw, `die` with a doomed severity).
    Stop(Step),
    /// The op failed: raise this exception in the task, at this op.
    Raise(Exc),
}

impl From<Result<(), Exc>> for Flow {
    #[inline(always)]
    fn from(r: Result<(), Exc>) -> Flow {
        match r {
            Ok(()) => Flow::Next,
            Err(e) => Flow::Raise(e),
        }
    }
}

impl From<Result<Option<Step>, Exc>> for Flow {
    #[inline(always)]
    fn from(r: Result<Option<Step>, Exc>) -> Flow {
        match r {
            Ok(None) => Flow::Next,
            Ok(Some(step)) => Flow::Leave(step),
            Err(e) => Flow::Raise(e),
        }
    }
}

/// A handler's context, chosen by the type of its second parameter.
pub(super) trait At<'a> {
    /// The context of the op at the top of `task`.
    fn at(task: &'a mut Task) -> Self;
}

impl<'a> At<'a> for &'a mut Frame {
    #[inline(always)]
    fn at(task: &'a mut Task) -> Self {
        top(task)
    }
}

impl<'a> At<'a> for &'a mut Task {
    #[inline(always)]
    fn at(task: &'a mut Task) -> Self {
        task
    }
}

/// The running frame of a task that is running an op.
#[inline(always)]
pub(super) fn top(task: &mut Task) -> &mut Frame {
    match task.frames.last_mut() {
        Some(f) => f,
        None => unreachable!("an op runs in a frame"),
    }
}

/// Handlers for ops whose operands are read as values (`Vm::val`) and written back through
/// `Vm::store`, so that every operand kind follows one rule (spec/conversions): each is
/// `$body(f, $how, &[operands])`, the operands in table order.
macro_rules! by_value {
    ($body:ident($how:expr): $($name:ident($($arg:ident),+)),+ $(,)?) => {$(
        #[doc = concat!("`", stringify!($name), "`, through `Vm::", stringify!($body), "`.")]
        pub(super) fn $name(
            vm: &mut Vm,
            f: &mut Frame,
            $($arg: impl Into<crate::op::Operand>),+
        ) -> Flow {
            vm.$body(f, $how, &[$($arg.into()),+]).into()
        }
    )+};
}
pub(super) use by_value;

macro_rules! define_slow {
    ($( $(#[doc = $doc:literal])* $num:literal $name:ident $mn:literal $fam:ident ( $($arg:ident : $dir:ident $kind:ident),* ) ; )*) => {
        /// Runs the op at `pc` of the task's top frame with its handler.
        // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
        #[inline(never)]
        pub(super) fn slow(vm: &mut Vm, task: &mut Task, pc: usize) -> Flow {
            let op = top(task).code.ops[pc];
            match op {
                $( Op::$name { $($arg),* } => $fam::$name(vm, At::at(task), $($arg),*), )*
            }
        }
    };
}

crate::for_each_op!(define_slow);
