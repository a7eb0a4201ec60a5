//! What a handler tells the run loop ([`Flow`]), the context a handler takes ([`At`]), and the
//! macro that writes the repetitive handlers ([`by_value!`]).
//!
//! ## Why a file of its own
//! Every family file (`arith.rs`, `io.rs` ...) returns a [`Flow`], and `dispatch.rs` calls every
//! family file. With `Flow` in `dispatch.rs` the two imported each other; here, the arrows run
//! one way: `dispatch -> <family> -> flow`.

use super::{Frame, Step, Task};
use crate::error::Exc;

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
/// `$body(f, $how, &[operands])`, the operands in table order, then `Vm::paid` (an op that
/// charged much fuel for long work ends the slice, `fuel.rs`).
macro_rules! by_value {
    ($body:ident($how:expr): $($name:ident($($arg:ident),+)),+ $(,)?) => {$(
        #[doc = concat!("`", stringify!($name), "`, through `Vm::", stringify!($body), "`.")]
        pub(super) fn $name(
            vm: &mut Vm,
            f: &mut Frame,
            $($arg: impl Into<crate::op::Operand>),+
        ) -> Flow {
            let flow = vm.$body(f, $how, &[$($arg.into()),+]).into();
            vm.paid(flow)
        }
    )+};
}
pub(super) use by_value;
