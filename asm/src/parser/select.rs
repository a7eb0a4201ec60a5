//! Variant selection: which op of a mnemonic takes the written operands (`add I0, I1, 5` is
//! `add_i_i_ic`), then the fallbacks Parrot's assembler also has (constant-only sources,
//! constant branches), then an error that lists what exists. PASM instructions and lowered
//! PIR statements both come through [`Asm::select_emit`].

use super::{edit_distance, Arg0, Asm};
use crate::error::AsmErrorKind as K;
use kea_vm::code::Span;
use kea_vm::op::{self, IArg, IReg, Kind, Label, NArg, NReg, OpInfo, Operand, PReg, SArg, SReg, StrId};

impl Asm<'_> {
    /// Picks the variant of `mnemonic` that takes these operands and emits it, or reports
    /// what exists. PASM instructions and lowered PIR statements both come through here.
    pub(super) fn select_emit(&mut self, mnemonic: &str, args: Vec<(Arg0, Span)>, op_span: Span, span: Span) {
        // Every op lands in a sub: statements outside any form the implicit unit.
        self.ensure_sub();
        self.flush_params();
        let mnemonic = full_name_mnemonic(mnemonic, &args).unwrap_or(mnemonic).to_string();
        let variants = op::variants(&mnemonic);
        if variants.is_empty() {
            let all = op::mnemonics();
            let help = all
                .iter()
                .filter(|m| edit_distance(m, &mnemonic) <= 2)
                .min_by_key(|m| edit_distance(m, &mnemonic))
                .map(|m| format!("did you mean '{m}'?"));
            return self.err_help(K::UnknownOp, op_span, format!("unknown op '{mnemonic}'"), help);
        }
        if matches!(mnemonic.as_str(), "set_args" | "get_params" | "set_returns" | "get_results") {
            return self.arg_list_op(&mnemonic, args, span);
        }
        // Exact kinds first; then constant-only inputs of the target's kind, loaded into it;
        // then integer constants may stand for number constants. The lowering comes before
        // the widening so that `iseq I0, 3, 3` compares integers, not the numbers of
        // `iseq_i_nc_nc`.
        for widen in [false, true] {
            for info in variants {
                if let Some(ops) = self.fit(info, &args, widen) {
                    return self.emit(info, ops, &args, span);
                }
            }
            if !widen && self.lower_constant_sources(&mnemonic, &args, op_span, span) {
                return;
            }
        }
        if let Some(folded) = self.fold_const_branch(&mnemonic, &args).or_else(|| fold_const_if(&mnemonic, &args)) {
            return match folded {
                Some(label) => {
                    let info = op::variants("branch")[0];
                    self.emit(info, vec![Operand::L(Label(u32::MAX))], &[label], span)
                }
                None => self.emit(op::variants("noop")[0], vec![], &[], span),
            };
        }
        // A bare word where no variant takes a label is a name nobody declared.
        for (k, (a, sp)) in args.iter().enumerate() {
            let Arg0::Label(name) = a else { continue };
            if !variants.iter().any(|v| v.operands.len() == args.len() && v.operands[k].kind == Kind::L) {
                let help = format!("declare it (.local pmc {name}) or quote it ('{name}') if it is a string");
                return self.err_help(K::UnknownLabel, *sp, format!("undefined name '{name}'"), Some(help));
            }
        }
        let found: Vec<&str> = args.iter().map(|a| a.0.describe()).collect();
        let sigs: Vec<String> = variants.iter().map(|v| v.signature()).collect();
        let name_guess =
            format!("{mnemonic}{}", found.iter().map(|k| format!("_{}", k.to_lowercase())).collect::<String>());
        self.err_help(
            K::BadOperands,
            span,
            // IMCC's words (`INS` in compilers/imcc/parser_util.c), which name the
            // op's full name and its operand count.
            format!(
                "The opcode '{name_guess}' ({mnemonic}<{}>) was not found. Check the type and number of the arguments",
                found.len()
            ),
            Some(format!("'{mnemonic}' has: {}", sigs.join("; "))),
        );
    }

    /// `add I0, 1, 2` (only constants in): Parrot's assembler folds these; Kea loads the
    /// first constant into the target and applies the op there (`set I0, 1` + `add I0, I0, 2`),
    /// which gives the same value by the op's own rules. Only when the constant is of the
    /// target's kind, so no conversion can sneak in.
    fn lower_constant_sources(&mut self, m: &str, args: &[(Arg0, Span)], op_span: Span, span: Span) -> bool {
        let same_kind = |dst: &Arg0, c: &Arg0| {
            matches!(
                (dst, c),
                (Arg0::Reg('I', _), Arg0::Int(_))
                    | (Arg0::Reg('N', _), Arg0::Num(_) | Arg0::Int(_))
                    | (Arg0::Reg('S', _), Arg0::Str(_))
            )
        };
        let is_const = |a: &Arg0| matches!(a, Arg0::Int(_) | Arg0::Num(_) | Arg0::Str(_));
        let rest: Vec<(Arg0, Span)> = match args {
            [(d @ Arg0::Reg(..), ds), (c, _), (c2, cs)] if same_kind(d, c) && is_const(c2) => {
                vec![(d.clone(), *ds), (d.clone(), *ds), (c2.clone(), *cs)]
            }
            [(d @ Arg0::Reg(..), ds), (c, _)] if same_kind(d, c) && matches!(m, "neg" | "abs" | "bnot" | "not") => {
                vec![(d.clone(), *ds)]
            }
            _ => return false,
        };
        if !matches!(m, "set" | "assign") && !self.fits_any(m, &rest) {
            return false;
        }
        self.select_emit("set", vec![args[0].clone(), args[1].clone()], op_span, span);
        self.select_emit(m, rest, op_span, span);
        true
    }

    /// `lt 1, 2, L` with two constants: decided now (Parrot's assembler folds these too).
    fn fold_const_branch(&self, m: &str, args: &[(Arg0, Span)]) -> Option<Option<(Arg0, Span)>> {
        use std::cmp::Ordering;
        if args.len() != 3 || !matches!(args[2].0, Arg0::Label(_)) {
            return None;
        }
        let ord = match (&args[0].0, &args[1].0) {
            (Arg0::Int(a), Arg0::Int(b)) => Some(a.cmp(b)),
            (Arg0::Num(a), Arg0::Num(b)) => a.partial_cmp(b),
            (Arg0::Int(a), Arg0::Num(b)) => (*a as f64).partial_cmp(b),
            (Arg0::Num(a), Arg0::Int(b)) => a.partial_cmp(&(*b as f64)),
            (Arg0::Str(a), Arg0::Str(b)) => Some(a.cmp(b)),
            _ => return None,
        };
        let taken = match m {
            "eq" => ord == Some(Ordering::Equal),
            "ne" => ord != Some(Ordering::Equal),
            "lt" => ord == Some(Ordering::Less),
            "le" => matches!(ord, Some(Ordering::Less | Ordering::Equal)),
            "gt" => ord == Some(Ordering::Greater),
            "ge" => matches!(ord, Some(Ordering::Greater | Ordering::Equal)),
            _ => return None,
        };
        Some(if taken { Some(args[2].clone()) } else { None })
    }

    /// Does any variant of `m` take these operands (an integer constant may stand for a
    /// number)?
    pub(super) fn fits_any(&mut self, m: &str, args: &[(Arg0, Span)]) -> bool {
        op::variants(m).iter().any(|info| {
            info.operands.len() == args.len()
                && info.operands.iter().zip(args).all(|(slot, (a, _))| kind_fits(slot.kind, a, true))
        })
    }

    /// The operands for `info` if the written ones fit its signature.
    fn fit(&mut self, info: &OpInfo, args: &[(Arg0, Span)], widen: bool) -> Option<Vec<Operand>> {
        let span = args.first().map(|a| a.1).unwrap_or_default();
        if info.operands.len() != args.len() {
            return None;
        }
        // Check first (no side effects), then build.
        if !info.operands.iter().zip(args).all(|(slot, (a, _))| kind_fits(slot.kind, a, widen)) {
            return None;
        }
        let mut out = Vec::with_capacity(args.len());
        for (slot, (a, _)) in info.operands.iter().zip(args) {
            out.push(match (slot.kind, a) {
                (Kind::I, Arg0::Reg(_, r)) => Operand::I(IReg(*r)),
                (Kind::N, Arg0::Reg(_, r)) => Operand::N(NReg(*r)),
                (Kind::S, Arg0::Reg(_, r)) => Operand::S(SReg(*r)),
                (Kind::P, Arg0::Reg(_, r)) => Operand::P(PReg(*r)),
                (Kind::Ix, Arg0::Reg(_, r)) => Operand::Ix(IArg::reg(*r)),
                (Kind::Nx, Arg0::Reg(_, r)) => Operand::Nx(NArg::reg(*r)),
                (Kind::Sx, Arg0::Reg(_, r)) => Operand::Sx(SArg::reg(*r)),
                (Kind::Ic, Arg0::Int(v)) => Operand::Ic(*v),
                (Kind::Ix, Arg0::Int(v)) => {
                    let i = self.int_const(*v);
                    Operand::Ix(IArg::constant(self.flex_ok(i, span)?))
                }
                (Kind::Nc, Arg0::Num(v)) => Operand::Nc(*v),
                (Kind::Nc, Arg0::Int(v)) => Operand::Nc(*v as f64),
                (Kind::Nx, Arg0::Num(v)) => {
                    let i = self.num_const(*v);
                    Operand::Nx(NArg::constant(self.flex_ok(i, span)?))
                }
                (Kind::Nx, Arg0::Int(v)) => {
                    let i = self.num_const(*v as f64);
                    Operand::Nx(NArg::constant(self.flex_ok(i, span)?))
                }
                (Kind::Sc, Arg0::Str(s)) => Operand::Sc(StrId(self.intern(s.clone()))),
                (Kind::Sx, Arg0::Str(s)) => {
                    let i = self.intern(s.clone());
                    Operand::Sx(SArg::constant(self.flex_ok(i, span)?))
                }
                (Kind::L, Arg0::Label(_)) => Operand::L(Label(u32::MAX)),
                (Kind::K, Arg0::Key(parts)) => {
                    self.code.keys.push(parts.clone());
                    Operand::K(kea_vm::op::KeyId((self.code.keys.len() - 1) as u32))
                }
                _ => return None,
            });
        }
        Some(out)
    }
}

/// Can the written operand `a` stand where the table says `kind`? `widen` lets an integer
/// constant stand for a number constant (the second pass of variant selection).
fn kind_fits(kind: Kind, a: &Arg0, widen: bool) -> bool {
    matches!(
        (kind, a),
        (Kind::I | Kind::Ix, Arg0::Reg('I', _))
            | (Kind::N | Kind::Nx, Arg0::Reg('N', _))
            | (Kind::S | Kind::Sx, Arg0::Reg('S', _))
            | (Kind::P, Arg0::Reg('P', _))
            | (Kind::Ic | Kind::Ix, Arg0::Int(_))
            | (Kind::Nc | Kind::Nx, Arg0::Num(_))
            | (Kind::Sc | Kind::Sx, Arg0::Str(_))
            | (Kind::L, Arg0::Label(_))
            | (Kind::K, Arg0::Key(_))
    ) || (widen && matches!((kind, a), (Kind::Nc | Kind::Nx, Arg0::Int(_))))
}

/// A full op name written as the mnemonic (`set_i_ic I0, 32`, `rot_i_i_i_ic I0, I1, I2, 32`):
/// IMCC looks an unknown name up as a full name (`INS` in compilers/imcc/parser_util.c). Its
/// mnemonic, when each kind code it spells (`i ic n nc s sc p pc k kc ki kic`) matches the
/// operand written there; variant selection then goes on as usual.
fn full_name_mnemonic<'a>(name: &'a str, args: &[(Arg0, Span)]) -> Option<&'a str> {
    if !op::variants(name).is_empty() || args.is_empty() {
        return None;
    }
    let mut parts: Vec<&str> = name.split('_').collect();
    if parts.len() <= args.len() {
        return None;
    }
    let codes = parts.split_off(parts.len() - args.len());
    let mnemonic = &name[..parts.iter().map(|p| p.len() + 1).sum::<usize>() - 1];
    let fits = codes.iter().zip(args).all(|(code, (a, _))| {
        matches!(
            (*code, a),
            ("i", Arg0::Reg('I', _))
                | ("n", Arg0::Reg('N', _))
                | ("s", Arg0::Reg('S', _))
                | ("p", Arg0::Reg('P', _))
                | ("ic", Arg0::Int(_) | Arg0::Label(_))
                | ("nc", Arg0::Num(_) | Arg0::Int(_))
                | ("sc", Arg0::Str(_))
                | ("k" | "kc" | "ki" | "kic", Arg0::Key(_))
        )
    });
    (fits && !op::variants(mnemonic).is_empty()).then_some(mnemonic)
}

/// `if 1, L` / `unless 0, L` with a constant condition: decided now, as IMCC does
/// (`IMCC_subst_constants`, compilers/imcc/optimizer.c).
fn fold_const_if(m: &str, args: &[(Arg0, Span)]) -> Option<Option<(Arg0, Span)>> {
    let [(cond, _), label @ (Arg0::Label(_), _)] = args else { return None };
    let truth = match cond {
        Arg0::Int(v) => *v != 0,
        Arg0::Num(v) => *v != 0.0,
        Arg0::Str(s) => s.truthy(),
        _ => return None,
    };
    let taken = match m {
        "if" => truth,
        "unless" => !truth,
        _ => return None,
    };
    Some(taken.then(|| label.clone()))
}
