//! The stackless interpreter: [`Vm::run`] executes at most `fuel` instructions of one
//! [`Task`] and returns a [`Step`]. PASM calls push heap frames instead of recursing in Rust,
//! so a task can be parked at any safe point, and IO ops never do IO: they return
//! [`Step::Submit`] and the host answers with [`Vm::complete`] (`host.rs` states the contract).
//!
//! This file only declares the modules and names what the rest of the crate uses. The
//! arrows between them run one way:
//!
//! ```text
//! tier/ (the loops) -> dispatch -> <family>.rs (handlers) -> flow -> state -> frames -> prepare/
//! ```
//!
//! - `state.rs`: [`Vm`], [`Task`], [`Config`], [`Flags`]; `frames.rs`: [`Frame`],
//!   [`Frames`], [`Handler`] and the operand readers. Everything else works on these.
//! - `tier/`: the main loop and the lean loop, and [`Vm::run`], which picks between them.
//! - `dispatch.rs`: `slow`, projected from the op table, which calls the handler of an op
//!   the main loop's hot `match` does not take; `flow.rs`: the `Flow` a handler
//!   returns.
//! - `<family>.rs`: one handler per op, named after it (`io.rs::read_p_p_i_p`).
//! - `prepare/`: load-time lowering, what frames point at.
//!
//! ## Fuel
//! Fuel is counted in exactly one place, the `jump!` macro (`fuel.rs`) that every control
//! transfer goes through, in both loops: it adds the length of the straight-line run that
//! just ended, so the count is exact without a counter in the loop head. A task that runs
//! straight-line code cannot overrun its slice by more than the length of its sub.

mod arith;
mod bits;
mod call;
mod cmp;
mod cont;
mod control;
mod debug;
mod dispatch;
mod exception;
mod flow;
pub(crate) mod frames;
mod fuel;
mod gc;
pub mod introspect;
mod io;
mod math;
mod native;
mod pmcmisc;
mod pmcops;
pub mod prepare;
mod state;
mod string;
mod sys;
mod task;
mod tier;

pub(crate) use crate::error::exit_exc;
pub use crate::host::{Completed, IoOp, IoResult, NetOp, RequestId, SchedCall, Step};
pub use crate::string::MAX_STRING;
pub(crate) use arith::big_too_large;
pub use arith::MAX_BIGINT_BITS;
use frames::{ia, na, sa};
pub use frames::{Frame, Frames, Handler};
pub use prepare::Prepared;
pub use state::{Config, DebugStep, Debugger, Flags, Task, TraceFn, Vm};
