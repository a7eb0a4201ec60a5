//! The main loop, `run_loop`: every op, the hot ones in its own `match` and the rest through
//! their handlers (`dispatch::slow`). See `tier/mod.rs` for how it and the lean loop share
//! the work.

use super::super::dispatch;
use super::super::flow::{self, Flow};
use super::super::frames::Frame;
use super::super::fuel::{self, Charge};
use super::super::state::{Task, Vm};
use super::lean;
use crate::host::Step;
use crate::interp::arith;
use crate::num;
use crate::op::Op;

macro_rules! ireg {
    ($f:ident, $r:expr) => {
        $f.i[$r.0 as usize]
    };
}
macro_rules! nreg {
    ($f:ident, $r:expr) => {
        $f.n[$r.0 as usize]
    };
}
macro_rules! sreg {
    ($f:ident, $r:expr) => {
        $f.s[$r.0 as usize]
    };
}
macro_rules! preg {
    ($f:ident, $r:expr) => {
        $f.p[$r.0 as usize]
    };
}

impl Vm {
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    fn trace_op(&mut self, f: &Frame, pc: usize) {
        let Some(op) = f.code.ops.get(pc) else { return };
        let mut line = format!("{pc:04} {}", f.code.fmt_op(op));
        let mut regs = Vec::new();
        // The registers it reads: one it only writes may still hold a value from an earlier
        // call in the same frame slot, which no op can read (`prepare/unset.rs`).
        let reads = op.operands().into_iter().zip(op.info().operands).filter(|(_, i)| i.dir != crate::op::Dir::Out);
        for (o, _) in reads {
            use crate::op::Operand as O;
            match o {
                O::I(r) => regs.push(format!("I{}={}", r.0, ireg!(f, r))),
                O::N(r) => regs.push(format!("N{}={}", r.0, num::fmt_print(nreg!(f, r)))),
                O::S(r) => regs.push(format!("S{}={:?}", r.0, sreg!(f, r))),
                O::P(r) => regs.push(format!(
                    "P{}={}",
                    r.0,
                    preg!(f, r).map_or("null".to_string(), |p| self.heap.class_name(p).to_string())
                )),
                O::Ix(a) => {
                    if let Ok(r) = a.split() {
                        regs.push(format!("I{r}={}", f.i[r as usize]))
                    }
                }
                O::Sx(a) => {
                    if let Ok(r) = a.split() {
                        regs.push(format!("S{r}={:?}", f.s[r as usize]))
                    }
                }
                _ => {}
            }
        }
        if !regs.is_empty() {
            line = format!("{line:<44} {}", regs.join(" "));
        }
        if let Some(t) = self.trace.as_mut() {
            t(&line);
        }
    }

    #[allow(clippy::cognitive_complexity)]
    pub(super) fn run_loop<const TRACE: bool>(&mut self, task: &mut Task, fuel: u64) -> Step {
        let mut ch = Charge::default();
        'frame: loop {
            // A lean sub runs in the lean loop (`lean.rs`) until it meets something else.
            if !TRACE && self.config.lean {
                if let Some(f) = task.frames.last() {
                    if f.code.per_sub.get(f.sub as usize).is_some_and(|s| s.lean) {
                        match self.run_lean(task, fuel, &mut ch.executed) {
                            lean::Exit::Here => {}
                            lean::Exit::Yield => {
                                task.ops += ch.executed;
                                return Step::Yielded;
                            }
                        }
                    }
                }
            }
            // (Re)load the hot state: a call, return or throw changed the frame.
            let Some(mut f) = task.frames.last_mut() else {
                task.ops += ch.executed;
                return Step::Finished;
            };
            let code = f.code.clone();
            let ops: &[Op] = &code.ops;
            let mut pc = f.pc as usize;
            ch.start(pc);

            // Ends the straight-line run at `pc` and charges it.
            macro_rules! charge {
                () => {{
                    ch.through(pc);
                }};
            }
            // Every control transfer goes through here: charge, move, stop when out of fuel.
            macro_rules! jump {
                ($t:expr) => {{
                    fuel::jump!(ch, pc, $t, fuel, {
                        f.pc = pc as u32;
                        task.ops += ch.executed;
                        return Step::Yielded;
                    })
                }};
            }
            // An op failed: raise its exception in the task.
            macro_rules! raise {
                ($e:expr) => {{
                    let e = $e;
                    charge!();
                    f.pc = pc as u32;
                    if let Err(step) = self.raise(task, e) {
                        task.ops += ch.executed;
                        return step;
                    }
                    continue 'frame;
                }};
            }
            // After a call op ran (`Ok(more ops it ran)`) or ended the slice: reload the frame.
            macro_rules! called {
                ($r:expr) => {{
                    match $r {
                        Ok(more) => ch.add(more),
                        Err(step) => {
                            task.ops += ch.executed;
                            return step;
                        }
                    }
                    if ch.spent(fuel) {
                        task.ops += ch.executed;
                        return Step::Yielded;
                    }
                    continue 'frame;
                }};
            }
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => raise!(e),
                    }
                };
            }
            // Every op the hot match below does not take: its handler, through the op table
            // (`dispatch.rs`), with the pc recorded first. Then what the handler's `Flow` says.
            macro_rules! slow {
                () => {{
                    f.pc = pc as u32;
                    let flow = match dispatch::slow(self, task, pc) {
                        Flow::Reload => {
                            charge!();
                            continue 'frame;
                        }
                        Flow::Stop(step) => {
                            charge!();
                            task.ops += ch.executed;
                            return step;
                        }
                        Flow::Call => {
                            charge!();
                            called!(self.call_op(task, !TRACE))
                        }
                        flow => flow,
                    };
                    // The handler had the task; the frame is the same one.
                    f = flow::top(task);
                    match flow {
                        Flow::Next => {}
                        Flow::Jump(t) => jump!(t),
                        Flow::Raise(e) => raise!(e),
                        Flow::Leave(step) => {
                            charge!();
                            f.pc = pc as u32 + 1;
                            task.ops += ch.executed;
                            return step;
                        }
                        Flow::Reload | Flow::Stop(_) | Flow::Call => {}
                    }
                }};
            }
            loop {
                let Some(&op) = ops.get(pc) else {
                    // Running off the end of a sub ends it like `returncc` with no values.
                    charge!();
                    f.pc = pc as u32;
                    task.rets.clear();
                    if let Err(step) = self.do_return(task) {
                        task.ops += ch.executed;
                        return step;
                    }
                    continue 'frame;
                };
                if TRACE {
                    // Traced, every op goes to its handler (so tests/ops.rs, traced against
                    // untraced, checks the hot arms below against the handlers).
                    self.trace_op(f, pc);
                    slow!();
                    pc += 1;
                    continue;
                }
                match op {
                    Op::noop {} => {}
                    Op::branch_ic { target } => jump!(target.0),
                    Op::if_i_ic { cond, target } => {
                        if ireg!(f, cond) != 0 {
                            jump!(target.0)
                        }
                    }
                    Op::unless_i_ic { cond, target } => {
                        if ireg!(f, cond) == 0 {
                            jump!(target.0)
                        }
                    }
                    Op::if_n_ic { cond, target } => {
                        if nreg!(f, cond) != 0.0 {
                            jump!(target.0)
                        }
                    }
                    Op::unless_n_ic { cond, target } => {
                        if nreg!(f, cond) == 0.0 {
                            jump!(target.0)
                        }
                    }
                    Op::if_s_ic { cond, target } => {
                        if sreg!(f, cond).truthy() {
                            jump!(target.0)
                        }
                    }
                    Op::unless_s_ic { cond, target } => {
                        if !sreg!(f, cond).truthy() {
                            jump!(target.0)
                        }
                    }
                    Op::if_p_ic { cond, target } => {
                        if tri!(self.heap.get_bool(preg!(f, cond))) {
                            jump!(target.0)
                        }
                    }
                    Op::unless_p_ic { cond, target } => {
                        if !tri!(self.heap.get_bool(preg!(f, cond))) {
                            jump!(target.0)
                        }
                    }
                    Op::if_null_p_ic { obj, target } => {
                        if preg!(f, obj).is_none() {
                            jump!(target.0)
                        }
                    }
                    Op::unless_null_p_ic { obj, target } => {
                        if preg!(f, obj).is_some() {
                            jump!(target.0)
                        }
                    }
                    Op::eq_addr_p_p_ic { lhs, rhs, target } => {
                        if preg!(f, lhs) == preg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::ne_addr_p_p_ic { lhs, rhs, target } => {
                        if preg!(f, lhs) != preg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    // The hot arithmetic and comparisons stay in this match (bench/mops_intval),
                    // with the semantics of `arith.rs`.
                    Op::set_i_i { dst, src } => ireg!(f, dst) = ireg!(f, src),
                    Op::set_i_ic { dst, src } => ireg!(f, dst) = src,
                    Op::set_n_n { dst, src } => nreg!(f, dst) = nreg!(f, src),
                    Op::set_n_nc { dst, src } => nreg!(f, dst) = src,
                    Op::add_i_i_i { dst, lhs, rhs } => ireg!(f, dst) = arith::int_add(ireg!(f, lhs), ireg!(f, rhs)),
                    Op::add_i_i_ic { dst, lhs, rhs } => ireg!(f, dst) = arith::int_add(ireg!(f, lhs), rhs),
                    Op::add_i_ic { dst, rhs } => ireg!(f, dst) = arith::int_add(ireg!(f, dst), rhs),
                    Op::add_i_i { dst, rhs } => ireg!(f, dst) = arith::int_add(ireg!(f, dst), ireg!(f, rhs)),
                    Op::sub_i_i_i { dst, lhs, rhs } => ireg!(f, dst) = arith::int_sub(ireg!(f, lhs), ireg!(f, rhs)),
                    Op::sub_i_i_ic { dst, lhs, rhs } => ireg!(f, dst) = arith::int_sub(ireg!(f, lhs), rhs),
                    Op::sub_i_ic { dst, rhs } => ireg!(f, dst) = arith::int_sub(ireg!(f, dst), rhs),
                    Op::sub_i_i { dst, rhs } => ireg!(f, dst) = arith::int_sub(ireg!(f, dst), ireg!(f, rhs)),
                    Op::mul_i_i_i { dst, lhs, rhs } => ireg!(f, dst) = arith::int_mul(ireg!(f, lhs), ireg!(f, rhs)),
                    Op::mul_i_i_ic { dst, lhs, rhs } => ireg!(f, dst) = arith::int_mul(ireg!(f, lhs), rhs),
                    Op::inc_i { dst } => ireg!(f, dst) = arith::int_add(ireg!(f, dst), 1),
                    Op::dec_i { dst } => ireg!(f, dst) = arith::int_sub(ireg!(f, dst), 1),
                    Op::add_n_n_n { dst, lhs, rhs } => nreg!(f, dst) = arith::num_add(nreg!(f, lhs), nreg!(f, rhs)),
                    Op::sub_n_n_n { dst, lhs, rhs } => nreg!(f, dst) = arith::num_sub(nreg!(f, lhs), nreg!(f, rhs)),
                    Op::mul_n_n_n { dst, lhs, rhs } => nreg!(f, dst) = arith::num_mul(nreg!(f, lhs), nreg!(f, rhs)),
                    Op::eq_i_i_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) == ireg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::ne_i_i_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) != ireg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::lt_i_i_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) < ireg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::le_i_i_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) <= ireg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::gt_i_i_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) > ireg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::ge_i_i_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) >= ireg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::lt_i_ic_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) < rhs {
                            jump!(target.0)
                        }
                    }
                    Op::le_i_ic_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) <= rhs {
                            jump!(target.0)
                        }
                    }
                    // The two planned shapes (see `call.rs`), then the frame is reloaded.
                    Op::find_sub_not_null_p_s { dst, .. } => {
                        charge!();
                        f.pc = pc as u32;
                        if self.enter_planned(task, pc, dst) {
                            called!(Ok(3))
                        }
                        called!(self.call_op(task, true))
                    }
                    Op::set_returns_pc { values } => {
                        charge!();
                        f.pc = pc as u32;
                        if self.leave_planned(task, pc, values) {
                            called!(Ok(2))
                        }
                        called!(self.call_op(task, true))
                    }
                    // Calls and returns: one arm, one out-of-line handler, and the frame is
                    // reloaded after it (bench/fib; a big arm here slows bench/mops_intval).
                    // `find_sub_not_null` is with them so that it fuses with the call after it.
                    Op::set_args_pc { .. }
                    | Op::get_params_pc { .. }
                    | Op::get_results_pc { .. }
                    | Op::invokecc_p { .. }
                    | Op::tailcall_p { .. }
                    | Op::callmethodcc_p_s { .. }
                    | Op::returncc {} => {
                        charge!();
                        f.pc = pc as u32;
                        called!(self.call_op(task, true))
                    }
                    // Everything else, out of line: in this match they cost the hot ops a
                    // third (bench/mops_intval, 0.30 s vs 0.44 s).
                    _ => slow!(),
                }
                pc += 1;
            }
        }
    }
}
