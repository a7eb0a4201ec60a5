//! Which I and N registers a sub may read before it writes them (definite assignment).
//!
//! Every register of a new frame reads as 0, 0.0, the null string or the null PMC
//! (`spec/subs.rst`). A frame slot that held the same sub before (recursion, a loop of
//! calls) still has that call's values, and emptying the I and N registers costs more than
//! the rest of a small call (bench/fib). Most subs, and every sub the PIR register allocator
//! writes, set a register before they read it, so for those the values left behind can never
//! be seen; only the registers some path may read first need emptying. [`unset_reads`] finds
//! them for one sub, once, at load time; [`super::SubPrep::unset`] keeps the answer.
//!
//! The analysis is a forward data flow over the sub's ops: the set of registers written on
//! *every* path to an op (intersection at joins). Every op may fall through, and every label
//! operand (branch targets, `push_eh`, `set_addr`) is an edge from that op. Extra edges only
//! make the sets smaller, so the answer errs towards emptying. Exceptions need no edges of
//! their own: a handler is entered from a point after its `push_eh`, where at least as much
//! is written, and only a `throw` (which writes nothing) can be resumed. A sub with `jump`
//! (a computed address) gets every register emptied. P and S registers hold references and
//! are always emptied, so the collector never sees a stale one.

use crate::code::{ArgValue, Code, KeyPart, SubInfo};
use crate::op::{Dir, Op, Operand};

/// Registers as bits: I registers in words 0..4, N registers in words 4..8.
type Bits = [u64; 8];

fn set(b: &mut Bits, kind: usize, r: u16) {
    let i = kind * 256 + usize::from(r);
    if let Some(w) = b.get_mut(i / 64) {
        *w |= 1 << (i % 64);
    }
}

/// Calls `read` and `write` for the I (kind 0) and N (kind 1) registers `op` reads and writes.
fn uses(code: &Code, op: &Op, mut read: impl FnMut(usize, u16), mut write: impl FnMut(usize, u16)) {
    let (list, binds) = match *op {
        Op::set_args_pc { args } => (Some(args), false),
        Op::set_returns_pc { values } => (Some(values), false),
        Op::get_params_pc { params } => (Some(params), true),
        Op::get_results_pc { results } => (Some(results), true),
        _ => (None, false),
    };
    if let Some(id) = list {
        for a in code.args.get(id.0 as usize).into_iter().flatten() {
            let r = match a.value {
                ArgValue::I(r) => (0, r.0),
                ArgValue::N(r) => (1, r.0),
                _ => continue,
            };
            if binds {
                write(r.0, r.1);
            } else {
                read(r.0, r.1);
            }
        }
        return;
    }
    for (o, info) in op.operands().iter().zip(op.info().operands) {
        let reg = match *o {
            Operand::I(r) => Some((0, r.0)),
            Operand::N(r) => Some((1, r.0)),
            Operand::Ix(a) => a.split().ok().map(|r| (0, r)),
            Operand::Nx(a) => a.split().ok().map(|r| (1, r)),
            Operand::K(k) => {
                for p in code.keys.get(k.0 as usize).into_iter().flatten() {
                    if let KeyPart::Int(a) = p {
                        if let Ok(r) = a.split() {
                            read(0, r);
                        }
                    }
                }
                None
            }
            _ => None,
        };
        if let Some((kind, r)) = reg {
            match info.dir {
                Dir::In | Dir::InOut => read(kind, r),
                Dir::Out => write(kind, r),
            }
        }
    }
}

/// How many leading I and N registers a new frame of `sub` must empty: one past the highest
/// register some path may read before writing it (0: none).
pub(super) fn unset_reads(code: &Code, sub: &SubInfo) -> [u16; 2] {
    let all = [sub.regs[0], sub.regs[1]];
    let (start, end) = (sub.start as usize, (sub.end as usize).min(code.ops.len()));
    let Some(ops) = code.ops.get(start..end) else { return all };
    if ops.iter().any(|op| matches!(op, Op::jump_i { .. })) {
        return all;
    }
    // `into[i]`: what is written on every path seen so far into op `i` (None: none seen).
    let mut into: Vec<Option<Bits>> = vec![None; ops.len()];
    if ops.is_empty() {
        return [0, 0];
    }
    into[0] = Some([0; 8]);
    let mut work = vec![0usize];
    while let Some(i) = work.pop() {
        let Some(mut out) = into[i] else { continue };
        let op = &ops[i];
        uses(code, op, |_, _| {}, |k, r| set(&mut out, k, r));
        let operands = op.operands();
        let targets = operands.iter().filter_map(|o| match o {
            Operand::L(l) => (l.0 as usize).checked_sub(start),
            _ => None,
        });
        for next in targets.chain([i + 1]) {
            let Some(slot) = into.get_mut(next) else { continue };
            let merged = match slot {
                Some(old) => {
                    let mut m = *old;
                    m.iter_mut().zip(&out).for_each(|(a, b)| *a &= b);
                    m
                }
                None => out,
            };
            if *slot != Some(merged) {
                *slot = Some(merged);
                work.push(next);
            }
        }
    }
    let mut need = [0u16; 2];
    for (op, state) in ops.iter().zip(&into) {
        // An op no edge reaches is treated as reached with nothing written.
        let state = state.unwrap_or([0; 8]);
        uses(
            code,
            op,
            |k, r| {
                let i = k * 256 + usize::from(r);
                let known = state.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0);
                if !known {
                    need[k] = need[k].max(r + 1);
                }
            },
            |_, _| {},
        );
    }
    [need[0].min(all[0]), need[1].min(all[1])]
}
