//! Emission: the constant pools (interned strings, integers, numbers), pushing an op with
//! its span and register counts, the argument-list ops (`set_args` and kin), and the end of
//! a sub: label fixups, virtual-register renumbering and the implicit `returncc`.

use super::operand::parse_int_lit;
use super::{edit_distance, Arg0, Asm, VIRTUAL_BASE};
use crate::error::AsmErrorKind as K;
use kea_vm::code::{flags, Arg, ArgValue, Code, KeyPart, Span};
use kea_vm::op::{self, IReg, Label, NReg, Op, OpInfo, Operand, PReg, SReg, StrId};
use kea_vm::string::Str;

pub(super) struct Fixup {
    pc: usize,
    name: String,
    span: Span,
}

impl Asm<'_> {
    pub(super) fn intern(&mut self, s: Str) -> u32 {
        let key = (s.as_bytes().to_vec(), s.encoding());
        if let Some(&i) = self.strs.get(&key) {
            return i;
        }
        let i = self.code.strs.len() as u32;
        self.code.strs.push(s);
        self.strs.insert(key, i);
        i
    }

    /// Fails (with an error) when a register-or-constant pool is full.
    pub(super) fn flex_ok(&mut self, i: u32, span: Span) -> Option<u32> {
        if i < op::MAX_FLEX_CONSTS {
            Some(i)
        } else {
            self.err(
                K::IntOutOfRange,
                span,
                format!("too many distinct constants in one file (limit {})", op::MAX_FLEX_CONSTS),
            );
            None
        }
    }

    pub(super) fn int_const(&mut self, v: i64) -> u32 {
        if let Some(i) = self.code.ints.iter().position(|&x| x == v) {
            return i as u32;
        }
        self.code.ints.push(v);
        (self.code.ints.len() - 1) as u32
    }

    pub(super) fn num_const(&mut self, v: f64) -> u32 {
        if let Some(i) = self.code.nums.iter().position(|&x| x.to_bits() == v.to_bits()) {
            return i as u32;
        }
        self.code.nums.push(v);
        (self.code.nums.len() - 1) as u32
    }

    pub(super) fn emit(&mut self, info: &OpInfo, ops: Vec<Operand>, args: &[(Arg0, Span)], span: Span) {
        let Some(op) = Op::build(info.opcode, &ops) else {
            return self.err(K::BadOperands, span, format!("internal error: operands do not build '{}'", info.name));
        };
        let pc = self.code.ops.len();
        self.code.ops.push(op);
        self.code.spans.push(span);
        let sub = self.sub.as_mut().expect("instruction ensured a sub");
        for (o, (a, sp)) in ops.iter().zip(args) {
            if let (Operand::L(_), Arg0::Label(name)) = (o, a) {
                sub.fixups.push(Fixup { pc, name: name.clone(), span: *sp });
            }
        }
        for o in &ops {
            note_regs(&mut sub.info.regs, o, &self.code);
        }
    }

    pub(super) fn arg_list_op(&mut self, m: &str, args: Vec<(Arg0, Span)>, span: Span) {
        self.ensure_sub();
        let Some((Arg0::Str(sig), sig_span)) = args.first().cloned() else {
            return self.err(K::BadOperands, span, format!("'{m}' needs a flags string first: {m} \"0, 0\", I0, I1"));
        };
        let sig_text = sig.to_text();
        let mut fl = Vec::new();
        if !sig_text.trim().is_empty() {
            for part in sig_text.split(',') {
                match parse_int_lit(part.trim()) {
                    Some(v) if (0..=0xffff).contains(&v) => fl.push(v as u32),
                    _ => {
                        return self.err(
                            K::BadOperands,
                            sig_span,
                            format!("bad flag '{}' in the flags string", part.trim()),
                        )
                    }
                }
            }
        }
        if fl.len() != args.len() - 1 {
            return self.err(
                K::BadOperands,
                sig_span,
                format!("the flags string has {} entries but {} values follow", fl.len(), args.len() - 1),
            );
        }
        let receiving = matches!(m, "get_params" | "get_results");
        let mut list = Vec::new();
        for ((a, sp), f) in args[1..].iter().zip(fl) {
            let value = match a {
                Arg0::Reg('I', r) => ArgValue::I(IReg(*r)),
                Arg0::Reg('N', r) => ArgValue::N(NReg(*r)),
                Arg0::Reg('S', r) => ArgValue::S(SReg(*r)),
                Arg0::Reg(_, r) => ArgValue::P(PReg(*r)),
                Arg0::Int(v) if !receiving => ArgValue::Ic(*v),
                Arg0::Num(v) if !receiving => ArgValue::Nc(*v),
                Arg0::Str(s) if !receiving || f & flags::NAMED != 0 => ArgValue::Sc(StrId(self.intern(s.clone()))),
                other => {
                    return self.err(
                        K::BadOperands,
                        *sp,
                        format!("'{m}' cannot take {} here (registers only)", other.describe()),
                    );
                }
            };
            if f & flags::OPT_FLAG != 0 && !matches!(value, ArgValue::I(_)) {
                return self.err(K::BadOperands, *sp, "an :opt_flag parameter must be an I register");
            }
            if receiving && f & flags::FLAT_SLURPY != 0 && !matches!(value, ArgValue::P(_)) {
                return self.err(K::BadOperands, *sp, "a :slurpy parameter must be a P register");
            }
            list.push(Arg { flags: f, value });
        }
        let sub = self.sub.as_mut().expect("instruction ensured a sub");
        for a in &list {
            let (k, r) = match a.value {
                ArgValue::I(r) => (0, r.0),
                ArgValue::N(r) => (1, r.0),
                ArgValue::S(r) => (2, r.0),
                ArgValue::P(r) => (3, r.0),
                _ => continue,
            };
            if r < VIRTUAL_BASE {
                sub.info.regs[k] = sub.info.regs[k].max(r + 1);
            }
        }
        self.code.args.push(list);
        let id = kea_vm::op::ArgsId((self.code.args.len() - 1) as u32);
        let op = match m {
            "set_args" => Op::set_args_pc { args: id },
            "get_params" => Op::get_params_pc { params: id },
            "set_returns" => Op::set_returns_pc { values: id },
            _ => Op::get_results_pc { results: id },
        };
        self.code.ops.push(op);
        self.code.spans.push(span);
    }

    pub(super) fn finish_sub(&mut self) {
        if let Some(c) = self.long_call.take() {
            let (open, close) = if c.ret { (".begin_return", ".end_return") } else { (".begin_call", ".end_call") };
            self.err(K::Syntax, c.span, format!("'{open}' has no '{close}' before the sub ends"));
        }
        self.flush_params();
        let Some(mut sub) = self.sub.take() else { return };
        sub.info.end = self.code.ops.len() as u32;
        if sub.virtuals.iter().any(|&n| n > 0) {
            self.renumber_virtuals(&mut sub);
        }
        for fx in std::mem::take(&mut sub.fixups) {
            match sub.labels.get(&fx.name) {
                Some(&target) => {
                    let op = self.code.ops[fx.pc];
                    let mut ops: Vec<Operand> = op.operands().to_vec();
                    for o in ops.iter_mut() {
                        if let Operand::L(l) = o {
                            if l.0 == u32::MAX {
                                *o = Operand::L(Label(target));
                                break;
                            }
                        }
                    }
                    if let Some(new) = Op::build(op.opcode(), &ops) {
                        self.code.ops[fx.pc] = new;
                    }
                }
                None => {
                    let sname = sub.info.name.clone();
                    let known: Vec<&String> = sub.labels.keys().collect();
                    let help = known
                        .iter()
                        .filter(|k| edit_distance(k, &fx.name) <= 2)
                        .min_by_key(|k| edit_distance(k, &fx.name))
                        .map(|k| format!("did you mean '{k}'?"));
                    self.err_help(K::UnknownLabel, fx.span, format!("no label '{}' in sub '{sname}'", fx.name), help);
                }
            }
        }
        // A sub never runs into the next one (whose frame has other registers): one that does
        // not end in an unconditional transfer returns, as Parrot's PIR subs do. This also
        // gives a label at the very end of a sub an op to land on.
        let ends = match self.code.ops[sub.info.start as usize..sub.info.end as usize].last() {
            Some(op) => matches!(
                op,
                Op::returncc {}
                    | Op::end {}
                    | Op::branch_ic { .. }
                    | Op::jump_i { .. }
                    | Op::tailcall_p { .. }
                    | Op::local_return_p { .. }
                    | Op::exit_ic { .. }
            ),
            None => false,
        };
        if !ends || sub.labels.values().any(|&pc| pc == sub.info.end) {
            let span = self.code.spans.last().copied().unwrap_or_default();
            self.code.ops.push(Op::returncc {});
            self.code.spans.push(span);
            sub.info.end += 1;
        }
        self.subids.push(sub.subid.take());
        self.code.subs.push(sub.info);
    }
}

fn note_regs(regs: &mut [u16; 4], o: &Operand, code: &Code) {
    // Virtual registers are counted when the sub ends and they are renumbered.
    let mut note = |k: usize, r: u16| {
        if r < VIRTUAL_BASE {
            regs[k] = regs[k].max(r + 1)
        }
    };
    match *o {
        Operand::I(r) => note(0, r.0),
        Operand::N(r) => note(1, r.0),
        Operand::S(r) => note(2, r.0),
        Operand::P(r) => note(3, r.0),
        Operand::Ix(a) => {
            if let Ok(r) = a.split() {
                note(0, r)
            }
        }
        Operand::Nx(a) => {
            if let Ok(r) = a.split() {
                note(1, r)
            }
        }
        Operand::Sx(a) => {
            if let Ok(r) = a.split() {
                note(2, r)
            }
        }
        Operand::K(k) => {
            for p in &code.keys[k.0 as usize] {
                match *p {
                    KeyPart::Int(a) => {
                        if let Ok(r) = a.split() {
                            note(0, r)
                        }
                    }
                    KeyPart::Str(a) => {
                        if let Ok(r) = a.split() {
                            note(2, r)
                        }
                    }
                    KeyPart::Pmc(r) => note(3, r.0),
                }
            }
        }
        _ => {}
    }
}
