//! `.macro NAME(params)` ... `.endm`, and its expansion, with IMCC's rules (`read_params`,
//! `expand_macro` and the `<macro>` rules of `compilers/imcc/imcc.l`):
//!
//! - `.NAME(a, b)` passes arguments split at top-level commas; an argument in braces,
//!   `{ ... }`, is passed verbatim and may hold commas, parentheses and whole lines. The
//!   argument list may run over several lines.
//! - `.NAME` alone expands a macro that takes no parameters; a macro of one parameter
//!   called with `()` gets the empty text.
//! - In the body, `.param` stands for the argument, `.label $x:` defines a label local to
//!   this expansion and `.$x` refers to it (outside a macro body both are errors). Arguments
//!   are substituted after local labels are renamed, so an argument's `.$x` is not the body's.
//!
//! The expansion is a new input stream whose tokens report the invocation's span; an error
//! inside it also names the macro.

use super::{Asm, Line, Stream, MAX_NESTING};
use crate::error::AsmErrorKind as K;
use crate::lexer::{self, T};
use kea_vm::code::Span;
use std::rc::Rc;

/// The most text that macro expansions and included files may add to one program, in total.
/// Nesting is capped by [`MAX_NESTING`], but 40 macros that each expand the next twice make
/// 2^40 expansions from a 1 KB file: the total is what must be bounded.
pub const MAX_EXPANSION: usize = 16 << 20;
/// What one expansion counts beyond its text, so that expansions of empty bodies count too.
const EXPANSION_COST: usize = 64;

#[derive(Clone)]
pub(super) struct Macro {
    params: Vec<String>,
    body: String,
}

fn is_ident(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_') && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl Asm<'_> {
    pub(super) fn macro_def(&mut self, line: Line) {
        let span = line.span(&line.toks[0]);
        let Some(nt) = line.toks.get(1) else { return self.err(K::Macro, span, "expected '.macro NAME(params)'") };
        let name = line.text(nt).to_string();
        let named = nt.kind == Some(T::Ident);
        if !named {
            self.err(K::Macro, line.span(nt), format!("Macro names must be identifiers, found '{name}'"));
        }
        // `(A, B)`: identifiers between commas, closed on this line.
        let mut params = Vec::new();
        let rest = &line.toks[2..];
        let closed = rest.last().map(|t| t.kind) == Some(Some(T::RParen));
        let well_formed = match rest.first().map(|t| t.kind) {
            None => true,
            Some(Some(T::LParen)) if closed => {
                let inner = &rest[1..rest.len() - 1];
                inner.iter().enumerate().all(|(k, t)| {
                    if k % 2 == 0 {
                        t.kind == Some(T::Ident) && is_ident(line.text(t))
                    } else {
                        t.kind == Some(T::Comma)
                    }
                }) && inner.len() % 2 == 1
                    || inner.is_empty()
            }
            _ => false,
        };
        if well_formed {
            params = rest.iter().filter(|t| t.kind == Some(T::Ident)).map(|t| line.text(t).to_string()).collect();
        } else if named {
            let at = rest.first().map_or(span, |t| line.span(t));
            self.err_help(
                K::Macro,
                at,
                format!("Parameter definition in '{name}' must be IDENTIFIERs: '.macro {name}(A, B)'"),
                Some("the parameter list is on the .macro line, in parentheses, separated by commas".into()),
            );
        }
        // The body is the raw text up to a line starting with `.endm`.
        let s = self.streams.last_mut().expect("a line came from this stream");
        let body_start = line.end as usize;
        let mut end = None;
        while s.pos < s.toks.len() {
            let t = s.toks[s.pos];
            s.pos += 1;
            if t.kind == Some(T::Dot) && &s.text[t.start as usize..t.end as usize] == ".endm" {
                end = Some(t.start as usize);
                while s.pos < s.toks.len() && s.toks[s.pos].kind != Some(T::Newline) {
                    s.pos += 1;
                }
                break;
            }
        }
        let Some(end) = end else {
            return self.err(K::Macro, span, format!("End of file reached while reading macro '{name}': no '.endm'"));
        };
        let body = s.text.get(body_start.min(end)..end).unwrap_or("").to_string();
        if named && well_formed {
            self.macros.insert(name, Macro { params, body });
        }
    }

    /// Counts `bytes` of text that an expansion or an include (at `span`) adds to the
    /// program; false past [`MAX_EXPANSION`], after one error that names the limit (later
    /// expansions are then skipped: the assembly has failed).
    pub(super) fn count_expansion(&mut self, kind: K, span: Span, bytes: usize) -> bool {
        if self.expansion_over {
            return false;
        }
        self.expanded = self.expanded.saturating_add(bytes.saturating_add(EXPANSION_COST));
        if self.expanded <= MAX_EXPANSION {
            return true;
        }
        self.expansion_over = true;
        self.err_help(
            kind,
            span,
            format!("macro expansions and included files exceed {} MiB of text in total", MAX_EXPANSION >> 20),
            Some("a macro that uses another more than once, nested, multiplies the text at each level".into()),
        );
        false
    }

    pub(super) fn expand_macro(&mut self, line: &Line, name: &str, m: Macro) {
        let span = line.span(&line.toks[0]);
        if line.depth + 1 > MAX_NESTING {
            return self.err(K::Macro, span, format!("macros nested too deep (limit {MAX_NESTING})"));
        }
        let mut args = match line.toks.get(1) {
            Some(t) if t.kind == Some(T::LParen) => {
                let Some(args) = self.macro_args(line, t.start as usize, name) else { return };
                args
            }
            Some(t) => {
                let what = line.text(t).to_string();
                return self.err(
                    K::Macro,
                    line.span(t),
                    format!("expected '(' or the end of the line after '.{name}', found '{what}'"),
                );
            }
            None if !m.params.is_empty() => {
                return self.err(K::Macro, span, format!("Macro '{name}' needs {} arguments", m.params.len()));
            }
            None => Vec::new(),
        };
        if args.is_empty() && m.params.len() == 1 {
            args.push(String::new());
        }
        if args.len() != m.params.len() {
            return self.err(
                K::Macro,
                span,
                format!("Macro '{name}' requires {} arguments, but {} given", m.params.len(), args.len()),
            );
        }
        self.macro_serial += 1;
        let mut body = local_labels(&m.body, name, self.macro_serial);
        for (p, a) in m.params.iter().zip(&args) {
            body = replace_word(&body, &format!(".{p}"), a);
        }
        if !self.count_expansion(K::Macro, span, body.len()) {
            return;
        }
        let prepared = lexer::prepare(&body);
        let toks = lexer::lex(&prepared.text);
        self.streams.push(Stream {
            file: line.file,
            text: Rc::from(prepared.text.as_str()),
            toks,
            pos: 0,
            span_override: Some(span),
            heredocs: Rc::new(prepared.heredocs),
            depth: line.depth + 1,
            macro_name: Some(Rc::from(name)),
        });
    }

    /// The arguments of a call whose `(` is at byte `open` of the current stream, read from
    /// the raw text so that they may run over lines; the stream resumes after the `)`.
    fn macro_args(&mut self, line: &Line, open: usize, name: &str) -> Option<Vec<String>> {
        let text = line.text.clone();
        let bytes = text.as_bytes();
        let mut args = Vec::new();
        let mut cur = String::new();
        let mut braced = false;
        let mut k = open + 1;
        let close = loop {
            let Some(&c) = bytes.get(k) else { break None };
            match c {
                b')' => break Some(k + 1),
                b',' => {
                    args.push(if braced { std::mem::take(&mut cur) } else { cur.trim().to_string() });
                    cur.clear();
                    braced = false;
                    k += 1;
                }
                b'{' if cur.trim().is_empty() => {
                    // Verbatim up to the matching brace.
                    let mut depth = 1;
                    let from = k + 1;
                    k += 1;
                    while k < bytes.len() && depth > 0 {
                        depth += match bytes[k] {
                            b'{' => 1,
                            b'}' => -1,
                            _ => 0,
                        };
                        k += 1;
                    }
                    if depth > 0 {
                        break None;
                    }
                    cur = text[from..k - 1].to_string();
                    braced = true;
                }
                b'"' | b'\'' => {
                    let from = k;
                    k += 1;
                    while k < bytes.len() && bytes[k] != c && bytes[k] != b'\n' {
                        k += if c == b'"' && bytes[k] == b'\\' { 2 } else { 1 };
                    }
                    k = (k + 1).min(bytes.len());
                    cur.push_str(&text[from..k]);
                }
                b'#' => {
                    while k < bytes.len() && bytes[k] != b'\n' {
                        k += 1;
                    }
                }
                _ => {
                    let ch = text[k..].chars().next().unwrap_or(' ');
                    if !braced {
                        cur.push(ch);
                    }
                    k += ch.len_utf8();
                }
            }
        };
        let s = self.streams.last_mut().expect("a line came from this stream");
        let Some(close) = close else {
            s.pos = s.toks.len();
            let span = line.span(&line.toks[0]);
            self.err(K::Macro, span, format!("End of file reached while reading arguments in '{name}'"));
            return None;
        };
        while s.pos < s.toks.len() && (s.toks[s.pos].start as usize) < close {
            s.pos += 1;
        }
        if let Some(t) = line.toks.iter().find(|t| t.start as usize >= close) {
            let what = line.text(t).to_string();
            self.err(K::Macro, line.span(t), format!("unexpected '{what}' after the arguments of '.{name}'"));
            return None;
        }
        let last = if braced { cur } else { cur.trim().to_string() };
        if !(args.is_empty() && last.is_empty() && !braced) {
            args.push(last);
        }
        Some(args)
    }
}

/// Renames a body's local labels for one expansion: `.label $x:` becomes a label and `.$x`
/// a reference, both `local__NAME__x__N` (IMCC's names, with the expansion's number).
fn local_labels(body: &str, name: &str, n: u32) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find('.') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let label = after.strip_prefix("label").filter(|a| a.starts_with([' ', '\t'])).map(|a| a.trim_start());
        if let Some(id) = label.and_then(|a| a.strip_prefix('$')) {
            let len = id.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(id.len());
            if len > 0 && id[len..].starts_with(':') {
                out.push_str(&format!("local__{name}__{}__{n}:", &id[..len]));
                rest = &id[len + 1..];
                continue;
            }
        }
        if let Some(id) = after.strip_prefix('$') {
            let len = id.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(id.len());
            if len > 0 {
                out.push_str(&format!("local__{name}__{}__{n}", &id[..len]));
                rest = &id[len..];
                continue;
            }
        }
        out.push('.');
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Replaces `.name` as a whole word.
fn replace_word(body: &str, word: &str, with: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find(word) {
        let after = rest[i + word.len()..].chars().next();
        out.push_str(&rest[..i]);
        if after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.push_str(word);
        } else {
            out.push_str(with);
        }
        rest = &rest[i + word.len()..];
    }
    out.push_str(rest);
    out
}
