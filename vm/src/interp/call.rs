//! PDD 3 calls: `set_args get_params set_returns get_results invokecc tailcall returncc`.
//!
//! A call pushes a [`Frame`] on the task's heap-allocated stack; nothing here recurses in Rust,
//! so the call depth is limited only by [`super::Config::max_depth`].
//!
//! ## One path per call shape
//! Each shape a call or return can take has exactly one path; the slow path, op by op, gives
//! the same result for every shape (`tests/ops.rs` runs programs traced, where nothing is
//! fused, and untraced, and demands the same ends and op counts).
//!
//! | shape | path | ops charged |
//! |---|---|---|
//! | planned call ([`Prepared::plan`]) from a lean sub into a lean sub, I and N lists | `L::Call` in the lean loop (`tier/lean.rs`) | 4 |
//! | any other planned call: `find_sub_not_null P, "name"` + `set_args` + `invokecc P` + the callee's `get_params` | [`Vm::enter_planned`], its own arm in `run_loop` | 4 |
//! | `find_sub_not_null` + `set_args` + `invokecc` not planned (first run of a site, callee not of this code object), plain lists of one signature | [`Vm::call_op`]: `find_sub_not_null`, then [`Vm::fast_call`] | 4 |
//! | `set_args` + `invokecc P` (a Sub from anywhere), plain lists of one signature | [`Vm::call_op`]: [`Vm::fast_call`] | 3 |
//! | return in the lean loop: `set_returns` + `returncc` + the caller's `get_results`, I and N lists of one signature | `L::Ret1` / `L::Ret` in the lean loop | 3 |
//! | any other such return with lists of one signature | [`Vm::leave_planned`], its own arm in `run_loop` (the lean loop uses it too, out of its first window) | 3 |
//! | everything else: named, optional, slurpy and flat lists, conversions, arity errors, `tailcall`, `callmethodcc`, invoking a Continuation or a Timer, a pending exception, tracing | [`Vm::call_op`] op by op: `eval_args`, `do_call`, `bind`, `do_return` | 1 each |
//!
//! What makes the fused paths cheap (bench/fib, about 1,040 -> 750 instructions per call
//! before the lean loop):
//!
//! - **Calls settled at load time.** [`Prepared::plan`] records each `find_sub_not_null P,
//!   "name"` + `set_args` + `invokecc P` whose callee is a sub of the same code object
//!   (`find_sub_not_null` finds those before any global, so the answer cannot change) that
//!   starts with a `get_params` of the same signature. Such a call is a frame push
//!   and a register copy; the only checks left are the depth limit and that this VM has
//!   made the Sub PMC the register receives. A list of one I register
//!   ([`Prepared::one_int`], the usual argument and return list) is copied with one
//!   move. bench/fib: 0.11 -> 0.09 s, about 765 -> 635 instructions per call.
//! - **Checks done at load time.** [`Prepared::new`] gives each plain positional list a
//!   kind signature ([`Prepared::arg_sig`]: two bits per value). A call checks one `u64` equality
//!   between the caller's argument list and the callee's parameter list (a return: the
//!   callee's values and the caller's results) instead of checking flags, length and kinds
//!   value by value. Equal signatures mean the copy cannot convert or fail, so it is a plain
//!   register-to-register copy; integer-only lists (the usual case) touch only I registers.
//!   Named, optional, slurpy and flat lists have signature 0 and take the slow path, as do
//!   arity errors and conversions.
//! - **The sub lookup is cached per call site.** `find_sub_not_null` with a constant name that
//!   found a sub of the same code object stores the answer in [`Prepared::sub_cache`] at its
//!   pc. A planned call reads it there and stores it in the register (the program sees the
//!   same state); `find_sub_not_null` itself answers from it, so an unplanned call of a sub
//!   of this code object does no name lookup either. The first run of each site fills it.
//! - **Frames never move.** [`super::Frames`] keeps returned frames in their slots as spares:
//!   a return lowers the live count, a call resets the spare in place (registers emptied to
//!   the sub's counts, the code pointer kept when it is the same code object). No `Frame` is
//!   moved between the stack and a pool, and nothing is allocated once warm.
//! - **Return values go straight into the caller's result registers**: the caller's frame is
//!   still right below the callee's, so no value list is built.
//!
//! Fuel stays exact: a fused step reports how many ops it ran (`fuel.rs`). Tracing (`fuse`
//! false) runs every op on its own. The depth limit, pending exceptions (`get_results`
//! receiving a caught exception), handlers of the returning frame and the REPL's `keep_outer`
//! frame are checked before a fused step, or leave it to the slow path.
//!
//! There is no separate "fused" pre-pass any more: its `find_sub_not_null` branch did what
//! `call_op`'s own `find_sub_not_null` arm does (that op answers from the sub cache too), and
//! its `set_args` branch is now `call_op`'s `set_args` arm.

//! ## Tried and left
//! - **Handling planned calls inside `run_loop` itself** (reassigning the frame): fib
//!   0.077 s, but `mops_intval` lost 3% because the loop then keeps the frame pointer in
//!   memory; keeping the `Rc<Code>` across frames cost mops the same way. The lean loop does
//!   it in a function of its own instead, which leaves mops as it was.
//! - **Every frame's registers as windows of one task stack**, so every sub would get the
//!   lean loop's call cost: measured and left; `tier/lean.rs`, "Why two loops", has the figures.

use super::Prepared;
use super::{Frame, Handler, Step, Task, Vm};
use crate::code::{flags, ArgValue};
use crate::error::{types, Exc};
use crate::op::{ArgsId, Op, PReg};
use crate::pmc::{ContData, Elem, KeyVal, PmcData, PmcRef};
use crate::string::Str;

/// The value an unpassed optional parameter gets.
fn empty_of(dst: ArgValue) -> Elem {
    match dst {
        ArgValue::I(_) => Elem::I(0),
        ArgValue::N(_) => Elem::N(0.0),
        ArgValue::S(_) => Elem::S(Str::null()),
        _ => Elem::P(None),
    }
}

/// Parrot's arity messages (src/call/args.c): too few says "(or more)".
fn arity(kind: &str, passed: usize, expected: usize) -> Exc {
    let more = if kind == "few" { " (or more)" } else { "" };
    Exc::new(
        types::EXCEPTION_INVALID_OPERATION,
        format!("too {kind} positional arguments: {passed} passed, {expected}{more} expected"),
    )
}

/// Copies the values of list `vals` of `src` (a frame) into the target registers of list
/// `targets` of `dst`'s code. The caller checked that both lists have signature `sig`
/// ([`Prepared::arg_sig`]), so every value has its target's kind: nothing converts or fails.
#[inline(always)]
fn copy_sig(sig: u64, src: &Frame, vals_id: ArgsId, dst: &mut Frame, targets_id: ArgsId) {
    // One I register to one I register: a single move.
    let a = src.code.one_int.get(vals_id.0 as usize).copied().unwrap_or(u16::MAX);
    let b = dst.code.one_int.get(targets_id.0 as usize).copied().unwrap_or(u16::MAX);
    if a != u16::MAX && b != u16::MAX {
        if let (Some(&x), Some(y)) = (src.i.get(usize::from(a)), dst.i.get_mut(usize::from(b))) {
            *y = x;
            return;
        }
    }
    if sig & (sig - 1) == 0 {
        let (vals, targets) = (&src.code.args[vals_id.0 as usize], &dst.code.args[targets_id.0 as usize]);
        // Integers only (every kind is 0, only the leading bit is set), the usual call: this
        // loop touches no other register kind.
        for (v, t) in vals.iter().zip(targets) {
            let x = match v.value {
                ArgValue::I(a) => src.i[a.0 as usize],
                ArgValue::Ic(a) => a,
                _ => continue,
            };
            if let ArgValue::I(b) = t.value {
                dst.i[b.0 as usize] = x;
            }
        }
        return;
    }
    copy_any(src, vals_id, dst, targets_id);
}

/// [`copy_sig`] for lists with other kinds than I. Out of line on purpose: inlined, the
/// compiler loads all eight register vectors up front, which costs more than the call.
#[inline(never)]
fn copy_any(src: &Frame, vals: ArgsId, dst: &mut Frame, targets: ArgsId) {
    let Frame { code, i, n, s, p, .. } = dst;
    let (vals, targets) = (&src.code.args[vals.0 as usize], &code.args[targets.0 as usize]);
    for (v, t) in vals.iter().zip(targets) {
        match (v.value, t.value) {
            (ArgValue::I(a), ArgValue::I(b)) => i[b.0 as usize] = src.i[a.0 as usize],
            (ArgValue::Ic(a), ArgValue::I(b)) => i[b.0 as usize] = a,
            (ArgValue::N(a), ArgValue::N(b)) => n[b.0 as usize] = src.n[a.0 as usize],
            (ArgValue::Nc(a), ArgValue::N(b)) => n[b.0 as usize] = a,
            (ArgValue::S(a), ArgValue::S(b)) => s[b.0 as usize] = src.s[a.0 as usize].clone(),
            (ArgValue::Sc(a), ArgValue::S(b)) => s[b.0 as usize] = src.code.str(a).clone(),
            (ArgValue::P(a), ArgValue::P(b)) => p[b.0 as usize] = src.p[a.0 as usize],
            // Equal signatures rule every other pair out.
            _ => {}
        }
    }
}

/// The signature list `a` of `ca` and list `b` of `cb` share, so [`copy_sig`] can copy one to
/// the other; 0 if they differ or are not plain.
#[inline]
fn same_sig(ca: &Prepared, a: ArgsId, cb: &Prepared, b: ArgsId) -> u64 {
    let sig = ca.arg_sig.get(a.0 as usize).copied().unwrap_or(0);
    if cb.arg_sig.get(b.0 as usize) == Some(&sig) {
        sig
    } else {
        0
    }
}

impl Vm {
    /// Enters the call the load-time plan settled at the top frame's `pc` (a
    /// `find_sub_not_null P, "name"`, then `set_args` and `invokecc P`, and the callee's
    /// `get_params`): true when done, false (nothing done) when it must go the slow way: no
    /// plan, the lookup not cached yet, or the depth limit.
    #[inline(always)]
    pub(super) fn enter_planned(&mut self, task: &mut Task, pc: usize, dst: PReg) -> bool {
        let depth = task.frames.len();
        let Some(f) = task.frames.last_mut() else { return false };
        let Some(&plan) = f.code.plan(pc) else { return false };
        let hit = f.code.sub_cache.get(pc);
        if hit >> 32 != u64::from(self.id) || depth >= self.config.max_depth {
            return false;
        }
        let (Some(sub), Some(slot)) = (PmcRef::from_u32(hit as u32), f.p.get_mut(dst.0 as usize)) else {
            return false;
        };
        *slot = Some(sub);
        f.pc = pc as u32 + 3;
        task.frames.call_here(plan.callee);
        let (lo, hi) = task.frames.split_at_mut(depth);
        let (caller, callee) = (&lo[depth - 1], &mut hi[0]);
        callee.pc += 1;
        let [a, b] = plan.one.map(usize::from);
        match (caller.i.get(a), callee.i.get_mut(b)) {
            (Some(&x), Some(y)) => *y = x,
            _ => copy_sig(plan.sig, caller, plan.args, callee, plan.params),
        }
        if !task.args.is_empty() || !task.named.is_empty() {
            task.args.clear();
            task.named.clear();
        }
        true
    }

    /// `set_returns` at the top frame's `pc`, `returncc` after it and the caller's
    /// `get_results` in one step: true when done, false (nothing done) when they are not that
    /// plain shape.
    #[inline(always)]
    pub(super) fn leave_planned(&mut self, task: &mut Task, pc: usize, values: ArgsId) -> bool {
        let n = task.frames.len();
        if n < 2 || task.exception.is_some() {
            return false;
        }
        let (lo, hi) = task.frames.split_at_mut(n - 1);
        let (Some(caller), Some(callee)) = (lo.last_mut(), hi.first()) else { return false };
        if !matches!(callee.code.ops.get(pc + 1), Some(Op::returncc {})) {
            return false;
        }
        let Some(&Op::get_results_pc { results }) = caller.code.ops.get(caller.pc as usize) else { return false };
        let sig = same_sig(&callee.code, values, &caller.code, results);
        if sig == 0 {
            return false;
        }
        copy_sig(sig, callee, values, caller, results);
        caller.pc += 1;
        task.frames.ret();
        if !task.handlers.is_empty() {
            let depth = task.frames.len();
            task.handlers.retain(|h| h.depth <= depth);
        }
        if !task.rets.is_empty() || !task.rets_named.is_empty() {
            task.rets.clear();
            task.rets_named.clear();
        }
        true
    }

    /// Runs the call op (`set_args get_params set_returns get_results invokecc tailcall
    /// returncc callmethodcc find_sub_not_null`) at the task's top frame's `pc`. Returns how
    /// many ops after it were run too (`find_sub_not_null` and `set_args` fuse with the call
    /// after them, see the module doc), or the [`Step`] that ends the slice. With `fuse`
    /// false every op runs on its own (tracing).
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(super) fn call_op(&mut self, task: &mut Task, fuse: bool) -> Result<u64, Step> {
        let Some(f) = task.frames.last_mut() else { return Err(Step::Finished) };
        let pc = f.pc as usize;
        // Read here, not passed in: an `Op` argument makes the loop keep every op in memory
        // (bench/mops_intval).
        let Some(&op) = f.code.ops.get(pc) else { return Err(Step::Finished) };
        let r = match op {
            Op::set_args_pc { args } => {
                // `set_args` + `invokecc P`: one step when the lists are plain.
                if let (true, Some(&Op::invokecc_p { sub })) = (fuse, f.code.ops.get(pc + 1)) {
                    if self.fast_call(task, args, sub) {
                        return Ok(2);
                    }
                }
                let Some(f) = task.frames.last_mut() else { return Err(Step::Finished) };
                self.eval_args(f, args, &mut task.args, &mut task.named)
            }
            Op::set_returns_pc { values } => self.eval_args(f, values, &mut task.rets, &mut task.rets_named),
            Op::find_sub_not_null_p_s { dst, name } => {
                let r = self.find_sub_not_null(f, pc, dst, name);
                // `find_sub_not_null P, "name"` + `set_args` + `invokecc P`: one step.
                if fuse && r.is_ok() {
                    if let (Some(&Op::set_args_pc { args }), Some(&Op::invokecc_p { sub })) =
                        (f.code.ops.get(pc + 1), f.code.ops.get(pc + 2))
                    {
                        f.pc += 1;
                        if self.fast_call(task, args, sub) {
                            return Ok(3);
                        }
                        return Ok(0);
                    }
                }
                r
            }
            Op::get_params_pc { params } => self.bind(f, params, &mut task.args, &mut task.named, true),
            Op::get_results_pc { results } => match task.exception {
                Some((e, at)) if at as usize == pc => {
                    task.exception = None;
                    let mut v = vec![Elem::P(Some(e))];
                    self.bind(f, results, &mut v, &mut Vec::new(), false)
                }
                _ => self.bind(f, results, &mut task.rets, &mut task.rets_named, false),
            },
            Op::invokecc_p { sub } => {
                let s = f.p[sub.0 as usize];
                f.pc += 1;
                // Invoking a Timer starts it (Parrot's timer.pmc).
                if let Some(step) = s.and_then(|t| self.timer_invoke(t)) {
                    return Err(step);
                }
                return self.do_call(task, s, false).map(|()| 0);
            }
            Op::tailcall_p { sub } => {
                let s = f.p[sub.0 as usize];
                f.pc += 1;
                return self.do_call(task, s, true).map(|()| 0);
            }
            Op::callmethodcc_p_s { obj, name } => {
                let (o, n) = (f.p[obj.0 as usize], super::sa(f, name));
                // Built-in IO and scheduler PMCs answer natively.
                match self.native_method(&task.args, &mut task.rets, &n) {
                    Some(Ok(crate::pmc::Native::Done)) => {
                        task.rets_named.clear();
                        f.pc += 1;
                        return Ok(0);
                    }
                    Some(Ok(crate::pmc::Native::Step(step))) => {
                        task.rets_named.clear();
                        f.pc += 1;
                        return Err(step);
                    }
                    Some(Ok(crate::pmc::Native::Throw(e))) => return self.throw(task, e).map(|()| 0),
                    Some(Err(e)) => return self.raise(task, e).map(|()| 0),
                    None => {}
                }
                if let Some(PmcData::ExceptionHandler(_)) = o.map(|r| self.heap.get(r)) {
                    if n.as_bytes() == b"handle_types" {
                        let r = self.handle_types(o, &task.args);
                        task.args.clear();
                        task.rets.clear();
                        return match r {
                            Ok(()) => {
                                f.pc += 1;
                                Ok(0)
                            }
                            Err(e) => self.raise(task, e).map(|()| 0),
                        };
                    }
                }
                match self.find_method(o, &n) {
                    Ok(m) => {
                        f.pc += 1;
                        return self.do_call(task, Some(m), false).map(|()| 0);
                    }
                    Err(e) => Err(e),
                }
            }
            Op::returncc {} => {
                f.pc += 1;
                return self.do_return(task).map(|()| 0);
            }
            _ => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, format!("op {} is not a call op", op.info().name))),
        };
        match r {
            Ok(()) => {
                if let Some(f) = task.frames.last_mut() {
                    f.pc += 1;
                }
                Ok(0)
            }
            Err(e) => self.raise(task, e).map(|()| 0),
        }
    }

    /// `set_args` + `invokecc P(sub)` + the callee's `get_params` in one step, if they are
    /// the plain shape; false (nothing done) otherwise. The caller's frame is at its
    /// `set_args`.
    #[inline]
    fn fast_call(&mut self, task: &mut Task, args: ArgsId, sub: PReg) -> bool {
        let n = task.frames.len();
        if n >= self.config.max_depth || n == 0 {
            return false;
        }
        let caller = &task.frames[n - 1];
        let Some(r) = caller.p[sub.0 as usize] else { return false };
        let PmcData::Sub(code, idx) = self.heap.get(r) else { return false };
        let idx = *idx;
        let Some(info) = code.subs.get(idx as usize) else { return false };
        let Some(&Op::get_params_pc { params }) = code.ops.get(info.start as usize) else { return false };
        let sig = same_sig(&caller.code, args, code, params);
        if sig == 0 {
            return false;
        }
        task.frames.call(code, idx);
        let (lo, hi) = task.frames.split_at_mut(n);
        let (caller, callee) = (&mut lo[n - 1], &mut hi[0]);
        copy_sig(sig, caller, args, callee, params);
        callee.pc += 1;
        caller.pc += 2;
        if !task.args.is_empty() || !task.named.is_empty() {
            task.args.clear();
            task.named.clear();
        }
        true
    }

    /// Evaluates an argument or return list into `out` (positional) and `named`, expanding
    /// `:flat` arrays and `:flat :named` hashes.
    pub(super) fn eval_args(
        &self,
        f: &Frame,
        id: ArgsId,
        out: &mut Vec<Elem>,
        named: &mut Vec<(Str, Elem)>,
    ) -> Result<(), Exc> {
        let list = &f.code.args[id.0 as usize];
        out.clear();
        named.clear();
        let mut name: Option<Str> = None;
        for a in list {
            let e = match a.value {
                ArgValue::I(r) => Elem::I(f.i[r.0 as usize]),
                ArgValue::N(r) => Elem::N(f.n[r.0 as usize]),
                ArgValue::S(r) => Elem::S(f.s[r.0 as usize].clone()),
                ArgValue::P(r) => Elem::P(f.p[r.0 as usize]),
                ArgValue::Ic(v) => Elem::I(v),
                ArgValue::Nc(v) => Elem::N(v),
                ArgValue::Sc(s) => Elem::S(f.code.str(s).clone()),
            };
            let flat = a.flags & flags::FLAT_SLURPY != 0;
            if a.flags & flags::NAMED != 0 {
                if flat {
                    // `:flat :named`: every pair of a hash becomes a named argument.
                    if let Elem::P(Some(h)) = e {
                        if let PmcData::Hash(map) = self.heap.get(h) {
                            named.extend(map.iter().map(|(k, v)| (k.clone(), Elem::P(*v))));
                            continue;
                        }
                    }
                    return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "a :flat :named argument must be a Hash"));
                }
                // The name; the value is the next entry.
                let n = self.heap.elem_str(&e)?;
                if named.iter().any(|(k, _)| *k == n) {
                    // Parrot's check (Parrot_pcc_build_sig_object_from_op, src/call/args.c).
                    return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "duplicate named argument in call"));
                }
                name = Some(n);
                continue;
            }
            if let Some(n) = name.take() {
                named.push((n, e));
                continue;
            }
            if !named.is_empty() {
                return Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    "named arguments must follow all positional arguments",
                ));
            }
            if flat {
                if let Elem::P(p) = e {
                    let n = self.heap.elements(p)?;
                    for i in 0..n {
                        out.push(self.heap.get_keyed(p, &KeyVal::Int(i))?);
                    }
                    continue;
                }
            }
            out.push(e);
        }
        Ok(())
    }

    /// Binds passed values to parameter (or result) registers. Parameters check arity; results
    /// do not (PDD 3).
    pub(super) fn bind(
        &mut self,
        f: &mut Frame,
        id: ArgsId,
        vals: &mut Vec<Elem>,
        named: &mut Vec<(Str, Elem)>,
        strict: bool,
    ) -> Result<(), Exc> {
        // Plain positional lists (the common case) bind without any bookkeeping, and without
        // touching the code object's reference count (bench/fib).
        let n = f.code.args[id.0 as usize].len();
        if named.is_empty() && n == vals.len() && f.code.plain_args[id.0 as usize] {
            for (k, v) in vals.drain(..).enumerate() {
                let dst = f.code.args[id.0 as usize][k].value;
                self.bind_one(f, dst, v)?;
            }
            return Ok(());
        }
        let code = f.code.clone();
        let list = &code.args[id.0 as usize];
        let is_positional =
            |a: &&crate::code::Arg| a.flags & (flags::OPT_FLAG | flags::FLAT_SLURPY | flags::NAMED) == 0;
        let positional = list.iter().filter(is_positional).count();
        let required = list.iter().filter(|a| is_positional(a) && a.flags & flags::OPTIONAL == 0).count();
        let passed = vals.len();
        let mut vals = vals.drain(..);
        let mut given = false;
        let mut slurped = false;
        let mut named_slurped = false;
        let mut name: Option<Str> = None;
        for a in list {
            if a.flags & flags::NAMED != 0 && a.flags & flags::FLAT_SLURPY == 0 && name.is_none() {
                // The parameter's name; the target is the next entry.
                if let ArgValue::Sc(s) = a.value {
                    name = Some(code.str(s).clone());
                    continue;
                }
            }
            if a.flags & flags::OPT_FLAG != 0 {
                self.bind_one(f, a.value, Elem::I(i64::from(given)))?;
                continue;
            }
            if a.flags & flags::NAMED != 0 && a.flags & flags::FLAT_SLURPY != 0 {
                // `:slurpy :named`: every remaining named argument, as a Hash.
                let mut map = crate::pmc::PHash::new();
                for (k, v) in named.drain(..) {
                    let v = self.heap.boxed(v);
                    map.insert(k, v);
                }
                let h = self.heap.alloc(PmcData::Hash(map));
                self.bind_one(f, a.value, Elem::P(Some(h)))?;
                named_slurped = true;
                continue;
            }
            if let Some(n) = name.take() {
                // A positional argument left over fills a named parameter, as Parrot's
                // fill_params does (src/call/args.c).
                if strict {
                    if let Some(v) = vals.next() {
                        given = true;
                        self.bind_one(f, a.value, v)?;
                        continue;
                    }
                }
                match named.iter().position(|(k, _)| *k == n) {
                    Some(i) => {
                        let (_, v) = named.remove(i);
                        given = true;
                        self.bind_one(f, a.value, v)?;
                    }
                    None if a.flags & flags::OPTIONAL != 0 || !strict => {
                        given = false;
                        self.bind_one(f, a.value, empty_of(a.value))?;
                    }
                    None => {
                        return Err(Exc::new(
                            types::EXCEPTION_INVALID_OPERATION,
                            format!("too few named arguments: no argument for required parameter '{n}'"),
                        ))
                    }
                }
                continue;
            }
            if a.flags & flags::FLAT_SLURPY != 0 {
                let rest: Vec<Elem> = vals.by_ref().collect();
                let mut items = Vec::with_capacity(rest.len());
                for e in rest {
                    items.push(self.heap.boxed(e));
                }
                let p = self.heap.alloc(PmcData::ResizablePMCArray(items));
                self.bind_one(f, a.value, Elem::P(Some(p)))?;
                slurped = true;
                continue;
            }
            match vals.next() {
                Some(v) => {
                    given = true;
                    self.bind_one(f, a.value, v)?;
                }
                None if a.flags & flags::OPTIONAL != 0 || !strict => {
                    // A parameter or result that got no value is emptied (0, 0.0, null), as
                    // Parrot does, never left with what the register held before.
                    given = false;
                    self.bind_one(f, a.value, empty_of(a.value))?;
                }
                None => return Err(arity("few", passed, required)),
            }
        }
        if strict && !slurped && vals.next().is_some() {
            return Err(arity("many", passed, positional));
        }
        drop(vals);
        if strict && !named_slurped {
            if let Some((k, _)) = named.first() {
                return Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    format!("too many named arguments: '{k}' is not a parameter"),
                ));
            }
        }
        named.clear();
        Ok(())
    }

    fn bind_one(&mut self, f: &mut Frame, dst: ArgValue, v: Elem) -> Result<(), Exc> {
        match dst {
            ArgValue::I(r) => f.i[r.0 as usize] = self.heap.elem_int(&v)?,
            ArgValue::N(r) => f.n[r.0 as usize] = self.heap.elem_num(&v)?,
            ArgValue::S(r) => f.s[r.0 as usize] = self.heap.elem_str(&v)?,
            ArgValue::P(r) => f.p[r.0 as usize] = self.heap.boxed(v),
            // The verifier rejects constants as parameters.
            _ => {}
        }
        Ok(())
    }

    /// `invokecc` (or `tailcall`): pushes the callee's frame, or resumes a `throw` when
    /// `sub` is an exception's `resume` continuation.
    pub(super) fn do_call(&mut self, task: &mut Task, sub: crate::pmc::PVal, tail: bool) -> Result<(), Step> {
        let target = match sub.map(|r| self.heap.get(r)) {
            Some(PmcData::Sub(code, i)) => Ok((code.clone(), *i)),
            Some(PmcData::Continuation(c)) => {
                if let ContData::Goto(g) = **c {
                    return self.goto(task, g);
                }
                let r = sub.expect("matched Some");
                return match self.resume(task, r) {
                    Ok(()) => Ok(()),
                    Err(e) => self.raise_at_call(task, e),
                };
            }
            Some(d) => Err(Exc::new(
                types::EXCEPTION_INVALID_OPERATION,
                format!("invoke() not implemented in class '{}'", d.class_name()),
            )),
            None => Err(Exc::null_access("invoke")),
        };
        let (code, idx) = match target {
            Ok(t) => t,
            Err(e) => return self.raise_at_call(task, e),
        };
        if tail {
            task.frames.ret();
            let depth = task.frames.len();
            task.handlers.retain(|h| h.depth <= depth);
        }
        let deep = task.frames.len() >= self.config.max_depth;
        task.frames.call(&code, idx);
        if deep {
            // Parrot's words and type, raised in the new frame as Parrot does (`invoke` in
            // src/pmc/sub.pmc); the limit is --max-depth.
            let e = Exc::new(types::EXCEPTION_INTERNAL_PANIC, "maximum recursion depth exceeded");
            return self.raise(task, e);
        }
        Ok(())
    }

    /// Raises `e` at the call op of the top frame, whose pc is already its return address:
    /// the report names the call, not the op after it.
    pub(super) fn raise_at_call(&mut self, task: &mut Task, e: Exc) -> Result<(), Step> {
        if let Some(f) = task.frames.last_mut() {
            f.pc = f.pc.saturating_sub(1);
        }
        self.raise(task, e)
    }

    /// `returncc`: pops the frame; the caller resumes at its saved pc.
    pub(super) fn do_return(&mut self, task: &mut Task) -> Result<(), Step> {
        if task.keep_outer && task.frames.len() == 1 {
            return Err(Step::Finished);
        }
        task.frames.ret();
        let depth = task.frames.len();
        task.handlers.retain(|h| h.depth <= depth);
        if task.frames.is_empty() {
            return Err(Step::Finished);
        }
        Ok(())
    }

    /// `ExceptionHandler.'handle_types'(T, ...)`: the handler takes only these types.
    fn handle_types(&mut self, h: crate::pmc::PVal, args: &[Elem]) -> Result<(), Exc> {
        let mut types = Vec::with_capacity(args.len());
        // The first argument is the invocant.
        for a in args.iter().skip(1) {
            types.push(self.heap.elem_int(a)?);
        }
        if let Some(PmcData::ExceptionHandler(d)) = h.map(|r| self.heap.get_mut(r)) {
            d.types = types;
        }
        Ok(())
    }

    /// The handler `push_eh P(handler)` installs in the frame at `depth`.
    pub(super) fn handler_of(&self, p: crate::pmc::PVal, depth: usize, f: &Frame) -> Result<Handler, Exc> {
        let Some(r) = p else { return Err(Exc::null_access("push_eh")) };
        let PmcData::ExceptionHandler(d) = self.heap.get(r) else {
            return Err(Exc::new(
                types::EXCEPTION_INVALID_OPERATION,
                format!("push_eh needs an ExceptionHandler, not a {}", self.heap.get(r).class_name()),
            ));
        };
        // Parrot takes a handler with no address yet (src/ops/core.ops `push_eh`): it reads
        // the address when an exception reaches it, and one with none is passed over then.
        let target = d.target.unwrap_or(u32::MAX);
        // It resumes in this frame: its address must be in this sub.
        let sub = &f.code.subs[f.sub as usize];
        if d.target.is_some() && (target < sub.start || target >= sub.end) {
            return Err(Exc::new(
                types::EXCEPTION_INVALID_OPERATION,
                format!("ExceptionHandler address {target} is outside the sub '{}'", sub.name),
            ));
        }
        Ok(Handler { depth, target, active: false, pmc: Some(r) })
    }

    /// Does handler `h` take exceptions of type `kind` (`handle_types`)? A handler whose PMC
    /// has no address does not.
    pub(super) fn handler_takes(&self, h: &Handler, kind: i64) -> bool {
        match h.pmc.map(|r| self.heap.get(r)) {
            Some(PmcData::ExceptionHandler(d)) => d.target.is_some() && (d.types.is_empty() || d.types.contains(&kind)),
            _ => true,
        }
    }

    /// Where handler `h` resumes: its PMC's address now (`set_addr` may come after
    /// `push_eh`), else the label it was pushed with.
    pub(super) fn handler_target(&self, h: &Handler) -> u32 {
        match h.pmc.map(|r| self.heap.get(r)) {
            Some(PmcData::ExceptionHandler(d)) => d.target.unwrap_or(h.target),
            _ => h.target,
        }
    }
}
