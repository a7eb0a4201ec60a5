//! Named constants: `.const TYPE NAME = VALUE` (and `.globalconst`, the same here: every
//! `.const` is visible to the rest of the file), and the PMC constants IMCC builds at compile
//! time, `.const 'Sub' NAME = 'subid'` and `.const 'FixedIntegerArray' NAME = '(1, 2)'`
//! (`mk_pmc_const_named` in `compilers/imcc/imcc.y`, `make_pmc_const` in
//! `compilers/imcc/pbc.c`).
//!
//! Kea has no PMC constants in its code objects, so a PMC constant becomes a register set
//! where the `.const` stands: a `Sub` is `find_sub_not_null NAME, "name"`, where `name` is
//! the sub whose `:subid` (by default its name) is the one written, found anywhere in the
//! file as IMCC's `find_sub_by_subid` does (patched when the file ends, so later subs count);
//! a name no sub of the file has is looked up when the op runs, which is also what Parrot
//! falls back to. A `FixedIntegerArray` is `new`, `set` (its size) and keyed `set`s; an
//! `Integer`, `Float` or `String` is `new` and `set` of the value read at assembly time.

use super::pir::type_kind;
use super::{Arg0, Asm, Line};
use crate::error::AsmErrorKind as K;
use crate::lexer::T;
use kea_vm::code::{KeyPart, Span};
use kea_vm::op::{IArg, Op, Operand, SArg};
use kea_vm::string::Str;

/// The number at the start of `s` (after blanks), as Parrot's `Parrot_str_to_int` and
/// `Parrot_str_to_num` read it: 0 when there is none.
fn num_prefix(s: &str, float: bool) -> f64 {
    let s = s.trim_start();
    let b = s.as_bytes();
    let mut end = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    let digits = |mut k: usize| {
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        k
    };
    end = digits(end);
    if float {
        if b.get(end) == Some(&b'.') {
            end = digits(end + 1);
        }
        if matches!(b.get(end), Some(b'e' | b'E')) {
            let k = end + 1 + usize::from(matches!(b.get(end + 1), Some(b'-' | b'+')));
            if digits(k) > k {
                end = digits(k);
            }
        }
    }
    s[..end].parse::<f64>().unwrap_or(0.0)
}

/// A `find_sub_not_null` of a `.const 'Sub'`, resolved when the file ends.
pub(super) struct SubConst {
    pc: usize,
    subid: String,
    namespace: Vec<String>,
}

impl Asm<'_> {
    pub(super) fn pir_const(&mut self, line: &Line) {
        let span = line.span(&line.toks[0]);
        let (Some(tt), Some(nt), Some(eq)) = (line.toks.get(1), line.toks.get(2), line.toks.get(3)) else {
            return self.err(K::Syntax, span, "expected '.const TYPE NAME = VALUE'");
        };
        if eq.kind != Some(T::Assign) {
            return self.err(K::Syntax, line.span(eq), "expected '=' in .const");
        }
        if matches!(tt.kind, Some(T::SqString | T::DqString)) {
            let ty = line.text(tt);
            let ty = ty[1..ty.len() - 1].to_string();
            return self.pmc_const(line, &ty, span);
        }
        let tname = line.text(tt).to_string();
        let kind = type_kind(&tname);
        if kind.is_none() || kind == Some('P') {
            let help = "a .const is int, num or string; a PMC constant names its type: .const 'Sub' f = 'name'";
            return self.err_help(
                K::Syntax,
                line.span(tt),
                format!("wrong .const value: no constant of type '{tname}'"),
                Some(help.into()),
            );
        }
        let mut i = 4;
        let Some((v, vspan)) = self.operand(line, &mut i) else { return };
        let v = match (kind, v) {
            (Some('I'), v @ Arg0::Int(_)) | (Some('N'), v @ Arg0::Num(_)) | (Some('S'), v @ Arg0::Str(_)) => v,
            (Some('N'), Arg0::Int(n)) => Arg0::Num(n as f64),
            (Some('I'), Arg0::Num(n)) => Arg0::Int(n as i64),
            (_, v) => {
                return self.err(
                    K::Syntax,
                    vspan,
                    format!("wrong .const value: a .const {tname} takes a {tname} constant, found {}", v.describe()),
                );
            }
        };
        if i < line.toks.len() {
            let t = line.toks[i];
            return self.err(
                K::Syntax,
                line.span(&t),
                format!("unexpected '{}' after the .const value", line.text(&t)),
            );
        }
        self.pir_consts.insert(line.text(nt).to_string(), v);
    }

    /// `.const 'Type' NAME = "value"`.
    fn pmc_const(&mut self, line: &Line, ty: &str, span: Span) {
        let nt = line.toks[2];
        let vt = line.toks.get(4).copied();
        let Some(value) = vt.filter(|t| matches!(t.kind, Some(T::SqString | T::DqString | T::EncString))) else {
            let sp = vt.map_or(span, |t| line.span(&t));
            return self.err(K::Syntax, sp, format!("a .const '{ty}' takes a string: .const '{ty}' NAME = \"...\""));
        };
        let Some(text) = self.string_const(line, &value) else { return };
        let nspan = line.span(&nt);
        let name = line.text(&nt).to_string();
        // The target: a register as written, or the name, declared as a PMC of this sub.
        let target = match nt.kind {
            Some(T::VReg | T::Ident) if name.starts_with('$') || super::operand::is_reg(&name).is_some() => {
                let mut j = 2;
                match self.operand(line, &mut j) {
                    Some((a @ Arg0::Reg('P', _), _)) => a,
                    Some(_) => return self.err(K::Syntax, nspan, "a PMC constant needs a P register"),
                    None => return,
                }
            }
            Some(T::Ident) => match self.declare_const_pmc(name, nspan) {
                Some(a) => a,
                None => return,
            },
            _ => return self.err(K::Syntax, nspan, format!("expected a name, found '{name}'")),
        };
        match ty {
            "Sub" | "Coroutine" => {
                let subid = text.to_text();
                let pc = self.code.ops.len();
                self.select_emit("find_sub_not_null", vec![(target, nspan), (Arg0::Str(text), span)], span, span);
                if self.code.ops.len() == pc + 1 {
                    let namespace = self.namespace.clone();
                    self.sub_consts.push(SubConst { pc, subid, namespace });
                }
            }
            "FixedIntegerArray" => self.fia_const(target, &text.to_text(), nspan, line.span(&value)),
            // `make_pmc_const`: the value read as a number, or the string itself.
            "Integer" | "Float" | "String" => {
                let t = text.to_text();
                let v = match ty {
                    "Integer" => Arg0::Int(num_prefix(&t, false) as i64),
                    "Float" => Arg0::Num(num_prefix(&t, true)),
                    _ => Arg0::Str(text),
                };
                let class = Arg0::Str(Str::from(ty));
                self.select_emit("new", vec![(target.clone(), nspan), (class, span)], span, span);
                self.select_emit("set", vec![(target, nspan), (v, span)], span, span);
            }
            _ => self.err_help(
                K::Syntax,
                line.span(&line.toks[1]),
                format!("Can't generate PMC constant for this type: '{ty}'"),
                Some(
                    "PMC constants are Sub, Integer, Float, String and FixedIntegerArray; make others with new".into(),
                ),
            ),
        }
    }

    fn declare_const_pmc(&mut self, name: String, span: Span) -> Option<Arg0> {
        self.ensure_sub();
        if let Some(&(k, r)) = self.sub.as_ref().and_then(|s| s.names.get(&name)) {
            if k == 'P' {
                return Some(Arg0::Reg(k, r));
            }
        }
        self.declare(name, 'P', span)
    }

    /// `.const 'FixedIntegerArray' a = "(1, 0x2, 010)"`, read as `init_fixedintegerarray_from_string`
    /// (`compilers/imcc/pbc.c`) reads it: numbers in base 10, or 2, 16 and 8 after `0b`, `0x`, `0`.
    fn fia_const(&mut self, target: Arg0, text: &str, span: Span, vspan: Span) {
        let body = text.trim_matches(|c| c == ' ' || c == '\t' || c == '(' || c == ')');
        let mut elems = Vec::new();
        if !body.is_empty() {
            for (n, part) in body.split(',').enumerate() {
                let p = part.trim_matches(|c| c == ' ' || c == '\t');
                let (base, digits) = match p.as_bytes() {
                    [b'0', b'b' | b'B', ..] => (2, &p[2..]),
                    [b'0', b'x' | b'X', ..] => (16, &p[2..]),
                    [b'0', ..] if p.len() > 1 => (8, &p[1..]),
                    _ => (10, p),
                };
                // A value ends at a blank: more text before the next comma is the error
                // Parrot reports as a missing ','.
                let (digits, rest) = digits.split_once([' ', '\t']).unwrap_or((digits, ""));
                if !rest.trim().is_empty() {
                    return self.err(K::Syntax, vspan, "expected ',' in FixedIntegerArray initialization");
                }
                match i64::from_str_radix(digits, base) {
                    Ok(v) if !digits.starts_with(['-', '+']) => elems.push(v),
                    _ if digits.is_empty() && n == 0 && base == 10 => {}
                    _ => {
                        let m = format!("invalid number '{p}' in FixedIntegerArray initialization");
                        return self.err(K::Syntax, vspan, m);
                    }
                }
            }
        }
        let ty = Arg0::Str(Str::from("FixedIntegerArray"));
        self.select_emit("new", vec![(target.clone(), span), (ty, span)], span, span);
        self.select_emit("set", vec![(target.clone(), span), (Arg0::Int(elems.len() as i64), span)], span, span);
        for (i, v) in elems.into_iter().enumerate() {
            let key = Arg0::Key(vec![KeyPart::Int(IArg::constant({
                let c = self.int_const(i as i64);
                match self.flex_ok(c, span) {
                    Some(c) => c,
                    None => return,
                }
            }))]);
            self.select_emit("set", vec![(target.clone(), span), (key, span), (Arg0::Int(v), span)], span, span);
        }
    }

    /// Points each `.const 'Sub'` at the sub whose subid it names, now that all are known.
    pub(super) fn resolve_sub_consts(&mut self) {
        for sc in std::mem::take(&mut self.sub_consts) {
            let found =
                self.code.subs.iter().enumerate().find(|(i, s)| {
                    self.subids.get(*i).and_then(|x| x.as_deref()).unwrap_or(s.name.as_str()) == sc.subid
                });
            let Some((_, sub)) = found else { continue };
            let name = if sub.namespace.is_empty() || sub.namespace == sc.namespace {
                sub.name.clone()
            } else {
                format!("{}::{}", sub.namespace.join("::"), sub.name)
            };
            if name == sc.subid {
                continue;
            }
            let c = self.intern(Str::from(name.as_str()));
            let span = self.code.spans.get(sc.pc).copied().unwrap_or_default();
            let Some(c) = self.flex_ok(c, span) else { return };
            let op = self.code.ops[sc.pc];
            let mut ops = op.operands().to_vec();
            if let Some(o @ Operand::Sx(_)) = ops.get_mut(1) {
                *o = Operand::Sx(SArg::constant(c));
            }
            if let Some(new) = Op::build(op.opcode(), &ops) {
                self.code.ops[sc.pc] = new;
            }
        }
    }
}
