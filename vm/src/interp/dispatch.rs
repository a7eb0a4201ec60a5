//! The way from an op to its handler, projected from the op table.
//!
//! Every row of `op/table.rs` names its family, and [`slow`] is generated from the table: one
//! arm per op, each calling `<family>::<full_name>` in `interp/<family>.rs`. There is no `_`
//! arm, so a row without a handler does not compile. Every handler returns a [`Flow`], which
//! `run_loop` turns into the next step (`tier/main_loop.rs`).
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

use super::flow::{top, At, Flow};
use super::{
    arith, bits, cmp, control, debug, exception, gc, introspect, io, math, pmcmisc, pmcops, string, sys, task, Task, Vm,
};
use crate::op::Op;

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
