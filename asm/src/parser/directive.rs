//! Directives: `.pcc_sub`, `.macro` (recorded as text, expanded as a new input stream),
//! `.macro_const`, `.include` (through the [`Resolver`](super::Resolver)), `.namespace`.
//! PIR's own directives (`.sub`, `.param`, `.local`, ...) are in `pir.rs`.

use super::{Asm, Line, Stream, SubBuild, MAX_NESTING};
use crate::error::AsmErrorKind as K;
use crate::lexer::{self, T};
use kea_vm::code::{Span, SubInfo};
use std::rc::Rc;

#[derive(Clone)]
pub(super) struct Macro {
    params: Vec<String>,
    body: String,
}

#[derive(Clone)]
pub(super) struct ConstVal {
    pub(super) kind: T,
    pub(super) text: String,
    pub(super) span: Span,
}

impl Asm<'_> {
    pub(super) fn directive(&mut self, line: Line) {
        let first = line.toks[0];
        let name = line.text(&first).to_string();
        let span = line.span(&first);
        match name.as_str() {
            ".pcc_sub" => self.pcc_sub(&line),
            ".macro" => self.macro_def(line),
            ".endm" => self.err(K::Macro, span, "'.endm' without '.macro'"),
            ".macro_const" => {
                let (Some(n), Some(v)) = (line.toks.get(1), line.toks.get(2)) else {
                    return self.err(K::Syntax, span, "expected '.macro_const NAME value'");
                };
                let cname = line.text(n).to_string();
                match v.kind {
                    Some(k @ (T::Int | T::Float | T::DqString | T::SqString | T::EncString | T::Ident)) => {
                        let cv = ConstVal { kind: k, text: line.text(v).to_string(), span: line.span(v) };
                        self.consts.insert(cname, cv);
                    }
                    _ => self.err(
                        K::Syntax,
                        line.span(v),
                        "a .macro_const value must be a number, a string or a register",
                    ),
                }
            }
            ".include" => {
                let Some(t) = line.toks.get(1) else {
                    return self.err(K::Syntax, span, "expected '.include \"file\"'");
                };
                let Some(path) = self.string_const(&line, t) else { return };
                if line.depth + 1 > MAX_NESTING {
                    return self.err(K::Include, span, format!("includes nested too deep (limit {MAX_NESTING})"));
                }
                let from = self.files.get(line.file as usize).map(|f| f.name.clone()).unwrap_or_default();
                let path = path.to_text();
                if self.files.iter().filter(|f| f.name.ends_with(&path)).count() > MAX_NESTING {
                    return self.err(
                        K::Include,
                        span,
                        format!("'{path}' is included too many times (an include cycle?)"),
                    );
                }
                match (self.resolve)(&path, &from) {
                    Ok((name, text)) => self.push_file(name, text, line.depth + 1),
                    Err(e) => self.err(K::Include, line.span(t), format!("cannot include '{path}': {e}")),
                }
            }
            ".namespace" => {
                // `.namespace ['A'; 'B']` (or `.namespace []` for the root) sets the namespace of
                // the subs that follow.
                let mut ns = Vec::new();
                for t in &line.toks[1..] {
                    match t.kind {
                        Some(T::SqString | T::DqString) => {
                            let text = line.text(t);
                            ns.push(text[1..text.len() - 1].to_string());
                        }
                        Some(T::LBracket | T::RBracket | T::Semi) => {}
                        _ => return self.err(K::Syntax, line.span(t), "expected .namespace ['Name'; ...]"),
                    }
                }
                self.namespace = ns;
            }
            ".loadlib" | ".HLL" | ".line" | ".file" => {}
            _ => {
                let key = name.trim_start_matches('.').to_string();
                if let Some(m) = self.macros.get(&key).cloned() {
                    self.expand_macro(&line, &key, m);
                } else {
                    let help = if self.consts.contains_key(&key) {
                        Some(format!("'{name}' is a .macro_const: use it as an operand"))
                    } else {
                        None
                    };
                    self.err_help(K::UnknownDirective, span, format!("unknown directive or macro '{name}'"), help);
                }
            }
        }
    }

    fn pcc_sub(&mut self, line: &Line) {
        let span = line.span(&line.toks[0]);
        let mut flags = Vec::new();
        let mut main = false;
        let mut name = None;
        let mut i = 1;
        while i < line.toks.len() {
            let t = &line.toks[i];
            i += 1;
            match t.kind {
                Some(T::Flag) => {
                    let f = line.text(t);
                    match f {
                        ":main" => main = true,
                        ":load" | ":init" | ":anon" | ":immediate" | ":postcomp" | ":method" => {
                            flags.push(f.to_string())
                        }
                        // The flags PIR's `.sub` takes with an argument, which a disassembly
                        // lists without it.
                        ":outer" | ":subid" | ":multi" | ":nsentry" | ":vtable" | ":instanceof" | ":lex" => {
                            flags.push(f.to_string());
                            if line.toks.get(i).map(|t| t.kind) == Some(Some(T::LParen)) {
                                while i < line.toks.len() && line.toks[i].kind != Some(T::RParen) {
                                    i += 1;
                                }
                                i += 1;
                            }
                        }
                        other => self.err(K::Syntax, line.span(t), format!("unknown sub flag '{other}'")),
                    }
                }
                Some(T::Label) => name = Some(line.text(t).trim_end_matches(':').to_string()),
                Some(T::Ident) if name.is_none() => name = Some(line.text(t).to_string()),
                _ => self.err(K::Syntax, line.span(t), format!("unexpected '{}' in .pcc_sub", line.text(t))),
            }
        }
        let Some(name) = name else { return self.err(K::Syntax, span, "expected a sub name: '.pcc_sub name:'") };
        self.finish_sub();
        let start = self.code.ops.len() as u32;
        let shares = |f: &[String]| f.iter().any(|f| f == ":anon" || f == ":multi");
        if !shares(&flags)
            && self.code.subs.iter().any(|s| s.name == name && s.namespace == self.namespace && !shares(&s.flags))
        {
            self.err(K::DuplicateLabel, span, format!("sub '{name}' is defined twice"));
        }
        let namespace = self.namespace.clone();
        self.sub = Some(SubBuild::new(
            SubInfo { name: name.clone(), start, end: start, main, flags, namespace, ..Default::default() },
            false,
        ));
        // The sub's name is also a label at its start.
        if let Some(s) = self.sub.as_mut() {
            s.labels.insert(name, start);
        }
    }

    fn macro_def(&mut self, line: Line) {
        let span = line.span(&line.toks[0]);
        let Some(nt) = line.toks.get(1) else { return self.err(K::Macro, span, "expected '.macro NAME(params)'") };
        let name = line.text(nt).to_string();
        let mut params = Vec::new();
        for t in &line.toks[2..] {
            match t.kind {
                Some(T::Ident) => params.push(line.text(t).to_string()),
                Some(T::LParen | T::RParen | T::Comma) => {}
                _ => self.err(K::Macro, line.span(t), format!("unexpected '{}' in macro parameters", line.text(t))),
            }
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
        let Some(end) = end else { return self.err(K::Macro, span, format!("macro '{name}' has no '.endm'")) };
        let body = s.text.get(body_start.min(end)..end).unwrap_or("").to_string();
        self.macros.insert(name, Macro { params, body });
    }

    fn expand_macro(&mut self, line: &Line, name: &str, m: Macro) {
        let span = line.span(&line.toks[0]);
        if line.depth + 1 > MAX_NESTING {
            return self.err(K::Macro, span, format!("macros nested too deep (limit {MAX_NESTING})"));
        }
        // Arguments: comma-separated token runs inside the parentheses.
        let mut args: Vec<String> = Vec::new();
        let mut cur = String::new();
        let mut depth = 0;
        for t in &line.toks[1..] {
            match t.kind {
                Some(T::LParen) if depth == 0 => depth = 1,
                Some(T::RParen) if depth == 1 => {
                    depth = 0;
                    if !cur.trim().is_empty() {
                        args.push(std::mem::take(&mut cur));
                    }
                }
                Some(T::Comma) if depth == 1 => args.push(std::mem::take(&mut cur)),
                _ => {
                    cur.push_str(line.text(t));
                    cur.push(' ');
                }
            }
        }
        if args.len() != m.params.len() {
            return self.err(
                K::Macro,
                span,
                format!("macro '{name}' takes {} arguments, {} given", m.params.len(), args.len()),
            );
        }
        let mut body = m.body.clone();
        for (p, a) in m.params.iter().zip(&args) {
            body = replace_word(&body, &format!(".{p}"), a.trim());
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
        });
    }
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
