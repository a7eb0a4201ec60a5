//! The PIR-like layer (PDD 19, PDD-NOTES §3.4), lowered statement by statement to the same
//! ops PASM uses, through the same variant selection, so diagnostics keep their spans into
//! the PIR source and `kea dis` shows exactly what runs.
//!
//! | PIR | becomes |
//! |---|---|
//! | `.sub f :main` ... `.end` | a sub; `.param`s become one `get_params` at its start |
//! | `.local int x`, `$I0` | virtual registers, renumbered after the sub's explicit ones |
//! | `a = b`, `a = b + c`, `a += b`, `a = -b` | `set`, `add a, b, c`, `add a, b`, `neg a, b` |
//! | `a = opname x, y` | `opname a, x, y` |
//! | `a = b[k]`, `a[k] = b` | keyed `set` |
//! | `goto L`, `if x goto L`, `if a < b goto L`, `if null x goto L` | `branch`, `if`, `lt`, `if_null` |
//! | `r = f(x)`, `(r, s) = f(x)`, `f(x)` | `set_args`, `find_name`, `invokecc`, `get_results` |
//! | `.return (x)`, `.tailcall f(x)` | `set_returns` + `returncc`, `set_args` + `tailcall` |
//! | `.get_results ($P0)` | `get_results` (a handler's exception) |

use super::{kind_index, Arg0, Asm, Line, SubBuild, VIRTUAL_BASE};
use crate::error::AsmErrorKind as K;
use crate::lexer::T;
use kea_vm::code::{ArgValue, KeyPart, Span, SubInfo};
use kea_vm::op::{self, IArg, IReg, NArg, NReg, Op, Operand, PReg, SArg, SReg};
use kea_vm::string::Str;

/// The op for an infix operator: `(mnemonic, compares)`.
fn infix(op: &str) -> Option<&'static str> {
    Some(match op {
        "+" => "add",
        "-" => "sub",
        "*" => "mul",
        "/" => "div",
        "%" => "mod",
        "**" => "pow",
        "." => "concat",
        "<<" => "shl",
        ">>" => "shr",
        ">>>" => "lsr",
        "&" => "band",
        "|" => "bor",
        "~" => "bxor",
        "&&" => "and",
        "||" => "or",
        "~~" => "xor",
        "==" => "iseq",
        "!=" => "isne",
        "<" => "islt",
        "<=" => "isle",
        ">" => "isgt",
        ">=" => "isge",
        _ => return None,
    })
}

/// The branch for a comparison in `if a OP b goto L`, and its inverse for `unless`.
fn branch_op(op: &str, negate: bool) -> Option<&'static str> {
    let (pos, neg) = match op {
        "==" => ("eq", "ne"),
        "!=" => ("ne", "eq"),
        "<" => ("lt", "ge"),
        "<=" => ("le", "gt"),
        ">" => ("gt", "le"),
        ">=" => ("ge", "lt"),
        _ => return None,
    };
    Some(if negate { neg } else { pos })
}

pub(super) fn type_kind(t: &str) -> Option<char> {
    Some(match t {
        "int" => 'I',
        "num" => 'N',
        "string" => 'S',
        "pmc" => 'P',
        _ => return None,
    })
}

/// Operands with their spans.
pub(super) type Spanned = Vec<(Arg0, Span)>;

/// A method call: the invocant, the method name, and the `set_args` list.
pub(super) type MethodCall = ((Arg0, Span), (Arg0, Span), Spanned);

pub(super) fn flags_str(flags: &[u32]) -> Arg0 {
    let s: Vec<String> = flags.iter().map(|f| format!("{f:#x}")).collect();
    Arg0::Str(Str::from(s.join(",")))
}

impl Asm<'_> {
    /// A virtual register by name (`I0` for `$I0`), handed out on first use.
    pub(super) fn virtual_reg(&mut self, name: &str, span: Span) -> Option<Arg0> {
        self.ensure_sub();
        let k = name.chars().next().unwrap_or('I');
        let key = format!("${name}");
        let sub = self.sub.as_mut()?;
        if let Some(&(k, r)) = sub.names.get(&key) {
            return Some(Arg0::Reg(k, r));
        }
        let n = &mut sub.virtuals[kind_index(k)];
        if *n >= 0x3000 {
            self.err(K::RegisterOutOfRange, span, "too many PIR registers in one sub");
            return None;
        }
        let r = VIRTUAL_BASE + *n;
        *n += 1;
        sub.names.insert(key, (k, r));
        Some(Arg0::Reg(k, r))
    }

    pub(super) fn declare(&mut self, name: String, k: char, span: Span) -> Option<Arg0> {
        self.ensure_sub();
        let sub = self.sub.as_mut()?;
        // IMCC's `_mk_symreg` (`compilers/imcc/symreg.c`) gives a name declared again with
        // the same type the register it has; with another type it is an error here.
        if let Some(&(had, r)) = sub.names.get(&name) {
            if had == k {
                return Some(Arg0::Reg(k, r));
            }
            let sname = sub.info.name.clone();
            self.err(K::DuplicateLabel, span, format!("'{name}' is declared twice in sub '{sname}'"));
            return None;
        }
        let n = &mut sub.virtuals[kind_index(k)];
        let r = VIRTUAL_BASE + *n;
        *n += 1;
        sub.names.insert(name, (k, r));
        Some(Arg0::Reg(k, r))
    }

    pub(super) fn temp_p(&mut self, span: Span) -> Option<Arg0> {
        self.virtual_reg("P__call", span)
    }

    /// Emits the pending `.param`s as one `get_params`.
    pub(super) fn flush_params(&mut self) {
        let Some(sub) = self.sub.as_mut() else { return };
        if sub.params.is_empty() {
            return;
        }
        let params = std::mem::take(&mut sub.params);
        let span = params[0].2;
        let flags: Vec<u32> = params.iter().map(|p| p.1).collect();
        let mut args = vec![(flags_str(&flags), span)];
        args.extend(params.into_iter().map(|(a, _, s)| (a, s)));
        self.arg_list_op("get_params", args, span);
    }

    /// Renumbers a finished sub's virtual registers to follow its explicit ones.
    pub(super) fn renumber_virtuals(&mut self, sub: &mut SubBuild) {
        let base = sub.info.regs;
        let map = |k: usize, r: u16| if r >= VIRTUAL_BASE { base[k] + (r - VIRTUAL_BASE) } else { r };
        for pc in sub.info.start as usize..sub.info.end as usize {
            let op = self.code.ops[pc];
            let mut ops = op.operands().to_vec();
            for o in ops.iter_mut() {
                match o {
                    Operand::I(r) => r.0 = map(0, r.0),
                    Operand::N(r) => r.0 = map(1, r.0),
                    Operand::S(r) => r.0 = map(2, r.0),
                    Operand::P(r) => r.0 = map(3, r.0),
                    Operand::Ix(a) => {
                        if let Ok(r) = a.split() {
                            *a = IArg::reg(map(0, r))
                        }
                    }
                    Operand::Nx(a) => {
                        if let Ok(r) = a.split() {
                            *a = NArg::reg(map(1, r))
                        }
                    }
                    Operand::Sx(a) => {
                        if let Ok(r) = a.split() {
                            *a = SArg::reg(map(2, r))
                        }
                    }
                    Operand::K(k) => {
                        for part in self.code.keys[k.0 as usize].iter_mut() {
                            match part {
                                KeyPart::Int(a) => {
                                    if let Ok(r) = a.split() {
                                        *a = IArg::reg(map(0, r))
                                    }
                                }
                                KeyPart::Str(a) => {
                                    if let Ok(r) = a.split() {
                                        *a = SArg::reg(map(2, r))
                                    }
                                }
                                KeyPart::Pmc(r) => r.0 = map(3, r.0),
                            }
                        }
                    }
                    Operand::V(a) => {
                        for arg in self.code.args[a.0 as usize].iter_mut() {
                            arg.value = match arg.value {
                                ArgValue::I(r) => ArgValue::I(IReg(map(0, r.0))),
                                ArgValue::N(r) => ArgValue::N(NReg(map(1, r.0))),
                                ArgValue::S(r) => ArgValue::S(SReg(map(2, r.0))),
                                ArgValue::P(r) => ArgValue::P(PReg(map(3, r.0))),
                                v => v,
                            };
                        }
                    }
                    _ => {}
                }
            }
            if let Some(new) = Op::build(op.opcode(), &ops) {
                self.code.ops[pc] = new;
            }
        }
        for (k, regs) in sub.info.regs.iter_mut().enumerate() {
            *regs = base[k] + sub.virtuals[k];
        }
    }

    /// Handles a PIR statement; `false` if the line is PASM (an instruction or directive).
    pub(super) fn pir_statement(&mut self, line: &Line) -> bool {
        let t0 = line.toks[0];
        let text0 = line.text(&t0).to_string();
        let span0 = line.span(&t0);
        let has = |kind: T| line.toks.iter().any(|t| t.kind == Some(kind));
        if self.long_call(line) {
            return true;
        }
        match (t0.kind, text0.as_str()) {
            (Some(T::Dot), ".sub") => self.pir_sub(line),
            (Some(T::Dot), ".end") => {
                if self.sub.as_ref().is_some_and(|s| s.pir) {
                    self.finish_sub();
                } else {
                    self.err(K::Syntax, span0, "'.end' without '.sub'");
                }
            }
            (Some(T::Dot), ".param") => self.pir_param(line),
            (Some(T::Dot), ".local") => self.pir_local(line),
            (Some(T::Dot), ".const" | ".globalconst") => self.pir_const(line),
            (Some(T::Dot), ".return") => self.pir_return(line),
            (Some(T::Dot), ".get_results") => {
                // `.get_results ($P0)`: where a handler receives its exception.
                if let Some((vals, flags)) = self.value_list(line, 1, line.toks.len()) {
                    let mut args = vec![(flags_str(&flags), span0)];
                    args.extend(vals);
                    self.emit_pir("get_results", args, span0);
                }
            }
            (Some(T::Dot), ".tailcall") => {
                let (sub, args) = match self.call_parts(line, 1, line.toks.len()) {
                    Some(x) => x,
                    None => return true,
                };
                self.emit_pir("set_args", args, span0);
                self.emit_pir("tailcall", vec![sub], span0);
            }
            (Some(T::Ident), "goto") => {
                let mut i = 1;
                if let Some(l) = self.label_operand(line, &mut i) {
                    self.emit_pir("branch", vec![l], span0);
                }
            }
            (Some(T::Ident), "if" | "unless") if line.toks.iter().any(|t| line.text(t) == "goto") => self.pir_if(line),
            _ if has(T::Assign) || has(T::OpAssign) => self.pir_assign(line),
            (Some(T::Ident | T::VReg | T::SqString | T::DqString), _)
                if line.toks.get(1).map(|t| t.kind) == Some(Some(T::LParen)) =>
            {
                if let Some((sub, args)) = self.call_parts(line, 0, line.toks.len()) {
                    self.emit_pir("set_args", args, span0);
                    self.emit_pir("invokecc", vec![sub], span0);
                }
            }
            (Some(T::Ident | T::VReg), _) if self.is_method_call(line, 0) => {
                if let Some((obj, name, args)) = self.method_parts(line, 0, line.toks.len()) {
                    self.emit_pir("set_args", args, span0);
                    self.emit_pir("callmethodcc", vec![obj, name], span0);
                }
            }
            _ => return false,
        }
        true
    }

    /// Emits one lowered op; `args` carry their own spans.
    pub(super) fn emit_pir(&mut self, mnemonic: &str, args: Vec<(Arg0, Span)>, span: Span) {
        if matches!(mnemonic, "set_args" | "get_params" | "set_returns" | "get_results") {
            self.flush_params();
            self.arg_list_op(mnemonic, args, span);
        } else {
            self.select_emit(mnemonic, args, span, span);
        }
    }

    fn label_operand(&mut self, line: &Line, i: &mut usize) -> Option<(Arg0, Span)> {
        let Some(t) = line.toks.get(*i).copied() else {
            let last = line.toks[line.toks.len() - 1];
            self.err(K::Syntax, line.span(&last), format!("expected a label after '{}'", line.text(&last)));
            return None;
        };
        if t.kind == Some(T::MacroLabel) {
            // Reported as an operand: a macro's local label outside its macro.
            return self.operand(line, i);
        }
        *i += 1;
        if t.kind != Some(T::Ident) {
            self.err(K::Syntax, line.span(&t), format!("expected a label, found '{}'", line.text(&t)));
            return None;
        }
        Some((Arg0::Label(line.text(&t).to_string()), line.span(&t)))
    }

    fn pir_sub(&mut self, line: &Line) {
        let span = line.span(&line.toks[0]);
        let Some(nt) = line.toks.get(1) else { return self.err(K::Syntax, span, "expected a sub name after '.sub'") };
        let name = match nt.kind {
            Some(T::Ident) => line.text(nt).to_string(),
            // `"..."` names take escapes; `utf8:"..."` names their encoding (IMCC's
            // `sub_label_op_c`).
            Some(T::SqString | T::DqString | T::EncString) => match self.string_const(line, nt) {
                Some(s) => s.to_text(),
                None => return,
            },
            _ => return self.err(K::Syntax, line.span(nt), "expected a sub name after '.sub'"),
        };
        let mut main = false;
        let mut flags = Vec::new();
        let mut subid = None;
        let mut i = 2;
        while i < line.toks.len() {
            let t = line.toks[i];
            i += 1;
            let f = line.text(&t);
            match (t.kind, f) {
                (Some(T::Flag), ":main") => main = true,
                (Some(T::Flag), ":load" | ":init" | ":anon" | ":method" | ":immediate" | ":postcomp") => {
                    flags.push(f.to_string())
                }
                (Some(T::Flag), ":outer" | ":subid" | ":multi" | ":nsentry" | ":vtable" | ":instanceof" | ":lex") => {
                    flags.push(f.to_string());
                    if f == ":subid" && line.toks.get(i).map(|t| t.kind) == Some(Some(T::LParen)) {
                        if let Some(t) = line.toks.get(i + 1).filter(|t| t.kind != Some(T::RParen)) {
                            subid = self.string_const(line, t).map(|s| s.to_text());
                        }
                    }
                    // Skip a parenthesised argument.
                    if line.toks.get(i).map(|t| t.kind) == Some(Some(T::LParen)) {
                        while i < line.toks.len() && line.toks[i].kind != Some(T::RParen) {
                            i += 1;
                        }
                        i += 1;
                    }
                }
                _ => self.err(K::Syntax, line.span(&t), format!("unknown sub flag '{f}'")),
            }
        }
        self.finish_sub();
        // The first `:main` is the one that runs (IMCC); a later one is an ordinary sub.
        let main = main && !self.code.subs.iter().any(|s| s.main);
        // `:anon` subs have no name to clash on, and `:multi` ones share theirs (IMCC).
        let shares = |f: &[String]| f.iter().any(|f| f == ":anon" || f == ":multi");
        if !shares(&flags)
            && self.code.subs.iter().any(|s| s.name == name && s.namespace == self.namespace && !shares(&s.flags))
        {
            self.err(K::DuplicateLabel, span, format!("sub '{name}' is defined twice"));
        }
        let start = self.code.ops.len() as u32;
        let namespace = self.namespace.clone();
        let method = flags.iter().any(|f| f == ":method");
        self.sub = Some(SubBuild::new(
            SubInfo { name, start, end: start, main, flags, namespace, ..Default::default() },
            true,
        ));
        if let Some(sub) = self.sub.as_mut() {
            sub.subid = subid;
        }
        if method {
            // A method receives its invocant first, as the local `self`.
            if let Some(reg) = self.declare("self".to_string(), 'P', span) {
                if let Some(sub) = self.sub.as_mut() {
                    sub.params.push((reg, 0, span));
                }
            }
        }
    }

    fn pir_param(&mut self, line: &Line) {
        let span = line.span(&line.toks[0]);
        let (Some(tt), Some(nt)) = (line.toks.get(1), line.toks.get(2)) else {
            return self.err(K::Syntax, span, "expected '.param TYPE NAME'");
        };
        let Some(k) = type_kind(line.text(tt)) else {
            return self.err(
                K::Syntax,
                line.span(tt),
                format!("unknown type '{}' (int, num, string or pmc)", line.text(tt)),
            );
        };
        let mut flags = 0u32;
        let mut name: Option<Str> = None;
        for t in &line.toks[3..] {
            match (t.kind, line.text(t)) {
                (Some(T::Flag), ":optional") => flags |= kea_vm::code::flags::OPTIONAL,
                (Some(T::Flag), ":opt_flag") => flags |= kea_vm::code::flags::OPT_FLAG,
                (Some(T::Flag), ":slurpy") => flags |= kea_vm::code::flags::FLAT_SLURPY,
                (Some(T::Flag), ":named") => flags |= kea_vm::code::flags::NAMED,
                (Some(T::SqString | T::DqString | T::EncString), _) => match self.string_const(line, t) {
                    Some(s) => name = Some(s),
                    None => return,
                },
                (Some(T::LParen | T::RParen), _) => {}
                (_, other) => return self.err(K::Syntax, line.span(t), format!("unknown parameter flag '{other}'")),
            }
        }
        let nspan = line.span(nt);
        let pname = line.text(nt).to_string();
        let Some(reg) = self.declare(pname.clone(), k, nspan) else { return };
        let named = kea_vm::code::flags::NAMED;
        let Some(sub) = self.sub.as_mut() else { return };
        if flags & named != 0 && flags & kea_vm::code::flags::FLAT_SLURPY == 0 {
            // A named parameter: its name (by default the parameter's own), then the target.
            sub.params.push((Arg0::Str(name.unwrap_or_else(|| Str::from(pname))), named, nspan));
            sub.params.push((reg, flags & !named, nspan));
        } else {
            sub.params.push((reg, flags, nspan));
        }
    }

    fn pir_local(&mut self, line: &Line) {
        let span = line.span(&line.toks[0]);
        let Some(tt) = line.toks.get(1) else { return self.err(K::Syntax, span, "expected '.local TYPE NAME, ...'") };
        let Some(k) = type_kind(line.text(tt)) else {
            return self.err(
                K::Syntax,
                line.span(tt),
                format!("unknown type '{}' (int, num, string or pmc)", line.text(tt)),
            );
        };
        for t in &line.toks[2..] {
            match t.kind {
                Some(T::Ident) => {
                    let _ = self.declare(line.text(t).to_string(), k, line.span(t));
                }
                Some(T::Comma) => {}
                _ => return self.err(K::Syntax, line.span(t), format!("expected a name, found '{}'", line.text(t))),
            }
        }
    }

    fn pir_if(&mut self, line: &Line) {
        let t0 = line.toks[0];
        let span = line.span(&t0);
        let negate = line.text(&t0) == "unless";
        let goto = line.toks.iter().position(|t| line.text(t) == "goto").unwrap_or(line.toks.len());
        let mut li = goto + 1;
        let Some(label) = self.label_operand(line, &mut li) else { return };
        let mut i = 1;
        // `if null x goto L`
        if line.toks.get(1).is_some_and(|t| line.text(t) == "null") && goto == 3 {
            i = 2;
            let Some(x) = self.operand(line, &mut i) else { return };
            let m = if negate { "unless_null" } else { "if_null" };
            return self.emit_pir(m, vec![x, label], span);
        }
        let Some(a) = self.operand(line, &mut i) else { return };
        if i == goto {
            return self.emit_pir(if negate { "unless" } else { "if" }, vec![a, label], span);
        }
        let ot = line.toks[i];
        let Some(m) = branch_op(line.text(&ot), negate) else {
            return self.err(
                K::Syntax,
                line.span(&ot),
                format!("expected a comparison or 'goto', found '{}'", line.text(&ot)),
            );
        };
        i += 1;
        let Some(b) = self.operand(line, &mut i) else { return };
        if i != goto {
            return self.err(K::Syntax, line.span(&line.toks[i]), "expected 'goto' after the comparison");
        }
        self.emit_pir(m, vec![a, b, label], span);
    }

    /// Operands until `to`, with a key attached to the operand before it.
    fn operands_until(&mut self, line: &Line, i: &mut usize, to: usize) -> Option<Vec<(Arg0, Span)>> {
        let mut out = Vec::new();
        while *i < to {
            if line.toks[*i].kind == Some(T::Comma) {
                *i += 1;
                continue;
            }
            out.push(self.operand(line, i)?);
        }
        Some(out)
    }

    fn pir_assign(&mut self, line: &Line) {
        let n = line.toks.len();
        let eq = line.toks.iter().position(|t| matches!(t.kind, Some(T::Assign | T::OpAssign))).unwrap_or(n);
        let eq_tok = line.toks[eq];
        let span = Span { end: line.span(&line.toks[n - 1]).end, ..line.span(&line.toks[0]) };
        // Targets: `(a, b) = f()` or one operand, maybe keyed.
        let multi = line.toks[0].kind == Some(T::LParen);
        let mut i = 0;
        let targets = if multi {
            let Some((v, fl)) = self.value_list(line, 0, eq) else { return };
            Some((v, fl))
        } else {
            None
        };
        let lhs = if multi {
            Vec::new()
        } else {
            match self.operands_until(line, &mut i, eq) {
                Some(v) => v,
                None => return,
            }
        };
        let mut j = eq + 1;
        if j >= n {
            return self.err(K::Syntax, line.span(&eq_tok), "expected a value after '='");
        }
        // Compound assignment: `a op= b`.
        if eq_tok.kind == Some(T::OpAssign) {
            let optext = line.text(&eq_tok).trim_end_matches('=').to_string();
            let Some(m) = infix(&optext) else { return self.err(K::Syntax, line.span(&eq_tok), "unknown operator") };
            let Some(rhs) = self.operands_until(line, &mut j, n) else { return };
            let (Some(dst), [b]) = (lhs.first().cloned(), rhs.as_slice()) else {
                return self.err(K::Syntax, span, format!("expected 'a {optext}= b'"));
            };
            // In place where the op has a two-operand form (PMCs stay the same object).
            let two = vec![dst.clone(), b.clone()];
            if op::variants(m).iter().any(|v| v.operands.len() == 2) && self.fits_any(m, &two) {
                return self.emit_pir(m, two, span);
            }
            return self.emit_pir(m, vec![dst.clone(), dst, b.clone()], span);
        }
        let rt = line.toks[j];
        let rtext = line.text(&rt).to_string();
        // Method calls: `r = obj.'m'(...)`, `(r, s) = obj.m(...)`.
        if matches!(rt.kind, Some(T::Ident | T::VReg)) && self.is_method_call(line, j) {
            let Some((obj, name, args)) = self.method_parts(line, j, n) else { return };
            let results = targets.unwrap_or((lhs, vec![0]));
            return self.emit_call(args, "callmethodcc", vec![obj, name], results, span);
        }
        // Calls: `r = f(...)`, `(r, s) = f(...)`.
        if matches!(rt.kind, Some(T::Ident | T::VReg | T::SqString | T::DqString))
            && line.toks.get(j + 1).map(|t| t.kind) == Some(Some(T::LParen))
            && !(rt.kind == Some(T::Ident) && !op::variants(&rtext).is_empty() && self.is_op_form(line, j))
        {
            let Some((sub, args)) = self.call_parts(line, j, n) else { return };
            let results = targets.unwrap_or((lhs, vec![0]));
            return self.emit_call(args, "invokecc", vec![sub], results, span);
        }
        if multi {
            return self.err(K::Syntax, span, "only a call can assign to several targets");
        }
        // Unary: `a = -b`, `a = !b`, `a = ~b`.
        if rt.kind == Some(T::Oper) && matches!(rtext.as_str(), "-" | "!" | "~") {
            j += 1;
            if j == n {
                return self.err(K::Syntax, line.span(&rt), format!("expected an operand after '{rtext}'"));
            }
            let Some(rhs) = self.operands_until(line, &mut j, n) else { return };
            let m = match rtext.as_str() {
                "-" => "neg",
                "!" => "not",
                _ => "bnot",
            };
            let mut args = lhs;
            args.extend(rhs);
            return self.emit_pir(m, args, span);
        }
        // `a = frob x` or `a = frob` with no op and no variable of that name: an unknown op,
        // not a label operand of `set`.
        if rt.kind == Some(T::Ident) && self.is_unknown_word(&rtext) {
            let next = line.toks.get(j + 1).map(|t| t.kind);
            // `a = frob -1` too: an undeclared word is no value to subtract from.
            if !matches!(next, Some(Some(T::Oper | T::LBracket))) {
                return self.select_emit(&rtext, lhs, line.span(&rt), span);
            }
        }
        // `a = opname x, y`: the target becomes the op's first operand.
        if rt.kind == Some(T::Ident) && self.is_op_form(line, j) {
            j += 1;
            let Some(mut rest) = self.operands_until(line, &mut j, n) else { return };
            if rtext == "new" {
                // `new ['Integer']` names the class with a key.
                if let Some((Arg0::Key(parts), sp)) = rest.first().cloned() {
                    if let [KeyPart::Str(a)] = parts.as_slice() {
                        if let Err(c) = a.split() {
                            rest[0] = (Arg0::Str(self.code.strs[c as usize].clone()), sp);
                        }
                    }
                }
            }
            let mut args = lhs;
            args.extend(rest);
            return self.emit_pir(&rtext, args, span);
        }
        let Some(first) = self.operand(line, &mut j) else { return };
        let mut rhs = vec![first];
        // A key right after the value: `a = b[k]`.
        if j < n && line.toks[j].kind == Some(T::LBracket) {
            let Some(k) = self.operand(line, &mut j) else { return };
            rhs.push(k);
        }
        if j == n {
            let mut args = lhs;
            args.extend(rhs);
            return self.emit_pir("set", args, span);
        }
        // Binary: `a = b OP c` (a negative literal right after `b` is `- literal`).
        let ot = line.toks[j];
        let (optext, neg_lit) = match ot.kind {
            Some(T::Oper) => (line.text(&ot).to_string(), false),
            Some(T::Int | T::Float) if line.text(&ot).starts_with('-') => ("-".to_string(), true),
            _ => {
                return self.err(K::Syntax, line.span(&ot), format!("expected an operator, found '{}'", line.text(&ot)))
            }
        };
        let Some(m) = infix(&optext) else {
            return self.err(K::Syntax, line.span(&ot), format!("unknown operator '{optext}'"));
        };
        let rhs2 = if neg_lit {
            let t = line.text(&ot)[1..].to_string();
            let v = if ot.kind == Some(T::Int) {
                t.parse::<i64>().map(Arg0::Int).ok()
            } else {
                t.parse::<f64>().map(Arg0::Num).ok()
            };
            j += 1;
            match v {
                Some(v) => (v, line.span(&ot)),
                None => return self.err(K::IntOutOfRange, line.span(&ot), "number out of range"),
            }
        } else {
            j += 1;
            match self.operand(line, &mut j) {
                Some(v) => v,
                None => return,
            }
        };
        if j != n {
            return self.err(K::Syntax, line.span(&line.toks[j]), "one operator per statement: split the expression");
        }
        let mut args = lhs;
        args.push(rhs.remove(0));
        args.push(rhs2);
        self.emit_pir(m, args, span);
    }

    /// Is `word` neither an op, a register, a declared name nor a constant?
    fn is_unknown_word(&self, word: &str) -> bool {
        op::variants(word).is_empty()
            && super::operand::is_reg(word).is_none()
            && !self.sub.as_ref().is_some_and(|s| s.names.contains_key(word))
            && !self.pir_consts.contains_key(word)
    }

    /// Is `toks[j]` an op name used as `opname operands` (not a variable or a call)?
    fn is_op_form(&self, line: &Line, j: usize) -> bool {
        let text = line.text(&line.toks[j]);
        if op::variants(text).is_empty() {
            return false;
        }
        // A name only Parrot's dynop libraries define is an op there only after `.loadlib`,
        // and `name(...)` is never an op form: with a `(` it is a sub call (`$I0 = fact(10)`).
        if DYNOP_ONLY.contains(&text) && line.toks.get(j + 1).map(|t| t.kind) == Some(Some(T::LParen)) {
            return false;
        }
        if self.sub.as_ref().is_some_and(|s| s.names.contains_key(text)) || self.pir_consts.contains_key(text) {
            return false;
        }
        // `new(...)` style calls are still op forms only when the op takes no parentheses;
        // a name followed by `(` that is an op is treated as the op only if a sub of that
        // name is not being called. Ops win: PIR reserves op names.
        true
    }
}

/// The op names that only Parrot's dynop libraries (src/dynoplibs/*.ops) define, none of the
/// core ops (src/ops/*.ops): Kea always has them, Parrot only after `.loadlib`.
const DYNOP_ONLY: &[&str] = &[
    "acos",
    "acot",
    "asec",
    "asin",
    "atan",
    "backtrace",
    "bands",
    "bnot",
    "bnots",
    "bors",
    "bxors",
    "close",
    "cmod",
    "cos",
    "cosh",
    "cot",
    "coth",
    "covers",
    "csc",
    "debug_break",
    "debug_init",
    "debug_load",
    "debug_print",
    "decodelocaltime",
    "decodetime",
    "exp",
    "exsec",
    "fact",
    "fdopen",
    "gcd",
    "getfile",
    "getline",
    "gmtime",
    "hav",
    "lcm",
    "ln",
    "localtime",
    "log10",
    "log2",
    "lstat",
    "open",
    "peek",
    "pow",
    "printerr",
    "rand",
    "read",
    "readline",
    "rot",
    "sec",
    "sech",
    "seek",
    "setstderr",
    "setstdin",
    "setstdout",
    "sin",
    "sinh",
    "srand",
    "stat",
    "sysinfo",
    "tan",
    "tanh",
    "tell",
    "vers",
];
