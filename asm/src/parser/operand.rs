//! One operand as written ([`Arg0`]): a register (`I3`, `$I0`, a PIR name), an integer,
//! number or string literal, a label, a `.macro_const` or PIR `.const`, or a key `[a; b]`.
//! Which op the operands make is `select.rs`'s question, not this file's.

use super::{Asm, ConstVal, Line, MAX_REGS};
use crate::error::AsmErrorKind as K;
use crate::lexer::{Tok, T};
use crate::strings;
use kea_vm::code::{KeyPart, Span};
use kea_vm::op::{IArg, PReg, SArg};
use kea_vm::string::{Encoding, Str};
use std::collections::HashMap;
use std::rc::Rc;

/// One operand as written.
#[derive(Clone, Debug)]
pub(super) enum Arg0 {
    Reg(char, u16),
    Int(i64),
    Num(f64),
    Str(Str),
    Label(String),
    Key(Vec<KeyPart>),
}

impl Arg0 {
    pub(super) fn describe(&self) -> &'static str {
        match self {
            Arg0::Reg('I', _) => "I",
            Arg0::Reg('N', _) => "N",
            Arg0::Reg('S', _) => "S",
            Arg0::Reg(..) => "P",
            Arg0::Int(_) => "IC",
            Arg0::Num(_) => "NC",
            Arg0::Str(_) => "SC",
            Arg0::Label(_) => "LABEL",
            Arg0::Key(_) => "KEY",
        }
    }
}

pub(super) fn is_reg(s: &str) -> Option<(char, &str)> {
    let mut cs = s.chars();
    let k = cs.next()?;
    let rest = cs.as_str();
    if matches!(k, 'I' | 'N' | 'S' | 'P') && !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
        Some((k, rest))
    } else {
        None
    }
}

pub(super) fn parse_int_lit(t: &str) -> Option<i64> {
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t),
    };
    let body = body.replace('_', "");
    let (radix, digits) = match body.get(..2) {
        Some("0x" | "0X") => (16, &body[2..]),
        Some("0o" | "0O") => (8, &body[2..]),
        Some("0b" | "0B") => (2, &body[2..]),
        _ => (10, &body[..]),
    };
    let v = u64::from_str_radix(digits, radix).ok()?;
    if neg {
        if v <= i64::MAX as u64 + 1 {
            Some((v as i64).wrapping_neg())
        } else {
            None
        }
    } else if radix != 10 {
        // Hex, octal and binary literals may spell a full 64-bit pattern.
        Some(v as i64)
    } else {
        i64::try_from(v).ok()
    }
}

impl Asm<'_> {
    /// Parses one operand starting at `toks[*i]`.
    pub(super) fn operand(&mut self, line: &Line, i: &mut usize) -> Option<(Arg0, Span)> {
        let Some(t) = line.toks.get(*i).copied() else {
            // Never drop a statement silently: `n = 1 +` lacks its operand.
            let last = line.toks[line.toks.len() - 1];
            let after = line.text(&last).to_string();
            self.err(K::Syntax, line.span(&last), format!("expected an operand after '{after}'"));
            return None;
        };
        *i += 1;
        let span = line.span(&t);
        let text = line.text(&t).to_string();
        let arg = match t.kind {
            Some(T::VReg) => self.virtual_reg(&text[1..], span)?,
            Some(T::Ident) if self.sub.as_ref().is_some_and(|s| s.names.contains_key(&text)) => {
                let (k, r) = self.sub.as_ref().and_then(|s| s.names.get(&text)).copied().unwrap_or(('I', 0));
                Arg0::Reg(k, r)
            }
            Some(T::Ident) if self.pir_consts.contains_key(&text) => self.pir_consts[&text].clone(),
            Some(T::Ident) => match is_reg(&text) {
                Some((k, digits)) => match digits.parse::<u32>() {
                    Ok(n) if n < MAX_REGS => Arg0::Reg(k, n as u16),
                    _ => {
                        self.err(
                            K::RegisterOutOfRange,
                            span,
                            format!("register {text} is out of range (0 to {})", MAX_REGS - 1),
                        );
                        return None;
                    }
                },
                None => Arg0::Label(text),
            },
            Some(T::Int) => match parse_int_lit(&text) {
                Some(v) => Arg0::Int(v),
                None => {
                    self.err(
                        K::IntOutOfRange,
                        span,
                        format!("integer literal {text} is out of range for a 64-bit integer"),
                    );
                    return None;
                }
            },
            Some(T::Float) => match text.parse::<f64>() {
                Ok(v) if v.is_finite() => Arg0::Num(v),
                _ => {
                    self.err(K::IntOutOfRange, span, format!("number literal {text} is out of range"));
                    return None;
                }
            },
            Some(T::DqString | T::SqString | T::EncString | T::Heredoc | T::Unterminated) => {
                Arg0::Str(self.string_const(line, &t)?)
            }
            Some(T::Dot) => {
                let key = text.trim_start_matches('.');
                let Some(cv) = self.consts.get(key).cloned() else {
                    self.err(K::UnknownDirective, span, format!("unknown constant '{text}'"));
                    return None;
                };
                let tmp = Line::single(&cv, span);
                let mut j = 0;
                return self.operand(&tmp, &mut j).map(|(a, _)| (a, span));
            }
            Some(T::LBracket) => {
                // A key: `[part; part]`.
                let mut parts = Vec::new();
                loop {
                    let Some(t2) = line.toks.get(*i).copied() else {
                        self.err(K::Syntax, span, "unclosed '[' in key");
                        return None;
                    };
                    if t2.kind == Some(T::RBracket) {
                        *i += 1;
                        break;
                    }
                    if t2.kind == Some(T::Semi) {
                        *i += 1;
                        continue;
                    }
                    let (a, sp) = self.operand(line, i)?;
                    parts.push(match a {
                        Arg0::Int(v) => {
                            let c = self.int_const(v);
                            KeyPart::Int(IArg::constant(self.flex_ok(c, sp)?))
                        }
                        Arg0::Reg('I', r) => KeyPart::Int(IArg::reg(r)),
                        Arg0::Str(s) => {
                            let c = self.intern(s);
                            KeyPart::Str(SArg::constant(self.flex_ok(c, sp)?))
                        }
                        Arg0::Reg('S', r) => KeyPart::Str(SArg::reg(r)),
                        Arg0::Reg('P', r) => KeyPart::Pmc(PReg(r)),
                        other => {
                            self.err(
                                K::Syntax,
                                sp,
                                format!(
                                    "a key part must be an integer, a string, or an I, S or P register, found {}",
                                    other.describe()
                                ),
                            );
                            return None;
                        }
                    });
                }
                if parts.is_empty() {
                    self.err(K::Syntax, span, "empty key");
                    return None;
                }
                Arg0::Key(parts)
            }
            Some(T::MacroLabel) => {
                self.err_help(
                    K::Macro,
                    span,
                    format!("Invalid LABEL outside of macro: '{text}'"),
                    Some("'.$name' refers to a '.label $name:' of the same .macro body".into()),
                );
                return None;
            }
            _ => {
                self.err(K::Syntax, span, format!("expected an operand, found '{text}'"));
                return None;
            }
        };
        Some((arg, span))
    }

    pub(super) fn string_const(&mut self, line: &Line, t: &Tok) -> Option<Str> {
        let text = line.text(t).to_string();
        let span = line.span(t);
        let (enc, body, escapes) = match t.kind {
            Some(T::SqString) => (Encoding::Ascii, text[1..text.len() - 1].to_string(), false),
            Some(T::DqString) => (Encoding::Ascii, text[1..text.len() - 1].to_string(), true),
            Some(T::EncString) => {
                let (enc_name, rest) = text.split_once(':').unwrap_or(("", &text));
                let Some(enc) = Encoding::from_name(enc_name) else {
                    self.err(K::Syntax, span, format!("unknown string encoding '{enc_name}'"));
                    return None;
                };
                (enc, rest[1..rest.len() - 1].to_string(), true)
            }
            Some(T::Heredoc) => {
                let raw = text.as_bytes().get(2) == Some(&b'\'');
                let body = line.heredocs.get(&t.start).cloned().unwrap_or_default();
                (Encoding::Ascii, body, !raw)
            }
            Some(T::Unterminated) => {
                self.err(K::Unterminated, span, "unterminated string literal");
                return None;
            }
            _ => {
                self.err(K::Syntax, span, format!("expected a string, found '{text}'"));
                return None;
            }
        };
        let cps: Vec<u32> = if escapes {
            match strings::unescape(&body) {
                Ok(c) => c,
                Err(e) => {
                    let at = span.start + 1 + e.offset as u32;
                    let sp = if line.span_override.is_some() {
                        span
                    } else {
                        Span { file: span.file, start: at, end: (at + 2).min(span.end) }
                    };
                    self.err_help(K::BadEscape, sp, e.message, e.help);
                    return None;
                }
            }
        } else {
            body.chars().map(|c| c as u32).collect()
        };
        // Single-quoted and heredoc text in UTF-8 source stays UTF-8 rather than failing.
        let enc = if !escapes && cps.iter().any(|&c| c > 0x7f) { Encoding::Utf8 } else { enc };
        match strings::encode(&cps, enc) {
            Ok(s) => Some(s),
            Err(e) => {
                self.err_help(K::BadEscape, span, e.message, e.help);
                None
            }
        }
    }
}

impl Line {
    fn single(cv: &ConstVal, span: Span) -> Line {
        let len = cv.text.len() as u32;
        Line {
            toks: vec![Tok { kind: Some(cv.kind), start: 0, end: len }],
            file: span.file,
            text: Rc::from(cv.text.as_str()),
            span_override: Some(if cv.span.end > 0 { span } else { cv.span }),
            heredocs: Rc::new(HashMap::new()),
            depth: 0,
            end: len,
            macro_name: None,
        }
    }
}
