//! PIR calls and returns (PDD 3): argument and result lists with their flags, `f(x)`,
//! `obj.'m'(x)`, `.return (x)`, and the long forms IMCC also reads (`pcc_sub_call` and
//! `pcc_ret` in `compilers/imcc/imcc.y`):
//!
//! ```text
//! .begin_call                  .begin_return
//! .set_arg x [:flat|:named..]  .set_return x [:flat|:named..]
//! [.invocant obj]              .end_return
//! .call f [, cont]
//! .get_result r [:slurpy..]    (.local TYPE NAME between them declares a register)
//! .end_call
//! ```
//!
//! `.call` emits `set_args` and the call (`invokecc`, or `callmethodcc` with an `.invocant`),
//! `.end_call` the `get_results`; `.end_return` emits `set_returns` and `returncc`.

use super::pir::{flags_str, MethodCall, Spanned};
use super::{Arg0, Asm, Line};
use crate::error::AsmErrorKind as K;
use crate::lexer::T;
use kea_vm::code::Span;
use kea_vm::string::Str;

/// A `.begin_call` or `.begin_return` being read.
#[derive(Default)]
pub(super) struct LongCall {
    /// `.begin_return` (else `.begin_call`).
    pub(super) ret: bool,
    args: Spanned,
    arg_flags: Vec<u32>,
    invocant: Option<(Arg0, Span)>,
    /// `.call` was read (and emitted).
    called: bool,
    results: Spanned,
    result_flags: Vec<u32>,
    pub(super) span: Span,
}

impl Asm<'_> {
    /// The long call and return forms; `false` if the line is none of them.
    pub(super) fn long_call(&mut self, line: &Line) -> bool {
        let t0 = line.toks[0];
        let span = line.span(&t0);
        let d = line.text(&t0).to_string();
        if !matches!(
            d.as_str(),
            ".begin_call"
                | ".set_arg"
                | ".invocant"
                | ".call"
                | ".get_result"
                | ".end_call"
                | ".begin_return"
                | ".set_return"
                | ".end_return"
        ) {
            return false;
        }
        let open = self.long_call.as_ref().map(|c| c.ret);
        let want = match d.as_str() {
            ".begin_call" | ".begin_return" => None,
            ".set_return" | ".end_return" => Some(true),
            _ => Some(false),
        };
        if open != want {
            let msg = match (open, want) {
                (Some(true), _) => format!("'{d}' inside '.begin_return' (it ends with '.end_return')"),
                (Some(false), _) => format!("'{d}' inside '.begin_call' (it ends with '.end_call')"),
                (None, Some(true)) => format!("'{d}' outside '.begin_return' ... '.end_return'"),
                _ => format!("'{d}' outside '.begin_call' ... '.end_call'"),
            };
            self.err(K::Syntax, span, msg);
            return true;
        }
        if line.toks.len() > 1 && matches!(d.as_str(), ".begin_call" | ".begin_return" | ".end_call" | ".end_return") {
            self.err(K::Syntax, line.span(&line.toks[1]), format!("'{d}' takes nothing after it"));
            return true;
        }
        match d.as_str() {
            ".begin_call" | ".begin_return" => {
                self.ensure_sub();
                self.long_call = Some(LongCall { ret: d == ".begin_return", span, ..Default::default() })
            }
            ".set_arg" | ".set_return" | ".get_result" => {
                let Some((vals, flags)) = self.value_list(line, 1, line.toks.len()) else { return true };
                if vals.is_empty() || flags.iter().filter(|&&f| f & kea_vm::code::flags::NAMED == 0).count() > 1 {
                    self.err(K::Syntax, span, format!("'{d}' takes one value"));
                    return true;
                }
                let Some(c) = self.long_call.as_mut() else { return true };
                if d == ".get_result" {
                    if !c.called {
                        self.err(K::Syntax, span, "'.get_result' before '.call'");
                        return true;
                    }
                    c.results.extend(vals);
                    c.result_flags.extend(flags);
                } else if c.called {
                    self.err(K::Syntax, span, "'.set_arg' after '.call'");
                } else {
                    c.args.extend(vals);
                    c.arg_flags.extend(flags);
                }
            }
            ".invocant" => {
                let mut i = 1;
                let Some(obj) = self.operand(line, &mut i) else { return true };
                if let Some(c) = self.long_call.as_mut() {
                    c.invocant = Some(obj);
                }
            }
            ".call" => self.long_call_call(line, span),
            ".end_call" => {
                let Some(c) = self.long_call.take() else { return true };
                if !c.called {
                    self.err(K::Syntax, span, "'.end_call' with no '.call'");
                    return true;
                }
                let mut res = vec![(flags_str(&c.result_flags), c.span)];
                res.extend(c.results);
                self.emit_pir("get_results", res, span);
            }
            _ => {
                // `.end_return`
                let Some(c) = self.long_call.take() else { return true };
                let mut args = vec![(flags_str(&c.arg_flags), c.span)];
                args.extend(c.args);
                self.emit_pir("set_returns", args, span);
                self.emit_pir("returncc", vec![], span);
            }
        }
        true
    }

    /// `.call f` (a register, or a sub by name), or with an `.invocant`, `.call 'm'`.
    fn long_call_call(&mut self, line: &Line, span: Span) {
        let mut i = 1;
        let Some((target, tspan)) = self.operand(line, &mut i) else { return };
        if i < line.toks.len() {
            // `.call f, cont`: Kea's calls always return to the next op.
            let t = line.toks[i];
            return self.err(K::Syntax, line.span(&t), "'.call' with an explicit continuation is not supported");
        }
        let Some(c) = self.long_call.as_mut() else { return };
        if c.called {
            return self.err(K::Syntax, span, "a second '.call' in one '.begin_call'");
        }
        c.called = true;
        let invocant = c.invocant.clone();
        let mut flags = c.arg_flags.clone();
        let mut args = std::mem::take(&mut c.args);
        if let Some(obj) = invocant {
            flags.insert(0, 0);
            args.insert(0, obj.clone());
            let name = match target {
                Arg0::Label(n) => Arg0::Str(Str::from(n)),
                other => other,
            };
            let mut list = vec![(flags_str(&flags), span)];
            list.extend(args);
            self.emit_pir("set_args", list, span);
            return self.emit_pir("callmethodcc", vec![obj, (name, tspan)], span);
        }
        let sub = match target {
            Arg0::Label(ref n) => Some(Str::from(n.as_str())),
            Arg0::Str(ref s) => Some(s.clone()),
            _ => None,
        };
        let sub = match (sub, target) {
            (Some(n), _) => {
                let Some(tmp) = self.temp_p(span) else { return };
                let find = vec![(tmp.clone(), tspan), (Arg0::Str(n), tspan)];
                self.emit_pir("find_sub_not_null", find, span);
                (tmp, tspan)
            }
            (None, other) => (other, tspan),
        };
        let mut list = vec![(flags_str(&flags), span)];
        list.extend(args);
        self.emit_pir("set_args", list, span);
        self.emit_pir("invokecc", vec![sub], span);
    }

    /// A call with results: `set_args`, the call op (`invokecc` or `callmethodcc`), then
    /// `get_results` into the targets.
    pub(super) fn emit_call(
        &mut self,
        args: Spanned,
        call: &str,
        call_args: Spanned,
        results: (Spanned, Vec<u32>),
        span: Span,
    ) {
        self.emit_pir("set_args", args, span);
        self.emit_pir(call, call_args, span);
        let (vals, flags) = results;
        let mut res = vec![(flags_str(&flags[..vals.len().min(flags.len())]), span)];
        res.extend(vals);
        self.emit_pir("get_results", res, span);
    }

    pub(super) fn pir_return(&mut self, line: &Line) {
        let span = line.span(&line.toks[0]);
        let (vals, flags) = match self.value_list(line, 1, line.toks.len()) {
            Some(x) => x,
            None => return,
        };
        let mut args = vec![(flags_str(&flags), span)];
        args.extend(vals);
        self.emit_pir("set_returns", args, span);
        self.emit_pir("returncc", vec![], span);
    }

    /// `( v [:flat], ... )` or a bare list: values and their PDD 3 flags. A `:named('n')`
    /// value is preceded by its name, a string constant flagged NAMED (PDD 3).
    pub(super) fn value_list(&mut self, line: &Line, from: usize, to: usize) -> Option<(Spanned, Vec<u32>)> {
        let mut i = from;
        // (value, span, flags, name)
        let mut items: Vec<(Arg0, Span, u32, Option<Arg0>)> = Vec::new();
        let paren = line.toks.get(i).map(|t| t.kind) == Some(Some(T::LParen));
        if paren {
            i += 1;
        }
        while i < to {
            let t = line.toks[i];
            match t.kind {
                Some(T::RParen) if paren => break,
                Some(T::Comma) => i += 1,
                Some(T::Flag) => {
                    let f = line.text(&t);
                    let bit = match f {
                        ":flat" | ":slurpy" => kea_vm::code::flags::FLAT_SLURPY,
                        ":optional" => kea_vm::code::flags::OPTIONAL,
                        ":opt_flag" => kea_vm::code::flags::OPT_FLAG,
                        ":named" => kea_vm::code::flags::NAMED,
                        _ => {
                            self.err(K::Syntax, line.span(&t), format!("unknown flag '{f}'"));
                            return None;
                        }
                    };
                    i += 1;
                    let mut name = None;
                    // `:named('x')`
                    if line.toks.get(i).map(|t| t.kind) == Some(Some(T::LParen)) {
                        if let Some(nt) = line.toks.get(i + 1) {
                            if matches!(nt.kind, Some(T::SqString | T::DqString | T::EncString)) {
                                name = Some(Arg0::Str(self.string_const(line, nt)?));
                            }
                        }
                        while i < to && line.toks[i].kind != Some(T::RParen) {
                            i += 1;
                        }
                        i += 1;
                    }
                    match items.last_mut() {
                        Some(last) => {
                            last.2 |= bit;
                            if name.is_some() {
                                last.3 = name;
                            }
                        }
                        None => {
                            self.err(K::Syntax, line.span(&t), format!("'{f}' must follow a value"));
                            return None;
                        }
                    }
                }
                // `'name' => value`: a named argument (or result).
                Some(T::SqString | T::DqString | T::EncString)
                    if line.toks.get(i + 1).map(|t| t.kind) == Some(Some(T::Arrow)) =>
                {
                    let name = self.string_const(line, &t)?;
                    i += 2;
                    if i >= to || line.toks[i].kind == Some(T::RParen) {
                        self.err(K::Syntax, line.span(&line.toks[i - 1]), "expected a value after '=>'");
                        return None;
                    }
                    let (v, sp) = self.operand(line, &mut i)?;
                    items.push((v, sp, kea_vm::code::flags::NAMED, Some(Arg0::Str(name))));
                }
                // `$S0 => value`: a named argument whose name is in a string register, as
                // IMCC takes it.
                Some(T::VReg | T::Ident) if line.toks.get(i + 1).map(|t| t.kind) == Some(Some(T::Arrow)) => {
                    let (name, nsp) = self.operand(line, &mut i)?;
                    if !matches!(name, Arg0::Reg('S', _)) {
                        let found = name.describe();
                        self.err(K::Syntax, nsp, format!("the name before '=>' must be a string, found {found}"));
                        return None;
                    }
                    i += 1;
                    if i >= to || line.toks[i].kind == Some(T::RParen) {
                        self.err(K::Syntax, line.span(&line.toks[i - 1]), "expected a value after '=>'");
                        return None;
                    }
                    let (v, sp) = self.operand(line, &mut i)?;
                    items.push((v, sp, kea_vm::code::flags::NAMED, Some(name)));
                }
                _ => {
                    // A bare `:named` takes the name of the variable it follows.
                    let own = (t.kind == Some(T::Ident)).then(|| Arg0::Str(Str::from(line.text(&t))));
                    let (v, sp) = self.operand(line, &mut i)?;
                    items.push((v, sp, 0, own));
                }
            }
        }
        let (mut vals, mut flags) = (Vec::new(), Vec::new());
        let named = kea_vm::code::flags::NAMED;
        for (v, sp, fl, name) in items {
            if fl & named != 0 && fl & kea_vm::code::flags::FLAT_SLURPY == 0 {
                let Some(n) = name else {
                    self.err(K::Syntax, sp, "a :named value needs its name: :named('x')");
                    return None;
                };
                vals.push((n, sp));
                flags.push(named);
                vals.push((v, sp));
                flags.push(fl & !named);
            } else {
                vals.push((v, sp));
                flags.push(fl);
            }
        }
        Some((vals, flags))
    }

    /// Is `toks[j..]` `obj.'m'(`, `obj.$S0(`, `obj."m"(` or `obj.m(`?
    pub(super) fn is_method_call(&self, line: &Line, j: usize) -> bool {
        let t = |k: usize| line.toks.get(j + k).copied();
        match (t(1), t(2), t(3)) {
            (Some(dot), Some(name), Some(paren)) if line.text(&dot) == "." => {
                matches!(name.kind, Some(T::SqString | T::DqString | T::VReg | T::Ident))
                    && paren.kind == Some(T::LParen)
            }
            // `obj.m(` lexes the method name as a directive-like `.m` token.
            // `obj.$S0(` lexes as one `.$S0` token.
            (Some(dot_name), Some(paren), _) => {
                let vreg = dot_name.kind == Some(T::MacroLabel)
                    && super::operand::is_reg(&line.text(&dot_name)[2..]).is_some();
                (dot_name.kind == Some(T::Dot) || vreg) && paren.kind == Some(T::LParen)
            }
            _ => false,
        }
    }

    /// `obj.'m'(args)` from `toks[from..to]`: the invocant, the method name operand, and the
    /// `set_args` list with the invocant first.
    pub(super) fn method_parts(&mut self, line: &Line, from: usize, to: usize) -> Option<MethodCall> {
        let mut i = from;
        let obj = self.operand(line, &mut i)?;
        let t = line.toks[i];
        let (name, paren_at) = if t.kind == Some(T::Dot) {
            // `obj.m(`: `m` must be a variable holding the name; IMCC refuses a bareword
            // (`the_sub` in compilers/imcc/imcc.y).
            let text = &line.text(&t)[1..];
            let var = self.sub.as_ref().and_then(|s| s.names.get(text)).copied();
            let name = match var {
                Some((k, r)) => Arg0::Reg(k, r),
                None => match self.pir_consts.get(text) {
                    Some(c) => c.clone(),
                    None => {
                        let msg = format!("Bareword method name '{text}' not allowed in PIR");
                        let help = format!("quote it ('{text}') or name a string variable that holds it");
                        self.err_help(K::Syntax, line.span(&t), msg, Some(help));
                        return None;
                    }
                },
            };
            ((name, line.span(&t)), i + 1)
        } else if t.kind == Some(T::MacroLabel) {
            let reg = self.virtual_reg(&line.text(&t)[2..], line.span(&t))?;
            ((reg, line.span(&t)), i + 1)
        } else {
            let nt = line.toks[i + 1];
            let name = match nt.kind {
                Some(T::SqString | T::DqString) => {
                    let text = line.text(&nt);
                    (Arg0::Str(Str::from(&text[1..text.len() - 1])), line.span(&nt))
                }
                Some(T::Ident)
                    if !self.sub.as_ref().is_some_and(|s| s.names.contains_key(line.text(&nt)))
                        && !self.pir_consts.contains_key(line.text(&nt)) =>
                {
                    let text = line.text(&nt);
                    let msg = format!("Bareword method name '{text}' not allowed in PIR");
                    let help = format!("quote it ('{text}') or name a string variable that holds it");
                    self.err_help(K::Syntax, line.span(&nt), msg, Some(help));
                    return None;
                }
                _ => {
                    let mut k = i + 1;
                    self.operand(line, &mut k)?
                }
            };
            (name, i + 2)
        };
        let (vals, flags) = self.value_list(line, paren_at, to)?;
        let mut all_flags = vec![0];
        all_flags.extend(flags);
        let mut args = vec![(flags_str(&all_flags), obj.1), obj.clone()];
        args.extend(vals);
        Some((obj, name, args))
    }

    /// `f(args)` / `'f'(args)` from `toks[from..to]`: the sub operand and the `set_args` list.
    pub(super) fn call_parts(&mut self, line: &Line, from: usize, to: usize) -> Option<((Arg0, Span), Spanned)> {
        let t = *line.toks.get(from)?;
        let span = line.span(&t);
        let text = line.text(&t).to_string();
        let name = match t.kind {
            Some(T::SqString | T::DqString) => text[1..text.len() - 1].to_string(),
            _ => text.clone(),
        };
        if line.toks.get(from + 1).map(|t| t.kind) != Some(Some(T::LParen)) {
            self.err(K::Syntax, span, format!("expected '(' after '{name}'"));
            return None;
        }
        let (vals, flags) = self.value_list(line, from + 1, to)?;
        let mut args = vec![(flags_str(&flags), span)];
        args.extend(vals);
        // A local PMC holding a sub is called directly; anything else is found by name.
        let local = self.sub.as_ref().and_then(|s| s.names.get(&name)).copied();
        let sub = match local {
            Some(('P', r)) if matches!(t.kind, Some(T::Ident | T::VReg)) => (Arg0::Reg('P', r), span),
            _ => {
                let tmp = self.temp_p(span)?;
                self.emit_pir("find_sub_not_null", vec![(tmp.clone(), span), (Arg0::Str(Str::from(name)), span)], span);
                (tmp, span)
            }
        };
        Some((sub, args))
    }
}
