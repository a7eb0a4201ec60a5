//! Load-time lowering: what the interpreter derives from a code object once, before it runs.
//!
//! The assembler makes a [`Code`] (ops, pools, argument lists, subs, debug table). Before a
//! task runs it, [`Prepared::new`] lowers it into what the fast paths read:
//!
//! | step | gives | read by |
//! |---|---|---|
//! | argument indexing | [`Prepared::plain_args`], [`Prepared::arg_sig`], [`Prepared::one_int`] | `call.rs` (bind, copy by signature), `tier/lean.rs` |
//! | call planning | [`Prepared::plan_at`], [`Prepared::call_plans`] ([`CallPlan`]) | `call.rs::enter_planned`, the lean compile |
//! | definite assignment | [`SubPrep::unset`] (`prepare/unset.rs`) | `Frame::reset`, the lean call |
//! | lean compile | [`SubPrep::lean`], [`Prepared::lean`] (`prepare/lean.rs`) | `lean.rs::run_lean` |
//! | sub cache | [`Prepared::sub_cache`], empty, filled as the program runs | `find_sub_not_null`, planned calls |
//!
//! A frame points at the `Prepared`, which derefs to its `Code`, so `f.code.ops` reads as
//! before and `f.code.arg_sig` sits next to it (no extra pointer on the hot paths).
//!
//! ## Why this is not part of `Code`
//! The lowering belongs to the interpreter (the lean loop's ops, its call planning), while the
//! code object is what the assembler makes and the verifier, the disassembler and the REPL
//! read. Keeping the two apart lets `code.rs` import nothing of `interp`, and a change to a
//! fast path never touches the code object (an `Op`'s size, the spec snapshots).

pub(super) mod lean;
mod unset;

use self::lean::LeanCode;
use crate::code::{flags, Arg, ArgValue, Code};
use crate::op::{ArgsId, Op};
use std::cell::Cell;
use std::ops::Deref;

/// A call whose shape is settled at load time: `find_sub_not_null P, "name"`, `set_args`,
/// `invokecc P`, where `name` is a sub of the same code object as seen from the caller's
/// namespace (which `find_sub_not_null` finds before any global, so the answer never
/// changes), that sub starts with `get_params`, and both lists are plain with one
/// signature ([`Prepared::arg_sig`]). Such a call cannot fail or convert: it is a frame push
/// and a register copy (bench/fib).
#[derive(Clone, Copy, Debug)]
pub struct CallPlan {
    /// The callee, an index into [`Code::subs`].
    pub callee: u32,
    /// The caller's argument list.
    pub args: ArgsId,
    /// The callee's parameter list.
    pub params: ArgsId,
    /// The signature both lists share.
    pub sig: u64,
    /// When both lists are one I register ([`Prepared::one_int`]): the caller's and the
    /// callee's register; `u16::MAX` otherwise.
    pub one: [u16; 2],
    /// The leading I and N registers a new frame of the callee must empty
    /// ([`SubPrep::unset`]).
    pub unset: [u16; 2],
}

/// One 64-bit cell per op that the interpreter may fill, in a code object it shares
/// read-only. 0 means empty. A clone starts empty: what was cached belongs to the original.
#[derive(Debug, Default)]
pub struct PcCache(Vec<Cell<u64>>);

impl PcCache {
    /// `n` empty cells.
    pub fn new(n: usize) -> PcCache {
        PcCache(vec![Cell::new(0); n])
    }
    /// The cell of `pc` (0 if empty or out of range).
    #[inline]
    pub fn get(&self, pc: usize) -> u64 {
        self.0.get(pc).map_or(0, Cell::get)
    }
    /// Fills the cell of `pc` (ignored out of range).
    pub fn set(&self, pc: usize, v: u64) {
        if let Some(c) = self.0.get(pc) {
            c.set(v);
        }
    }
}

impl Clone for PcCache {
    fn clone(&self) -> PcCache {
        PcCache::new(self.0.len())
    }
}

/// What the lowering found about one sub.
#[derive(Clone, Copy, Debug, Default)]
pub struct SubPrep {
    /// How many leading I and N registers a new frame must empty when its slot last held
    /// this sub: the registers some path may read before writing them (`prepare/unset.rs`).
    pub unset: [u16; 2],
    /// The sub runs in the lean loop (`tier/lean.rs`: its ops, registers and branches allow it).
    pub lean: bool,
}

/// A code object with what the interpreter derives from it at load time (see the module
/// doc). Derefs to the [`Code`].
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    /// What the assembler made.
    pub code: Code,
    /// `plain_args[i]`: list `i` is positional values only (no flat, slurpy, optional or
    /// named), so calls bind it without bookkeeping.
    pub plain_args: Vec<bool>,
    /// `arg_sig[i]`: the register kinds of plain list `i`, or 0 (not plain, or longer than
    /// 31). Two lists with the same nonzero signature have the same length and the same kind
    /// at every position, so a call copies one to the other register to register with no
    /// conversion and no check per value (bench/fib).
    pub arg_sig: Vec<u64>,
    /// `one_int[i]`: the register of list `i` when it is exactly one I register (the usual
    /// argument and return list), else `u16::MAX`; a call copies such a list with one move
    /// (bench/fib).
    pub one_int: Vec<u16>,
    /// `per_sub[s]`: what the lowering found about `code.subs[s]`.
    pub per_sub: Vec<SubPrep>,
    /// What `find_sub_not_null` / `find_name` with a constant name found at each pc, when it
    /// found a sub of this code object (that answer never changes). The interpreter fills
    /// it (bench/fib).
    pub sub_cache: PcCache,
    /// `plan_at[pc]`: 1 + the index in [`Prepared::call_plans`] of the call that starts at
    /// `pc`, or 0.
    pub plan_at: Vec<u32>,
    /// The calls whose callee and argument binding are known at load time (see [`CallPlan`]).
    pub call_plans: Vec<CallPlan>,
    /// The ops as the lean loop runs them (`tier/lean.rs`).
    pub(super) lean: LeanCode,
}

impl Deref for Prepared {
    type Target = Code;
    #[inline(always)]
    fn deref(&self) -> &Code {
        &self.code
    }
}

impl From<Code> for Prepared {
    fn from(code: Code) -> Prepared {
        Prepared::new(code)
    }
}

/// The [`Prepared::arg_sig`] of a plain list: a leading 1 bit, then two bits per value (I,
/// N, S, P; a constant counts as its kind); 0 if the list is too long.
fn signature(list: &[Arg]) -> u64 {
    if list.len() > 31 {
        return 0;
    }
    list.iter().fold(1, |sig, a| {
        let kind = match a.value {
            ArgValue::I(_) | ArgValue::Ic(_) => 0,
            ArgValue::N(_) | ArgValue::Nc(_) => 1,
            ArgValue::S(_) | ArgValue::Sc(_) => 2,
            ArgValue::P(_) => 3,
        };
        sig << 2 | kind
    })
}

impl Prepared {
    /// Lowers `code` (every step of the module doc, in order: each reads the ones before).
    pub fn new(code: Code) -> Prepared {
        let plain_args: Vec<bool> =
            code.args.iter().map(|l| l.iter().all(|a| a.flags & !(flags::CONSTANT | 0xf) == 0)).collect();
        let arg_sig =
            code.args.iter().zip(&plain_args).map(|(l, &plain)| if plain { signature(l) } else { 0 }).collect();
        let one_int = (code.args.iter())
            .zip(&plain_args)
            .map(|(l, &plain)| match (plain, l.as_slice()) {
                (true, [Arg { value: ArgValue::I(r), .. }]) if r.0 != u16::MAX => r.0,
                _ => u16::MAX,
            })
            .collect();
        let per_sub = code.subs.iter().map(|s| SubPrep { unset: unset::unset_reads(&code, s), lean: false }).collect();
        let mut p = Prepared {
            sub_cache: PcCache::new(code.ops.len()),
            plain_args,
            arg_sig,
            one_int,
            per_sub,
            plan_at: Vec::new(),
            call_plans: Vec::new(),
            lean: LeanCode::default(),
            code,
        };
        p.plan_calls();
        lean::compile(&mut p);
        p
    }

    /// Finds the calls [`CallPlan`] describes.
    fn plan_calls(&mut self) {
        let code = &self.code;
        self.plan_at = vec![0; code.ops.len()];
        self.call_plans.clear();
        for (s, caller) in code.subs.iter().enumerate() {
            let (start, end) = (caller.start as usize, (caller.end as usize).min(code.ops.len()));
            for pc in start..end.saturating_sub(2) {
                let Op::find_sub_not_null_p_s { dst, name } = code.ops[pc] else { continue };
                let (Op::set_args_pc { args }, Op::invokecc_p { sub }) = (code.ops[pc + 1], code.ops[pc + 2]) else {
                    continue;
                };
                let Err(name) = name.split() else { continue };
                if sub != dst {
                    continue;
                }
                let Some(name) = code.strs.get(name as usize) else { continue };
                let Some(callee) = code.find_sub_in(&code.subs[s].namespace, name.as_bytes()) else { continue };
                let Some(&Op::get_params_pc { params }) = code.ops.get(code.subs[callee].start as usize) else {
                    continue;
                };
                let sig = self.arg_sig.get(args.0 as usize).copied().unwrap_or(0);
                if sig == 0 || self.arg_sig.get(params.0 as usize) != Some(&sig) {
                    continue;
                }
                let one = [self.one_int[args.0 as usize], self.one_int[params.0 as usize]];
                let one = if one.contains(&u16::MAX) { [u16::MAX; 2] } else { one };
                let unset = self.per_sub[callee].unset;
                self.call_plans.push(CallPlan { callee: callee as u32, args, params, sig, one, unset });
                self.plan_at[pc] = self.call_plans.len() as u32;
            }
        }
    }

    /// The call planned at `pc`, if any.
    #[inline]
    pub fn plan(&self, pc: usize) -> Option<&CallPlan> {
        let i = *self.plan_at.get(pc)?;
        self.call_plans.get((i as usize).wrapping_sub(1))
    }
}
