//! Control ops: `noop end exit branch jump local_branch local_return`, the one-value branches
//! (`if unless if_null unless_null`), and the call protocol (`set_args get_params set_returns
//! get_results invokecc tailcall returncc callmethodcc find_sub_not_null`), which `run_loop`
//! runs in `call.rs` ([`Flow::Call`]).
//!
//! The branches and `branch` are also written out in `run_loop`'s hot match
//! (`interp/dispatch.rs`, "Why `run_loop` keeps a match of its own").

use super::flow::{top, Flow};
use super::{exit_exc, Frame, Step, Task, Vm};
use crate::error::{types, Exc};
use crate::op::{ArgsId, IReg, Label, NReg, PReg, SArg, SReg};
use crate::pmc::Elem;

/// `noop`
pub(super) fn noop(_: &mut Vm, _: &mut Frame) -> Flow {
    Flow::Next
}

/// `end`: the task ends (the REPL keeps its outermost frame); in code `runinterp` runs, only
/// that run ends.
pub(super) fn end(_: &mut Vm, t: &mut Task) -> Flow {
    let n = t.frames.len();
    t.interps.retain(|&d| d <= n);
    if let Some(d) = t.interps.pop() {
        t.frames.truncate(d - 1);
        t.handlers.retain(|h| h.depth < d);
        return Flow::Reload;
    }
    let keep = usize::from(t.keep_outer);
    t.frames.truncate(keep);
    Flow::Stop(Step::Finished)
}

/// `exit I`
pub(super) fn exit_i(_: &mut Vm, f: &mut Frame, status: IReg) -> Flow {
    Flow::Raise(exit_exc(f.i[status.0 as usize]))
}

/// `exit ic`
pub(super) fn exit_ic(_: &mut Vm, _: &mut Frame, status: i64) -> Flow {
    Flow::Raise(exit_exc(status))
}

/// `branch L`
pub(super) fn branch_ic(_: &mut Vm, _: &mut Frame, target: Label) -> Flow {
    Flow::Jump(target.0)
}

/// `jump I`: to an absolute address inside the sub.
pub(super) fn jump_i(_: &mut Vm, f: &mut Frame, target: IReg) -> Flow {
    let t = f.i[target.0 as usize];
    let sub = &f.code.subs[f.sub as usize];
    if t < i64::from(sub.start) || t >= i64::from(sub.end) {
        return Flow::Raise(Exc::new(
            types::EXCEPTION_INVALID_OPERATION,
            format!("jump to address {t} outside the sub"),
        ));
    }
    Flow::Jump(t as u32)
}

/// `local_branch P, L`: pushes the return address on the stack in P.
pub(super) fn local_branch_p_ic(vm: &mut Vm, t: &mut Task, stack: PReg, target: Label) -> Flow {
    let f = top(t);
    match vm.heap.push(f.p[stack.0 as usize], Elem::I(i64::from(f.pc) + 1), false) {
        Ok(()) => Flow::Jump(target.0),
        Err(e) => Flow::Raise(e),
    }
}

/// `local_return P`
pub(super) fn local_return_p(vm: &mut Vm, f: &mut Frame, stack: PReg) -> Flow {
    let t = match vm.heap.pop(f.p[stack.0 as usize], false).and_then(|t| vm.heap.elem_int(&t)) {
        Ok(t) => t,
        Err(e) => return Flow::Raise(e),
    };
    let sub = &f.code.subs[f.sub as usize];
    if t < i64::from(sub.start) || t > i64::from(sub.end) {
        return Flow::Raise(Exc::new(
            types::EXCEPTION_INVALID_OPERATION,
            format!("local_return to address {t} outside the sub"),
        ));
    }
    Flow::Jump(t as u32)
}

/// `Jump(target)` if `taken`.
#[inline(always)]
fn branch_if(taken: bool, target: Label) -> Flow {
    if taken {
        Flow::Jump(target.0)
    } else {
        Flow::Next
    }
}

/// `if I, L`
pub(super) fn if_i_ic(_: &mut Vm, f: &mut Frame, cond: IReg, target: Label) -> Flow {
    branch_if(f.i[cond.0 as usize] != 0, target)
}

/// `unless I, L`
pub(super) fn unless_i_ic(_: &mut Vm, f: &mut Frame, cond: IReg, target: Label) -> Flow {
    branch_if(f.i[cond.0 as usize] == 0, target)
}

/// `if N, L`
pub(super) fn if_n_ic(_: &mut Vm, f: &mut Frame, cond: NReg, target: Label) -> Flow {
    branch_if(f.n[cond.0 as usize] != 0.0, target)
}

/// `unless N, L`
pub(super) fn unless_n_ic(_: &mut Vm, f: &mut Frame, cond: NReg, target: Label) -> Flow {
    branch_if(f.n[cond.0 as usize] == 0.0, target)
}

/// `if S, L`
pub(super) fn if_s_ic(_: &mut Vm, f: &mut Frame, cond: SReg, target: Label) -> Flow {
    branch_if(f.s[cond.0 as usize].truthy(), target)
}

/// `unless S, L`
pub(super) fn unless_s_ic(_: &mut Vm, f: &mut Frame, cond: SReg, target: Label) -> Flow {
    branch_if(!f.s[cond.0 as usize].truthy(), target)
}

/// `if P, L`: the PMC's `get_bool`.
pub(super) fn if_p_ic(vm: &mut Vm, f: &mut Frame, cond: PReg, target: Label) -> Flow {
    match vm.heap.get_bool(f.p[cond.0 as usize]) {
        Ok(b) => branch_if(b, target),
        Err(e) => Flow::Raise(e),
    }
}

/// `unless P, L`
pub(super) fn unless_p_ic(vm: &mut Vm, f: &mut Frame, cond: PReg, target: Label) -> Flow {
    match vm.heap.get_bool(f.p[cond.0 as usize]) {
        Ok(b) => branch_if(!b, target),
        Err(e) => Flow::Raise(e),
    }
}

/// `if_null P, L`
pub(super) fn if_null_p_ic(_: &mut Vm, f: &mut Frame, obj: PReg, target: Label) -> Flow {
    branch_if(f.p[obj.0 as usize].is_none(), target)
}

/// `unless_null P, L`
pub(super) fn unless_null_p_ic(_: &mut Vm, f: &mut Frame, obj: PReg, target: Label) -> Flow {
    branch_if(f.p[obj.0 as usize].is_some(), target)
}

/// `set_args`
pub(super) fn set_args_pc(_: &mut Vm, _: &mut Task, _: ArgsId) -> Flow {
    Flow::Call
}

/// `get_params`
pub(super) fn get_params_pc(_: &mut Vm, _: &mut Task, _: ArgsId) -> Flow {
    Flow::Call
}

/// `set_returns`
pub(super) fn set_returns_pc(_: &mut Vm, _: &mut Task, _: ArgsId) -> Flow {
    Flow::Call
}

/// `get_results`
pub(super) fn get_results_pc(_: &mut Vm, _: &mut Task, _: ArgsId) -> Flow {
    Flow::Call
}

/// `invokecc P`
pub(super) fn invokecc_p(_: &mut Vm, _: &mut Task, _: PReg) -> Flow {
    Flow::Call
}

/// `tailcall P`
pub(super) fn tailcall_p(_: &mut Vm, _: &mut Task, _: PReg) -> Flow {
    Flow::Call
}

/// `returncc`
pub(super) fn returncc(_: &mut Vm, _: &mut Task) -> Flow {
    Flow::Call
}

/// `callmethodcc P, S`
pub(super) fn callmethodcc_p_s(_: &mut Vm, _: &mut Task, _: PReg, _: SArg) -> Flow {
    Flow::Call
}

/// `find_sub_not_null P, S`: with the call after it, one step (`call.rs`).
pub(super) fn find_sub_not_null_p_s(_: &mut Vm, _: &mut Task, _: PReg, _: SArg) -> Flow {
    Flow::Call
}

/// `set_addr I, L`: the label's address, for `jump`.
pub(super) fn set_addr_i_ic(_: &mut Vm, f: &mut Frame, dst: IReg, target: Label) -> Flow {
    f.i[dst.0 as usize] = i64::from(target.0);
    Flow::Next
}

/// `get_addr I, P`: where P resumes (a handler) or starts (a sub).
pub(super) fn get_addr_i_p(vm: &mut Vm, f: &mut Frame, dst: IReg, obj: PReg) -> Flow {
    vm.address_of(f.p[obj.0 as usize]).map(|a| f.i[dst.0 as usize] = a).into()
}

/// `invoke P, P`: calls the Sub P(sub) with P(cont) as its return continuation: it returns
/// where the Continuation goes (src/ops/core.ops `invoke`). The frames above the
/// continuation's end before the call, since the callee can no longer return to them.
pub(super) fn invoke_p_p(vm: &mut Vm, t: &mut Task, sub: PReg, cont: PReg) -> Flow {
    let f = top(t);
    let (s, c) = (f.p[sub.0 as usize], f.p[cont.0 as usize]);
    let is_sub = s.is_some_and(|r| matches!(vm.heap.get(r), crate::pmc::PmcData::Sub(..)));
    if is_sub {
        let g = match vm.goto_of(c) {
            Ok(g) => g,
            Err(e) => return Flow::Raise(e),
        };
        let pc = match Vm::goto_check(t, &g) {
            Ok(pc) => pc,
            Err(e) => return Flow::Raise(e),
        };
        t.frames.truncate(g.depth);
        t.handlers.retain(|h| h.depth <= g.depth);
        if let Some(f) = g.depth.checked_sub(1).and_then(|i| t.frames.get_mut(i)) {
            f.pc = pc;
        }
    } else {
        // Not a Sub: `invoke` fails as `invokecc` would, here.
        top(t).pc += 1;
    }
    match vm.do_call(t, s, false) {
        Ok(()) => Flow::Reload,
        Err(step) => Flow::Stop(step),
    }
}

/// `set_result_info P`: the result signature the callees of this sub read with
/// `result_info` (src/ops/core.ops: the context's `return_flags`).
pub(super) fn set_result_info_p(_: &mut Vm, f: &mut Frame, info: PReg) -> Flow {
    f.result_info = f.p[info.0 as usize];
    Flow::Next
}

/// `result_info P`: what the caller stored with `set_result_info` (the same PMC), or an empty
/// FixedIntegerArray if it stored none (src/ops/core.ops).
pub(super) fn result_info_p(vm: &mut Vm, t: &mut Task, dst: PReg) -> Flow {
    let n = t.frames.len();
    let info = n.checked_sub(2).and_then(|i| t.frames[i].result_info);
    let v = match info {
        Some(p) => p,
        None => vm.heap.alloc(crate::pmc::PmcData::FixedIntegerArray(Vec::new())),
    };
    top(t).p[dst.0 as usize] = Some(v);
    Flow::Next
}
