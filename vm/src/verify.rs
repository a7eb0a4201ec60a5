//! The verifier: one pass over a code object before it runs. Every register index must fit
//! its sub's frame, every jump must land inside its own sub, and every constant, key and
//! argument-list index must exist. A verified program can index registers and pools without
//! ever going out of bounds (the loop still checks; see STYLE §9).

use crate::code::{ArgValue, Code, KeyPart};
use crate::op::Operand;

/// A verification failure: which op, and what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifyError {
    /// The op's index.
    pub pc: u32,
    /// What is wrong.
    pub message: String,
}

/// Checks `code`; returns every problem found.
pub fn verify(code: &Code) -> Vec<VerifyError> {
    let mut errs = Vec::new();
    if code.spans.len() != code.ops.len() {
        errs.push(VerifyError { pc: 0, message: "debug table does not match the ops".into() });
    }
    for sub in &code.subs {
        if sub.start > sub.end || sub.end as usize > code.ops.len() {
            errs.push(VerifyError { pc: sub.start, message: format!("sub '{}' has an invalid range", sub.name) });
            continue;
        }
        for pc in sub.start..sub.end {
            let op = &code.ops[pc as usize];
            let mut bad = |m: String| errs.push(VerifyError { pc, message: m });
            let reg = |kind: usize, r: u16, bad: &mut dyn FnMut(String)| {
                if r >= sub.regs[kind] {
                    let k = ["I", "N", "S", "P"][kind];
                    bad(format!(
                        "register {k}{r} is outside the frame of sub '{}' ({} {k} registers)",
                        sub.name, sub.regs[kind]
                    ));
                }
            };
            let pool = |what: &str, i: u32, len: usize, bad: &mut dyn FnMut(String)| {
                if i as usize >= len {
                    bad(format!("{what} constant {i} does not exist"));
                }
            };
            let ix = |a: crate::op::IArg, bad: &mut dyn FnMut(String)| match a.split() {
                Ok(r) => reg(0, r, bad),
                Err(c) => pool("integer", c, code.ints.len(), bad),
            };
            let sx = |a: crate::op::SArg, bad: &mut dyn FnMut(String)| match a.split() {
                Ok(r) => reg(2, r, bad),
                Err(c) => pool("string", c, code.strs.len(), bad),
            };
            for o in op.operands() {
                match o {
                    Operand::I(r) => reg(0, r.0, &mut bad),
                    Operand::N(r) => reg(1, r.0, &mut bad),
                    Operand::S(r) => reg(2, r.0, &mut bad),
                    Operand::P(r) => reg(3, r.0, &mut bad),
                    Operand::Ix(a) => ix(a, &mut bad),
                    Operand::Nx(a) => match a.split() {
                        Ok(r) => reg(1, r, &mut bad),
                        Err(c) => pool("number", c, code.nums.len(), &mut bad),
                    },
                    Operand::Sx(a) => sx(a, &mut bad),
                    Operand::Sc(s) => pool("string", s.0, code.strs.len(), &mut bad),
                    Operand::L(l) => {
                        if l.0 < sub.start || l.0 >= sub.end {
                            bad(format!("jump target {} is outside sub '{}'", l.0, sub.name));
                        }
                    }
                    Operand::K(k) => match code.keys.get(k.0 as usize) {
                        None => bad(format!("key {} does not exist", k.0)),
                        Some(parts) => {
                            for p in parts {
                                match *p {
                                    KeyPart::Int(a) => ix(a, &mut bad),
                                    KeyPart::Str(a) => sx(a, &mut bad),
                                    KeyPart::Pmc(r) => reg(3, r.0, &mut bad),
                                }
                            }
                        }
                    },
                    Operand::V(a) => match code.args.get(a.0 as usize) {
                        None => bad(format!("argument list {} does not exist", a.0)),
                        Some(list) => {
                            for arg in list {
                                match arg.value {
                                    ArgValue::I(r) => reg(0, r.0, &mut bad),
                                    ArgValue::N(r) => reg(1, r.0, &mut bad),
                                    ArgValue::S(r) => reg(2, r.0, &mut bad),
                                    ArgValue::P(r) => reg(3, r.0, &mut bad),
                                    ArgValue::Sc(s) => pool("string", s.0, code.strs.len(), &mut bad),
                                    ArgValue::Ic(_) | ArgValue::Nc(_) => {}
                                }
                            }
                        }
                    },
                    Operand::Ic(_) | Operand::Nc(_) => {}
                }
            }
        }
    }
    let covered: usize = code.subs.iter().map(|s| (s.end - s.start) as usize).sum();
    if covered != code.ops.len() {
        errs.push(VerifyError { pc: 0, message: "ops outside every sub".into() });
    }
    errs
}
